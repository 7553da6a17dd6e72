"""The L09 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

import math

import numpy as np
import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.labs import l09
from tests.grading.notebook_cells import failures as failing
from tests.grading.notebook_cells import notebook_cells, run_cells
from tests.samples.l09 import (
    BASELINE_WHOLE_RUN,
    DETECTOR_ISO_LIMIT,
    DETECTOR_NO_PERSISTENCE,
    RUL_STRAIGHT_LINE,
)

NOTEBOOK = LABS / "L09_predictive" / "L09_predictive.ipynb"
#: The notebook's tests, one list per criterion (visible first, then hidden).
HIDDEN = {
    "baseline": [
        lambda ns: l09.check_baseline(ns["baseline_stats"], seed=1, window_s=(600, 1800), seconds=2400),
        lambda ns: l09.check_baseline(
            ns["baseline_stats"], seed=5, window_s=(900, 2100), seconds=3000, wear_start_s=2400
        ),
        lambda ns: l09.check_baseline(ns["baseline_stats"], seed=12, window_s=(1200, 3000), seconds=3600),
    ],
    "detector": [
        lambda ns: l09.check_detector(ns["AnomalyDetector"], seed=1, wear_start_s=2400, wear_per_h=3.0, healthy_seed=2),
        lambda ns: l09.check_detector(ns["AnomalyDetector"], seed=7, wear_start_s=4200, wear_per_h=3.5),
        lambda ns: l09.check_detector(
            ns["AnomalyDetector"], seed=12, wear_start_s=4200, wear_per_h=2.5, noise_mm_s=0.4
        ),
    ],
    "lead": [
        lambda ns: l09.check_lead_time(ns["AnomalyDetector"], seed=1, wear_start_s=2400, wear_per_h=3.0),
        lambda ns: l09.check_lead_time(ns["AnomalyDetector"], seed=7, wear_start_s=2400, wear_per_h=3.5),
        lambda ns: l09.check_lead_time(ns["AnomalyDetector"], seed=21, wear_start_s=2700, wear_per_h=2.5),
    ],
    "rul": [
        lambda ns: l09.check_remaining_life(
            ns["remaining_life_s"], seed=1, wear_start_s=2400, wear_per_h=3.0, now_mm_s=4.5
        ),
        lambda ns: l09.check_remaining_life(
            ns["remaining_life_s"], seed=7, wear_start_s=2400, wear_per_h=3.5, now_mm_s=3.0
        ),
        lambda ns: l09.check_remaining_life(
            ns["remaining_life_s"], seed=21, wear_start_s=2700, wear_per_h=2.5, now_mm_s=3.0, limit_mm_s=7.1
        ),
    ],
}


@pytest.fixture(scope="module")
def cells() -> dict[str, str]:
    return notebook_cells(NOTEBOOK)


def namespace(cells: dict[str, str], *codes: str) -> dict:
    """The kernel after the setup cell and the given answer cells."""
    return run_cells(cells["l09_setup"], *codes)


def failures(ns: dict, criterion: str, *, first_only: bool = False) -> list[str]:
    """Messages of the criterion's checks that failed (only the first one when ``first_only``)."""
    return failing(HIDDEN[criterion], ns, first_only=first_only)


def test_the_notebook_runs_every_check_of_this_file(cells):
    calls = {
        "baseline": "check_baseline(",
        "detector": "check_detector(",
        "lead": "check_lead_time(",
        "rul": "check_remaining_life(",
    }
    for criterion, call in calls.items():
        assert cells[f"l09_{criterion}"].count(call) == len(HIDDEN[criterion])


@pytest.mark.parametrize(
    ("criterion", "wrong", "says"),
    [
        ("baseline", BASELINE_WHOLE_RUN, "이상"),
        ("detector", DETECTOR_NO_PERSISTENCE, "오경보"),
        ("lead", DETECTOR_NO_PERSISTENCE, "오경보"),
        ("lead", DETECTOR_ISO_LIMIT, "45분"),
        ("rul", RUL_STRAIGHT_LINE, "늦어"),
    ],
)
def test_a_wrong_answer_fails_its_criterion_and_says_where_to_look(cells, criterion, wrong, says):
    messages = failures(namespace(cells, wrong), criterion, first_only=True)
    assert messages, f"{criterion}: the wrong answer passed every check"
    assert says in messages[0]


def test_a_fixed_iso_limit_still_detects_without_false_alarms(cells):
    assert failures(namespace(cells, DETECTOR_ISO_LIMIT), "detector") == []


def test_a_fixed_limit_tuned_to_a_clean_sensor_false_alarms_on_a_noisy_one(cells):
    fixed = DETECTOR_ISO_LIMIT.replace("> 4.5", "> 1.3")  # 3 standard deviations of the clean sensor
    ns = namespace(cells, fixed)
    HIDDEN["detector"][0](ns)  # the clean sensor: no false alarm
    with pytest.raises(CheckFailed, match="잡음 \\+0.4 mm/s.*오경보"):
        HIDDEN["detector"][2](ns)


def test_a_detector_that_never_alarms_is_told_so(cells):
    silent = (
        "class AnomalyDetector:\n    def __init__(self, baseline):\n        pass\n\n    def update(self, sample):\n"
    )
    silent += "        return False\n"
    with pytest.raises(CheckFailed, match="경보가 없었습니다"):
        HIDDEN["lead"][0](namespace(cells, silent))


def test_a_baseline_of_wrong_shape_names_the_keys(cells):
    with pytest.raises(CheckFailed, match="vibration_mm_s"):
        l09.check_baseline(lambda table, start_s, end_s: {"vibration": (1.1, 0.07)}, seed=1)


def test_a_remaining_life_that_is_not_a_number_fails(cells):
    with pytest.raises(CheckFailed, match="숫자"):
        l09.check_remaining_life(lambda *args: "곧", seed=1, wear_start_s=2400, wear_per_h=3.0)


def test_the_notebooks_recorder_makes_the_graders_table(cells):
    ns = namespace(cells)
    got = ns["record_motor"](seed=3, wear_start_s=1200, wear_per_h=3.0, noise_mm_s=0.2, hours=0.5)
    want = l09.motor_table(3, seconds=1800, wear_start_s=1200, wear_per_h=3.0, noise_mm_s=0.2)
    assert list(got) == list(want)
    for column in want:
        np.testing.assert_array_equal(got[column], want[column])


def test_the_breakdown_time_of_the_motor_model_is_when_the_belt_stops():
    breakdown_s = l09.crossing_s(2400, 3.0)
    table = l09.motor_table(1, seconds=math.ceil(breakdown_s) + 10, wear_start_s=2400, wear_per_h=3.0)
    stopped = table["time_s"][(table["time_s"] > 2400) & (table["current_a"] == 0)]
    assert breakdown_s < stopped[0] <= breakdown_s + 3
