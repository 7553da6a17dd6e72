"""The conveyor line as drawn: its part of a :class:`~simulator.plant.snapshot.PlantSnapshot`.

Frozen dataclasses only: the window, the notebook pictures and the grader's rules read
these, never the running line.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.errors import LabError
from simulator.plant.conveyor.station import StationState
from simulator.plant.snapshot import PlantSnapshot


@dataclass(frozen=True)
class ItemView:
    """A part as drawn."""

    id: int
    lot: str
    material: str
    height_mm: float
    length_m: float
    defect: bool
    #: Centre along the line, in metres.
    x_m: float
    #: How far a pusher has moved it off the belt (0 on the belt … 1 in the bin).
    pushed: float
    #: Held back by something (a part, a plate, a joint).
    blocked: bool
    jammed: bool


@dataclass(frozen=True)
class ConveyorView:
    """A belt as drawn."""

    name: str
    ko: str
    en: str
    start_m: float
    end_m: float
    #: Current belt speed, in m/s (negative in reverse).
    speed_m_per_s: float
    #: Distance the belt surface has travelled, in metres (for drawing moving belts).
    travel_m: float


@dataclass(frozen=True)
class PusherView:
    """A cylinder as drawn."""

    name: str
    ko: str
    en: str
    position_m: float
    width_m: float
    #: Stroke fraction: 0 retracted … 1 extended.
    stroke: float
    jammed: bool


@dataclass(frozen=True)
class DiverterView:
    """The end-of-line flap as drawn."""

    name: str
    ko: str
    en: str
    #: Where the flap stands along the line (the end of the last belt), in metres.
    position_m: float
    #: Swing fraction: 0 at rest (parts fall into ``bin_rest``) … 1 turned (into ``bin_turned``).
    stroke: float
    jammed: bool
    bin_rest: str
    bin_turned: str


@dataclass(frozen=True)
class StationView:
    """A work station (entry gate, work stop, process timer) as drawn."""

    name: str
    ko: str
    en: str
    #: Where the entry gate and the work stop stand along the line, in metres.
    gate_m: float
    stop_m: float
    #: ``"broken"`` while broken down, ``"working"`` with a part inside, else ``"idle"``.
    state: StationState
    #: True while the gate is closed behind the part inside (the next part waits at it).
    gate_closed: bool
    #: True while the part inside stands at the work stop (being worked on, or paused by a breakdown).
    at_stop: bool
    #: The part inside (from its front passing the gate until its back passes the stop), if any.
    part_id: int | None
    #: Work left on the part at the stop, in seconds (0 when none stands there).
    work_left_s: float
    #: Parts worked on so far.
    parts_done: int
    #: Breakdowns so far.
    breakdowns: int


@dataclass(frozen=True)
class SensorView:
    """A sensor as drawn."""

    name: str
    kind: str
    ko: str
    en: str
    position_m: float
    #: The digital value the sensor sends (after faults), or for analog sensors whether a part is below.
    active: bool
    #: Raw counts for analog sensors, 0 for digital ones.
    raw: int


@dataclass(frozen=True)
class ConveyorLineView:
    """The conveyor line at one moment (``snapshot.equipment`` of a conveyor-line scene)."""

    items: tuple[ItemView, ...]
    conveyors: tuple[ConveyorView, ...]
    pushers: tuple[PusherView, ...]
    sensors: tuple[SensorView, ...]
    feeder_ready: bool
    feeder_enabled: bool
    #: End-of-line diverter flaps (empty when the scene has none).
    diverters: tuple[DiverterView, ...] = ()
    #: Work stations along the line (empty when the scene has none).
    stations: tuple[StationView, ...] = ()


def line_view(snapshot: PlantSnapshot) -> ConveyorLineView:
    """The conveyor line's part of ``snapshot`` (a clear error for a snapshot of another kind)."""
    view = snapshot.equipment
    if not isinstance(view, ConveyorLineView):
        raise LabError(
            f"'{snapshot.scene_id}'은 컨베이어 라인이 아닙니다 (종류: {snapshot.kind})",
            f"'{snapshot.scene_id}' is not a conveyor line (kind: {snapshot.kind})",
        )
    return view
