"""Prepared L02 submissions of mixed quality, with the score each must get.

The tests grade them through nbgrader to prove partial credit is exact (tests/labs) and run
their checks directly (tests/grading). Each wrong answer is a
mistake students really make with analog sensors.
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill, source_answers

#: Points per criterion of lab L02.
POINTS = {"l02_scale": 2.0, "l02_calibrate": 2.0, "l02_filter": 2.0, "l02_gauge": 2.0, "l02_hysteresis": 2.0}

#: Returns the distance from the lens, not the part's height: wrong even in the visible test.
SCALE_DISTANCE = """
def counts_to_mm(counts):
    return 50.0 + counts * (250.0 - 50.0) / 32000
"""

#: Looks the two visible cases up in a table: passes the visible test, fails the hidden one.
SCALE_HARD_CODED = """
def counts_to_mm(counts):
    known = {24000: 0.0, 14400: 60.0}
    return known[counts]
"""

#: Ignores the calibration points and returns the datasheet line: right only for the visible points.
CALIBRATE_DATASHEET = """
def calibrate(raw_a, mm_a, raw_b, mm_b):
    return -0.00625, 150.0
"""

#: Keeps the window in a class variable: two filters share one list (fails the hidden test only).
FILTER_SHARED_WINDOW = """
class MovingAverage:
    values = []

    def __init__(self, size):
        self.size = size

    def update(self, value):
        self.values.append(value)
        if len(self.values) > self.size:
            self.values.pop(0)
        return sum(self.values) / len(self.values)
"""

_GAUGE = """
class HeightGauge:
    def __init__(self):
        self.heights = []
        self.window = deque({window})
        self.part_was_here = False

    def scan(self, io):
        run = io.estop_ok
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = run
        if io.inspect_eye:
            self.window.append(200.0 - (50.0 + io.height_raw * 200.0 / 32000))
        elif self.part_was_here and self.window:
            self.heights.append({measured})
            self.window.clear()
        self.part_was_here = io.inspect_eye
"""

#: Records the last reading of each part, without a filter: the sensor noise is too large.
GAUGE_UNFILTERED = _GAUGE.format(window="maxlen=1", measured="self.window[-1]")

#: Averages every reading while the part is under the eye, including the rising front edge: biased low.
GAUGE_WHOLE_PART = _GAUGE.format(window="", measured="sum(self.window) / len(self.window)")

#: One threshold, no hysteresis: the alarm follows every value around 61 mm.
HYSTERESIS_SINGLE_THRESHOLD = """
class Hysteresis:
    def __init__(self, on_at, off_at):
        self.on_at = on_at

    def update(self, value):
        return value >= self.on_at
"""

#: Sample name → (answers replacing the model answers, or None for the blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "scale_distance": ({"l02_scale_answer": SCALE_DISTANCE}, {**POINTS, "l02_scale": 0.0}),
    "scale_hard_coded": ({"l02_scale_answer": SCALE_HARD_CODED}, {**POINTS, "l02_scale": 0.0}),
    "filter_shared_window": ({"l02_filter_answer": FILTER_SHARED_WINDOW}, {**POINTS, "l02_filter": 0.0}),
    "gauge_unfiltered": ({"l02_gauge_answer": GAUGE_UNFILTERED}, {**POINTS, "l02_gauge": 0.0}),
    "hysteresis_single": ({"l02_hysteresis_answer": HYSTERESIS_SINGLE_THRESHOLD}, {**POINTS, "l02_hysteresis": 0.0}),
    "partial": (
        {
            "l02_calibrate_answer": CALIBRATE_DATASHEET,
            "l02_gauge_answer": GAUGE_WHOLE_PART,
            "l02_hysteresis_answer": HYSTERESIS_SINGLE_THRESHOLD,
        },
        {**POINTS, "l02_calibrate": 0.0, "l02_gauge": 0.0, "l02_hysteresis": 0.0},
    ),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, {**source_answers(source), **overrides})
