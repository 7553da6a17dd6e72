"""Make student submissions in code: the released notebook with answers filled in.

Used by the tests and by ``sflab bench grade`` to grade prepared work — right, partly
right, blank and hostile — through the real nbgrader pipeline.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from pathlib import Path

import nbformat
from nbformat import NotebookNode

_SOLUTION_MARKERS = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n", re.MULTILINE)


def read(path: str | Path) -> NotebookNode:
    """Read a notebook."""
    return nbformat.read(str(path), as_version=4)


def cell_by_id(nb: NotebookNode, grade_id: str) -> NotebookNode:
    """The cell whose nbgrader grade id is ``grade_id``.

    Raises:
        KeyError: when there is no such cell.
    """
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return cell
    raise KeyError(grade_id)


def source_answers(source_nb: NotebookNode) -> dict[str, str]:
    """The model answers of a source notebook: solution grade id → code (markers removed)."""
    return {
        cell.metadata["nbgrader"]["grade_id"]: _SOLUTION_MARKERS.sub("", cell.source + "\n").rstrip("\n")
        for cell in source_nb.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }


def fill(
    released: NotebookNode,
    answers: Mapping[str, str],
    *,
    replace: Mapping[str, str] | None = None,
    delete: tuple[str, ...] = (),
) -> NotebookNode:
    """A copy of ``released`` as a student would hand it in.

    Args:
        released: the notebook students got.
        answers: solution grade id → the student's code for that cell.
        replace: any grade id → new source (e.g. a test cell edited by the student).
        delete: grade ids of cells the student deleted.
    """
    nb = copy.deepcopy(released)
    for grade_id, source in {**answers, **(replace or {})}.items():
        cell_by_id(nb, grade_id).source = source.strip("\n")
    for grade_id in delete:
        nb.cells.remove(cell_by_id(nb, grade_id))
    return nb


def submit(course_dir: str | Path, student: str, assignment: str, nb: NotebookNode, name: str) -> Path:
    """Put ``nb`` where nbgrader expects a submission: ``submitted/<student>/<assignment>/<name>.ipynb``."""
    folder = Path(course_dir) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, str(path))
    return path
