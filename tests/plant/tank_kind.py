"""A new plant kind in one file: a water tank filled through a valve (the worked example of docs/architecture.md).

Everything a kind provides, small enough to read at once: its scene (a dataclass and a
reader), its equipment (the physics, the wiring, the KPIs, the view) and its renderer.
``test_new_kind.py`` registers it the way a real kind is registered — one line in each
of ``simulator.scenes.kinds.READERS``, ``simulator.plant.kinds.KINDS`` and
``simulator.viz.kinds.RENDERERS`` (its drawing steps and its KPI panel) — and runs it with
a PLC program, like any scene.

Physics: the valve lets in ``inflow_m3_per_s``; the level rises at
``inflow_m3_per_s / area_m2`` metres per second while it is open (nothing flows out).
The high-level switch closes when the level reaches ``high_switch_m``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass

import pygame

from simulator.plant.faults import Fault
from simulator.plant.kind import FAULTS_STREAM, AnalogInput, KindContext, PlantKind
from simulator.plant.kpis import Kpis
from simulator.plant.snapshot import PlantSnapshot
from simulator.plc.tags import Area, Tag
from simulator.scenes.io_tags import frame_signals, read_tags
from simulator.scenes.reader import Section, scan_ms
from simulator.viz.draw import Pen

NAME = "tank_demo"
#: Full scale of the level input, in counts (0 m … the tank's height).
LEVEL_COUNTS = 27_648


# ---------------------------------------------------------------- 1. the scene (simulator/scenes/<kind>.py)
@dataclass(frozen=True)
class TankScene:
    """A tank scene: the frame's fields (id … source) and the tank's own."""

    id: str
    title_ko: str
    title_en: str
    scan_period_ms: float
    tags: tuple[Tag, ...]
    initial_values: dict[str, int]
    source: str
    area_m2: float
    height_m: float
    inflow_m3_per_s: float
    high_switch_m: float
    kind: str = NAME

    def title(self, lang: str = "ko") -> str:
        """The scene's title in ``lang``."""
        return self.title_en if lang == "en" else self.title_ko


def read_tank(root: Section, scene_id: str, source: str) -> TankScene:
    """The rest of a tank scene file (the loader has read ``id`` and ``kind``)."""
    tank = root.child("tank")
    signals = frame_signals() | {"tank.fill": Area.DO, "tank.high": Area.DI, "tank.level": Area.AI}
    tags, initial = read_tags(root, signals)
    return TankScene(
        id=scene_id,
        title_ko=root.text_("title_ko"),
        title_en=root.text_("title_en"),
        scan_period_ms=root.get("scan_period_ms", scan_ms, "1~150 사이의 숫자(ms)", "a number 1..150 (ms)"),
        tags=tags,
        initial_values=initial,
        source=source,
        area_m2=tank.number("area_m2", strict=True),
        height_m=tank.number("height_m", strict=True),
        inflow_m3_per_s=tank.number("inflow_m3_per_s", strict=True),
        high_switch_m=tank.number("high_switch_m", strict=True),
    )


# ---------------------------------------------------------------- 2. the equipment (simulator/plant/<kind>/)
@dataclass(frozen=True)
class TankView:
    """The tank as drawn."""

    level_m: float
    height_m: float
    valve_open: bool
    high: bool


@dataclass(frozen=True)
class Filling:
    """One filling of the tank (a production record): when it began and ended, and its level then."""

    started_s: float
    finished_s: float
    level_m: float
    result: str = "OK"


class LevelInput:
    """The level transmitter: 0 … LEVEL_COUNTS for 0 … the tank's height."""

    raw_counts = (0, LEVEL_COUNTS)

    def __init__(self, tank: Tank) -> None:
        self.tank = tank

    def read_counts(self, now_s: float, extra_noise: float = 0.0, offset: float = 0.0) -> int:
        """The level now in counts (``offset`` in metres, from a drift fault)."""
        level_m = self.tank.level_m(now_s) + offset
        return min(LEVEL_COUNTS, max(0, round(level_m / self.tank.scene.height_m * LEVEL_COUNTS)))


class Tank:
    """A tank filling through a valve (see :class:`simulator.plant.kind.Equipment`)."""

    exposed: tuple[str, ...] = ("level_m",)
    record_type: type = Filling

    def __init__(self, context: KindContext) -> None:
        self.scene: TankScene = context.scene  # type: ignore[assignment]
        self.seed = context.seed
        self.records: list[Filling] = []
        self.detail_tables: dict[str, tuple[type, list[object]]] = {}
        self._level_at_m = 0.0  # the level at _since_s
        self._since_s = 0.0
        self._open = False
        #: The high-level switch: closed from the moment the level reaches it.
        self.high = False
        self.version = 0
        self.next_event_s = math.inf

    @property
    def rise_m_per_s(self) -> float:
        """How fast the level rises with the valve open: inflow / area, in m/s."""
        return self.scene.inflow_m3_per_s / self.scene.area_m2

    def level_m(self, now_s: float) -> float:
        """The level at ``now_s``, in metres."""
        rising = self.rise_m_per_s if self._open else 0.0
        return min(self.scene.height_m, self._level_at_m + rising * (now_s - self._since_s))

    def advance_to(self, now_s: float) -> None:
        """The high switch closes at its planned time: the digital input changed."""
        if self.next_event_s <= now_s:
            self.high = True
            self.version += 1
            self.next_event_s = math.inf

    def _set_valve(self, on: bool, now_s: float) -> None:
        if self._open and not on:  # a filling ends: one record
            self.records.append(Filling(self._since_s, now_s, self.level_m(now_s)))
        self._level_at_m, self._since_s, self._open = self.level_m(now_s), now_s, on
        below_m = self.scene.high_switch_m - self._level_at_m
        self.next_event_s = now_s + below_m / self.rise_m_per_s if on and below_m > 0 else math.inf

    # the wiring
    def digital_input(self, signal: str) -> Callable[[], bool]:
        """``tank.high``."""
        return lambda: self.high

    def analog_input(self, signal: str) -> AnalogInput:
        """``tank.level``."""
        return AnalogInput(LevelInput(self))

    def output(self, signal: str) -> Callable[[bool, float], None]:
        """``tank.fill``."""
        return self._set_valve

    def set_held_sampler(self, sample: Callable[[float], None]) -> None:
        """No held inputs."""

    def random_bookmark(self, sensor_faults: bool, analog_faults: bool) -> object:
        """No random numbers are drawn."""
        return None

    def random_restore(self, bookmark: object) -> None:
        """Nothing to restore."""

    def faults_changed(self, active: Sequence[Fault], now_s: float) -> None:
        """No machine faults in this example (sensor faults are the frame's)."""

    def repair(self, now_s: float) -> None:
        """Nothing wears."""

    def kpis(self, now_s: float, plc_state: str, plc_fault: str) -> Kpis:
        """Nothing is produced: the KPIs say only the time and the PLC's state."""
        zero = dict.fromkeys(("produced", "good", "defective"), 0)
        ratios = dict.fromkeys(("throughput_per_h", "availability", "performance", "quality", "oee"), 0.0)
        return Kpis(
            scene=self.scene.id,
            seed=self.seed,
            sim_time_s=now_s,
            interlock_violations=0,
            energy_kwh=0.0,
            energy_wh_per_good=0.0,
            plc_state=plc_state,
            plc_fault=plc_fault,
            **zero,
            **ratios,
        )

    def view(self, now_s: float, tags: Mapping[str, bool | int]) -> TankView:
        """The tank now."""
        level_m = self.level_m(now_s)
        return TankView(level_m, self.scene.height_m, self._open, self.high)


KIND = PlantKind(name=NAME, ko="물탱크", en="water tank", random_purposes=(FAULTS_STREAM,), build=Tank)


# ---------------------------------------------------------------- 3. the renderer (simulator/viz/<kind>_view.py)
def tank_kpis(pen: Pen, snap: PlantSnapshot, area: pygame.Rect, lang: str) -> None:
    """The tank's panel: its level and whether the valve is open (no OEE: nothing is produced)."""
    view = snap.equipment
    assert isinstance(view, TankView)
    pen.panel(area, "수위" if lang == "ko" else "Level")
    pen.text(f"{view.level_m:.3f} m", (area.x + pen.px(12), area.y + pen.px(40)), 28, bold=True)
    words = {"ko": ("밸브 닫힘", "밸브 열림"), "en": ("valve shut", "valve open")}
    valve = words["en" if lang == "en" else "ko"][view.valve_open]
    pen.text(valve, (area.x + pen.px(12), area.y + pen.px(80)), 16)


def tank_steps(
    pen: Pen, scene: TankScene, snap: PlantSnapshot, area: pygame.Rect, lang: str
) -> Generator[None, None, pygame.Rect]:
    """The tank as a box filling with blue water, the valve as a lamp."""
    view = snap.equipment
    assert isinstance(view, TankView)
    pen.panel(area, f"{scene.title(lang)}  ·  {scene.id}")
    tank = pygame.Rect(0, 0, area.height // 2, area.height * 2 // 3)
    tank.center = area.center
    water_px = round(tank.height * view.level_m / view.height_m)
    pygame.draw.rect(pen.surface, (40, 110, 220), (tank.left, tank.bottom - water_px, tank.width, water_px))
    pygame.draw.rect(pen.surface, (30, 30, 30), tank, width=3)
    yield
    pen.lamp((tank.centerx, tank.top - pen.px(14)), 8, view.valve_open, (40, 200, 80))
    return tank
