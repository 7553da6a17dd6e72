"""Every lab's own test cells, run on its model answers and on its released stubs (no nbgrader).

One parametrized test for all labs, driven by the notebooks themselves: a new lab adds its
notebook, not a copied test file. For each criterion (each autograded test cell, hidden tests
included) of each lab of the common track:

- the setup cells and the model answers, then the whole test cell: it must pass;
- the setup cells and the released stubs, then the test cell: it must fail with the check's
  "not answered yet" message — a blank answer earns nothing and is told so in Korean.

The demo cells (the plant shown, a chart) do not run, as in the trusted pass.
``tests/labs`` grades the same notebooks through the real nbgrader commands.
"""

from __future__ import annotations

import functools

import pytest
from nbformat import NotebookNode

from curriculum import load_track, notebook_path
from grading.checks import CheckFailed
from grading.course.submissions import read
from grading.feedback import is_test_cell
from tests.grading.notebook_cells import released

TRACK = load_track("common")
#: What every check says about an answer cell still holding its released stub.
NOT_ANSWERED = "아직 답을 쓰지 않았습니다"


def _criteria() -> list[tuple[str, str]]:
    return [
        (lab.id, cell.metadata["nbgrader"]["grade_id"])
        for lab in TRACK.labs
        for cell in _cells(lab.id)
        if is_test_cell(cell)
    ]


@functools.cache
def _cells(lab_id: str) -> list[NotebookNode]:
    """The source notebook's cells, read once per lab (nothing here changes them)."""
    return read(notebook_path(TRACK.lab(lab_id))).cells


def _namespace(lab_id: str, criterion: str, *, stubs: bool) -> dict:
    """The kernel after the setup and answer cells that come before ``criterion``'s test cell."""
    namespace: dict = {"__name__": "__main__"}
    for cell in _cells(lab_id):
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade_id") == criterion:
            return namespace
        if cell.cell_type != "code" or is_test_cell(cell) or not (meta.get("solution") or meta.get("locked")):
            continue  # markdown, other criteria's tests, demo cells
        source = released(cell.source) if stubs and meta.get("solution") else cell.source
        try:
            exec(compile(source, f"<{meta['grade_id']}>", "exec"), namespace)  # noqa: S102 - the lab's own cell
        except NotImplementedError:
            if not stubs:
                raise  # a released stub stops at the top level only in the stub run
    raise AssertionError(f"{lab_id} has no test cell {criterion}")


def _run_test_cell(lab_id: str, criterion: str, namespace: dict) -> None:
    cell = next(c for c in _cells(lab_id) if c.metadata.get("nbgrader", {}).get("grade_id") == criterion)
    exec(compile(cell.source, f"<{criterion}>", "exec"), namespace)  # noqa: S102 - the teacher's test cell


CRITERIA = _criteria()
IDS = [f"{lab_id}-{criterion}" for lab_id, criterion in CRITERIA]


@pytest.mark.parametrize(("lab_id", "criterion"), CRITERIA, ids=IDS)
def test_the_model_answers_pass_the_whole_test_cell(lab_id, criterion):
    _run_test_cell(lab_id, criterion, _namespace(lab_id, criterion, stubs=False))


@pytest.mark.parametrize(("lab_id", "criterion"), CRITERIA, ids=IDS)
def test_the_released_stubs_fail_saying_not_answered(lab_id, criterion):
    with pytest.raises(CheckFailed) as failed:
        _run_test_cell(lab_id, criterion, _namespace(lab_id, criterion, stubs=True))
    assert NOT_ANSWERED in str(failed.value), str(failed.value)


def test_every_lab_of_the_track_has_criteria_here():
    assert {lab_id for lab_id, _ in CRITERIA} == {lab.id for lab in TRACK.labs}
