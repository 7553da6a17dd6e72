"""Build nbgrader notebooks in code, so a lab's notebook is reviewable as a Python script.

nbgrader marks its cells with metadata; these helpers make the four kinds a lab uses:

- :func:`markdown` — text (locked with ``grade_id`` so students cannot delete instructions);
- :func:`given_code` — code the student runs but must not change (imports, setup);
- :func:`solution` — the student's answer; the part between ``### BEGIN SOLUTION`` and
  ``### END SOLUTION`` is replaced by the code stub in the released notebook;
- :func:`tests` — an autograded test cell worth ``points``; the part between
  ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS`` is removed from the released
  notebook and put back by nbgrader when grading.

Cell ids are derived from the grade ids, and no outputs are written, so building twice
gives the same file byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode

#: Version of nbgrader's cell metadata these helpers write.
NBGRADER_SCHEMA_VERSION = 3


def _nbgrader(grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float = 0) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": NBGRADER_SCHEMA_VERSION,
        "solution": solution,
        "task": False,
    }
    if grade:
        meta["points"] = points
    return meta


def _cell_id(grade_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", grade_id)[:64]


def markdown(grade_id: str, text: str) -> NotebookNode:
    """A locked markdown cell (instructions)."""
    cell = nbformat.v4.new_markdown_cell(text.strip("\n"), id=_cell_id(grade_id))
    cell.metadata["nbgrader"] = _nbgrader(grade_id, grade=False, solution=False, locked=True)
    cell.metadata["deletable"] = False
    cell.metadata["editable"] = False
    return cell


def given_code(grade_id: str, source: str) -> NotebookNode:
    """A locked code cell the student runs as it is."""
    cell = nbformat.v4.new_code_cell(source.strip("\n"), id=_cell_id(grade_id))
    cell.metadata["nbgrader"] = _nbgrader(grade_id, grade=False, solution=False, locked=True)
    cell.metadata["deletable"] = False
    cell.metadata["editable"] = False
    return cell


def scratch_code(cell_id: str, source: str) -> NotebookNode:
    """A free code cell for trying things out (not graded, not locked)."""
    return nbformat.v4.new_code_cell(source.strip("\n"), id=_cell_id(cell_id))


def solution(grade_id: str, source: str) -> NotebookNode:
    """The student's answer cell (autograded through the test cells that use it)."""
    cell = nbformat.v4.new_code_cell(source.strip("\n"), id=_cell_id(grade_id))
    cell.metadata["nbgrader"] = _nbgrader(grade_id, grade=False, solution=True, locked=False)
    return cell


def tests(grade_id: str, points: float, source: str) -> NotebookNode:
    """An autograded test cell: all ``points`` when it runs without error, else 0."""
    cell = nbformat.v4.new_code_cell(source.strip("\n"), id=_cell_id(grade_id))
    cell.metadata["nbgrader"] = _nbgrader(grade_id, grade=True, solution=False, locked=True, points=points)
    cell.metadata["deletable"] = False
    cell.metadata["editable"] = False
    return cell


def notebook(cells: list[NotebookNode], lab: dict[str, Any]) -> NotebookNode:
    """A Python 3 notebook of ``cells``; ``lab`` (id, level, minutes, scene …) goes to ``metadata.sflab``."""
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["sflab"] = dict(lab)
    return nb


def write(nb: NotebookNode, path: str | Path) -> Path:
    """Validate ``nb`` and write it (UTF-8, no outputs, stable key order)."""
    nbformat.validate(nb)
    path = Path(path)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return path


def grade_cells(nb: NotebookNode) -> dict[str, float]:
    """Autograded test cells of ``nb``: grade id → points."""
    return {
        c.metadata["nbgrader"]["grade_id"]: float(c.metadata["nbgrader"].get("points", 0))
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade") and not c.metadata["nbgrader"].get("solution")
    }


def hidden(lines: str) -> str:
    """A hidden-tests block: ``lines``, in the source notebook only (removed from the released one).

    Hidden tests call the same checks module as the visible ones (``l01`` for lab L01). They
    need no defence of their own against a notebook that patched ``grading``: the score comes
    from the trusted pass (:mod:`grading.trusted`), which runs these lines in the grader.
    """
    return f"### BEGIN HIDDEN TESTS\n{lines.strip()}\n### END HIDDEN TESTS"


#: The paragraph under every lab's header table, with what the real grading also uses filled in.
HOW_TO_WORK = (
    "각 단계의 `# 여기에 코드를 작성하세요` 자리에 코드를 쓰고, 바로 아래 채점 셀을 실행해 보세요.\n"
    "채점 셀이 조용히 끝나면 보이는 테스트는 통과입니다. 실제 채점에서는 **{also}**으로도 검사하므로,\n"
    "보이는 테스트의 답을 외워 쓰면 점수를 받지 못합니다."
)


def lab_header(
    title: str, *, goals: Sequence[str], level: str, minutes: str, scene: str, grading: str, note: str
) -> str:
    """The first cell of every lab: its title, the table of what it is about, and how to work in it.

    Args:
        title: the lab's title line (``L01 센서로 부품 읽기 — …``).
        goals: the learning goals, numbered ①② … in the table.
        level: the smart-factory level row.
        minutes: the time row (``90분 (2차시)``).
        scene: the scene row.
        grading: the grading row (points per step).
        note: the paragraph under the table (:data:`HOW_TO_WORK` for most labs).
    """
    numbered = "<br>".join(f"{chr(0x2460 + i)} {goal}" for i, goal in enumerate(goals))
    rows = (
        ("학습 목표", numbered),
        ("스마트공장 수준", level),
        ("소요 시간", minutes),
        ("장면", scene),
        ("채점", grading),
    )
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return f"# {title}\n\n| 항목 | 내용 |\n|---|---|\n{table}\n\n{note.strip()}\n"


def write_beside(nb: NotebookNode, builder_file: str) -> Path:
    """Write a lab's notebook next to its ``build_notebook.py``, named after the lab's folder."""
    folder = Path(builder_file).resolve().parent
    return write(nb, folder / f"{folder.name}.ipynb")
