"""The conveyor line: the first plant kind (belts, feeder, pushers, flap, stations, sensors).

``KIND`` is what :mod:`simulator.plant.kinds` registers; :mod:`simulator.plant.kind` says
what a kind provides.
"""

from __future__ import annotations

from simulator.plant.conveyor.equipment import RANDOM_PURPOSES, ConveyorLine
from simulator.plant.kind import PlantKind

KIND = PlantKind(
    name="conveyor_line",
    ko="컨베이어 라인",
    en="conveyor line",
    random_purposes=RANDOM_PURPOSES,
    build=ConveyorLine,
)

__all__ = ["KIND", "ConveyorLine"]
