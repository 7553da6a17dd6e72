"""Items (parts) that travel through the plant, and the production record each one leaves.

An item is mutable while it moves; when it reaches a bin the plant freezes what
happened to it into a :class:`ProductionRecord` — the lot traceability that a factory's
MES starts with (스마트공장 기초 단계: 생산정보 디지털화).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False, slots=True)
class Item:
    """A part on its way through the plant. Positions are along the line, in metres."""

    #: Serial number, 1, 2, 3 … in order of creation.
    id: int
    #: Lot code such as ``"A-03"`` (shift letter, lot number).
    lot: str
    #: ``"metal"``, ``"plastic"`` or ``"wood"``.
    material: str
    #: Height of the part, in millimetres (what the height sensor measures).
    height_mm: float
    #: Length of the part along the belt, in metres.
    length_m: float
    #: Weight, in grams.
    weight_g: float
    #: True when the part is out of specification (its height is wrong).
    defect: bool
    #: The bin the part belongs in, by the scene's sorting rules.
    correct_bin: str
    #: Simulated time the feeder placed the part on the belt, in seconds.
    placed_s: float
    #: Centre of the part along the line, in metres (valid at the line's reference time).
    x_m: float = 0.0
    #: Current speed along the line, in m/s (negative when moving backwards).
    v_m_per_s: float = 0.0
    #: Index of the conveyor carrying the part (the one under its centre).
    conveyor: int = 0
    #: Names of the stations and actuators the part passed, in order.
    route: list[str] = field(default_factory=list)
    #: True while a pusher holds the part (it no longer rides the belt).
    captured: bool = False
    #: What holds the part back: ``""`` (nothing), ``"part"`` (the part ahead), ``"part_behind"``,
    #: ``"plate"`` (a pusher's plate), ``"joint"`` (a belt beyond pushing back) or ``"start"``.
    held_by: str = ""
    #: Which way a part stalled at a joint wanted to cross: +1 forward, -1 backward.
    joint_direction: int = 1
    #: Simulated time the part became blocked, in seconds (for jam detection).
    blocked_since_s: float = 0.0
    #: Already counted in a jam.
    jammed: bool = False

    @property
    def front_m(self) -> float:
        """Leading edge, in metres."""
        return self.x_m + self.length_m / 2

    @property
    def back_m(self) -> float:
        """Trailing edge, in metres."""
        return self.x_m - self.length_m / 2


@dataclass(frozen=True)
class ProductionRecord:
    """What happened to one item: one row of the production records (CSV / SQLite)."""

    item_id: int
    lot: str
    material: str
    height_mm: float
    weight_g: float
    defect: bool
    placed_s: float
    finished_s: float
    #: Stations and actuators passed, joined with ``>``, e.g. ``feeder>infeed>sorter>pusher_metal``.
    route: str
    bin: str
    correct_bin: str
    #: ``"OK"`` (good part in its bin), ``"NG"`` (defective part in the reject bin) or ``"MIS_SORT"``.
    result: str

    @property
    def lead_time_s(self) -> float:
        """Time from the feeder to the bin, in seconds."""
        return self.finished_s - self.placed_s
