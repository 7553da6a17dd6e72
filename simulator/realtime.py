"""Real-time pacing: the simulated clock follows the wall clock (times a speed factor).

The plant, the Modbus server and the window share **one asyncio loop in one thread**.
Each tick, :class:`RealtimeStepper` advances the SimPy environment to
``speed × elapsed wall time``; between ticks the loop serves Modbus requests and draws
frames. Nothing touches the plant from another thread, so nothing races the simulation
(SimPy's own tracker documents trouble with feeding a RealtimeEnvironment from
another thread; see ``../shared/design.md``).

Pause, single-scan stepping and speed changes happen between ticks.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from simulator.plant import Plant

#: Wall-clock time between two steps of the plant, in seconds (one scan at ×1).
TICK_S = 0.005
#: Speeds offered by the time controls.
SPEEDS = (1.0, 2.0, 5.0, 10.0)
#: At most this much simulated time is caught up in one tick, in seconds (after a stall).
MAX_CATCH_UP_S = 1.0


class RealtimeStepper:
    """Keeps ``plant`` in step with the wall clock on the running asyncio loop."""

    def __init__(self, plant: Plant, speed: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.plant = plant
        self.speed = speed
        self.paused = False
        self._clock = clock
        self._last_wall_s = clock()
        #: Called after every tick with the plant (e.g. to refresh a watchdog or a window).
        self.after_tick: list[Callable[[Plant], None]] = []

    def set_speed(self, speed: float) -> None:
        """Change the speed factor (1 = real time)."""
        self.tick()
        self.speed = speed

    def toggle_pause(self) -> None:
        """Pause or resume the simulated clock."""
        self.tick()
        self.paused = not self.paused

    def step_scan(self) -> None:
        """While paused: advance exactly one PLC scan."""
        self.plant.run(self.plant.plc.scan_period_s)

    def tick(self) -> None:
        """Advance the plant to where the wall clock says it should be."""
        now = self._clock()
        elapsed = now - self._last_wall_s
        self._last_wall_s = now
        if not self.paused:
            self.plant.run(min(MAX_CATCH_UP_S, elapsed * self.speed))
        for callback in self.after_tick:
            callback(self.plant)

    async def run(self, stop: asyncio.Event | None = None) -> None:
        """Tick until ``stop`` is set (or for ever)."""
        self._last_wall_s = self._clock()
        while stop is None or not stop.is_set():
            self.tick()
            await asyncio.sleep(TICK_S)
