"""The L07 test cells on correct, blank, partly right and cheating answers (no nbgrader).

Every answer is graded by the notebook's own test cells, the visible and the hidden checks
nbgrader runs, one check call at a time: each case says which checks pass and what the
failing ones tell the student. ``test_every_lab.py`` runs the same cells whole on every lab.
"""

from __future__ import annotations

import pytest

from curriculum import LABS_DIR as LABS
from tests.grading.notebook_cells import PASSES, Answer, Fails, LabNotebook, edit, missing_kinds, model_and_blank
from tests.samples.l07 import (
    COLLECT_RAW_TEMPERATURE,
    SQL_WITHOUT_GROUP_BY,
    SUMMARY_SHORT_MINUTE,
    TRACE_SORTED_BY_ITEM,
)

LAB = LabNotebook(LABS / "L07_monitoring" / "L07_monitoring.ipynb")
COLLECT = LAB.source("l07_collect_answer")


def summary_written_down(lab: LabNotebook) -> dict[str, str]:
    """The four numbers the model answers give for the visible run (seed 1, 90 s), returned whatever the table."""
    kernel = lab.kernel("l07_summary")
    numbers = kernel["summary"](kernel["collect"](1, 90))
    return {"l07_summary_answer": f"def summary(table):\n    return {numbers!r}\n"}


ANSWERS = [
    *model_and_blank(LAB, "l07_collect"),
    Answer(
        "l07_collect",
        "partly right",
        "raw temperature",
        {"l07_collect_answer": COLLECT_RAW_TEMPERATURE},
        (Fails("temperature_c.*10으로 나누세요", "divide by 10"),) * 3,
    ),
    Answer(
        "l07_collect",
        "partly right",
        "time column only",
        {"l07_collect_answer": "def collect(seed, seconds):\n    return {'time_s': list(range(seconds))}\n"},
        (Fails("열 .*temperature_c.*이\\(가\\) 없습니다", "lacks the columns"),) * 3,
    ),
    Answer(
        "l07_collect",
        "partly right",
        "started late",
        {"l07_collect_answer": edit(COLLECT, 'plant.press("start", hold_s=0.3)', 'plant.press("start", at_s=5)')},
        (Fails("초 행의", "s row"),) * 3,
    ),
    Answer(
        "l07_collect",
        "cheating",
        "the visible seed",
        {"l07_collect_answer": edit(COLLECT, "seed=seed", "seed=1")},
        (PASSES, Fails("초 행의"), Fails("초 행의")),
    ),
    *model_and_blank(LAB, "l07_trace"),
    Answer(
        "l07_trace",
        "partly right",
        "sorted by part number",
        {"l07_trace_answer": TRACE_SORTED_BY_ITEM},
        (PASSES, Fails("로트 A-17: 4번째 행.*통에 들어간 순서", "order the parts reached a bin")),
    ),
    Answer(
        "l07_trace",
        "cheating",
        "the visible lot",
        {"l07_trace_answer": edit(LAB.source("l07_trace_answer"), "record.lot == lot", 'record.lot == "A-02"')},
        (PASSES, Fails("로트 A-17")),
    ),
    *model_and_blank(LAB, "l07_sql"),
    Answer(
        "l07_sql",
        "partly right",
        "without GROUP BY",
        {"l07_sql_answer": SQL_WITHOUT_GROUP_BY},
        (Fails("GROUP BY bin", "one row per bin"),) * 2,
    ),
    Answer(
        "l07_sql",
        "cheating",
        "the visible lot",
        {"l07_sql_answer": edit(LAB.source("l07_sql_answer"), "(lot,)", '("A-02",)')},
        (PASSES, Fails("로트 A-17")),
    ),
    *model_and_blank(LAB, "l07_summary"),
    Answer(
        "l07_summary",
        "partly right",
        "a minute of 60 rows",
        {"l07_summary_answer": SUMMARY_SHORT_MINUTE},
        (Fails("per_minute.*60행 전", "60 rows"), PASSES, PASSES),
    ),
    Answer(
        "l07_summary",
        "cheating",
        "the visible numbers written down",
        summary_written_down,
        (PASSES, Fails("맞는 값은", "the right value"), Fails("맞는 값은")),
    ),
]


@pytest.mark.parametrize("answer", ANSWERS, ids=[answer.id for answer in ANSWERS])
def test_the_test_cell_grades_the_answer_check_by_check(answer):
    answer.check(LAB)


def test_every_criterion_has_a_correct_a_blank_a_partly_right_and_a_cheating_answer():
    assert missing_kinds(LAB, ANSWERS) == {}
