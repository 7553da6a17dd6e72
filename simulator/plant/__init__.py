"""The plant model, in SimPy: the frame every factory shares, and the kinds of equipment it runs.

The frame is :mod:`~simulator.plant.plant`; the contract of a kind :mod:`~simulator.plant.kind`;
the conveyor line, the first kind, :mod:`~simulator.plant.conveyor`.

Pure: simpy, numpy and the standard library only — no pygame, no pymodbus, no printing.
"""

from __future__ import annotations

from simulator.plant.conveyor.items import Item, ProductionRecord
from simulator.plant.faults import Fault, read_faults
from simulator.plant.kpis import Kpis
from simulator.plant.plant import Plant
from simulator.plant.scene_check import check_scene
from simulator.plant.snapshot import PlantSnapshot

__all__ = ["Fault", "Item", "Kpis", "Plant", "PlantSnapshot", "ProductionRecord", "check_scene", "read_faults"]
