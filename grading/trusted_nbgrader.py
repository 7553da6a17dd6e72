"""The trusted pass inside nbgrader: a preprocessor between the notebook's run and the gradebook.

Every course built by ``sflab course build`` lists :class:`TrustedGrading` in its
``nbgrader_config.py`` (``c.Autograde.autograde_preprocessors``), right before nbgrader's
``SaveAutoGrades``. So the trusted verdict is what the gradebook records however the teacher
grades: ``sflab grade autograde``, plain ``nbgrader autograde``, or the formgrader's button.

For one notebook it

1. runs :func:`grading.trusted.grade` with the student's answer cells from ``submitted/``
   and the teacher's ``source/`` notebook;
2. notes what the notebook's own run said for each test cell (``determine_grade``, as
   nbgrader would have scored it) and whether a test cell was deleted, edited or had its
   nbgrader metadata changed;
3. puts the teacher's test cells back (one per criterion, with the source's metadata) and
   gives each one output: ``✔`` when the trusted pass passed it, the Korean message as an
   error when it failed — so nbgrader's own ``SaveAutoGrades`` records the trusted score;
4. writes a :class:`~grading.trusted_record.Record` with the flags for the teacher.

The answer cells keep the outputs of the notebook's own run (charts, prints), which is what
the student sees in feedback.

:class:`RestoreTestCells` runs earlier, among nbgrader's sanitising steps: it puts the teacher's
test cells back where they belong before nbgrader's ``OverwriteCells`` looks at them, so a
notebook whose test cell was deleted, renamed, duplicated or re-labelled is graded (zero where
the answers earn zero, and flagged) instead of failing the whole autograde.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import determine_grade

from grading.messages import current_lang
from grading.sandbox import EXCHANGE_DIR
from grading.trusted import Verdict, grade, nbgrader_meta
from grading.trusted_record import Criterion, Flag, Record, disagreement, write_record

_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS\n?", re.S)
#: nbgrader metadata keys a student must not change on a test cell.
GUARDED_KEYS = ("grade", "grade_id", "points", "solution", "locked")


class RestoreTestCells(NbGraderPreprocessor):
    """Before nbgrader's ``OverwriteCells``: exactly the teacher's test cells, each after its own answer."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        """Put the source's test cells back into ``nb`` (the flags come later, from ``submitted/``)."""
        coursedir = CourseDirectory(config=self.config)
        source_path = _path(coursedir, coursedir.source_directory, ".", resources["nbgrader"])
        source_nb = nbformat.read(source_path, as_version=4)
        nb.cells = restored_tests(nb.cells, source_nb)
        return nb, resources


def restored_tests(cells: list[NotebookNode], source_nb: NotebookNode) -> list[NotebookNode]:
    """``cells`` without any cell claiming a test's grade id or unknown grading, plus the teacher's tests.

    Each test cell goes right after the nearest cell before it in the teacher's notebook that
    the submission still has (its answer cell, as a rule); at the end when there is none. A
    cell is recognised by its grade id, or by its cell id when it has none (a demo cell).
    """
    tests = _source_tests(source_nb)
    known = {nbgrader_meta(c).get("grade_id") for c in source_nb.cells if nbgrader_meta(c)}
    kept = []
    for cell in cells:
        meta = nbgrader_meta(cell)
        grade_id = meta.get("grade_id")
        if grade_id in tests:
            continue
        if meta and grade_id not in known:  # a grade cell the teacher never wrote
            cell = copy.deepcopy(cell)
            cell.metadata.pop("nbgrader", None)
        kept.append(cell)
    for index, source in enumerate(source_nb.cells):
        grade_id = nbgrader_meta(source).get("grade_id")
        if grade_id not in tests:
            continue
        at = len(kept)
        keys = [_identity(c) for c in kept]
        for before in reversed(source_nb.cells[:index]):
            key = _identity(before)
            if key is not None and key in keys:
                at = keys.index(key) + 1
                break
        restored = copy.deepcopy(source)
        restored.outputs = []
        kept.insert(at, restored)
    return kept


class TrustedGrading(NbGraderPreprocessor):
    """Decide every autograded cell in the trusted pass and make the notebook say so."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        """Grade ``nb`` in the trusted pass and write the verdicts into its test cells."""
        info = resources["nbgrader"]
        coursedir = CourseDirectory(config=self.config)
        root = Path(coursedir.root).resolve()
        source_nb = nbformat.read(_path(coursedir, coursedir.source_directory, ".", info), as_version=4)
        submitted_path = _path(coursedir, coursedir.submitted_directory, info["student"], info)
        submitted = nbformat.read(submitted_path, as_version=4) if submitted_path.is_file() else nb
        verdicts = grade(source_nb, submitted, hidden=[root, EXCHANGE_DIR])
        kernel = kernel_verdicts(nb)
        flags = tampering(source_nb, submitted)
        criteria = []
        for verdict in verdicts:
            flag = disagreement(verdict.grade_id, kernel.get(verdict.grade_id), verdict.passed)
            if flag is not None:
                flags.append(flag)
            criteria.append(
                Criterion(
                    verdict.grade_id,
                    verdict.points,
                    verdict.points if verdict.passed else 0.0,
                    kernel.get(verdict.grade_id),
                    verdict.ko,
                    verdict.en,
                    verdict.detail,
                )
            )
            if not verdict.passed:
                self.log.info("trusted pass: %s failed: %s", verdict.grade_id, verdict.en)
        for flag in flags:
            self.log.warning("⚑ %s", flag.en)
        nb.cells = with_trusted_tests(nb.cells, source_nb, verdicts)
        write_record(root, Record(info["student"], info["assignment"], info["notebook"], criteria, flags))
        return nb, resources


def _path(coursedir: CourseDirectory, step: str, student: str, info: dict[str, Any]) -> Path:
    folder = coursedir.format_path(step, student, info["assignment"])
    return Path(folder) / f"{info['notebook']}.ipynb"


def _identity(cell: NotebookNode) -> tuple[str, str] | None:
    """How a cell is found again in another copy of the notebook: grade id, else cell id, else None."""
    grade_id = nbgrader_meta(cell).get("grade_id")
    if isinstance(grade_id, str) and grade_id:
        return ("grade_id", grade_id)
    cell_id = cell.get("id")
    return ("id", cell_id) if isinstance(cell_id, str) and cell_id else None


def _source_tests(source_nb: NotebookNode) -> dict[str, NotebookNode]:
    return {
        nbgrader_meta(c)["grade_id"]: c
        for c in source_nb.cells
        if c.cell_type == "code" and nbgrader_meta(c).get("grade") and not nbgrader_meta(c).get("solution")
    }


def kernel_verdicts(nb: NotebookNode) -> dict[str, bool]:
    """For each autograded cell in the run notebook: did nbgrader's own rule give it full points?"""
    found: dict[str, bool] = {}
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        grade_id = str(meta.get("grade_id"))
        if grade_id in found:
            continue
        try:
            score, max_score = determine_grade(cell)
        except (KeyError, TypeError, ValueError):
            found[grade_id] = False
            continue
        found[grade_id] = score is not None and float(score) >= float(max_score)
    return found


def tampering(source_nb: NotebookNode, submitted: NotebookNode) -> list[Flag]:
    """Test cells the student deleted, edited (or copied), or whose type or grading metadata changed."""
    flags = []
    claims: dict[str, list[NotebookNode]] = {}
    for cell in submitted.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if isinstance(grade_id, str):
            claims.setdefault(grade_id, []).append(cell)
    for grade_id, source in _source_tests(source_nb).items():
        cells = claims.get(grade_id, [])
        if not cells:
            ko, en = f"{grade_id}: 시험 셀이 지워졌습니다.", f"{grade_id}: the test cell was deleted."
            flags.append(Flag(grade_id, ko, en))
            continue
        if any(_relabelled(cell, source) for cell in cells):
            flags.append(
                Flag(
                    grade_id,
                    f"{grade_id}: 시험 셀의 채점 정보(nbgrader metadata)가 바뀌었습니다.",
                    f"{grade_id}: the test cell's nbgrader metadata was changed.",
                )
            )
        if len(cells) > 1 or _visible(cells[0].source) != _visible(source.source):  # a copy counts as an edit
            ko, en = f"{grade_id}: 시험 셀 코드가 바뀌었습니다.", f"{grade_id}: the test cell's code was edited."
            flags.append(Flag(grade_id, ko, en))
    return flags


def _relabelled(cell: NotebookNode, source: NotebookNode) -> bool:
    mine, teachers = nbgrader_meta(cell), nbgrader_meta(source)
    return cell.cell_type != source.cell_type or any(mine.get(k) != teachers.get(k) for k in GUARDED_KEYS)


def _visible(source: Any) -> str:
    text = source if isinstance(source, str) else "".join(source)
    text = _HIDDEN.sub("", text)
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def with_trusted_tests(
    cells: list[NotebookNode], source_nb: NotebookNode, verdicts: list[Verdict]
) -> list[NotebookNode]:
    """``cells`` with exactly one copy of each teacher's test cell, whose output is the trusted verdict.

    A test cell is replaced by the teacher's (source and metadata); a second cell claiming the
    same grade id, or a graded cell the teacher never wrote, loses its grading metadata; a
    deleted test cell is put back at the end.
    """
    tests = _source_tests(source_nb)
    by_id = {v.grade_id: v for v in verdicts}
    answer_ids = {nbgrader_meta(c).get("grade_id") for c in source_nb.cells if nbgrader_meta(c).get("solution")}
    placed: set[str] = set()
    out = []
    for cell in cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id in tests and grade_id not in placed and cell.cell_type == "code":
            placed.add(grade_id)
            out.append(_trusted_cell(tests[grade_id], by_id.get(grade_id), cell.get("execution_count")))
            continue
        meta = nbgrader_meta(cell)
        if meta and (grade_id in placed or (meta.get("grade") and grade_id not in answer_ids)):
            cell = copy.deepcopy(cell)
            cell.metadata.pop("nbgrader", None)
        out.append(cell)
    for grade_id, source in tests.items():
        if grade_id not in placed:
            out.append(_trusted_cell(source, by_id.get(grade_id), None))
    return out


def _trusted_cell(source: NotebookNode, verdict: Verdict | None, execution_count: Any) -> NotebookNode:
    cell = copy.deepcopy(source)
    cell.execution_count = execution_count
    if verdict is not None and verdict.passed:
        text = "✔ passed (trusted grader)\n" if current_lang() == "en" else "✔ 통과 (채점기 판정)\n"
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
        return cell
    if verdict is None:
        message = "채점기가 이 셀을 판정하지 못했습니다." if current_lang() != "en" else "Not decided by the grader."
    else:
        message = verdict.en if current_lang() == "en" else verdict.ko
    cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue=message, traceback=[message])]
    return cell
