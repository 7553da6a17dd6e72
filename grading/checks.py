"""Rubric-style checks: each passes quietly or fails with a message a student can act on.

A failed check raises :class:`CheckFailed`, an ``AssertionError``, so nbgrader counts the
test cell as failed and shows only the message. Messages say what happened and where
to look, in Korean (English with ``SFLAB_LANG=en``).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable
from pathlib import Path

from grading.messages import Message, current_lang
from grading.rules import RULE_NAMES
from grading.runner import RunReport


class CheckFailed(AssertionError):
    """A rubric criterion is not met; ``str()`` gives the message in the current language."""

    def __init__(self, ko: str, en: str) -> None:
        self.message = Message(ko, en)
        super().__init__(self.message.text())

    @property
    def ko(self) -> str:
        """The Korean message."""
        return self.message.ko

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for a failed check: the message and the test cell's line, nothing of the grader.

        A student needs the one Korean sentence that says what to fix, not 40 lines through
        the grader's files and the server's paths. ``SFLAB_TRACEBACK=full`` (for the teacher)
        shows the whole traceback instead.
        """
        if os.environ.get(TRACEBACK_VARIABLE) == "full":
            return traceback.format_exception(self)
        english = current_lang() == "en"
        lines = [f"\x1b[1;31m{'Check failed' if english else '채점 실패'}\x1b[0m: {self.message.text()}"]
        cell = _test_cell_line(self)
        if cell is not None:
            number, code = cell
            where = f"test cell, line {number}" if english else f"시험 셀 {number}행"
            lines.append(f"\x1b[2m({where}: {code})\x1b[0m")
        return lines

    @property
    def en(self) -> str:
        """The English message."""
        return self.message.en


#: Set to ``full`` to see the grader's whole traceback in the notebook (for teachers).
TRACEBACK_VARIABLE = "SFLAB_TRACEBACK"
_GRADER_DIRS = tuple(str(Path(__file__).resolve().parent.parent / name) for name in ("grading", "simulator"))


def _test_cell_line(error: BaseException) -> tuple[int, str] | None:
    """The last line outside the grader's own packages that the error passed: the test cell's call."""
    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        if not frame.filename.startswith(_GRADER_DIRS) and frame.lineno:
            found = (frame.lineno, (frame.line or "").strip())
    return found


def describe_error(error: BaseException) -> tuple[str, str]:
    """A student's exception as (Korean, English) text; an unanswered step says so."""
    if isinstance(error, NotImplementedError):
        return (
            "아직 답을 쓰지 않았습니다: '# 여기에 코드를 작성하세요' 자리에 코드를 쓰고 "
            "raise NotImplementedError()를 지우세요.",
            "Not answered yet: write your code where it says so and delete raise NotImplementedError().",
        )
    return f"{type(error).__name__}: {error}", f"{type(error).__name__}: {error}"


def require(condition: bool, ko: str, en: str) -> None:
    """Fail with the message unless ``condition`` holds."""
    if not condition:
        raise CheckFailed(ko, en)


def expect_plc_running(report: RunReport, what_ko: str, what_en: str) -> None:
    """The program ran to the end without stopping the PLC (no exception, loop or input write).

    Args:
        report: the run.
        what_ko: the program's name in the Korean message (e.g. ``"MaterialCounter"``).
        what_en: the same in English.
    """
    require(
        not report.plc_stopped,
        f"{what_ko} 실행 중 PLC가 멈췄습니다. {report.plc_fault_ko}",
        f"The PLC stopped while running {what_en}. {report.plc_fault_en}",
    )


def expect_parts_made(report: RunReport, minimum: int = 1) -> None:
    """The line ran: at least ``minimum`` parts reached a bin."""
    require(
        report.kpis.produced >= minimum,
        f"라인이 부품을 {report.kpis.produced}개만 만들었습니다 (최소 {minimum}개). "
        "공급기(feeder_on)와 컨베이어 모터가 켜지는지 확인하세요.",
        f"The line produced only {report.kpis.produced} part(s) (at least {minimum}). "
        "Check that feeder_on and the belt motors are switched on.",
    )


def expect_no_violations(report: RunReport, rules: Iterable[str] | None = None) -> None:
    """No rule of ``rules`` (all rules when None) was broken; the message lists the first ones."""
    wanted = set(rules) if rules is not None else set(RULE_NAMES)
    broken = [v for v in report.violations if v.rule in wanted]
    if not broken:
        return
    total = sum(n for rule, n in report.violation_counts.items() if rule in wanted)
    names_ko = ", ".join(sorted({RULE_NAMES[v.rule][0] for v in broken}))
    names_en = ", ".join(sorted({RULE_NAMES[v.rule][1] for v in broken}))
    first = broken[:3]
    raise CheckFailed(
        f"안전·운전 규칙 위반 {total}건 ({names_ko}). 처음 것: " + " / ".join(v.ko for v in first),
        f"{total} rule violation(s) ({names_en}). First: " + " / ".join(v.en for v in first),
    )


def expect_count(label_ko: str, label_en: str, got: int, low: int, high: int, hint: Message) -> None:
    """A counter ended between ``low`` and ``high`` (inclusive), or fail with ``hint``.

    Args:
        label_ko: what was counted, in Korean (``"금속 부품 개수(count_metal)"``).
        label_en: the same in English.
        got: the counter's value.
        low: the smallest right answer.
        high: the largest right answer (larger than ``low`` when a part was still passing).
        hint: where to look when the count is wrong.
    """
    if low <= got <= high:
        return
    right = f"{low}" if low == high else f"{low}~{high}"
    raise CheckFailed(
        f"{label_ko}가 {got}입니다. 맞는 값은 {right}입니다. {hint.ko}",
        f"{label_en} is {got}; the right value is {right}. {hint.en}",
    )
