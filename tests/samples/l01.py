"""Prepared L01 submissions of mixed quality, with the score each must get.

The tests grade them through nbgrader to prove partial credit is exact (tests/labs) and run
their checks directly (tests/grading).
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill, source_answers

#: Points per criterion of lab L01.
POINTS = {"l01_classify": 2.0, "l01_count": 3.0, "l01_debounce": 3.0, "l01_safety": 2.0}

#: classify ignores the capacitive sensor: passes the visible cases, fails the hidden ones.
CLASSIFY_IGNORES_PART_PROX = """
def classify(io):
    if not io.inspect_eye:
        return "none"
    return "metal" if io.metal_prox else "plastic"
"""

#: A counter that crashes on the first part (a typo in a tag name).
COUNTER_WITH_TYPO = """
class MaterialCounter:
    def __init__(self):
        self.was_here = False

    def scan(self, io):
        run = io.estop_ok
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = run
        if self.was_here and not io.inspect_eye:
            io.count_metals += 1
        self.was_here = io.inspect_eye
"""

_LINE = """
class DebouncedCounter:
    def __init__(self):
        self.was_here = False
        self.saw_metal = False
        self.on_delay = TON(PT=0.04)
        self.off_delay = TON(PT=0.04)
        self.part_here = False

    def scan(self, io):
        run = {run}
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = run
{count}
"""

_NAIVE_COUNT = """
        if io.inspect_eye and io.metal_prox:
            self.saw_metal = True
        if self.was_here and not io.inspect_eye:
            if self.saw_metal:
                io.count_metal += 1
            else:
                io.count_plastic += 1
            self.saw_metal = False
        self.was_here = io.inspect_eye
"""

_DEBOUNCED_COUNT = """
        if self.on_delay(IN=io.inspect_eye):
            self.part_here = True
        if self.part_here and io.metal_prox:
            self.saw_metal = True
        if self.off_delay(IN=not io.inspect_eye) and self.part_here:
            self.part_here = False
            if self.saw_metal:
                io.count_metal += 1
            else:
                io.count_plastic += 1
            self.saw_metal = False
"""

#: Counts without debouncing but obeys the e-stop.
NO_DEBOUNCE = _LINE.format(run="io.estop_ok", count=_NAIVE_COUNT.strip("\n"))
#: Debounces correctly but runs the line through the e-stop.
IGNORES_ESTOP = _LINE.format(run="True", count=_DEBOUNCED_COUNT.strip("\n"))
#: Neither debounces nor obeys the e-stop.
NO_DEBOUNCE_IGNORES_ESTOP = _LINE.format(run="True", count=_NAIVE_COUNT.strip("\n"))

#: Sample name → (answers replacing the model answers, or None for the blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "partial": (
        {"l01_debounce_answer": NO_DEBOUNCE_IGNORES_ESTOP},
        {**POINTS, "l01_debounce": 0.0, "l01_safety": 0.0},
    ),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "no_debounce": ({"l01_debounce_answer": NO_DEBOUNCE}, {**POINTS, "l01_debounce": 0.0}),
    "ignores_estop": ({"l01_debounce_answer": IGNORES_ESTOP}, {**POINTS, "l01_safety": 0.0}),
    "classify_incomplete": ({"l01_classify_answer": CLASSIFY_IGNORES_PART_PROX}, {**POINTS, "l01_classify": 0.0}),
    "counter_crashes": ({"l01_count_answer": COUNTER_WITH_TYPO}, {**POINTS, "l01_count": 0.0}),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, {**source_answers(source), **overrides})
