"""A frozen picture of the plant at one moment: all that renderers and reports may read.

Nothing outside the plant reaches into it; the window, the notebook images and the
I/O monitor draw from a :class:`PlantSnapshot` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.plant.kpis import Kpis
from simulator.plant.station import StationState


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
class PlantSnapshot:
    """Everything visible about the plant at ``time_s``."""

    scene_id: str
    time_s: float
    items: tuple[ItemView, ...]
    conveyors: tuple[ConveyorView, ...]
    pushers: tuple[PusherView, ...]
    sensors: tuple[SensorView, ...]
    #: Stack light lamps and buzzer, by name (``green``, ``yellow``, ``red``, ``buzzer``).
    signals: dict[str, bool]
    #: Panel controls' electrical inputs (``start``, ``stop``, ``estop``, ``reset``, ``auto``).
    panel: dict[str, bool]
    feeder_ready: bool
    feeder_enabled: bool
    #: Every tag's value in the process image, by tag name.
    tags: dict[str, bool | int]
    #: Names of the faults active now.
    active_faults: tuple[str, ...]
    kpis: Kpis
    #: End-of-line diverter flaps (empty when the scene has none).
    diverters: tuple[DiverterView, ...] = ()
    #: Work stations along the line (empty when the scene has none).
    stations: tuple[StationView, ...] = ()
    #: True when the PLC runs its own program; False in remote-I/O mode (a Modbus master drives it).
    plc_internal: bool = True
    #: Tags forced from the I/O monitor, with their forced values.
    forced: dict[str, bool | int] = field(default_factory=dict)
