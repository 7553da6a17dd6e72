"""An automatic work station on the line: an entry gate, a work stop and a process timer.

A station takes one part at a time (see :class:`~simulator.scenes.model.StationSpec`):

1. empty, its entry gate is open: the next part's front edge passing the gate makes it *busy*;
2. when that part's back edge has passed the gate, the gate closes behind it (an escapement:
   the next part in the queue stops with its front edge at the gate);
3. the part rides to the work stop, is worked on for ``process_s`` and is released;
4. when its back edge has passed the stop the station is empty and the gate opens again.

So one cycle takes ``process_s`` plus the time to bring the next part from the gate to the stop
and to clear the stop — the belt speed under the station is part of the cycle time.
The :class:`~simulator.plant.conveyor.transport.Line` asks :meth:`Station.plan` for the station's next
events and calls :meth:`Station.holds` to know which parts it holds back.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from typing import Literal

from simulator.plant.conveyor.items import Item
from simulator.plant.stopwatch import Stopwatch
from simulator.scenes.model import StationSpec

#: What a station is doing, as shown on the screen.
StationState = Literal["idle", "working", "broken"]

#: Positions closer than this are the same, in metres.
SAME_PLACE_M = 1e-9


class Station:
    """The state of one work station while the line runs."""

    def __init__(self, spec: StationSpec, clock: Callable[[], float], on_hit: Callable[[Item], None]) -> None:
        self.spec = spec
        #: The line's time, in seconds: when an event is handled, the time it happens.
        self._clock = clock
        #: Called when a part is stopped at the gate or the stop (the line checks how hard it hit).
        self._on_hit = on_hit
        #: The part in the station (from its front passing the gate until its back passes the stop).
        self.inside: Item | None = None
        #: True while the gate is closed behind the part inside.
        self.gate_closed = False
        #: The part held at the closed gate, if any.
        self.waiting: Item | None = None
        #: True while the part inside stands at the work stop being worked on.
        self.working = False
        #: True once the part inside is done and let go.
        self.released = False
        #: When the work on the part inside is done, in seconds.
        self.done_at_s = math.inf
        #: True while broken down: the work on a part pauses until the repair.
        self.broken = False
        #: Work left on the part when the station broke down, in seconds.
        self._left_s = 0.0
        #: Parts worked on so far.
        self.parts = 0
        #: Breakdowns so far.
        self.breakdowns = 0
        #: Time with a part inside, and time working on it.
        self.busy = Stopwatch()
        self.processing = Stopwatch()
        #: Time broken down, and broken down with a part inside.
        self.down = Stopwatch()
        self.down_with_part = Stopwatch()

    def holds(self, item: Item) -> bool:
        """True while the gate or the work stop holds ``item`` back."""
        if item is self.waiting:
            return self.gate_closed
        return item is self.inside and self.working

    def plan(self, items: list[Item], now_s: float, consider: Callable[[float, Callable[[], None]], None]) -> None:
        """Offer the station's next events to the line's planner ``consider(time_s, action)``."""
        spec = self.spec
        inside = self.inside
        if inside is None:
            nxt = self._next_before(items, spec.gate_m)
            if nxt is not None and nxt.v_m_per_s > 0:
                consider(now_s + max(0.0, spec.gate_m - nxt.front_m) / nxt.v_m_per_s, partial(self._enter, nxt))
            return
        v = inside.v_m_per_s
        if not self.gate_closed and v > 0:
            consider(now_s + max(0.0, spec.gate_m - inside.back_m) / v, self._close_gate)
        if self.gate_closed and self.waiting is None:
            nxt = self._next_before(items, spec.gate_m, skip=inside)
            if nxt is not None and nxt.v_m_per_s > 0:
                consider(now_s + max(0.0, spec.gate_m - nxt.front_m) / nxt.v_m_per_s, partial(self._hold_at_gate, nxt))
        if not self.working and not self.released and v > 0:
            consider(now_s + max(0.0, spec.stop_m - inside.front_m) / v, partial(self._arrive, inside))
        if self.working:
            consider(self.done_at_s, self._done)
        if self.released and v > 0:
            consider(now_s + max(0.0, spec.stop_m - inside.back_m) / v, self._leave)

    def forget(self, item: Item) -> None:
        """``item`` left the line (fell into a bin or was pushed off): the station lets go of it."""
        if item is self.waiting:
            self.waiting = None
        if item is self.inside:
            self._leave()

    def set_broken(self, broken: bool) -> None:
        """Break down (``True``) or come back repaired, at the line's time."""
        now = self._clock()
        if broken == self.broken:
            return
        self.broken = broken
        self.down.set(broken, now)
        if broken:
            self.breakdowns += 1
        if self.working:
            if broken:
                self._left_s, self.done_at_s = self.done_at_s - now, math.inf
            else:
                self.done_at_s = now + self._left_s
            self.processing.set(not broken, now)
        self._note_down_with_part()

    # ---------------------------------------------------------------- read accessors (for the snapshot)
    @property
    def state(self) -> StationState:
        """``"broken"`` while broken down, ``"working"`` with a part inside, else ``"idle"`` (waiting for one)."""
        if self.broken:
            return "broken"
        return "working" if self.inside is not None else "idle"

    def work_left_s(self, now_s: float) -> float:
        """Work left on the part at the work stop at ``now_s``, in seconds (held while broken down; else 0)."""
        if not self.working:
            return 0.0
        if self.broken:
            return self._left_s
        return max(0.0, self.done_at_s - now_s)

    def energy_j(self, now_s: float) -> float:
        """Electrical energy used up to ``now_s``, in joules (switched on from the start)."""
        working_s = self.processing.total_s(now_s)
        return working_s * self.spec.busy_power_w + (now_s - working_s) * self.spec.idle_power_w

    # ---------------------------------------------------------------- events (the line moved parts to now)
    def _next_before(self, items: list[Item], x_m: float, skip: Item | None = None) -> Item | None:
        """The part nearest upstream of ``x_m`` (its front edge at or before it)."""
        for item in items:  # leading part first
            if item is not skip and item.front_m <= x_m + SAME_PLACE_M:
                return item
        return None

    def _enter(self, item: Item) -> None:
        self.inside = item
        self.gate_closed = False
        self.busy.set(True, self._clock())
        self._note_down_with_part()

    def _close_gate(self) -> None:
        self.gate_closed = True

    def _hold_at_gate(self, item: Item) -> None:
        item.x_m = min(item.x_m, self.spec.gate_m - item.length_m / 2)
        self.waiting = item
        self._on_hit(item)

    def _arrive(self, item: Item) -> None:
        item.x_m = min(item.x_m, self.spec.stop_m - item.length_m / 2)
        self.working = True
        if self.broken:
            self._left_s, self.done_at_s = self.spec.process_s, math.inf
        else:
            self.done_at_s = self._clock() + self.spec.process_s
            self.processing.set(True, self._clock())
        self._on_hit(item)

    def _done(self) -> None:
        self.working = False
        self.released = True
        self.done_at_s = math.inf
        self.processing.set(False, self._clock())
        self.parts += 1
        if self.inside is not None:
            self.inside.route.append(self.spec.name)

    def _leave(self) -> None:
        self.inside = None
        self.working = self.released = False
        self.done_at_s = math.inf
        self.gate_closed = False
        self.waiting = None
        self.busy.set(False, self._clock())
        self.processing.set(False, self._clock())
        self._note_down_with_part()

    def _note_down_with_part(self) -> None:
        self.down_with_part.set(self.broken and self.inside is not None, self._clock())
