"""Cheats on the notebook itself, for :mod:`tests.labs.adversarial`: test cells deleted, edited, re-typed.

Each ``tamper(nb, test_ids)`` edits ``nb`` in place and returns the grade ids it changed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from nbformat import NotebookNode


# ---------------------------------------------------------------- structural cheats
def meta(cell: NotebookNode) -> dict:
    found = cell.get("metadata", {}).get("nbgrader", {})
    return found if isinstance(found, dict) else {}


def _tests(nb: NotebookNode, test_ids: list[str]) -> list[NotebookNode]:
    return [cell for cell in nb.cells if meta(cell).get("grade_id") in test_ids]


def _restorable(nb: NotebookNode, cell: NotebookNode) -> bool:
    """Whether nbgrader can put ``cell`` back once deleted: the nbgrader cell before it is an answer or a test.

    nbgrader's ``OverwriteCells.add_missing_grade_cells`` puts a deleted test cell back after
    the nbgrader cell before it, and crashes (KeyError) when that one is a text or setup cell.
    """
    index = next(i for i, c in enumerate(nb.cells) if c is cell)
    before = [c for c in nb.cells[:index] if meta(c).get("grade_id")]
    return bool(before) and bool(meta(before[-1]).get("grade") or meta(before[-1]).get("solution"))


def each_test(change: Callable[[NotebookNode], None]) -> Callable[[NotebookNode, list[str]], list[str]]:
    def tamper(nb: NotebookNode, test_ids: list[str]) -> list[str]:
        cells = _tests(nb, test_ids)
        for cell in cells:
            change(cell)
        return [str(meta(cell).get("grade_id")) for cell in cells] if cells else []

    return tamper


def delete(restorable: bool) -> Callable[[NotebookNode, list[str]], list[str]]:
    def tamper(nb: NotebookNode, test_ids: list[str]) -> list[str]:
        doomed = [cell for cell in _tests(nb, test_ids) if _restorable(nb, cell) == restorable]
        nb.cells = [cell for cell in nb.cells if all(cell is not d for d in doomed)]
        return [meta(cell)["grade_id"] for cell in doomed]

    return tamper


def rename(nb: NotebookNode, test_ids: list[str]) -> list[str]:
    cells = _tests(nb, test_ids)
    for cell in cells:
        cell.metadata.nbgrader["grade_id"] += "_mine"
    return [meta(cell)["grade_id"].removesuffix("_mine") for cell in cells]


def edit(cell: NotebookNode) -> None:
    cell.source = "pass"


def raise_points(cell: NotebookNode) -> None:
    cell.metadata.nbgrader["points"] = 100


def ungrade(cell: NotebookNode) -> None:
    cell.metadata.nbgrader["grade"] = False


def as_solution(cell: NotebookNode) -> None:
    cell.metadata.nbgrader["solution"] = True
    cell.metadata.nbgrader["locked"] = False


def to_markdown(cell: NotebookNode) -> None:
    cell.cell_type = "markdown"
    cell.pop("outputs", None)
    cell.pop("execution_count", None)


def duplicate(before: bool) -> Callable[[NotebookNode, list[str]], list[str]]:
    def tamper(nb: NotebookNode, test_ids: list[str]) -> list[str]:
        cells, copied = [], []
        for cell in nb.cells:
            if meta(cell).get("grade_id") in test_ids:
                fake = copy.deepcopy(cell)
                fake.source = "pass"
                if "id" in fake:  # nbformat 4.5 cell ids are unique
                    fake["id"] = f"{fake['id']}-copy"[-64:]
                cells += [fake, cell] if before else [cell, fake]
                copied.append(meta(cell)["grade_id"])
            else:
                cells.append(cell)
        nb.cells = cells
        return copied

    return tamper
