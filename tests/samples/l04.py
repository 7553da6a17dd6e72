"""Prepared L04 submissions of mixed quality, with the score each must get.

The tests grade them through nbgrader to prove partial credit is exact (tests/labs) and run
their checks directly (tests/grading).
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill, source_answers

#: Points per criterion of lab L04.
POINTS = {"l04_timers": 2.0, "l04_stroke": 3.0, "l04_watchdog": 2.0, "l04_batch": 3.0}

#: The red lamp follows a second TON instead of a TP pulse: the timing chart is wrong.
TIMERS_RED_IS_TON = """
class TimerLamps:
    def __init__(self):
        self.t0 = TON(PT=0.2)
        self.t1 = TOF(PT=1.0)
        self.t2 = TON(PT=0.5)

    def scan(self, io):
        io.lamp_green = self.t0(IN=io.entry_eye)
        io.lamp_yellow = self.t1(IN=io.entry_eye)
        io.lamp_red = self.t2(IN=io.entry_eye)
"""

_PUSHER = """
class MetalPusher:
    def __init__(self):
        self.was_inspecting = False
        self.saw_metal = False
        self.metal_next = False
        self.part_arrives = R_TRIG()
        self.stroke = TP(PT=0.3)
        self.pushing = False

    def scan(self, io):
        run = io.estop_ok
        io.feeder_on = io.infeed_motor = io.sorter_forward = run
        if io.inspect_eye and io.metal_prox:
            self.saw_metal = True
        if self.was_inspecting and not io.inspect_eye:
            self.metal_next, self.saw_metal = self.saw_metal, False
        self.was_inspecting = io.inspect_eye
        part_in_front = self.part_arrives(io.metal_eye)
        fire = part_in_front and self.metal_next
        if fire:
            self.metal_next = False
{body}
"""

#: Pushes for a fixed 0.3 s (TP) and has no watchdog: fails with a slow or a jammed cylinder.
TIMED_STROKE = _PUSHER.format(body="        io.pusher_metal_out = self.stroke(IN=fire) and run")

#: Holds the solenoid until the extended switch but never raises the stroke alarm.
NO_WATCHDOG = _PUSHER.format(
    body="""        if fire:
            self.pushing = True
        if io.pusher_metal_front:
            self.pushing = False
        io.pusher_metal_out = self.pushing and run"""
)

_BOX = """
class BoxCounter:
    def __init__(self):
        self.on_delay = TON(PT=0.04)
        self.off_delay = TON(PT=0.04)
        self.part_at_exit = False
        self.box = CTU()
        self.run_on = TOF(PT=1.0)

    def scan(self, io):
{count}
        full = self.box(CU=self.part_at_exit, R=io.reset_button, PV=io.D0)
        run = io.estop_ok and not full
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = {sorter}
        io.lamp_yellow = full
"""
_DEBOUNCED = """        if self.on_delay(IN=io.exit_eye):
            self.part_at_exit = True
        if self.off_delay(IN=not io.exit_eye):
            self.part_at_exit = False"""

#: Counts the bouncing exit eye without debouncing: right without noise, wrong in the hidden tests.
BOX_NO_DEBOUNCE = _BOX.format(
    count="        self.part_at_exit = io.exit_eye", sorter="self.run_on(IN=run) and io.estop_ok"
)
#: Stops the sorting belt at once: the last part stays on the belt and falls into the next box.
BOX_NO_RUN_ON = _BOX.format(count=_DEBOUNCED, sorter="run")

#: Sample name → (answers replacing the model answers, or None for the blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "timers_wrong": ({"l04_timers_answer": TIMERS_RED_IS_TON}, {**POINTS, "l04_timers": 0.0}),
    "timed_stroke": ({"l04_pusher_answer": TIMED_STROKE}, {**POINTS, "l04_stroke": 0.0, "l04_watchdog": 0.0}),
    "no_watchdog": ({"l04_pusher_answer": NO_WATCHDOG}, {**POINTS, "l04_watchdog": 0.0}),
    "box_no_debounce": ({"l04_batch_answer": BOX_NO_DEBOUNCE}, {**POINTS, "l04_batch": 0.0}),
    "partial": (
        {"l04_pusher_answer": NO_WATCHDOG, "l04_batch_answer": BOX_NO_RUN_ON},
        {**POINTS, "l04_watchdog": 0.0, "l04_batch": 0.0},
    ),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, {**source_answers(source), **overrides})
