"""A plating-line scene file's own sections: the hoist, the load and unload stations, the tanks, the zinc bath.

:mod:`simulator.scenes.loader` reads the file's ``id`` and ``kind`` (``plating_line``) and hands
the rest to :func:`read_plating_line`. Every problem is a :class:`~simulator.scenes.reader.SceneError`
naming the file, the key (``tanks[4].window_c``), its line, what was expected and what was there.
The physics that uses these numbers is in :mod:`simulator.plant.plating`.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.plc.tags import Area, Tag
from simulator.scenes.io_tags import frame_signals, read_tags
from simulator.scenes.reader import Section, check_unique, one_of, scan_ms, share, span

#: What a tank does to a rack, in line order; heated tanks have a heater and a thermocouple.
TANK_ROLES = ("degrease", "rinse", "pickle", "zinc", "chromate", "dry")


@dataclass(frozen=True)
class HoistSpec:
    """The carrier over the tanks: travel along the line, lift up and down."""

    ko: str
    en: str
    travel_speed_m_per_s: float
    lift_height_m: float
    lift_speed_m_per_s: float
    #: The at-station sensor is made within this distance of a station, in metres.
    station_window_m: float
    #: Least time a rack must hang over a wet tank before travelling (shorter leaves stains).
    drip_min_s: float

    @property
    def lift_s(self) -> float:
        """Seconds to lift (or lower) all the way: lift height / lift speed."""
        return self.lift_height_m / self.lift_speed_m_per_s


@dataclass(frozen=True)
class PartTypeSpec:
    """One kind of part the racks carry, with its barcode code and surface area."""

    code: int
    ko: str
    en: str
    share: float
    area_dm2: float
    area_sd_dm2: float


@dataclass(frozen=True)
class LoadSpec:
    """Where the operator hangs new racks (a barcode reader reads each)."""

    ko: str
    en: str
    position_m: float
    load_time_s: float
    lot_size: int
    parts: tuple[PartTypeSpec, ...]


@dataclass(frozen=True)
class UnloadSpec:
    """Where finished racks are set down, measured (thickness gauge) and taken away."""

    ko: str
    en: str
    position_m: float
    unload_time_s: float
    gauge_sd_um: float
    spec_um: tuple[float, float]


@dataclass(frozen=True)
class RackSpec:
    """What a rack brings into a bath: its heat capacity, and the spread of thickness over its parts."""

    mass_kg: float
    specific_heat_kj_per_kg_k: float
    part_spread: float

    @property
    def heat_capacity_kj_per_k(self) -> float:
        """Mass × specific heat, in kJ/K."""
        return self.mass_kg * self.specific_heat_kj_per_kg_k


@dataclass(frozen=True)
class TankSpec:
    """One tank (or the dryer) along the line. Heated tanks have ``heater_kw`` > 0."""

    name: str
    ko: str
    en: str
    role: str
    position_m: float
    min_s: float
    max_s: float
    volume_l: float = 0.0
    heater_kw: float = 0.0
    loss_w_per_k: float = 0.0
    start_c: float = 20.0
    window_c: tuple[float, float] = (0.0, 100.0)

    @property
    def heated(self) -> bool:
        """True for a tank with a heater and a thermocouple."""
        return self.heater_kw > 0

    def title(self, lang: str = "ko") -> str:
        """The tank's name in ``lang``."""
        return self.en if lang == "en" else self.ko


@dataclass(frozen=True)
class ZincSpec:
    """The zinc bath's chemistry and rectifier (see :mod:`simulator.plant.plating.faraday`)."""

    efficiency_max: float
    efficiency_loss_per_c: float
    burn_a_per_dm2: float
    rectifier_max_a: float
    rectifier_volts: float
    zinc_g_per_l: float
    zinc_low_g_per_l: float
    drag_out_g_per_l: float
    dosing_g_per_l_per_s: float


@dataclass(frozen=True)
class PlatingScene:
    """A plating-line scene: the frame's fields (``id`` … ``source``) and the line's own."""

    id: str
    title_ko: str
    title_en: str
    scan_period_ms: float
    tags: tuple[Tag, ...]
    initial_values: dict[str, int]
    source: str
    ambient_c: float
    ideal_cycle_s: float
    hoist: HoistSpec
    load: LoadSpec
    unload: UnloadSpec
    rack: RackSpec
    tanks: tuple[TankSpec, ...]
    zinc: ZincSpec
    kind: str = "plating_line"

    def title(self, lang: str = "ko") -> str:
        """The scene's title in ``lang``."""
        return self.title_en if lang == "en" else self.title_ko

    def tank(self, name: str) -> TankSpec:
        """The tank called ``name``."""
        return next(tank for tank in self.tanks if tank.name == name)

    @property
    def stations_m(self) -> tuple[float, ...]:
        """Every place the hoist stops: the load station, each tank, the unload station, in metres."""
        return (self.load.position_m, *(t.position_m for t in self.tanks), self.unload.position_m)


def plating_signals(tanks: tuple[TankSpec, ...]) -> dict[str, Area]:
    """Every plant signal a plating line's tag may be wired to, with its area."""
    signals = frame_signals()
    for name in ("up_limit", "down_limit", "at_station", "has_rack"):
        signals[f"hoist.{name}"] = Area.DI
    for name in ("forward", "reverse", "up", "down"):
        signals[f"hoist.{name}"] = Area.DO
    signals["hoist.position"] = Area.AI
    signals["load.rack_ready"] = Area.DI
    signals["unload.free"] = Area.DI
    for name in ("part_type", "area", "rack_id", "lot"):
        signals[f"load.{name}"] = Area.AI
    signals["unload.thickness"] = Area.AI
    signals["rectifier.on"] = Area.DO
    signals["rectifier.setpoint"] = Area.AO
    signals["rectifier.current"] = Area.AI
    signals["dosing.pump"] = Area.DO
    signals["zinc.concentration"] = Area.AI
    for tank in tanks:
        if tank.heated:
            signals[f"tank.{tank.name}.heater"] = Area.AO
            signals[f"tank.{tank.name}.temperature"] = Area.AI
    return signals


def read_plating_line(root: Section, scene_id: str, source: str) -> PlatingScene:
    """The rest of a plating-line scene file, after its ``id`` and ``kind``."""
    tanks = tuple(_tank(s) for s in root.children("tanks"))
    check_unique(root, "tanks", [t.name for t in tanks])
    if sum(t.role == "zinc" for t in tanks) != 1:
        raise root.fail("tanks", 'role = "zinc"인 탱크 하나', 'exactly one tank with role = "zinc"')
    load, unload = _load(root.child("load")), _unload(root.child("unload"))
    positions = [load.position_m, *(t.position_m for t in tanks), unload.position_m]
    if positions != sorted(positions) or len(set(positions)) != len(positions):
        raise root.fail(
            "tanks", "투입대 < 탱크들 < 하역대 순서로 커지는 위치(position_m)", "positions rising from load to unload"
        )
    tags, initial = read_tags(root, plating_signals(tanks))
    check_unique(root, "tags", [t.name for t in tags])
    return PlatingScene(
        id=scene_id,
        title_ko=root.text_("title_ko"),
        title_en=root.text_("title_en"),
        scan_period_ms=root.get("scan_period_ms", scan_ms, "1~150 사이의 숫자(ms)", "a number 1..150 (ms)"),
        tags=tags,
        initial_values=initial,
        source=source,
        ambient_c=root.number("ambient_c", minimum=-40.0),
        ideal_cycle_s=root.number("ideal_cycle_s", strict=True),
        hoist=_hoist(root.child("hoist")),
        load=load,
        unload=unload,
        rack=_rack(root.child("rack")),
        tanks=tanks,
        zinc=_zinc(root.child("zinc")),
    )


def _hoist(s: Section) -> HoistSpec:
    return HoistSpec(
        ko=s.text_("ko"),
        en=s.text_("en"),
        travel_speed_m_per_s=s.number("travel_speed_m_per_s", strict=True),
        lift_height_m=s.number("lift_height_m", strict=True),
        lift_speed_m_per_s=s.number("lift_speed_m_per_s", strict=True),
        station_window_m=s.number("station_window_m", strict=True),
        drip_min_s=s.number("drip_min_s"),
    )


def _load(s: Section) -> LoadSpec:
    parts = tuple(_part(p) for p in s.children("parts"))
    if abs(sum(p.share for p in parts) - 1.0) > 1e-6:
        raise s.fail("parts", "합이 1인 share", "shares that add up to 1", [p.share for p in parts])
    return LoadSpec(
        ko=s.text_("ko"),
        en=s.text_("en"),
        position_m=s.number("position_m"),
        load_time_s=s.number("load_time_s"),
        lot_size=int(s.number("lot_size", minimum=1)),
        parts=parts,
    )


def _part(s: Section) -> PartTypeSpec:
    return PartTypeSpec(
        code=int(s.number("code", minimum=1)),
        ko=s.text_("ko"),
        en=s.text_("en"),
        share=s.get("share", share, "0~1 사이의 비율", "a share 0..1"),
        area_dm2=s.number("area_dm2", strict=True),
        area_sd_dm2=s.number("area_sd_dm2"),
    )


def _unload(s: Section) -> UnloadSpec:
    return UnloadSpec(
        ko=s.text_("ko"),
        en=s.text_("en"),
        position_m=s.number("position_m"),
        unload_time_s=s.number("unload_time_s"),
        gauge_sd_um=s.number("gauge_sd_um"),
        spec_um=s.get("spec_um", span, "[하한, 상한] (µm)", "[low, high] (µm)"),
    )


def _rack(s: Section) -> RackSpec:
    return RackSpec(
        mass_kg=s.number("mass_kg", strict=True),
        specific_heat_kj_per_kg_k=s.number("specific_heat_kj_per_kg_k", strict=True),
        part_spread=s.number("part_spread"),
    )


def _tank(s: Section) -> TankSpec:
    role = s.get("role", lambda v: one_of(v, TANK_ROLES), " / ".join(TANK_ROLES), " / ".join(TANK_ROLES))
    min_s, max_s = s.number("min_s"), s.number("max_s", strict=True)
    if max_s < min_s:
        raise s.fail("max_s", f"min_s({min_s}) 이상", f"at least min_s ({min_s})", max_s)
    heated = "heater_kw" in s.data
    return TankSpec(
        name=s.name(),
        ko=s.text_("ko"),
        en=s.text_("en"),
        role=role,
        position_m=s.number("position_m"),
        min_s=min_s,
        max_s=max_s,
        volume_l=s.number("volume_l", strict=True) if heated else 0.0,
        heater_kw=s.number("heater_kw", strict=True) if heated else 0.0,
        loss_w_per_k=s.number("loss_w_per_k", strict=True) if heated else 0.0,
        start_c=s.number("start_c", minimum=-40.0, default=20.0),
        window_c=s.get("window_c", span, "[하한, 상한] (°C)", "[low, high] (°C)", [0.0, 100.0]),
    )


def _zinc(s: Section) -> ZincSpec:
    return ZincSpec(
        efficiency_max=s.get("efficiency_max", share, "0~1 사이의 비율", "a share 0..1"),
        efficiency_loss_per_c=s.number("efficiency_loss_per_c"),
        burn_a_per_dm2=s.number("burn_a_per_dm2", strict=True),
        rectifier_max_a=s.number("rectifier_max_a", strict=True),
        rectifier_volts=s.number("rectifier_volts", strict=True),
        zinc_g_per_l=s.number("zinc_g_per_l", strict=True),
        zinc_low_g_per_l=s.number("zinc_low_g_per_l", strict=True),
        drag_out_g_per_l=s.number("drag_out_g_per_l"),
        dosing_g_per_l_per_s=s.number("dosing_g_per_l_per_s"),
    )


def plating_problems(scene: PlatingScene) -> list[tuple[str, str]]:
    """What a plating line needs wired to run at all: the hoist's drives and switches, every heater and thermocouple."""
    wired = {tag.signal for tag in scene.tags}
    needed = [f"hoist.{name}" for name in ("forward", "reverse", "up", "down", "up_limit", "down_limit", "at_station")]
    needed += [f"tank.{t.name}.{what}" for t in scene.tanks if t.heated for what in ("heater", "temperature")]
    needed += ["rectifier.on", "rectifier.setpoint"]
    return [
        (f"신호 {signal}이(가) 어느 태그에도 연결되지 않았습니다", f"signal {signal} is wired to no tag")
        for signal in needed
        if signal not in wired
    ]
