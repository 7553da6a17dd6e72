"""``sflab grade feedback``: nbgrader feedback that never shows the hidden tests.

nbgrader puts the hidden tests back into a notebook to grade it, so the graded notebook,
and the feedback HTML made from it, contain them — and a failing hidden test's traceback
quotes their lines. :class:`HideHiddenTests` (in the course's ``nbgrader_config.py``, so
plain ``nbgrader generate_feedback`` uses it too) removes the hidden part of every test
cell and shortens test-cell errors to their message. :func:`generate_feedback` then reads
every HTML file it wrote and refuses to hand out one in which a hidden line survived.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from nbgrader.preprocessors import NbGraderPreprocessor

from grading.course.environment import nbgrader_api
from simulator.errors import LabError

BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"
#: What students see where the hidden tests were.
HIDDEN_NOTE = "# (숨은 테스트는 채점에만 쓰이고 여기에는 보이지 않습니다 / hidden tests are not shown)"
#: Hidden lines shorter than this are too common to count as a leak (``)``, ``else:`` …).
MIN_LEAK_CHARS = 12


def strip_hidden(source: str) -> str:
    """``source`` with every hidden-tests region replaced by :data:`HIDDEN_NOTE`."""
    return re.sub(
        rf"^[ \t]*{re.escape(BEGIN_HIDDEN)}.*?^[ \t]*{re.escape(END_HIDDEN)}[^\n]*",
        HIDDEN_NOTE,
        source,
        flags=re.MULTILINE | re.DOTALL,
    )


def is_test_cell(cell: Any) -> bool:
    """An autograded test cell (grade cell that is not a solution)."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution")


class HideHiddenTests(NbGraderPreprocessor):
    """Removes hidden tests from test cells, and tracebacks (which quote them) from their errors."""

    def preprocess_cell(self, cell: Any, resources: Any, index: int) -> tuple[Any, Any]:
        """Scrub one cell."""
        if cell.cell_type == "code" and is_test_cell(cell):
            cell.source = strip_hidden(cell.source)
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return cell, resources


def hidden_lines(notebook_file: str | Path) -> set[str]:
    """The distinctive lines inside hidden-tests regions of a source notebook."""
    nb = json.loads(Path(notebook_file).read_text(encoding="utf-8"))
    found: set[str] = set()
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for block in re.findall(rf"{re.escape(BEGIN_HIDDEN)}(.*?){re.escape(END_HIDDEN)}", source, flags=re.DOTALL):
            found |= {line.strip() for line in block.splitlines() if len(line.strip()) >= MIN_LEAK_CHARS}
    return found


def visible_text(html_text: str) -> str:
    """What a browser shows of an HTML page (tags removed, entities decoded)."""
    without_code = re.sub(r"<(script|style)\b.*?</\1>", "", html_text, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", without_code))


def leaks(html_file: str | Path, hidden: set[str]) -> list[str]:
    """Hidden lines that appear in a feedback HTML file."""
    text = visible_text(Path(html_file).read_text(encoding="utf-8"))
    return sorted(line for line in hidden if line in text)


def generate_feedback(course_dir: str | Path, assignment: str, student: str | None = None) -> list[Path]:
    """Run nbgrader's feedback for ``assignment`` and check that no hidden test leaked.

    Returns:
        The feedback HTML files written.

    Raises:
        LabError: when nbgrader fails, or a hidden line is found in a feedback file.
    """
    root = Path(course_dir).resolve()
    api = nbgrader_api(root)
    result = api.generate_feedback(assignment, student)
    if not result["success"]:
        raise LabError(
            f"nbgrader generate_feedback 실패:\n{result['log']}{result.get('error', '')}",
            f"nbgrader generate_feedback failed:\n{result['log']}{result.get('error', '')}",
        )
    hidden: set[str] = set()
    for source in (root / "source" / assignment).glob("*.ipynb"):
        hidden |= hidden_lines(source)
    pattern = f"{student or '*'}/{assignment}/*.html"
    written = sorted((root / "feedback").glob(pattern))
    for path in written:
        found = leaks(path, hidden)
        if found:
            path.unlink()
            raise LabError(
                f"{path}에 숨은 테스트가 보여 지웠습니다: {found[0]!r}. course의 nbgrader_config.py를 확인하세요.",
                f"{path} showed a hidden test and was deleted: {found[0]!r}. Check nbgrader_config.py.",
            )
    return written
