"""Reading a student's answers: call their function, take a number, take a dictionary — safely.

Every lab's checks do the same three things with what a student wrote, and each must turn a
student's mistake into a message the student can act on, never into a traceback through the
grader:

- :func:`call_student` calls the student's function; an exception becomes a failed check that
  names the function, says what went wrong and which step of the lab to look at;
- :func:`finite_number` accepts any real number (numpy's too) that is finite — a bool is not
  a number here, and NaN is never "close enough" (``abs(nan - 1) > 0.1`` is False, so a check
  comparing NaN with a tolerance would pass it);
- :func:`expect_dict` insists on a dictionary with the keys the lab asks for.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from typing import Any

from grading.checks import CheckFailed, describe_error

#: How an exception is put into words: (Korean, English).
Describer = Callable[[BaseException], tuple[str, str]]


def call_student(function: Any, what: str, step: str | None, *args: Any, describe: Describer = describe_error) -> Any:
    """``function(*args)``; the student's exception becomes a :class:`CheckFailed` naming ``what``.

    Args:
        function: the student's function (or a stand-in for it in the trusted pass).
        what: how the message names it (``"classify(io)"``).
        step: the lab's step to look at (None: the message names no step).
        *args: what the function is called with.
        describe: puts the exception into words (a lab may add its own hints).
    """
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - the student's bug, reported as a failed check
        ko, en = describe(error)
        if step is None:
            raise CheckFailed(f"{what}에서 오류가 났습니다 — {ko}", f"{what} raised an error — {en}") from None
        raise CheckFailed(
            f"{what}에서 오류가 났습니다 — {ko} ({step}단계)", f"{what} raised — {en} (step {step})"
        ) from None


def finite_number(value: Any) -> float | None:
    """``value`` as a float when it is a finite real number (numpy's too, not a bool, not NaN), else None."""
    if isinstance(value, bool) or type(value).__name__ == "bool_" or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def expect_dict(got: Any, keys: Sequence[str], what: str, step: str) -> dict[str, Any]:
    """``got`` when it is a dictionary with every one of ``keys``; else a failed check saying so."""
    if not isinstance(got, dict) or any(key not in got for key in keys):
        raise CheckFailed(
            f"{what}가 {got!r:.160}을(를) 돌려주었습니다. 키가 {list(keys)}인 딕셔너리를 돌려주세요 ({step}단계).",
            f"{what} returned {got!r:.160}; return a dict with the keys {list(keys)} (step {step}).",
        )
    return got
