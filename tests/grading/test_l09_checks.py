"""The L09 test cells on correct, blank, partly right and cheating answers (no nbgrader).

Every answer is graded by the notebook's own test cells, the visible and the hidden checks
nbgrader runs, one check call at a time: each case says which checks pass and what the
failing ones tell the student. ``test_every_lab.py`` runs the same cells whole on every lab.
The last tests check the notebook's recorder and the motor model against the grader's.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from curriculum import LABS_DIR as LABS
from grading.labs import l09
from tests.grading.notebook_cells import PASSES, Answer, Fails, LabNotebook, edit, missing_kinds, model_and_blank
from tests.samples.l09 import (
    BASELINE_WHOLE_RUN,
    DETECTOR_ISO_LIMIT,
    DETECTOR_NO_PERSISTENCE,
    RUL_STRAIGHT_LINE,
)

LAB = LabNotebook(LABS / "L09_predictive" / "L09_predictive.ipynb")
#: A detector that never alarms.
SILENT = "class AnomalyDetector:\n    def __init__(self, baseline):\n        pass\n\n    def update(self, sample):\n"
SILENT += "        return False\n"
#: A detector that alarms at a fixed time: just after the visible test's wear begins (40 min).
ON_THE_CLOCK = SILENT.replace("return False", 'return sample["time_s"] >= 2450')


def baseline_written_down(lab: LabNotebook) -> dict[str, str]:
    """The model's statistics of the visible run (seed 1, 40 min, 600–1800 s), returned whatever the table."""
    kernel = lab.kernel("l09_baseline")
    stats = kernel["baseline_stats"](kernel["record_motor"](seed=1, hours=40 / 60), 600, 1800)
    return {"l09_baseline_answer": f"def baseline_stats(table, start_s, end_s):\n    return {stats!r}\n"}


ANSWERS = [
    *model_and_blank(LAB, "l09_baseline"),
    Answer(
        "l09_baseline",
        "partly right",
        "the whole run",
        {"l09_baseline_answer": BASELINE_WHOLE_RUN},
        (Fails("행만 골라.*표 전체를 쓰면", "boolean mask"),) * 3,
    ),
    Answer(
        "l09_baseline",
        "partly right",
        "wrong keys",
        {"l09_baseline_answer": "def baseline_stats(table, start_s, end_s):\n    return {'vibration': (1.1, 0.07)}\n"},
        (Fails("vibration_mm_s"),) * 3,
    ),
    Answer(
        "l09_baseline",
        "cheating",
        "the visible numbers written down",
        baseline_written_down,
        (PASSES, Fails("900 이상 2100 미만인 행만"), Fails("1200 이상 3000 미만인 행만")),
    ),
    *model_and_blank(LAB, "l09_detector"),
    Answer(
        "l09_detector",
        "partly right",
        "no persistence",
        {"l09_detector_answer": DETECTOR_NO_PERSISTENCE},
        (Fails("오경보"),) * 3,
    ),
    Answer(
        "l09_detector",
        "correct",
        "ISO limit",  # never a false alarm: full marks here, too late for step 3
        {"l09_detector_answer": DETECTOR_ISO_LIMIT},
        (PASSES,) * 3,
    ),
    Answer(
        "l09_detector",
        "cheating",
        "a limit tuned to the visible sensor",  # 3 standard deviations of the clean sensor
        {"l09_detector_answer": edit(DETECTOR_ISO_LIMIT, "> 4.5", "> 1.3")},
        (PASSES, PASSES, Fails("잡음 \\+0.4 mm/s.*오경보")),
    ),
    *model_and_blank(LAB, "l09_lead"),
    Answer(
        "l09_lead",
        "partly right",
        "no persistence",
        {"l09_detector_answer": DETECTOR_NO_PERSISTENCE},
        (Fails("오경보"),) * 3,
    ),
    Answer(
        "l09_lead",
        "partly right",
        "ISO limit",
        {"l09_detector_answer": DETECTOR_ISO_LIMIT},
        (Fails("45분"),) * 3,
    ),
    Answer(
        "l09_lead",
        "partly right",
        "never alarms",
        {"l09_detector_answer": SILENT},
        (Fails("경보가 없었습니다"),) * 3,
    ),
    Answer(
        "l09_lead",
        "cheating",
        "an alarm on the clock",
        {"l09_detector_answer": ON_THE_CLOCK},
        (PASSES, PASSES, Fails("시드 21.*마모가 시작되기 4.2분 전이라 오경보", "before the wear started")),
    ),
    *model_and_blank(LAB, "l09_rul"),
    Answer(
        "l09_rul",
        "partly right",
        "a straight line",
        {"l09_rul_answer": RUL_STRAIGHT_LINE},
        (Fails("늦어"),) * 3,
    ),
    Answer(
        "l09_rul",
        "partly right",
        "not a number",
        {
            "l09_rul_answer": "def remaining_life_s(time_s, vibration_mm_s, healthy_mm_s, limit_mm_s=11.2):\n"
            "    return '곧'\n"
        },
        (Fails("숫자"),) * 3,
    ),
    Answer(
        "l09_rul",
        "cheating",
        "the visible limit",
        {
            "l09_rul_answer": edit(
                LAB.source("l09_rul_answer"),
                "np.log(limit_mm_s - healthy_mm_s)",
                "np.log(BREAKDOWN_MM_S - healthy_mm_s)",
            )
        },
        (PASSES, PASSES, Fails("한계 7.1 mm/s")),
    ),
]


@pytest.mark.parametrize("answer", ANSWERS, ids=[answer.id for answer in ANSWERS])
def test_the_test_cell_grades_the_answer_check_by_check(answer):
    answer.check(LAB)


def test_every_criterion_has_a_correct_a_blank_a_partly_right_and_a_cheating_answer():
    assert missing_kinds(LAB, ANSWERS) == {}


def test_the_notebooks_recorder_makes_the_graders_table():
    record_motor = LAB.kernel("l09_baseline")["record_motor"]  # from the setup cell
    got = record_motor(seed=3, wear_start_s=1200, wear_per_h=3.0, noise_mm_s=0.2, hours=0.5)
    want = l09.motor_table(3, seconds=1800, wear_start_s=1200, wear_per_h=3.0, noise_mm_s=0.2)
    assert list(got) == list(want)
    for column in want:
        np.testing.assert_array_equal(got[column], want[column])


def test_the_breakdown_time_of_the_motor_model_is_when_the_belt_stops():
    breakdown_s = l09.crossing_s(2400, 3.0)
    table = l09.motor_table(1, seconds=math.ceil(breakdown_s) + 10, wear_start_s=2400, wear_per_h=3.0)
    stopped = table["time_s"][(table["time_s"] > 2400) & (table["current_a"] == 0)]
    assert breakdown_s < stopped[0] <= breakdown_s + 3
