"""When each injected fault is in force: from its start time to its end time, on the plant's clock.

A fault (:mod:`simulator.plant.faults`) is data: what breaks, how badly, from when to
when. This module keeps the list of faults injected and the list of those in force now,
and calls ``on_change`` at the moment the second list changes — the plant then tells
the wiring and the machines.
"""

from __future__ import annotations

from collections.abc import Callable

import simpy

from simulator.plant.faults import Fault


class FaultTimeline:
    """Faults injected into a plant, switched on and off at their times.

    Args:
        env: the plant's clock.
        on_change: called (with no arguments) whenever the faults in force change.
    """

    def __init__(self, env: simpy.Environment, on_change: Callable[[], None]) -> None:
        self.env = env
        self._on_change = on_change
        #: Every fault injected and not cleared, in the order injected.
        self.injected: list[Fault] = []
        #: The faults in force now, in the order they began.
        self.active: list[Fault] = []

    def inject(self, fault: Fault) -> None:
        """Add ``fault`` (already checked); it takes effect between its start and end times."""
        self.injected.append(fault)
        if fault.start_s <= self.env.now:
            self._activate(fault)  # in force at once, before the next scan
        else:
            self.env.process(self._activate_at_start(fault))
        if fault.end_s is not None:
            self.env.process(self._deactivate_at_end(fault, fault.end_s))

    def clear(self) -> None:
        """Remove every fault now, including those still to begin."""
        self.injected.clear()
        self.active.clear()
        self._on_change()

    def _activate_at_start(self, fault: Fault) -> simpy.events.ProcessGenerator:
        yield self.env.timeout(fault.start_s - self.env.now)
        self._activate(fault)

    def _activate(self, fault: Fault) -> None:
        if fault in self.injected:  # not cleared before it began
            self.active.append(fault)
            self._on_change()

    def _deactivate_at_end(self, fault: Fault, end_s: float) -> simpy.events.ProcessGenerator:
        yield self.env.timeout(max(0.0, end_s - self.env.now))
        if fault in self.active:
            self.active.remove(fault)
            self._on_change()
