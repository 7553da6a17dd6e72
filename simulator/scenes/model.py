"""A scene as frozen dataclasses: the plant's layout, parts, sensors and I/O map.

Scenes are data (``assets/scenes/*.toml``); :mod:`simulator.scenes.loader` turns a file
into these classes and reports what is wrong with it. Lengths are in metres, times in
seconds, heights in millimetres: every field name carries its unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.plc.tags import Tag

#: Sensor kinds a scene may use.
DIGITAL_BEAM_KINDS = ("diffuse", "retro_reflective", "through_beam")
PROXIMITY_KINDS = ("inductive", "capacitive")
SENSOR_KINDS = (*DIGITAL_BEAM_KINDS, *PROXIMITY_KINDS, "limit_switch", "analog_distance")

#: Materials an inductive sensor detects (metal only); a capacitive one detects all of these.
METALS = ("metal",)
MATERIALS = ("metal", "plastic", "wood")


@dataclass(frozen=True)
class ConveyorSpec:
    """A belt conveyor lying along the line from ``start_m`` to ``start_m + length_m``."""

    name: str
    ko: str
    en: str
    start_m: float
    length_m: float
    speed_m_per_s: float
    motor_power_w: float
    reversible: bool = False
    #: Belt speed at which the motor draws ``motor_power_w`` (inverter at its rated frequency), in m/s;
    #: 0 means ``speed_m_per_s``.
    rated_speed_m_per_s: float = 0.0
    #: Share of ``motor_power_w`` drawn whatever the speed (no-load losses); the rest grows with the speed.
    #: 1.0 (the default): the motor draws ``motor_power_w`` at any speed.
    no_load_power_share: float = 1.0
    #: An accumulation belt: parts may queue on it and touch a stopper or the part ahead at no more than
    #: this closing speed without harm, in m/s. 0: any contact above the collision speed is a collision
    #: and a part held back while its belt runs becomes a jam.
    gentle_contact_m_per_s: float = 0.0

    @property
    def end_m(self) -> float:
        """Where the belt ends along the line, in metres."""
        return self.start_m + self.length_m

    @property
    def power_w(self) -> float:
        """Electrical power of the running motor at ``speed_m_per_s``, in watts.

        P = motor_power_w × (no_load_power_share + (1 − no_load_power_share) × speed / rated speed):
        an inverter-driven belt with constant load torque draws power in proportion to its speed,
        plus the losses it has even when running slowly.
        """
        if self.no_load_power_share >= 1.0:
            return self.motor_power_w
        rated_m_per_s = self.rated_speed_m_per_s or self.speed_m_per_s
        share = self.no_load_power_share + (1.0 - self.no_load_power_share) * self.speed_m_per_s / rated_m_per_s
        return self.motor_power_w * share


@dataclass(frozen=True)
class PartSpec:
    """One kind of part the feeder produces, and how often."""

    material: str
    share: float
    height_mm: float
    height_sd_mm: float
    length_mm: float
    weight_g: float


@dataclass(frozen=True)
class FeederSpec:
    """The part feeder: a station with a random arrival gap and random breakdowns."""

    ko: str
    en: str
    position_m: float
    mean_gap_s: float
    min_gap_s: float
    mtbf_min: float
    mttr_min: float
    lot_size: int
    defect_share: float
    defect_heights_mm: tuple[float, ...]
    parts: tuple[PartSpec, ...]
    #: A part whose height is further than this from nominal is defective, in millimetres.
    height_tolerance_mm: float = 5.0


@dataclass(frozen=True)
class BinSpec:
    """A bin collecting parts; ``accepts`` says which parts belong in it."""

    name: str
    ko: str
    en: str
    #: ``"defect"``, a material name, or ``"any"``. Rules are tried in bin order.
    accepts: str


@dataclass(frozen=True)
class PusherSpec:
    """A pneumatic cylinder that pushes a part off the belt into ``bin``."""

    name: str
    ko: str
    en: str
    position_m: float
    width_m: float
    extend_s: float
    retract_s: float
    bin: str


@dataclass(frozen=True)
class DiverterSpec:
    """A flap at the end of the line, swung by a rotary cylinder.

    At rest parts fall into the end bin; turned, into ``bin``. A part arriving mid-swing hits the flap.
    """

    name: str
    ko: str
    en: str
    #: Time to swing to the turned position, in seconds.
    extend_s: float
    #: Time to swing back to rest, in seconds.
    retract_s: float
    #: The bin parts fall into while the flap is turned.
    bin: str


@dataclass(frozen=True)
class StationSpec:
    """An automatic work station (가공·검사 스테이션) that takes one part at a time from a queue.

    Parts queue at the entry gate (``gate_m``); when the station is empty the gate lets one
    part in, the part rides to the work stop (``stop_m``, where its front edge stops), is
    worked on for ``process_s`` and released; when its back has passed the stop the station
    is empty again. The station runs on its own (it has its own controller, like a bought-in
    machine); the line PLC only has to bring parts and take them away.
    """

    name: str
    ko: str
    en: str
    #: Entry gate: a part's front edge waits here while the station is busy, in metres along the line.
    gate_m: float
    #: Work stop: the front edge of the part being worked on, in metres along the line.
    stop_m: float
    #: Work time per part, in seconds.
    process_s: float
    #: Electrical power while working on a part, in watts.
    busy_power_w: float = 0.0
    #: Electrical power while switched on but not working (standby), in watts.
    idle_power_w: float = 0.0
    #: Mean time between breakdowns, in minutes (0: never breaks down).
    mtbf_min: float = 0.0
    #: Mean time to repair, in minutes.
    mttr_min: float = 0.0


@dataclass(frozen=True)
class SensorSpec:
    """A sensor; which fields matter depends on ``kind`` (see :data:`SENSOR_KINDS`)."""

    name: str
    kind: str
    ko: str
    en: str
    position_m: float = 0.0
    #: Rated sensing range (beam and proximity sensors), in metres.
    range_m: float = 0.0
    #: Distance from the sensor to the parts' path, in metres; must be within range.
    distance_m: float = 0.0
    #: Limit switches: the actuator and the end position they report.
    actuator: str = ""
    at: str = ""
    #: Analog distance sensors: mounting height, span and the A/D card's counts.
    mount_height_mm: float = 0.0
    span_mm: tuple[float, float] = (0.0, 0.0)
    signal: str = ""
    raw_counts: tuple[int, int] = (0, 0)
    noise_mm: float = 0.0
    lag_s: float = 0.0


@dataclass(frozen=True)
class Scene:
    """A whole scene, validated. Build one with :func:`simulator.scenes.load_scene`."""

    id: str
    title_ko: str
    title_en: str
    scan_period_ms: float
    ideal_cycle_s: float
    jam_after_s: float
    line_end_m: float
    conveyors: tuple[ConveyorSpec, ...]
    feeder: FeederSpec
    bins: tuple[BinSpec, ...]
    pushers: tuple[PusherSpec, ...]
    end_bin: str
    #: Optional flap at the end of the line choosing between ``end_bin`` and its own bin.
    end_diverter: DiverterSpec | None
    sensors: tuple[SensorSpec, ...]
    tags: tuple[Tag, ...]
    #: Initial values of holding registers, by tag name.
    initial_values: dict[str, int] = field(default_factory=dict)
    #: Where the scene came from (a file path), for error messages.
    source: str = ""
    #: Automatic work stations along the line (none in most scenes).
    stations: tuple[StationSpec, ...] = ()
    #: The plant kind (``[scene] kind`` in the file; see :mod:`simulator.scenes.kinds`).
    kind: str = "conveyor_line"

    def title(self, lang: str = "ko") -> str:
        """The scene's title in ``lang``."""
        return self.title_en if lang == "en" else self.title_ko

    def sensor(self, name: str) -> SensorSpec:
        """The sensor called ``name``."""
        return next(s for s in self.sensors if s.name == name)
