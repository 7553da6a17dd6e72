"""The real nbgrader pipeline on the session's course: full marks, zero, exact partial credit, hostile work."""

from __future__ import annotations

import json

import pytest

from grading.feedback import hidden_lines, leaks
from tests.labs.samples_index import lab_selected, prepared_students

#: Building and grading the whole track (every lab, every prepared submission) happens in the first test's setup.
pytestmark = pytest.mark.timeout(2400)

#: The tests about L01's hostile and partial submissions (skipped only when SFLAB_TEST_LABS leaves L01 out).
needs_l01 = pytest.mark.skipif(not lab_selected("L01"), reason="SFLAB_TEST_LABS leaves out L01")


def cell_scores(course, student: str, notebook: str) -> dict[str, float]:
    prefix = f"{notebook}/"
    return {key.removeprefix(prefix): value for key, value in course.scores[student].items() if key.startswith(prefix)}


def test_every_lab_source_solution_gets_full_marks(graded_course):
    from grading.course.notebook import grade_cells
    from grading.course.submissions import read

    for lab_id, notebook in graded_course.labs:
        points = grade_cells(read(graded_course.root / "source" / lab_id / f"{notebook}.ipynb"))
        assert cell_scores(graded_course, f"source-{lab_id}", notebook) == points


def test_every_released_notebook_scores_zero_on_every_criterion(graded_course):
    for lab_id, notebook in graded_course.labs:
        scores = cell_scores(graded_course, f"release-{lab_id}", notebook)
        assert scores and set(scores.values()) == {0.0}


@pytest.mark.parametrize("student", prepared_students())
def test_prepared_submissions_get_exactly_their_expected_points(graded_course, student):
    notebook = graded_course.notebook_of[student]
    assert cell_scores(graded_course, student, notebook) == graded_course.expected[student]


@needs_l01
def test_the_partly_right_submission_keeps_what_it_earned(graded_course):
    assert sum(graded_course.scores["L01-partial"].values()) == 5.0


@needs_l01
@pytest.mark.parametrize(
    "student", ["adv_loop", "adv_exit", "adv_test_edited", "adv_test_deleted", "adv_patch", "adv_print", "adv_memory"]
)
def test_hostile_submissions_get_the_expected_points(graded_course, student):
    assert cell_scores(graded_course, student, "L01_sensors") == graded_course.expected[student]


#: Flags the trusted pass must raise on the hostile L01 submissions: student → grade id → words in the Korean flag.
HOSTILE_FLAGS = {
    "adv_test_edited": {"l01_count": "시험 셀 코드가 바뀌었습니다"},
    "adv_test_deleted": {"l01_debounce": "시험 셀이 지워졌습니다"},
    "adv_patch": {
        "l01_count": "노트북 실행은 통과인데 채점기 판정은 실패입니다",
        "l01_debounce": "노트북 실행은 통과인데 채점기 판정은 실패입니다",
    },
}


@needs_l01
@pytest.mark.parametrize("student", sorted(HOSTILE_FLAGS))
def test_hostile_submissions_carry_their_flags(graded_course, student):
    from grading.trusted_record import read_records

    (record,) = read_records(graded_course.root, "L01", student)
    for grade_id, words in HOSTILE_FLAGS[student].items():
        assert any(flag.grade_id == grade_id and words in flag.ko for flag in record.flags), [
            f.ko for f in record.flags
        ]


@needs_l01
def test_megabytes_of_output_are_cut_in_the_graded_notebook(graded_course):
    path = graded_course.root / "autograded" / "adv_print" / "L01" / "L01_sensors.ipynb"
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    printed = sum(len("".join(o.get("text", ""))) for c in nb["cells"] for o in c.get("outputs", []))
    assert printed < 200_000  # the pictures of the plant are not printed output and stay whole
    assert "output truncated" in text or "Output truncated" in text


@needs_l01
def test_autograde_command_prints_every_student_with_a_score(graded_course):
    lines = graded_course.autograde_output.strip().splitlines()
    assert len(lines) == len(graded_course.scores)
    assert any(line.startswith("source-L01\t10/10") for line in lines)


def test_feedback_shows_messages_but_no_hidden_test(graded_course):
    for lab_id, notebook in graded_course.labs:
        hidden = hidden_lines(graded_course.root / "source" / lab_id / f"{notebook}.ipynb")
        assert hidden, lab_id
        pages = sorted((graded_course.root / "feedback").glob(f"*/{lab_id}/{notebook}.html"))
        handed_in = [
            student
            for student, name in graded_course.notebook_of.items()
            if name == notebook and student not in graded_course.failed  # no feedback without a graded notebook
        ]
        assert len(pages) == len(handed_in), lab_id
        for page in pages:
            assert leaks(page, hidden) == [], page


@needs_l01
def test_feedback_carries_the_korean_rubric_messages(graded_course):
    partial = (graded_course.root / "feedback" / "L01-partial" / "L01" / "L01_sensors.html").read_text()
    assert "TON" in partial and "비상정지" in partial  # the rubric messages reach the student


@needs_l01
def test_unscrubbed_html_would_leak_so_the_leak_check_is_real(graded_course, tmp_path):
    from nbconvert import HTMLExporter

    notebook = graded_course.root / "autograded" / "L01-partial" / "L01" / "L01_sensors.ipynb"
    body, _ = HTMLExporter().from_filename(str(notebook))
    page = tmp_path / "raw.html"
    page.write_text(body, encoding="utf-8")
    assert leaks(page, hidden_lines(graded_course.root / "source" / "L01" / "L01_sensors.ipynb"))


@needs_l01
def test_graded_notebooks_record_korean_failure_messages(graded_course):
    path = graded_course.root / "autograded" / "L01-counter_crashes" / "L01" / "L01_sensors.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert any(o["ename"] == "CheckFailed" and "count_metals" in o["evalue"] for o in errors)
