"""The trusted grading pass: every automatic point decided where the student's code never ran.

Why: in ``nbgrader autograde`` a score is "the test cell ran in the student's kernel without
an error". Everything in that kernel — the IPython shell, its messages to nbgrader, the
builtins, the imported modules — belongs to the student's code once it has run, so one
extra line in an answer cell can make every test cell "pass". Protecting the grading
modules inside the kernel cannot fix that; the score has to be decided somewhere else.

This pass decides it somewhere else:

1. **answers from the submission, tests from the teacher** — the answer cells are taken
   from the submitted notebook, every other code cell (setup and test cells, hidden tests
   included) from the teacher's source notebook. The student's copy of a test cell is never
   read here;
2. **the student's code in a process of its own** (:mod:`grading.student_process`), in the
   sandbox (:mod:`grading.sandbox`), which only answers calls over a pipe with plain data
   (:mod:`grading.wire`);
3. **the checks in the grader** — each test cell runs here, unchanged, with stand-ins for
   the student's functions and classes (:mod:`grading.remote`); the plant, the checks and the
   verdict never leave this process;
4. **one verdict per criterion** (:class:`Verdict`), which :mod:`grading.trusted_nbgrader`
   writes into the graded notebook, so the gradebook records it.
"""

from __future__ import annotations

import builtins
import re
import time
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

import simulator as simulator_package
from grading.checks import CheckFailed, describe_error
from grading.remote import RemoteSession
from grading.student_process import AnswerCell, StudentGone, StudentProcess

#: Prefix of the file names test cells are compiled with in the grader.
TEST_FILE_PREFIX = "<시험 "


@dataclass(frozen=True)
class Verdict:
    """The trusted pass's decision on one criterion (one autograded test cell)."""

    grade_id: str
    points: float
    passed: bool
    #: What the student reads when it failed (Korean, English); empty when it passed.
    ko: str = ""
    en: str = ""
    #: The full story for the teacher (the grader's traceback and the student's), never shown to students.
    detail: str = ""
    #: Wall-clock seconds the criterion took.
    seconds: float = 0.0


@dataclass(frozen=True)
class TestCell:
    """A teacher's test cell: grade id, points, and code (hidden tests included)."""

    grade_id: str
    points: float
    source: str


def nbgrader_meta(cell: NotebookNode) -> dict[str, Any]:
    """A cell's nbgrader metadata (grade id, grade, solution, points), or {} when it has none or it is not a dict."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def split_source(source_nb: NotebookNode) -> tuple[list[tuple[str, str | None]], list[TestCell]]:
    """The teacher's notebook as (code cells the student's process runs, test cells the grader runs).

    The first list has ``(grade_id, source)`` for a given setup cell and ``(grade_id, None)``
    for an answer cell, whose code comes from the submission.
    """
    runs: list[tuple[str, str | None]] = []
    tests: list[TestCell] = []
    for index, cell in enumerate(source_nb.cells):
        if cell.cell_type != "code":
            continue
        meta = nbgrader_meta(cell)
        grade_id = str(meta.get("grade_id", f"cell-{index}"))
        if meta.get("solution"):
            runs.append((grade_id, None))
        elif meta.get("grade"):
            tests.append(TestCell(grade_id, float(meta.get("points", 0)), cell.source))
        elif meta.get("locked"):
            runs.append((grade_id, cell.source))
    return runs, tests


def answer_cells(source_nb: NotebookNode, submission: NotebookNode) -> list[AnswerCell]:
    """Setup cells from the teacher's notebook, answer cells and the student's own cells from the submission.

    An answer cell is found in the submission by its grade id (the first code cell with it);
    a missing one is skipped, so the names it should define are simply not there. A code cell
    the student added (no grading metadata, a cell id the teacher's notebook does not have: a
    helper written in a cell of its own) runs right after the setup or answer cell it follows
    in the submission. The teacher's demonstration cells do not run: they only show the plant.
    """
    answers: dict[str, str] = {}
    added: dict[str | None, list[AnswerCell]] = {}
    teacher_ids = {cell.get("id") for cell in source_nb.cells}
    runs, _ = split_source(source_nb)
    run_ids = {grade_id for grade_id, _ in runs}
    after: str | None = None  # the setup or answer cell the next added cell follows
    for index, cell in enumerate(submission.cells):
        if cell.cell_type != "code":
            continue
        grade_id = nbgrader_meta(cell).get("grade_id")
        text = cell.source if isinstance(cell.source, str) else "".join(cell.source)
        if isinstance(grade_id, str) and grade_id in run_ids:
            answers.setdefault(grade_id, text)
            after = grade_id
        elif not nbgrader_meta(cell) and cell.get("id") not in teacher_ids and text.strip():
            added.setdefault(after, []).append(AnswerCell(f"added-{index}", text))
    cells = []
    first_answer = next((grade_id for grade_id, source in runs if source is None), None)
    for grade_id, source in runs:
        if grade_id == first_answer:
            cells.extend(added.pop(None, []))
        code = source if source is not None else answers.get(grade_id)
        if code is not None:
            cells.append(AnswerCell(grade_id, code))
        cells.extend(added.pop(grade_id, []))
    cells.extend(cell for rest in added.values() for cell in rest)
    return cells


#: A built-in program named in code: ``program="reference"``, ``get_controller('reference', …)``.
_REFERENCE = re.compile(r"""["']reference["']""")


def reference_programs_hidden(lab_sources: Sequence[str]) -> list[Path]:
    """``simulator/controllers``, for the student's process to see empty, unless the lab uses a built-in program.

    The built-in controllers are complete programs for the scenes (the sorting line's,
    with its pushers): an answer ``class Sorter(SortingLineController): pass`` would pass
    L05's sorting check without a line of the student's own. Labs about data, not control,
    run the line with the reference program on purpose — in a setup cell (L06's Modbus
    sorter, L09, L10) or in the model answer (L07 collects its table that way) — and keep it.

    Args:
        lab_sources: the teacher's setup cells and model answers.
    """
    if any("simulator.controllers" in source or _REFERENCE.search(source) for source in lab_sources):
        return []
    return [Path(simulator_package.__file__).resolve().parent / "controllers"]


def grade(
    source_nb: NotebookNode,
    submission: NotebookNode,
    *,
    hidden: Sequence[str | Path] = (),
    only: Iterable[str] | None = None,
) -> list[Verdict]:
    """Decide every autograded criterion of ``submission`` against the teacher's ``source_nb``.

    Args:
        source_nb: the teacher's version (``source/``), with hidden tests.
        submission: the student's notebook (only its answer cells are used).
        hidden: folders the student's process must not see (the course folder).
        only: grade ids to decide (all when None).
    """
    runs, tests = split_source(source_nb)
    wanted = set(only) if only is not None else None
    setup = [source for _, source in runs if source is not None]
    model_answers = [c.source for c in source_nb.cells if c.cell_type == "code" and nbgrader_meta(c).get("solution")]
    hidden = [*hidden, *reference_programs_hidden([*setup, *model_answers])]
    process = StudentProcess(answer_cells(source_nb, submission), hidden=hidden)
    verdicts = []
    try:
        try:
            process.start()
        except StudentGone:
            pass  # every criterion fails below with the same message
        with RemoteSession(process) as session:
            for test in tests:
                if wanted is None or test.grade_id in wanted:
                    verdicts.append(_run_test(session, test))
    finally:
        process.close()
    return verdicts


def _run_test(session: RemoteSession, test: TestCell) -> Verdict:
    started = time.monotonic()
    namespace: dict[str, Any] = {"__builtins__": builtins, "__name__": "__main__"}
    if session.process.alive or session.process.started.names:
        namespace.update(session.names())
    filename = f"{TEST_FILE_PREFIX}{test.grade_id}>"
    try:
        exec(compile(test.source, filename, "exec"), namespace)  # noqa: S102 - the teacher's own test cell
    except BaseException as error:  # noqa: BLE001 - every failure is this criterion's zero
        if isinstance(error, KeyboardInterrupt):
            raise
        ko, en = failure_text(error)
        return Verdict(
            test.grade_id,
            test.points,
            False,
            ko,
            en,
            detail=_detail(error, session),
            seconds=time.monotonic() - started,
        )
    return Verdict(test.grade_id, test.points, True, seconds=time.monotonic() - started)


def failure_text(error: BaseException) -> tuple[str, str]:
    """What a student reads for a failed criterion (the same words a check says in the kernel)."""
    if isinstance(error, CheckFailed):
        return error.ko, error.en
    if isinstance(error, AssertionError) and hasattr(error, "ko"):
        return str(error.ko), str(getattr(error, "en", error.ko))
    if isinstance(error, NameError):
        name = getattr(error, "name", None) or str(error)
        return (
            f"'{name}'이(가) 정의되지 않았습니다. 답안 셀(# 여기에 코드를 작성하세요)에 정의했는지, "
            "이름을 바꾸지 않았는지 보세요.",
            f"'{name}' is not defined. Define it in its answer cell, with the name the lab gives.",
        )
    ko, en = describe_error(error)
    return f"채점 중 오류 — {ko}", f"Error while checking — {en}"


def _detail(error: BaseException, session: RemoteSession) -> str:
    parts = ["".join(traceback.format_exception(error))]
    student = getattr(error, "student_traceback", "")
    if student:
        parts.append("학생 프로세스의 traceback / the student's process:\n" + student)
    for failed in session.process.started.errors:
        err = failed.get("error", {})
        parts.append(f"답안 셀 {failed.get('cell')} 실행 오류: {err.get('type')}: {err.get('message')}")
    return "\n".join(parts)[-20000:]
