"""The L02 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

import re
import sys
from collections import deque

import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.course.submissions import read, source_answers
from grading.labs import l02
from tests.samples.l02 import (
    FILTER_SHARED_WINDOW,
    GAUGE_UNFILTERED,
    GAUGE_WHOLE_PART,
    HYSTERESIS_SINGLE_THRESHOLD,
    POINTS,
    SAMPLES,
    SCALE_DISTANCE,
    SCALE_HARD_CODED,
)

_SOLUTION = re.compile(r"^([ \t]*)### BEGIN SOLUTION\n.*?^[ \t]*### END SOLUTION\n", re.MULTILINE | re.DOTALL)


def load(source: str, name: str):
    namespace = {"deque": deque}
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 - the student's cell
    return namespace[name]


def stub(cell_source: str) -> str:
    """The cell as students get it: every solution region replaced by nbgrader's code stub."""
    return _SOLUTION.sub(r"\1# 여기에 코드를 작성하세요\n\1raise NotImplementedError()\n", cell_source + "\n")


@pytest.fixture(scope="module")
def notebook():
    return read(LABS / "L02_analog" / "L02_analog.ipynb")


@pytest.fixture(scope="module")
def answers(notebook):
    return source_answers(notebook)


@pytest.fixture(scope="module")
def stubs(notebook):
    return {
        c.metadata["nbgrader"]["grade_id"]: stub(c.source)
        for c in notebook.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }


# ---------------------------------------------------------------- correct
def test_numpy_numbers_count_as_numbers():
    np = pytest.importorskip("numpy")
    l02.check_scaling(lambda counts: np.float64(200.0 - (50.0 + counts / 160)), every_case=True)


# ---------------------------------------------------------------- blank
# ---------------------------------------------------------------- wrong: step 1 scaling
def test_distance_instead_of_height_fails_with_a_hint():
    with pytest.raises(CheckFailed, match="높이 = 200 mm − 거리"):
        l02.check_scaling(load(SCALE_DISTANCE, "counts_to_mm"))


def test_a_hard_coded_scaling_passes_visible_but_fails_hidden():
    table = load(SCALE_HARD_CODED, "counts_to_mm")
    l02.check_scaling(table)
    with pytest.raises(CheckFailed, match="오류"):
        l02.check_scaling(table, every_case=True)


def test_forgetting_return_says_to_return_a_number():
    def no_return(counts):
        200.0 - (50.0 + counts / 160)

    with pytest.raises(CheckFailed, match="숫자가 아닌 None"):
        l02.check_scaling(no_return)


# ---------------------------------------------------------------- wrong: step 2 calibration
def test_datasheet_calibration_ignores_the_points_and_fails_hidden():
    def datasheet(raw_a, mm_a, raw_b, mm_b):
        return -0.00625, 150.0

    l02.check_calibrate(datasheet)
    with pytest.raises(CheckFailed, match="2단계"):
        l02.check_calibrate(datasheet, every_case=True)


def test_calibration_must_return_gain_and_offset():
    with pytest.raises(CheckFailed, match="두 값을"):
        l02.check_calibrate(lambda raw_a, mm_a, raw_b, mm_b: (mm_b - mm_a) / (raw_b - raw_a))
    with pytest.raises(CheckFailed, match="두 값을"):
        l02.check_calibrate(lambda raw_a, mm_a, raw_b, mm_b: (1.0, 2.0, 3.0))


def test_gain_upside_down_fails():
    def flipped(raw_a, mm_a, raw_b, mm_b):
        gain = (raw_b - raw_a) / (mm_b - mm_a)
        return gain, mm_a - gain * raw_a

    with pytest.raises(CheckFailed, match="기울기 = \\(mm_b − mm_a\\)"):
        l02.check_calibrate(flipped)


# ---------------------------------------------------------------- wrong: step 3 moving average
def test_a_window_shared_between_filters_fails_hidden():
    shared = load(FILTER_SHARED_WINDOW, "MovingAverage")
    l02.check_moving_average(shared)
    with pytest.raises(CheckFailed, match="3단계"):
        l02.check_moving_average(shared, every_case=True)


def test_an_average_of_everything_fails():
    class Cumulative:
        def __init__(self, size):
            self.values = []

        def update(self, value):
            self.values.append(value)
            return sum(self.values) / len(self.values)

    with pytest.raises(CheckFailed, match="최근"):
        l02.check_moving_average(Cumulative)


def test_a_filter_without_update_is_named():
    class NoUpdate:
        def __init__(self, size):
            self.size = size

    with pytest.raises(CheckFailed, match="update\\(self, value\\) 메서드가 없습니다"):
        l02.check_moving_average(NoUpdate)


# ---------------------------------------------------------------- wrong: step 4 height gauge
def test_an_unfiltered_gauge_is_too_noisy():
    with pytest.raises(CheckFailed, match="이동평균"):
        l02.check_gauge(load(GAUGE_UNFILTERED, "HeightGauge"), seed=1)


def test_a_gauge_that_averages_the_whole_part_is_biased():
    with pytest.raises(CheckFailed, match="치우칩니다"):
        l02.check_gauge(load(GAUGE_WHOLE_PART, "HeightGauge"), seed=1)


def test_a_gauge_recording_every_scan_is_told_to_record_once_per_part(answers):
    every_scan = answers["l02_gauge_answer"].replace("elif self.part_was_here and self.window:", "if self.window:")
    assert every_scan != answers["l02_gauge_answer"]
    with pytest.raises(CheckFailed, match="한 번만 append"):
        l02.check_gauge(load(every_scan, "HeightGauge"), seed=1)


def test_a_gauge_without_a_heights_list_is_named(answers):
    no_list = answers["l02_gauge_answer"].replace("self.heights", "self.measured")
    with pytest.raises(CheckFailed, match="self.heights가 없습니다"):
        l02.check_gauge(load(no_list, "HeightGauge"), seed=1)


def test_a_gauge_that_never_starts_the_line_fails():
    class Idle:
        def __init__(self):
            self.heights = []

        def scan(self, io):
            pass

    with pytest.raises(CheckFailed, match="feeder_on"):
        l02.check_gauge(Idle, seed=1)


# ---------------------------------------------------------------- wrong: step 5 hysteresis
def test_a_single_threshold_is_not_hysteresis():
    with pytest.raises(CheckFailed, match="5단계"):
        l02.check_hysteresis(load(HYSTERESIS_SINGLE_THRESHOLD, "Hysteresis"))


def test_hysteresis_must_return_true_or_false():
    class Text:
        def __init__(self, on_at, off_at):
            pass

        def update(self, value):
            return "켜짐"

    with pytest.raises(CheckFailed, match="True\\(켜짐\\) 또는 False"):
        l02.check_hysteresis(Text)


def test_hysteresis_with_fixed_thresholds_fails_hidden():
    class Fixed:
        def __init__(self, on_at, off_at):
            self.on = False

        def update(self, value):
            if value >= 61.0:
                self.on = True
            elif value <= 60.5:
                self.on = False
            return self.on

    l02.check_hysteresis(Fixed)
    with pytest.raises(CheckFailed, match="5단계"):
        l02.check_hysteresis(Fixed, seed=3, on_at=61.5, off_at=60.5)


# ---------------------------------------------------------------- the prepared samples, without nbgrader
def _test_cells(notebook) -> dict[str, str]:
    return {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in notebook.cells
        if c.metadata.get("nbgrader", {}).get("grade") and not c.metadata["nbgrader"].get("solution")
    }


def _answer_cell_of(criterion: str) -> str:
    return f"{criterion}_answer"


@pytest.mark.parametrize("sample", [name for name, (answers, _) in SAMPLES.items() if answers])
def test_each_prepared_sample_loses_exactly_its_expected_criteria(notebook, answers, sample):
    """Run the notebook's test cells (visible + hidden) on the criteria the sample changes."""
    overrides, expected = SAMPLES[sample]
    assert overrides is not None and set(expected) == set(POINTS)
    setup = next(c.source for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "l02_setup")
    tests = _test_cells(notebook)
    for criterion, points in expected.items():
        cell = _answer_cell_of(criterion)
        if cell not in overrides:
            assert points == POINTS[criterion], f"{sample}: {criterion} keeps the model answer"
            continue
        namespace: dict = {}
        exec(compile(setup, "<setup>", "exec"), namespace)  # noqa: S102
        exec(compile(overrides[cell], f"<{cell}>", "exec"), namespace)  # noqa: S102
        graders = {name: module for name, module in sys.modules.items() if name.split(".")[0] == "grading"}
        try:  # the hidden tests reload ``grading``: its CheckFailed is then another class of the same name
            exec(compile(tests[criterion], f"<{criterion}>", "exec"), namespace)  # noqa: S102
            got = POINTS[criterion]
        except Exception as error:  # noqa: BLE001
            assert type(error).__name__ == "CheckFailed", f"{sample}: {criterion} crashed the check: {error!r}"
            got = 0.0
        finally:
            sys.modules.update(graders)
        assert got == points, f"{sample}: {criterion} scored {got}, expected {points}"
