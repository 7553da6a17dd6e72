"""What the window remembers between frames that is not the plant: tabs, speed, trend, clicks.

The plant's state comes from its snapshot each frame; this is only the *view's* state
(which I/O tab is open, whether help is showing …) and the clickable areas that the
last frame drew, so a mouse click can be matched with what is under it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

import pygame

#: Samples kept by the trend chart (one per frame at most, thinned to this many).
TREND_SAMPLES = 600
#: Time span shown by the trend chart, in simulated seconds.
TREND_WINDOW_S = 20.0


@dataclass(frozen=True)
class Action:
    """Something a click or key asks for, e.g. ``Action("panel", "start")`` or ``Action("speed", "5")``."""

    kind: str
    arg: str = ""


class Hotspots:
    """Clickable rectangles drawn in the last frame, each with its :class:`Action`."""

    def __init__(self) -> None:
        self._spots: list[tuple[pygame.Rect, Action]] = []

    def add(self, rect: pygame.Rect, action: Action) -> None:
        """Make ``rect`` clickable."""
        self._spots.append((pygame.Rect(rect), action))

    def at(self, position: tuple[int, int]) -> Action | None:
        """The action under ``position`` (the one drawn last, i.e. on top), or None."""
        for rect, action in reversed(self._spots):
            if rect.collidepoint(position):
                return action
        return None

    def find(self, action: Action) -> pygame.Rect | None:
        """Where ``action`` was drawn (tests use this to click a button)."""
        return next((rect for rect, a in self._spots if a == action), None)


class Trend:
    """Recent values of one analog tag, for the trend chart."""

    def __init__(self, tag: str, window_s: float = TREND_WINDOW_S) -> None:
        self.tag = tag
        self.window_s = window_s
        self.samples: deque[tuple[float, int]] = deque(maxlen=TREND_SAMPLES)

    def add(self, time_s: float, value: int) -> None:
        """Record ``value`` at simulated ``time_s`` (older samples drop out of the window)."""
        if self.samples and time_s < self.samples[-1][0]:  # the scene was reset
            self.samples.clear()
        if self.samples and time_s - self.samples[-1][0] < self.window_s / TREND_SAMPLES:
            return
        self.samples.append((time_s, value))


@dataclass
class ViewState:
    """Everything the screen shows that does not come from the plant."""

    #: ``"ko"`` or ``"en"``.
    lang: str = "ko"
    #: The teacher panel and forcing are available.
    teacher: bool = False
    #: The teacher panel is open (F2).
    teacher_open: bool = False
    show_help: bool = False
    #: Which area the I/O monitor lists: ``DI``, ``DO``, ``AI`` (analog and data words) or ``M``.
    io_tab: str = "DI"
    #: First row shown in the I/O monitor (mouse wheel).
    io_scroll: int = 0
    speed: float = 1.0
    paused: bool = False
    #: ``Modbus.status()`` of the server, or None when no server runs.
    modbus: dict[str, Any] | None = None
    #: Panel buttons held down with the mouse (drawn pressed in).
    held: set[str] = field(default_factory=set)
    #: Fault kind chosen in the teacher panel, and the first tag of a ``swapped`` fault.
    fault_kind: str = "stuck_on"
    fault_first: str = ""
    #: A short message for the user (a fault injected, a screenshot saved …); empty for none.
    notice: str = ""
    #: Trend of an analog tag (None: the scene has no analog input).
    trend: Trend | None = None
    #: Clickable areas of the last frame.
    hotspots: Hotspots = field(default_factory=Hotspots)
