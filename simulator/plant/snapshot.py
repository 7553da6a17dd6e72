"""A frozen picture of the plant at one moment: all that renderers and reports may read.

Nothing outside the plant reaches into it; the window, the notebook images and the I/O
monitor draw from a :class:`PlantSnapshot` only. The frame's part (panel, stack light,
tags, KPIs) is the same for every kind of plant; ``equipment`` is the kind's own part
(:class:`~simulator.plant.conveyor.views.ConveyorLineView` for a conveyor line), which the
kind's renderer in :mod:`simulator.viz` draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.plant.kpis import Kpis


@dataclass(frozen=True)
class PlantSnapshot:
    """Everything visible about the plant at ``time_s``."""

    scene_id: str
    time_s: float
    #: The plant kind (``"conveyor_line"``), which says what ``equipment`` is.
    kind: str
    #: The kind's part: its machines and products as drawn.
    equipment: object
    #: Stack light lamps and buzzer, by name (``green``, ``yellow``, ``red``, ``buzzer``).
    signals: dict[str, bool]
    #: Panel controls' electrical inputs (``start``, ``stop``, ``estop``, ``reset``, ``auto``).
    panel: dict[str, bool]
    #: Every tag's value in the process image, by tag name.
    tags: dict[str, bool | int]
    #: Names of the faults active now.
    active_faults: tuple[str, ...]
    kpis: Kpis
    #: True when the PLC runs its own program; False in remote-I/O mode (a Modbus master drives it).
    plc_internal: bool = True
    #: Tags forced from the I/O monitor, with their forced values.
    forced: dict[str, bool | int] = field(default_factory=dict)
