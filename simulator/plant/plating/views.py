"""What the plating line looks like at one moment: frozen dataclasses the renderer draws."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RackView:
    """A rack as drawn: its number, part type and how thick its zinc is so far."""

    rack_id: int
    part_type: int
    thickness_um: float
    #: True once a defect cause was found (drawn red).
    flawed: bool


@dataclass(frozen=True)
class TankView:
    """One tank as drawn: where it is, how hot, whether it heats, which rack is in it and for how long."""

    name: str
    ko: str
    en: str
    role: str
    position_m: float
    #: The bath's temperature (None for an unheated tank).
    temperature_c: float | None
    #: The heater's power now, 0..1 (0 for an unheated tank).
    heater: float
    window_c: tuple[float, float]
    min_s: float
    max_s: float
    rack: RackView | None
    #: Seconds the rack has been in the tank (0 when empty).
    in_s: float


@dataclass(frozen=True)
class PlatingView:
    """The whole line: the hoist, the tanks, the stations, the rectifier and the chemistry."""

    stations_m: tuple[float, ...]
    hoist_x_m: float
    #: Hook height as a share of the lift (0 = in the tank, 1 = up).
    hoist_lift: float
    carrying: RackView | None
    tanks: tuple[TankView, ...]
    load: RackView | None
    unload: RackView | None
    rectifier_a: float
    setpoint_a: float
    zinc_g_per_l: float
    last_measured_um: float
    rule_breaks: int
    records: int
