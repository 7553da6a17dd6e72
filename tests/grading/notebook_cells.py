"""Run a lab notebook's cells without nbgrader: the model answers, the released stubs or a wrong answer.

The check tests of each lab (``test_lXX_checks.py``) use these to grade answers directly and fast;
``tests/labs`` grades the same notebooks through the real nbgrader commands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from grading.checks import CheckFailed
from grading.course import CODE_STUB
from grading.submissions import read

_SOLUTION = re.compile(r"^([ \t]*)### BEGIN SOLUTION\n.*?### END SOLUTION[ \t]*\n", re.MULTILINE | re.DOTALL)

#: One check of a criterion, called on the namespace the cells left behind.
Check = Callable[[dict], object]


def released(source: str) -> str:
    """A solution cell as students get it: the answer replaced by the code stub, at its indentation."""
    return _SOLUTION.sub(lambda m: "".join(f"{m.group(1)}{line}\n" for line in CODE_STUB.splitlines()), source + "\n")


def notebook_cells(path: Path) -> dict[str, str]:
    """Grade id → source of every nbgrader cell of the source notebook at ``path``."""
    nb = read(path)
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells if "nbgrader" in c.metadata}


def run_cells(setup: str, *codes: str, keep_stubs: bool = False) -> dict:
    """The kernel's namespace after the ``setup`` cell and the answer cells ``codes``, in order.

    With ``keep_stubs`` a cell that stops at the top level with its released stub
    (``NotImplementedError``) is passed over, as the kernel goes on after a failed cell.
    """
    ns: dict = {}
    exec(compile(setup, "<setup>", "exec"), ns)  # noqa: S102 - the notebook's own cell
    for number, code in enumerate(codes):
        try:
            exec(compile(code, f"<answer {number}>", "exec"), ns)  # noqa: S102 - the student's cell
        except NotImplementedError:
            if not keep_stubs:
                raise
    return ns


def failures(checks: Iterable[Check], ns: dict, *, first_only: bool = False) -> list[str]:
    """Messages of the ``checks`` that failed on ``ns`` (only the first one when ``first_only``)."""
    messages = []
    for check in checks:
        try:
            check(ns)
        except CheckFailed as failed:
            messages.append(str(failed))
            if first_only:
                break
    return messages
