"""Prepared L05 submissions of mixed quality, with the score each must get.

The tests grade them through nbgrader to prove partial credit is exact (tests/labs) and run
their checks directly (tests/grading).
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill, source_answers

#: Points per criterion of lab L05.
POINTS = {"l05_transitions": 2.0, "l05_sorting": 3.0, "l05_jam": 3.0, "l05_estop": 2.0}

_NEXT_STATE = """
def next_state(state, estop, stop, start, reset, jam, warned):
    if estop:
        return "ESTOP"
{leave}
    if state == "IDLE":
        return "START" if start and not stop else "IDLE"
{fault_or_stop}
    if state == "START" and warned:
        return "RUN"
    return state
"""
_LEAVE_ON_RESET = """    if state in ("JAM", "ESTOP"):
        return "IDLE" if reset else state"""
_JAM_FIRST = """    if jam:
        return "JAM"
    if stop:
        return "IDLE\""""

#: ESTOP is left as soon as the e-stop is twisted out, without reset: the line may restart on start alone.
ESTOP_WITHOUT_RESET = _NEXT_STATE.format(
    leave="""    if state == "ESTOP":
        return "IDLE"
    if state == "JAM":
        return "IDLE" if reset else state""",
    fault_or_stop=_JAM_FIRST,
)

#: The stop button is tested before the jam: a jam during a stop press goes unreported (priority wrong).
STOP_BEFORE_JAM = _NEXT_STATE.format(
    leave=_LEAVE_ON_RESET,
    fault_or_stop="""    if stop:
        return "IDLE"
    if jam:
        return "JAM\"""",
)

#: One memory slot between the two pushers (as in L04) instead of a queue: two parts there now and then,
#: so over an hour a few parts go to the wrong bin.
ONE_SLOT_SORTER = """
class Sorter:
    def __init__(self):
        self.inspecting = False
        self.max_height_mm = 0.0
        self.saw_metal = False
        self.to_metal_pusher = deque()
        self.to_ng_pusher = deque()
        self.fire_metal = False
        self.fire_ng = False
        self.at_metal_pusher = R_TRIG()
        self.at_ng_pusher = R_TRIG()
        self.ng_next = None

    def scan(self, io):
        self.inspect(io)
        self.sort(io)

    def inspect(self, io):
        if io.inspect_eye:
            height_mm = 200.0 - (50.0 + io.height_raw * 200.0 / 32000)
            self.max_height_mm = max(self.max_height_mm, height_mm)
            if io.metal_prox:
                self.saw_metal = True
        elif self.inspecting:
            if not io.height_limit_low_mm <= self.max_height_mm <= io.height_limit_high_mm:
                decision = "ng"
            elif self.saw_metal:
                decision = "metal"
            else:
                decision = "plastic"
            self.to_metal_pusher.append(decision)
            self.max_height_mm, self.saw_metal = 0.0, False
        self.inspecting = io.inspect_eye

    def sort(self, io):
        if self.at_metal_pusher(io.metal_eye) and self.to_metal_pusher:
            decision = self.to_metal_pusher.popleft()
            if decision == "metal":
                self.fire_metal = True
            else:
                self.ng_next = decision
        if self.at_ng_pusher(io.ng_eye) and self.ng_next is not None:
            if self.ng_next == "ng":
                self.fire_ng = True
            self.ng_next = None
        if io.pusher_metal_front:
            self.fire_metal = False
        if io.pusher_ng_front:
            self.fire_ng = False
        io.pusher_metal_out = self.fire_metal
        io.pusher_ng_out = self.fire_ng

    def abort(self, io):
        self.fire_metal = self.fire_ng = False
        io.pusher_metal_out = io.pusher_ng_out = False
"""

_LINE = """
class SortingLine:
    def __init__(self):
        self.state = "IDLE"
        self.sorter = Sorter()
        self.start_edge = R_TRIG()
        self.warning = TON(PT=3.0)
        self.entered = R_TRIG()
        self.arrived = R_TRIG()
        self.in_transit = 0
        self.transit = TON(PT=6.0)
        self.feed_delay = TON(PT=3.0)

    def scan(self, io):
        jam = self.watch_transit(io)
        warned = self.warning(IN=self.state == "START")
        self.state = next_state(
            self.state,
            estop=not io.estop_ok,
            stop=not io.stop_button,
            start=self.start_edge(io.start_button),
            reset=io.reset_button,
            jam=jam,
            warned=warned,
        )
        self.act(io)

    def watch_transit(self, io):
{watch}

    def act(self, io):
        run = self.state == "RUN"
        io.infeed_motor = run
        io.sorter_forward = run
        io.sorter_reverse = False
        io.feeder_on = {feeder}
        if self.state == "ESTOP":
            self.sorter.abort(io)
        else:
            self.sorter.scan(io)
        io.lamp_green = run
        io.lamp_yellow = self.state in ("IDLE", "START")
        io.lamp_red = self.state in ("JAM", "ESTOP")
        io.buzzer = self.state in ("START", "JAM")
"""

_WATCH = """        if self.entered(io.entry_eye):
            self.in_transit += 1
        arrived = self.arrived(io.inspect_eye)
        if arrived and self.in_transit > 0:
            self.in_transit -= 1
        return self.transit(IN=self.state == "RUN" and self.in_transit > 0 and not arrived{pt})"""
_FEED_DELAY = "self.feed_delay(IN=run)"

#: Never reports a jam: the line stands with the green lamp on while the infeed is jammed.
NO_JAM_DETECTION = _LINE.format(watch="        return False", feeder=_FEED_DELAY)

#: A 3 s watchdog, shorter than the 4 s a part needs between the eyes: false alarms in normal running.
SHORT_WATCHDOG = _LINE.format(watch=_WATCH.format(pt=", PT=3.0"), feeder=_FEED_DELAY)

#: Switches the feeder on together with the belts: after the jam the waiting part lands right behind
#: the one ahead, and a pusher hits both (collision).
NO_FEED_DELAY = _LINE.format(watch=_WATCH.format(pt=""), feeder="run")

#: Sample name → (answers replacing the model answers, or None for the blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "no_jam_detection": ({"l05_line_answer": NO_JAM_DETECTION}, {**POINTS, "l05_jam": 0.0}),
    "estop_without_reset": (
        {"l05_next_state_answer": ESTOP_WITHOUT_RESET},
        {**POINTS, "l05_transitions": 0.0, "l05_estop": 0.0},
    ),
    "stop_before_jam": ({"l05_next_state_answer": STOP_BEFORE_JAM}, {**POINTS, "l05_transitions": 0.0}),
    "one_slot_sorter": ({"l05_sorter_answer": ONE_SLOT_SORTER}, {**POINTS, "l05_sorting": 0.0}),
    "partial": (
        {"l05_sorter_answer": ONE_SLOT_SORTER, "l05_line_answer": NO_FEED_DELAY},
        {**POINTS, "l05_sorting": 0.0, "l05_jam": 0.0},
    ),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, {**source_answers(source), **overrides})
