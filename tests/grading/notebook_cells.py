"""Run a lab notebook's cells without nbgrader: the model answers, the released stubs or a wrong answer.

The check tests of each lab (``test_lXX_checks.py``) use these to grade answers directly and fast;
``tests/labs`` grades the same notebooks through the real nbgrader commands.

:class:`LabNotebook` grades an answer with the notebook's own test cells (visible and hidden
tests, as nbgrader runs them), one check call at a time, so a test can say which checks of a
criterion an answer passes and what the first failing one tells the student.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from nbformat import NotebookNode

from grading.checks import CheckFailed
from grading.course.build import CODE_STUB
from grading.course.submissions import read
from grading.feedback import BEGIN_HIDDEN, END_HIDDEN, is_test_cell

_SOLUTION = re.compile(r"^([ \t]*)### BEGIN SOLUTION\n.*?### END SOLUTION[ \t]*\n", re.MULTILINE | re.DOTALL)

#: What every check says about an answer cell still holding its released stub.
NOT_ANSWERED = "아직 답을 쓰지 않았습니다"


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


# ---------------------------------------------------------------- grading with the notebook's test cells
@dataclass(frozen=True)
class TestCheck:
    """One statement of a test cell after its imports: a check call, visible or hidden."""

    __test__ = False  # not a pytest test class

    criterion: str
    line: int
    source: str
    hidden: bool
    node: ast.stmt


@dataclass(frozen=True)
class Fails:
    """An expected failure: regular expressions searched in the Korean (and the English) message."""

    ko: str
    en: str | None = None

    def matches(self, failed: CheckFailed) -> bool:
        """Whether ``failed`` says what is expected, in both languages."""
        return bool(re.search(self.ko, failed.message.ko)) and (
            self.en is None or bool(re.search(self.en, failed.message.en))
        )


#: An expected pass of one check.
PASSES = None
#: Expected outcome of one check: :data:`PASSES` or :class:`Fails`.
Outcome = Fails | None


@dataclass(frozen=True)
class Graded:
    """A criterion's test cell run on one answer, check by check."""

    criterion: str
    checks: tuple[TestCheck, ...]
    failed: tuple[CheckFailed | None, ...]

    @property
    def passed(self) -> bool:
        """Whether nbgrader would give the criterion's points (every check passed)."""
        return not any(self.failed)

    @property
    def cell_error(self) -> CheckFailed | None:
        """What the student sees under the test cell: the first failed check (None when the cell passed)."""
        return next((failed for failed in self.failed if failed is not None), None)

    def report(self) -> str:
        """One line per check: visible or hidden, its call, and how it went."""
        lines = []
        for check, failed in zip(self.checks, self.failed, strict=True):
            verdict = "passed" if failed is None else f"FAILED: {failed.message.ko} | {failed.message.en}"
            lines.append(f"  {'hidden ' if check.hidden else 'visible'} {check.source}\n      {verdict}")
        return f"{self.criterion}:\n" + "\n".join(lines)

    def expect(self, outcomes: Sequence[Outcome]) -> None:
        """Assert each check's outcome: :data:`PASSES`, or :class:`Fails` with the message it must say."""
        assert len(outcomes) == len(self.checks), (
            f"{self.criterion} has {len(self.checks)} checks, the test expects {len(outcomes)}\n{self.report()}"
        )
        for check, failed, outcome in zip(self.checks, self.failed, outcomes, strict=True):
            where = f"line {check.line} of {self.criterion} ({check.source})\n{self.report()}"
            if outcome is None:
                assert failed is None, f"expected to pass: {where}"
            else:
                assert failed is not None, f"expected to fail saying {outcome}: {where}"
                assert outcome.matches(failed), f"expected the message to say {outcome}: {where}"


class LabNotebook:
    """A lab's source notebook: its cells run as the kernel would, its test cells split into checks."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cells: list[NotebookNode] = read(path).cells

    @staticmethod
    def _meta(cell: NotebookNode) -> dict:
        return cell.metadata.get("nbgrader", {})

    def _cell(self, grade_id: str) -> NotebookNode:
        for cell in self.cells:
            if self._meta(cell).get("grade_id") == grade_id:
                return cell
        raise KeyError(f"{self.path.name} has no cell {grade_id}")

    def source(self, grade_id: str) -> str:
        """The source of the nbgrader cell ``grade_id`` (a model answer for a solution cell)."""
        return str(self._cell(grade_id).source)

    @property
    def criteria(self) -> list[str]:
        """Grade ids of the autograded test cells, in notebook order."""
        return [self._meta(c)["grade_id"] for c in self.cells if is_test_cell(c)]

    @functools.cache  # noqa: B019 - a notebook object lives as long as its test module
    def checks(self, criterion: str) -> tuple[TestCheck, ...]:
        """The test cell's check statements (every statement but imports), in order."""
        source = self.source(criterion)
        lines = source.splitlines()
        hidden_lines: set[int] = set()
        inside = False
        for number, text in enumerate(lines, start=1):
            if text.strip().startswith(BEGIN_HIDDEN):
                inside = True
            elif text.strip().startswith(END_HIDDEN):
                inside = False
            elif inside:
                hidden_lines.add(number)
        return tuple(
            TestCheck(
                criterion, node.lineno, ast.get_source_segment(source, node) or "", node.lineno in hidden_lines, node
            )
            for node in ast.parse(source).body
            if not isinstance(node, ast.Import | ast.ImportFrom)
        )

    def kernel(self, criterion: str, answers: Mapping[str, str] | None = None, *, blank: bool = False) -> dict:
        """The kernel's namespace when the test cell ``criterion`` runs.

        The setup (locked) cells and the answer cells before it run in order; the demo cells
        do not, as in the trusted pass. An answer cell named in ``answers`` (grade id → code)
        holds that code; the others hold the model answer, or the released stub when ``blank``.
        A cell stopping at the top level with a stub's ``NotImplementedError`` is passed over,
        as the kernel goes on after a failed cell.
        """
        answers = dict(answers or {})
        unknown = set(answers) - {self._meta(c).get("grade_id") for c in self.cells if self._meta(c).get("solution")}
        assert not unknown, f"{self.path.name} has no answer cells {sorted(unknown)}"
        namespace: dict = {"__name__": "__main__"}
        for cell in self.cells:
            meta = self._meta(cell)
            grade_id = meta.get("grade_id")
            if grade_id == criterion:
                return namespace
            if cell.cell_type != "code" or is_test_cell(cell) or not (meta.get("solution") or meta.get("locked")):
                continue  # markdown, other criteria's tests, demo cells
            model = grade_id not in answers and not (blank and meta.get("solution"))
            source = cell.source if model else answers.get(grade_id, released(cell.source))
            try:
                exec(compile(source, f"<{grade_id}>", "exec"), namespace)  # noqa: S102 - the lab's or a student's cell
            except NotImplementedError:
                if model:
                    raise
        raise KeyError(f"{self.path.name} has no test cell {criterion}")

    def grade(self, criterion: str, answers: Mapping[str, str] | None = None, *, blank: bool = False) -> Graded:
        """Run the test cell ``criterion`` on the answers (see :meth:`kernel`), each check on its own.

        The cell's imports run first; then every check call, one after the other, each
        failure recorded (nbgrader stops at the first: :attr:`Graded.cell_error`). An error
        that is not a :class:`CheckFailed` (a check that crashed) is raised.
        """
        namespace = self.kernel(criterion, answers, blank=blank)
        source = self.source(criterion)
        checks = self.checks(criterion)
        body = [node for node in ast.parse(source).body if isinstance(node, ast.Import | ast.ImportFrom)]
        exec(compile(ast.Module(body=body, type_ignores=[]), f"<{criterion}>", "exec"), namespace)  # noqa: S102
        failed: list[CheckFailed | None] = []
        for check in checks:
            code = compile(ast.Module(body=[check.node], type_ignores=[]), f"<{criterion}>", "exec")
            try:
                exec(code, namespace)  # noqa: S102 - the teacher's test cell
            except CheckFailed as error:
                failed.append(error)
            else:
                failed.append(None)
        return Graded(criterion, checks, tuple(failed))


def edit(source: str, old: str, new: str) -> str:
    """``source`` with ``old`` replaced by ``new``, which must be there (a changed model answer fails loudly)."""
    assert old in source, f"{old!r} is not in\n{source}"
    return source.replace(old, new)


#: The kinds of answer every criterion of a lab is tested with.
KINDS = ("correct", "blank", "partly right", "cheating")


@dataclass(frozen=True)
class Answer:
    """An answer to one criterion and what each check of its test cell must say about it.

    ``answers`` maps answer cells (grade id) to the code handed in; the other cells keep the
    model answer, or the released stub when ``blank``. It may be a function of the notebook
    giving that map, for an answer that needs a run to be written (a cheat copying numbers).
    """

    criterion: str
    kind: str  # one of KINDS
    name: str
    answers: Mapping[str, str] | Callable[[LabNotebook], Mapping[str, str]]
    expect: tuple[Outcome, ...]
    blank: bool = False

    @property
    def id(self) -> str:
        """The pytest id: criterion, kind and name."""
        return f"{self.criterion}-{self.kind}-{self.name}".replace(" ", "_")

    def check(self, lab: LabNotebook) -> Graded:
        """Grade the answer with the lab's test cell and assert every check's outcome."""
        answers = self.answers(lab) if callable(self.answers) else self.answers
        graded = lab.grade(self.criterion, answers, blank=self.blank)
        graded.expect(self.expect)
        return graded


def model_and_blank(lab: LabNotebook, criterion: str) -> list[Answer]:
    """The model answers pass every check of ``criterion``; the released stubs fail every one saying so."""
    count = len(lab.checks(criterion))
    return [
        Answer(criterion, "correct", "model", {}, (PASSES,) * count),
        Answer(criterion, "blank", "stub", {}, (Fails(NOT_ANSWERED),) * count, blank=True),
    ]


def missing_kinds(lab: LabNotebook, answers: Sequence[Answer]) -> dict[str, list[str]]:
    """Criterion → the :data:`KINDS` of answer ``answers`` lacks for it (empty when every criterion has all)."""
    missing = {}
    for criterion in lab.criteria:
        kinds = {answer.kind for answer in answers if answer.criterion == criterion}
        assert kinds <= set(KINDS), f"{criterion}: unknown kinds {sorted(kinds - set(KINDS))}"
        if lacking := [kind for kind in KINDS if kind not in kinds]:
            missing[criterion] = lacking
    return missing
