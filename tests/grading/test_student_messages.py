"""What a student sees when a check fails in the notebook: the Korean message and the cell's line, nothing more."""

from __future__ import annotations

import pytest
from nbclient import NotebookClient

from grading.checks import CheckFailed
from grading.course import notebook as cells

pytestmark = pytest.mark.timeout(300)

BLANK = 'def classify(io):\n    """재질."""\n    raise NotImplementedError()\n'
CHECK = "from grading.labs import l01\nl01.check_classify(classify)"


def test_an_unanswered_check_shows_one_korean_line_and_the_cell_line(tmp_path, monkeypatch):
    monkeypatch.delenv("SFLAB_TRACEBACK", raising=False)
    nb = cells.notebook([cells.solution("answer", BLANK), cells.tests("check", 2, CHECK)], {"id": "T"})
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True)
    client.execute(cwd=str(tmp_path))
    errors = [o for o in nb.cells[1].outputs if o.output_type == "error"]
    assert len(errors) == 1
    shown = "\n".join(errors[0].traceback)
    assert len(errors[0].traceback) <= 2
    assert "아직 답을 쓰지 않았습니다" in shown
    assert "l01.check_classify(classify)" in shown  # the test cell's own line
    assert "grading/" not in shown and "isolation" not in shown and "site-packages" not in shown


def test_the_teacher_can_still_see_the_whole_traceback(monkeypatch):
    monkeypatch.setenv("SFLAB_TRACEBACK", "full")
    try:
        raise CheckFailed("한국어", "English")
    except CheckFailed as error:
        lines = error._render_traceback_()
    assert any("Traceback" in line for line in lines) and any("test_student_messages.py" in line for line in lines)
