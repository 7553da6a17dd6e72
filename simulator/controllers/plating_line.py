"""Reference controller for ``plating-line-v1``: one rack at a time through every tank, in specification.

Tests, ``sflab sim --controller reference`` and the benchmarks use it; teachers can read it as
the model answer of the hoist-sequence lab. It is a scan function with four parts:

1. 운전 자기유지 (run latch): start, stop, e-stop and reset, as on every line
   (:mod:`simulator.controllers.run_latch`).
2. 온도 (thermostats): each heated tank's heater full on below its setpoint − 1 °C and off
   above the setpoint (on/off with hysteresis); the zinc analyser's reading switches the
   dosing pump the same way.
3. 레시피 (recipe): from the barcode's surface area, the rectifier current for 2 A/dm² and,
   by Faraday's law, the minutes in the zinc tank for 10.5 µm at 95 % efficiency
   (:func:`simulator.plant.plating.faraday.minutes_for`): the middle of the 8–13 µm band.
4. 호이스트 순서 (hoist sequence): a list of steps — travel to a station, lower, raise, wait —
   each finished by its sensor or its timer. For every tank: lower the rack in, raise the
   empty hook, wait out the immersion, lower, raise the rack, let it drip, travel on.

Analog scaling (see the scene's I/O map): temperatures 0.1 °C, current 0.1 A, position 1 mm,
area 0.1 dm², zinc 0.1 g/L per count; heater power 0.01 % per count.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from simulator.controllers.run_latch import RunLatch
from simulator.plant.plating.faraday import minutes_for
from simulator.plc.clock import active_clock

#: Heated tanks: temperature tag, heater tag, setpoint in °C.
THERMOSTATS = (
    ("degrease_temp", "degrease_heater", 70.0),
    ("zinc_temp", "zinc_heater", 28.0),
    ("dry_temp", "dry_heater", 70.0),
)
#: Thermostat hysteresis: on below setpoint − this, off above the setpoint, in °C.
HYSTERESIS_C = 1.0
#: Zinc concentration the dosing pump keeps, g/L: on below the first, off above the second.
DOSING_G_PER_L = (28.0, 30.0)
#: Stations in line order, in millimetres of the hoist's encoder (load, nine tanks, unload).
STATIONS_MM = (0, 1500, 3000, 4500, 6000, 7500, 9000, 10500, 12000, 13500, 15000)
#: Seconds in each tank, in line order (the zinc tank's comes from the recipe).
IMMERSION_S = {1: 420.0, 2: 45.0, 3: 120.0, 4: 45.0, 6: 45.0, 7: 40.0, 8: 45.0, 9: 240.0}
ZINC_STATION = 5
#: The recipe: current density (A/dm²), target thickness (µm), the bath's efficiency in its window.
RECIPE_A_PER_DM2, TARGET_UM, EFFICIENCY = 2.0, 10.5, 0.95
#: Seconds a rack drips over its tank before the hoist moves on, and the lift's time (scene: 1.2 m at 0.15 m/s).
DRIP_S, LIFT_S = 10.0, 8.0
#: How close to a station (mm) the hoist must be to stop there.
STOP_WITHIN_MM = 10


@dataclass(frozen=True)
class Step:
    """One step of the hoist sequence: ``travel`` to a station, ``down``, ``up``, ``wait`` seconds, ``current``."""

    kind: str
    station: int = 0
    seconds: float = 0.0


class PlatingLineController:
    """Plates one rack at a time, each through every tank in order, then waits for the next."""

    def __init__(self) -> None:
        self.latch = RunLatch()
        self.steps: Iterator[Step] = iter(())
        self.step: Step | None = None
        self.step_started_s = 0.0
        self.current_a = 0.0
        self.zinc_s = 0.0

    def scan(self, io: Any) -> None:
        """One PLC scan."""
        run = self.latch.scan(io)
        self._thermostats(io)
        self._hoist(io, run)
        io.lamp_green = run
        io.lamp_yellow = not run and not self.latch.estop_tripped
        io.lamp_red = self.latch.estop_tripped
        io.buzzer = not io.estop_ok

    # ---------------------------------------------------------------- temperatures and zinc
    def _thermostats(self, io: Any) -> None:
        for temperature, heater, setpoint_c in THERMOSTATS:
            now_c = getattr(io, temperature) / 10
            if now_c < setpoint_c - HYSTERESIS_C:
                setattr(io, heater, 10_000)
            elif now_c > setpoint_c:
                setattr(io, heater, 0)
        zinc = io.zinc_conc / 10
        low, high = DOSING_G_PER_L
        io.dosing_pump = zinc < low or (io.dosing_pump and zinc < high)

    # ---------------------------------------------------------------- the hoist
    def _hoist(self, io: Any, run: bool) -> None:
        io.hoist_forward = io.hoist_reverse = io.hoist_up = io.hoist_down = False
        if not run:
            return
        if self.step is None:
            if not (io.rack_ready and io.unload_free):
                return
            self._plan(io)
        now_s = active_clock().now_s
        step = self.step
        assert step is not None
        if self._do(io, step, now_s - self.step_started_s):
            self.step = next(self.steps, None)
            self.step_started_s = now_s
            io.hoist_forward = io.hoist_reverse = io.hoist_up = io.hoist_down = False

    def _plan(self, io: Any) -> None:
        """The whole route of the rack waiting at the load station, from its barcode."""
        area_dm2 = io.rack_area / 10
        self.current_a = RECIPE_A_PER_DM2 * area_dm2
        self.zinc_s = minutes_for(TARGET_UM, RECIPE_A_PER_DM2, EFFICIENCY) * 60.0
        io.current_setpoint = round(self.current_a * 10)
        steps = [Step("travel", 0), Step("down"), Step("up")]
        for station in range(1, len(STATIONS_MM) - 1):
            seconds = self.zinc_s if station == ZINC_STATION else IMMERSION_S[station]
            steps += [Step("travel", station), Step("down"), Step("current", station), Step("up")]
            steps += [Step("wait", station, seconds - 2 * LIFT_S), Step("down"), Step("current", 0), Step("up")]
            steps += [Step("wait", station, DRIP_S)]
        steps += [Step("travel", len(STATIONS_MM) - 1), Step("down"), Step("up"), Step("travel", 0)]
        self.steps = iter(steps)
        self.step = next(self.steps)
        self.step_started_s = active_clock().now_s

    def _do(self, io: Any, step: Step, elapsed_s: float) -> bool:
        """Drive the outputs for ``step``; True once it is done."""
        if step.kind == "travel":
            error_mm = STATIONS_MM[step.station] - io.hoist_position_mm
            if abs(error_mm) <= STOP_WITHIN_MM and io.hoist_at_station:
                return True
            io.hoist_forward, io.hoist_reverse = error_mm > 0, error_mm < 0
            return False
        if step.kind == "down":
            io.hoist_down = not io.hoist_down_limit
            return bool(io.hoist_down_limit)
        if step.kind == "up":
            io.hoist_up = not io.hoist_up_limit
            return bool(io.hoist_up_limit)
        if step.kind == "current":
            io.rectifier_on = step.station == ZINC_STATION
            return True
        return elapsed_s >= step.seconds
