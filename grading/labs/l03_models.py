"""Lab L03's right circuits and button timetables: what the checks compare the student's program with.

Each model (:class:`StartStopModel`, :class:`ReversingModel`, :class:`SafeModel`) is the
circuit the lab asks for, scanned beside the student's program on the same panel inputs;
the timetables say which buttons the simulated operator presses, when, and for how long.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The lab's scene.
SCENE = "sorting-line-v1"
#: How long a button is held when the timetable does not say, in seconds.
PRESS_S = 0.3
#: The panel controls a scenario may use, with their Korean names.
CONTROL_KO = {
    "start": "시작 버튼",
    "stop": "정지 버튼",
    "reset": "역회전 버튼(리셋)",
    "estop": "비상정지",
    "release_estop": "비상정지 해제",
}
CONTROL_EN = {
    "start": "start",
    "stop": "stop",
    "reset": "reverse (reset) button",
    "estop": "e-stop",
    "release_estop": "e-stop released",
}

#: One event of a timetable: (time in s, control, hold in s).
Event = tuple[float, str, float]


@dataclass(frozen=True)
class Panel:
    """The panel inputs one scan saw (True = pressed, whatever the contact type)."""

    start: bool
    stop: bool
    estop: bool
    reverse: bool

    @classmethod
    def read(cls, io: Any) -> Panel:
        """Read the buttons from the process image (stop and e-stop are NC: 0 when pressed)."""
        return cls(bool(io.start_button), not io.stop_button, not io.estop_ok, bool(io.reset_button))

    def ko(self) -> str:
        """The buttons held, in Korean."""
        held = [n for n, on in (("시작", self.start), ("정지", self.stop), ("역회전", self.reverse)) if on]
        text = ", ".join(f"{n} 버튼 눌림" for n in held) or "버튼 안 누름"
        return text + (" · 비상정지 눌림" if self.estop else "")

    def en(self) -> str:
        """The buttons held, in English."""
        held = [n for n, on in (("start", self.start), ("stop", self.stop), ("reverse", self.reverse)) if on]
        text = ", ".join(held) + " held" if held else "no button held"
        return text + (", e-stop pressed" if self.estop else "")


# ---------------------------------------------------------------- the right circuits
class StartStopModel:
    """자기유지회로 with stop priority: run = (start or run) and not stop."""

    outputs: tuple[str, ...] = ("sorter_forward", "infeed_motor", "feeder_on")
    step = 1

    def __init__(self) -> None:
        self.run = False

    def scan(self, panel: Panel) -> dict[str, bool]:
        """The outputs after one scan."""
        self.run = (panel.start or self.run) and not panel.stop
        return dict.fromkeys(self.outputs, self.run)


class ReversingModel:
    """Forward and reverse self-holding circuits, each blocked by the other (인터록)."""

    outputs: tuple[str, ...] = ("sorter_forward", "sorter_reverse", "infeed_motor", "feeder_on")
    step = 2
    uses_estop = False

    def __init__(self) -> None:
        self.forward = False
        self.reverse = False

    def scan(self, panel: Panel) -> dict[str, bool]:
        """The outputs after one scan."""
        allowed = not panel.stop and not (self.uses_estop and panel.estop)
        self.forward = (panel.start or self.forward) and allowed and not self.reverse
        self.reverse = (panel.reverse or self.reverse) and allowed and not self.forward
        return {
            "sorter_forward": self.forward,
            "sorter_reverse": self.reverse,
            "infeed_motor": self.forward,
            "feeder_on": self.forward,
        }


class SafeModel(ReversingModel):
    """The reversing circuit with an e-stop that wins over everything, and a red lamp."""

    outputs = ("sorter_forward", "sorter_reverse", "infeed_motor", "feeder_on", "lamp_red")
    step = 3
    uses_estop = True

    def scan(self, panel: Panel) -> dict[str, bool]:
        """The outputs after one scan."""
        return {**super().scan(panel), "lamp_red": panel.estop}


# ---------------------------------------------------------------- timetables
def self_hold_events(start_at_s: float = 1.0, stop_at_s: float = 6.0, start_hold_s: float = PRESS_S) -> list[Event]:
    """Start, run on the latch, start again while running (no toggle), stop, start again, stop.

    Raises:
        ValueError: when the second start would not fall while the line runs.
    """
    if stop_at_s - start_at_s < start_hold_s + 1.5:
        raise ValueError("stop_at_s must come at least start_hold_s + 1.5 s after start_at_s")
    return [
        (start_at_s, "start", start_hold_s),
        (stop_at_s - 1.0, "start", PRESS_S),  # pressed again while running: nothing changes
        (stop_at_s, "stop", PRESS_S),
        (stop_at_s + 2.0, "start", PRESS_S),
        (stop_at_s + 5.0, "stop", 1.0),
    ]


def stop_priority_events(together_at_s: float = 4.0, lead_s: float = 0.0) -> list[Event]:
    """Stop and start pressed together while running and from rest, then start alone.

    With ``lead_s`` > 0 the two buttons are not pressed at the very same moment: while running,
    start is pressed first and stop ``lead_s`` later; from rest, stop is held first and start
    ``lead_s`` later. Stop is always let go 0.3 s after start.

    Raises:
        ValueError: when the line would not be running at ``together_at_s`` or ``lead_s`` is too long.
    """
    if together_at_s < 2.0 or not 0.0 <= lead_s <= 0.4:
        raise ValueError("together_at_s must be ≥ 2 s and lead_s between 0 and 0.4 s")
    t, rest = together_at_s, together_at_s + 3.0
    return [
        (1.0, "start", PRESS_S),
        (t, "start", 0.5),
        (t + lead_s, "stop", 0.8 - lead_s),
        (rest, "stop", 0.8 + lead_s),
        (rest + lead_s, "start", 0.5),
        (rest + lead_s + 3.0, "start", PRESS_S),
    ]


def interlock_events(first: str = "start", change_at_s: float = 4.0) -> list[Event]:
    """Run one way, press the other way (ignored), stop, run the other way, and back.

    Args:
        first: the direction started first, ``"start"`` (forward) or ``"reset"`` (reverse).
        change_at_s: when the other direction's button is first pressed (while running), ≥ 2 s.
    """
    if first not in ("start", "reset") or change_at_s < 2.0:
        raise ValueError("first must be 'start' or 'reset', change_at_s ≥ 2 s")
    other = "reset" if first == "start" else "start"
    t = change_at_s
    return [
        (1.0, first, PRESS_S),
        (t, other, PRESS_S),
        (t + 2.0, "stop", PRESS_S),
        (t + 4.0, other, 0.6),
        (t + 6.0, first, PRESS_S),
        (t + 8.0, "stop", PRESS_S),
        (t + 10.0, first, PRESS_S),
    ]


def estop_events(estop_at_s: float = 4.0, second_estop_s: float = 13.0) -> list[Event]:
    """E-stop while running forward, start pressed during it, release, reverse, e-stop again.

    Raises:
        ValueError: when the second e-stop would not come while the line runs in reverse.
    """
    t, u = estop_at_s, second_estop_s
    if t < 2.0 or u - 0.2 < t + 6.0:
        raise ValueError("estop_at_s must be ≥ 2 s and second_estop_s ≥ estop_at_s + 6.2 s")
    return [
        (1.0, "start", PRESS_S),
        (t, "estop", 0.0),
        (t + 1.5, "start", PRESS_S),  # start pressed while the e-stop is in: nothing moves
        (t + 3.0, "release_estop", 0.0),
        (t + 5.0, "reset", PRESS_S),
        (u - 0.2, "reset", 1.0),  # reverse held while the e-stop comes
        (u, "estop", 0.0),
        (u + 2.0, "release_estop", 0.0),
        (u + 3.0, "start", PRESS_S),
        (u + 5.0, "estop", 0.0),
    ]


#: The models by name (a check names its model: the name crosses to the isolated child as text).
MODELS: dict[str, type[Any]] = {
    "StartStopModel": StartStopModel,
    "ReversingModel": ReversingModel,
    "SafeModel": SafeModel,
}
