"""Prepared L09 submissions of mixed quality, with the score each must get.

The tests grade them to prove partial credit is exact: each wrong answer below is a
mistake students really make with condition data (a baseline over the whole run, an alarm
on a single noisy sample, a fixed ISO limit, a straight trend on exponential wear), and
each costs exactly the criteria listed with it.

Each sample leaves unanswered the costly step its mistake cannot touch (the detector's runs
or the trend's), as :mod:`tests.samples.answers` explains: the criteria still answered show
the mistake costs only its own.
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill
from tests.samples.answers import sample_answers

#: Points per criterion of lab L09.
POINTS = {"l09_baseline": 2.0, "l09_detector": 4.0, "l09_lead": 2.0, "l09_rul": 2.0}

#: Ignores the window: the mean and std of the whole run mix in the warm-up and the wear.
BASELINE_WHOLE_RUN = """
def baseline_stats(table, start_s, end_s):
    return {
        column: (float(np.mean(table[column])), float(np.std(table[column])))
        for column in ("current_a", "temperature_c", "vibration_mm_s")
    }
"""

#: Alarms on the first sample over z = 2: a healthy motor's noise trips it within minutes.
DETECTOR_NO_PERSISTENCE = """
class AnomalyDetector:
    def __init__(self, baseline):
        self.mean, self.std = baseline["vibration_mm_s"]
        self.alarm = False

    def update(self, sample):
        if (sample["vibration_mm_s"] - self.mean) / self.std > 2:
            self.alarm = True
        return self.alarm
"""

#: Waits for ISO 10816's zone C/D limit (4.5 mm/s): never a false alarm, but only ~20 minutes' warning.
DETECTOR_ISO_LIMIT = """
class AnomalyDetector:
    def __init__(self, baseline):
        self.over = 0
        self.alarm = False

    def update(self, sample):
        self.over = self.over + 1 if sample["vibration_mm_s"] > 4.5 else 0
        if self.over >= 5:
            self.alarm = True
        return self.alarm
"""

#: A straight line through exponential wear: the slope is too small, the breakdown predicted far too late.
RUL_STRAIGHT_LINE = """
def fit_log_trend(time_s, vibration_mm_s, healthy_mm_s):
    return tuple(np.polyfit(time_s, vibration_mm_s, 1))


def remaining_life_s(time_s, vibration_mm_s, healthy_mm_s, limit_mm_s=BREAKDOWN_MM_S):
    slope, intercept = np.polyfit(time_s, vibration_mm_s, 1)
    return (limit_mm_s - intercept) / slope - time_s[-1]
"""

#: Steps 2 and 3 (the detector: the lab's longest runs) left as released, and the points then.
NO_DETECTOR: dict[str, str | None] = {"l09_detector_answer": None}
WITHOUT_DETECTOR = {**POINTS, "l09_detector": 0.0, "l09_lead": 0.0}
#: Step 4 (the trend) left as released, and the points then.
NO_TREND: dict[str, str | None] = {"l09_rul_answer": None}
WITHOUT_TREND = {**POINTS, "l09_rul": 0.0}

#: Sample name → (answers replacing the model answers, None leaving an answer as released, or None for the
#: blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str | None] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "baseline_whole_run": (
        {"l09_baseline_answer": BASELINE_WHOLE_RUN, **NO_DETECTOR},
        {**WITHOUT_DETECTOR, "l09_baseline": 0.0},
    ),
    "detector_no_persistence": (
        {"l09_detector_answer": DETECTOR_NO_PERSISTENCE, **NO_TREND},
        {**WITHOUT_TREND, "l09_detector": 0.0, "l09_lead": 0.0},
    ),
    "detector_iso_limit": ({"l09_detector_answer": DETECTOR_ISO_LIMIT, **NO_TREND}, {**WITHOUT_TREND, "l09_lead": 0.0}),
    "rul_straight_line": ({"l09_rul_answer": RUL_STRAIGHT_LINE, **NO_DETECTOR}, {**WITHOUT_DETECTOR, "l09_rul": 0.0}),
    "partial": (
        {"l09_baseline_answer": BASELINE_WHOLE_RUN, "l09_rul_answer": RUL_STRAIGHT_LINE},
        {**POINTS, "l09_baseline": 0.0, "l09_rul": 0.0},
    ),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, sample_answers(source, overrides))
