"""What a teacher's fault on a plating line's output does to its machines.

The fault names an output tag (``jam`` or ``slow``, :mod:`simulator.plant.faults`); the machine
behind its signal reacts:

=======================  =======================================================
output signal            jam (and slow)
=======================  =======================================================
``hoist.forward/reverse`` the hoist cannot travel (travels slower)
``hoist.up/down``         the lift is stuck (lifts slower): 호이스트 리프트 걸림
``tank.<name>.heater``    the heater has failed: no power, the bath cools
``rectifier.*``           the rectifier has tripped: no current, racks come out thin
``dosing.pump``           the dosing pump is stuck: the zinc concentration falls
=======================  =======================================================

Sensor faults (a thermocouple drifting or open, an encoder miscounting) act on the input
tags and are the frame's (:mod:`simulator.plant.fault_effects`).
"""

from __future__ import annotations

from collections.abc import Sequence

from simulator.plant.fault_effects import actuator_condition
from simulator.plant.faults import Fault
from simulator.plant.plating.hoist import Hoist
from simulator.plant.plating.tanks import TankRow


def apply_faults(
    hoist: Hoist, tanks: TankRow, active: Sequence[Fault], signal_of: dict[str, str], now_s: float
) -> None:
    """Set every machine's condition from the faults in force at ``now_s``."""
    hoist.rebase(now_s)
    travel = [actuator_condition(active, signal_of, p) for p in ("hoist.forward", "hoist.reverse")]
    lift = [actuator_condition(active, signal_of, p) for p in ("hoist.up", "hoist.down")]
    hoist.travel_condition, hoist.lift_condition = _either(travel), _either(lift)
    for name, bath in tanks.baths.items():
        bath.set_working(not actuator_condition(active, signal_of, f"tank.{name}.heater")[0], now_s)
    tanks.rectifier.working = not actuator_condition(active, signal_of, "rectifier.")[0]
    chemistry = tanks.chemistry
    chemistry.set_pump(chemistry.pump, not actuator_condition(active, signal_of, "dosing.pump")[0], now_s)


def _either(conditions: list[tuple[bool, float]]) -> tuple[bool, float]:
    """Jammed if any drive is; as slow as the slowest."""
    return any(jammed for jammed, _ in conditions), max(slow for _, slow in conditions)
