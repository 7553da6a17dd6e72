"""Prepared L03 submissions of mixed quality, with the score each must get.

The tests grade them through nbgrader to prove partial credit is exact (tests/labs) and run
their checks directly (tests/grading).
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill, source_answers

#: Points per criterion of lab L03.
POINTS = {"l03_self_hold": 3.0, "l03_stop_priority": 2.0, "l03_interlock": 3.0, "l03_estop": 2.0}

_START_STOP = """
class StartStop:
    def __init__(self):
        self.run = False

    def scan(self, io):
        self.run = {latch}
        io.sorter_forward = self.run
        io.infeed_motor = self.run
        io.feeder_on = self.run
"""

#: Runs only while start is held (촌동): no self-holding, so stop priority cannot be shown either.
NO_SELF_HOLD = _START_STOP.format(latch="io.start_button and io.stop_button")

#: 기동 우선: start held together with stop keeps the line running.
START_PRIORITY = _START_STOP.format(latch="io.start_button or (self.run and io.stop_button)")

#: Stop priority written as SET/RST if statements, rising edge of start: also right.
SET_RESET_EDGE = """
class StartStop:
    def __init__(self):
        self.run = False
        self.start_was = False

    def scan(self, io):
        if io.start_button and not self.start_was:
            self.run = True
        self.start_was = io.start_button
        if not io.stop_button:
            self.run = False
        io.sorter_forward = io.infeed_motor = io.feeder_on = self.run
"""

_REVERSING = """
class {name}:
    def __init__(self):
        self.forward = False
        self.reverse = False

    def scan(self, io):
        may_run = {may_run}
        self.forward = (io.start_button or self.forward) and may_run{lock_forward}
        self.reverse = (io.reset_button or self.reverse) and may_run{lock_reverse}
        io.sorter_forward = self.forward{gate}
        io.sorter_reverse = self.reverse{gate}
        io.infeed_motor = self.forward{gate}
        io.feeder_on = self.forward{gate}
        io.lamp_red = not io.estop_ok
"""

#: Both directions latch, but nothing keeps them apart: forward and reverse on together.
NO_INTERLOCK = _REVERSING.format(
    name="ReversingConveyor", may_run="io.stop_button", lock_forward="", lock_reverse="", gate=""
)

#: The e-stop only blocks the outputs; the latches survive it and the belt restarts on release.
ESTOP_RESTARTS = _REVERSING.format(
    name="SafeConveyor",
    may_run="io.stop_button",
    lock_forward=" and not self.reverse",
    lock_reverse=" and not self.forward",
    gate=" and io.estop_ok",
)

#: A right e-stop on a reversing circuit without interlock: passes the e-stop check, which never
#: presses the other direction while one runs.
SAFE_NO_INTERLOCK = _REVERSING.format(
    name="SafeConveyor", may_run="io.stop_button and io.estop_ok", lock_forward="", lock_reverse="", gate=""
)

#: Sample name → (answers replacing the model answers, or None for the blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "no_self_hold": (
        {"l03_start_stop_answer": NO_SELF_HOLD},
        {**POINTS, "l03_self_hold": 0.0, "l03_stop_priority": 0.0},
    ),
    "start_priority": ({"l03_start_stop_answer": START_PRIORITY}, {**POINTS, "l03_stop_priority": 0.0}),
    "set_reset_edge": ({"l03_start_stop_answer": SET_RESET_EDGE}, dict(POINTS)),
    "no_interlock": ({"l03_reversing_answer": NO_INTERLOCK}, {**POINTS, "l03_interlock": 0.0}),
    "estop_restarts": ({"l03_safe_answer": ESTOP_RESTARTS}, {**POINTS, "l03_estop": 0.0}),
    "partial": (
        {
            "l03_start_stop_answer": START_PRIORITY,
            "l03_reversing_answer": NO_INTERLOCK,
            "l03_safe_answer": SAFE_NO_INTERLOCK,
        },
        {**POINTS, "l03_stop_priority": 0.0, "l03_interlock": 0.0},
    ),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, {**source_answers(source), **overrides})
