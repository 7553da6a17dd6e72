"""The plating line's equipment (see :class:`simulator.plant.kind.Equipment`): the hoist moving racks over the tanks.

Stations, left to right: the load station (0), every tank (1 … n), the unload station (n + 1).
What the hoist does with a rack follows from its lift, as on a real carrier:

- the hook reaches the **bottom** at a station: carrying a rack, it sets the rack down there (into
  the tank); empty, it engages the rack standing there (which stays in its tank until lifted);
- the hook starts **up** with an engaged rack: the rack leaves its tank (or the load station);
- the hook reaches the **top**: a rack lifted out of a wet tank starts dripping; it must hang
  ``drip_min_s`` before the hoist travels, or the parts stain.

Rules a program can break, each recorded with its time (``rule_log``): travelling with the hook
not at the top (a rack dragged through a tank is damaged), lowering between stations, lowering
a rack onto a station that already holds one (it is not set down). Forward and reverse on
together count as an interlock violation, as for any motor.

Events are computed, not stepped: the hoist's sensors change at calculated times
(:mod:`~simulator.plant.plating.hoist`), a new rack is ready ``load_time_s`` after the last left,
a finished rack is taken away ``unload_time_s`` after it was set down, and twice a second the
line samples its slow analog inputs and plates the rack in the zinc tank a step further.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np

from simulator.plant.faults import Fault
from simulator.plant.kind import FAULTS_STREAM, AnalogInput, KindContext
from simulator.plant.plating.channels import ScaledInput
from simulator.plant.plating.hoist import Hoist
from simulator.plant.plating.machine_faults import apply_faults
from simulator.plant.plating.plating_kpis import PlatingKpis, plating_kpis
from simulator.plant.plating.racks import Rack, RackRecord, VisitRecord
from simulator.plant.plating.tanks import TankRow
from simulator.plant.plating.view_builder import line_view
from simulator.plant.plating.views import PlatingView
from simulator.scenes.plating_line import PlatingScene

#: How often the slow analog inputs are sampled and the zinc tank's plating is stepped, in seconds.
SAMPLE_PERIOD_S = 0.5
#: Thermocouple and current-transducer noise (one standard deviation, in °C and A).
THERMOCOUPLE_SD_C, CURRENT_SD_A = 0.2, 0.5
#: Analog output scales: heater power 0.01 % per count, rectifier setpoint 0.1 A per count.
HEATER_COUNTS_FULL, SETPOINT_COUNTS_PER_A = 10_000, 10.0


@dataclass(frozen=True)
class RuleBreak:
    """A rule the hoist's program broke: when, and what, in Korean and English."""

    at_s: float
    ko: str
    en: str


class PlatingLine:
    """Racks, hoist and tanks of a plating line, on the frame's clock."""

    record_type: type = RackRecord
    exposed: tuple[str, ...] = ("rule_log", "tank_temperature_c", "zinc_g_per_l")

    def __init__(self, context: KindContext) -> None:
        scene: PlatingScene = context.scene  # type: ignore[assignment]
        self.scene = scene
        self.seed = context.seed
        self._signal_of = context.signal_of
        self._racks_rng, self._gauge_rng = context.rng["racks"], context.rng["gauge"]
        self._sensors_rng, self._faults_rng = context.rng["sensors"], context.rng[FAULTS_STREAM]
        hoist = scene.hoist
        self.hoist = Hoist(
            scene.stations_m,
            hoist.travel_speed_m_per_s,
            hoist.lift_height_m,
            hoist.lift_speed_m_per_s,
            hoist.station_window_m,
        )
        self.tanks = TankRow(scene)
        self.records: list[RackRecord] = []
        self.detail_tables = {"visits": (VisitRecord, self.tanks.visit_records)}
        self.rule_log: list[RuleBreak] = []
        self.interlock_violations = 0
        self.version = 0
        self.load_rack: Rack | None = None
        self.unload_rack: Rack | None = None
        #: The rack on the hook, and the station it is still standing in (engaged at the bottom).
        self.carrying: Rack | None = None
        self._engaged_at: int | None = None
        #: (tank name, time) of a rack lifted out of a wet tank and now dripping.
        self._dripping: tuple[str, float] | None = None
        self._rack_count = 0
        self._next_rack_s = scene.load.load_time_s
        self._taken_s = math.inf
        self._sample_s = SAMPLE_PERIOD_S
        self._sampler: Callable[[float], None] = lambda now_s: None
        self._sensors = self._read_sensors(0.0)
        self.last_measured_um = 0.0
        self._first_pick_s: float | None = None
        self._in_process = 0
        self._busy_s = 0.0
        self._busy_since_s = 0.0
        self.next_event_s = self._next_event(0.0)

    # ================================================================ events
    def advance_to(self, now_s: float) -> None:
        """Process every event due by ``now_s``, in time order."""
        while self.next_event_s <= now_s:
            self._event(self.next_event_s)
        self.next_event_s = self._next_event(now_s)

    def _event(self, at_s: float) -> None:
        version = self.version
        if at_s >= self._next_rack_s:
            self._next_rack_s = math.inf
            self._new_rack(at_s)
        if at_s >= self._taken_s:
            self._taken_s = math.inf
            self._take_away(at_s)
        self._hoist_moved(at_s)
        if at_s >= self._sample_s or self.version != version:
            self._sample_s = at_s + SAMPLE_PERIOD_S
            self.tanks.plate_to(at_s)
            self._sampler(at_s)
        self.next_event_s = self._next_event(at_s)

    def _next_event(self, now_s: float) -> float:
        return min(self.hoist.next_event_s(now_s), self._next_rack_s, self._taken_s, self._sample_s)

    def _read_sensors(self, now_s: float) -> tuple[int | None, bool, bool]:
        return self.hoist.station(now_s), self.hoist.at_top(now_s), self.hoist.at_bottom(now_s)

    def _hoist_moved(self, now_s: float) -> None:
        """The hoist's sensors after a move: what changed, and what the hook did at the bottom or the top."""
        before, self._sensors = self._sensors, self._read_sensors(now_s)
        if before == self._sensors:
            return
        self.version += 1
        station, top, bottom = self._sensors
        if bottom and not before[2]:
            self._at_bottom(station, now_s)
        if top and not before[1] and self.carrying is not None and self._dripping is None:
            self._dripping = (self._last_tank(), now_s)

    def _last_tank(self) -> str:
        rack = self.carrying
        return rack.visits[-1].tank if rack is not None and rack.visits else ""

    # ================================================================ the hook
    def _at_bottom(self, station: int | None, now_s: float) -> None:
        if station is None:
            self._break(now_s, "스테이션 사이에서 호이스트를 내렸습니다", "lowered the hoist between stations")
            return
        if self.carrying is not None:
            if self._holds(station):
                self._break(
                    now_s,
                    f"랙이 있는 {self._station_name(station, 'ko')}에 랙을 내렸습니다 (충돌)",
                    f"lowered a rack onto {self._station_name(station, 'en')}, which holds one (collision)",
                )
                return
            rack, self.carrying = self.carrying, None
            self._set_down(station, rack, now_s)
        elif self._holds(station):
            self.carrying, self._engaged_at = self._rack_at(station), station
        self.version += 1

    def _lift_started(self, now_s: float) -> None:
        """The hook starts up: an engaged rack leaves its station."""
        station, self._engaged_at = self._engaged_at, None
        if station is None:
            return
        last = len(self.scene.stations_m) - 1
        if station == 0:
            self.load_rack = None
            self._next_rack_s = now_s + self.scene.load.load_time_s
            self._started(now_s)
        elif station == last:
            self.unload_rack, self._taken_s = None, math.inf
        else:
            self.tanks.leave(station - 1, now_s)
        self._dripping = None
        self.version += 1
        self._sampler(now_s)  # the barcode reader and the current transducer see it at once

    def _set_down(self, station: int, rack: Rack, now_s: float) -> None:
        last = len(self.scene.stations_m) - 1
        if station == 0:
            self.load_rack = rack
            self._next_rack_s = math.inf
        elif station == last:
            self.unload_rack = rack
            self._measure(rack)
            self._taken_s = now_s + self.scene.unload.unload_time_s
        else:
            self.tanks.enter(station - 1, rack, now_s)

    def _holds(self, station: int) -> bool:
        return self._rack_at(station) is not None

    def _rack_at(self, station: int) -> Rack | None:
        last = len(self.scene.stations_m) - 1
        if station == 0:
            return self.load_rack
        if station == last:
            return self.unload_rack
        return self.tanks.racks[station - 1]

    def _station_name(self, station: int, lang: str) -> str:
        last = len(self.scene.stations_m) - 1
        if station == 0:
            return "투입대" if lang == "ko" else "the load station"
        if station == last:
            return "하역대" if lang == "ko" else "the unload station"
        return self.scene.tanks[station - 1].title(lang)

    def _break(self, now_s: float, ko: str, en: str) -> None:
        self.rule_log.append(RuleBreak(now_s, f"{now_s:.1f}초: {ko}", f"{now_s:.1f} s: {en}"))

    # ================================================================ load and unload
    def _new_rack(self, now_s: float) -> None:
        if self.load_rack is not None:
            return
        load = self.scene.load
        rng = self._racks_rng
        shares = np.array([p.share for p in load.parts])
        part = load.parts[int(rng.choice(len(load.parts), p=shares / shares.sum()))]
        area = max(1.0, part.area_dm2 + part.area_sd_dm2 * float(rng.standard_normal()))
        self._rack_count += 1
        lot = (self._rack_count - 1) // load.lot_size + 1
        self.load_rack = Rack(self._rack_count, part.code, lot, area, now_s)
        self.version += 1

    def _measure(self, rack: Rack) -> None:
        """The gauge reads the mean of five parts of the rack (each spread around the rack's mean)."""
        rng, unload = self._gauge_rng, self.scene.unload
        parts = rack.thickness_um * (1.0 + self.scene.rack.part_spread * rng.standard_normal(5))
        rack.measured_um = max(0.0, float(parts.mean()) + unload.gauge_sd_um * float(rng.standard_normal()))
        self.last_measured_um = rack.measured_um

    def _take_away(self, now_s: float) -> None:
        rack = self.unload_rack
        if rack is None or self._engaged_at == len(self.scene.stations_m) - 1:
            return  # the hook holds it: the operator leaves it
        self.unload_rack = None
        result = rack.judge(self.scene.unload.spec_um)
        self.records.append(RackRecord.of(rack, now_s, result, self.scene.zinc.rectifier_volts))
        self._finished(now_s)
        self.version += 1

    def _started(self, now_s: float) -> None:
        if self._first_pick_s is None:
            self._first_pick_s = now_s
        self._busy_to(now_s)
        self._in_process += 1

    def _finished(self, now_s: float) -> None:
        self._busy_to(now_s)
        self._in_process = max(0, self._in_process - 1)

    def _busy_to(self, now_s: float) -> None:
        if self._in_process > 0:
            self._busy_s += now_s - self._busy_since_s
        self._busy_since_s = now_s

    # ================================================================ outputs
    def output(self, signal: str) -> Callable[[Any, float], None]:
        """Handlers for the hoist, the rectifier, the dosing pump and the heaters."""
        group, _, name = signal.partition(".")
        if group == "hoist":
            return lambda on, now_s: self._drive_hoist(name, bool(on), now_s)
        if signal == "rectifier.on":
            return lambda on, now_s: self._rectifier(now_s, on=bool(on))
        if signal == "rectifier.setpoint":
            return lambda counts, now_s: self._rectifier(now_s, setpoint_a=counts / SETPOINT_COUNTS_PER_A)
        if signal == "dosing.pump":
            chemistry = self.tanks.chemistry
            return lambda on, now_s: chemistry.set_pump(bool(on), chemistry.working, now_s)
        if group == "tank" and signal.endswith(".heater"):
            bath = self.tanks.baths[signal.split(".")[1]]
            return lambda counts, now_s: bath.set_power(counts / HEATER_COUNTS_FULL, now_s)
        raise KeyError(signal)

    def _drive_hoist(self, motion: str, on: bool, now_s: float) -> None:
        self.advance_to(now_s)
        hoist = self.hoist
        was_travelling, was_rising = hoist.travelling(), hoist.lift_m_per_s > 0
        if motion in ("forward", "reverse") and on and (hoist.forward or hoist.reverse):
            self.interlock_violations += 1
        hoist.drive(now_s, **{motion: on})
        if hoist.travelling() and not was_travelling:
            self._travel_started(now_s)
        if hoist.lift_m_per_s > 0 and not was_rising and self._engaged_at is not None:
            self._lift_started(now_s)
        self.next_event_s = self._next_event(now_s)

    def _travel_started(self, now_s: float) -> None:
        if not self.hoist.at_top(now_s):
            self._break(
                now_s, "호이스트가 맨 위가 아닌데 주행했습니다", "the hoist travelled with its hook not at the top"
            )
            if self._engaged_at is not None and self.carrying is not None:
                self.carrying.note("damaged")  # dragged through its tank
        if self._dripping is not None and self.carrying is not None:
            tank, since_s = self._dripping
            if now_s - since_s < self.scene.hoist.drip_min_s and tank not in ("dry", ""):
                self.carrying.note("stain")
        self._dripping = None

    def _rectifier(self, now_s: float, *, on: bool | None = None, setpoint_a: float | None = None) -> None:
        self.tanks.plate_to(now_s)
        rectifier = self.tanks.rectifier
        if on is not None:
            rectifier.on = on
        if setpoint_a is not None:
            rectifier.setpoint_a = setpoint_a
        self._sampler(now_s)  # the current transducer follows at once

    # ================================================================ inputs
    def digital_input(self, signal: str) -> Callable[[], bool]:
        """Readers for the hoist's switches and the stations."""
        readers: dict[str, Callable[[], bool]] = {
            "hoist.up_limit": lambda: self._sensors[1],
            "hoist.down_limit": lambda: self._sensors[2],
            "hoist.at_station": lambda: self._sensors[0] is not None,
            "hoist.has_rack": lambda: self.carrying is not None,
            "load.rack_ready": lambda: self.load_rack is not None,
            "unload.free": lambda: self.unload_rack is None,
        }
        return readers[signal]

    def analog_input(self, signal: str) -> AnalogInput:
        """Channels for the encoder, the thermocouples, the rectifier, the analyser, the barcode and the gauge."""
        rng = self._sensors_rng
        if signal.startswith("tank.") and signal.endswith(".temperature"):
            bath = self.tanks.baths[signal.split(".")[1]]
            return AnalogInput(ScaledInput(bath.temperature_c, 10, rng, noise_sd=THERMOCOUPLE_SD_C), held=True)
        if signal == "hoist.position":  # moves every scan while the hoist travels
            return AnalogInput(ScaledInput(lambda now_s: self.hoist.x_m(now_s) * 1000.0, 1, rng))
        held: dict[str, ScaledInput] = {  # change only at events: read then, and twice a second
            "rectifier.current": ScaledInput(lambda now_s: self.tanks.current_a(), 10, rng, noise_sd=CURRENT_SD_A),
            "zinc.concentration": ScaledInput(self.tanks.chemistry.g_per_l, 10, rng),
            "load.part_type": ScaledInput(lambda now_s: self._barcode("part_type"), 1, rng),
            "load.area": ScaledInput(lambda now_s: self._barcode("area_dm2"), 10, rng),
            "load.rack_id": ScaledInput(lambda now_s: self._barcode("rack_id"), 1, rng),
            "load.lot": ScaledInput(lambda now_s: self._barcode("lot"), 1, rng),
            "unload.thickness": ScaledInput(lambda now_s: self.last_measured_um, 100, rng),
        }
        return AnalogInput(held[signal], held=True)

    def _barcode(self, field: str) -> float:
        rack = self.load_rack
        return float(getattr(rack, field)) if rack is not None else 0.0

    def set_held_sampler(self, sample: Callable[[float], None]) -> None:
        """Keep the frame's sampler: called twice a second (:data:`SAMPLE_PERIOD_S`)."""
        self._sampler = sample

    def random_bookmark(self, sensor_faults: bool, analog_faults: bool) -> object:
        """Reads draw noise only with faults (every input is read every scan then)."""
        faults = self._faults_rng.bit_generator.state if sensor_faults else None
        sensors = self._sensors_rng.bit_generator.state if analog_faults else None
        return faults, sensors

    def random_restore(self, bookmark: object) -> None:
        """Put the streams back."""
        faults, sensors = cast(tuple[Any, Any], bookmark)
        if faults is not None:
            self._faults_rng.bit_generator.state = faults
        if sensors is not None:
            self._sensors_rng.bit_generator.state = sensors

    # ================================================================ faults
    def faults_changed(self, active: Sequence[Fault], now_s: float) -> None:
        """Jams and slow drives on the hoist; a failed heater, a tripped rectifier, a stuck dosing pump."""
        self.advance_to(now_s)
        self.tanks.plate_to(now_s)
        apply_faults(self.hoist, self.tanks, active, self._signal_of, now_s)
        self.next_event_s = self._next_event(now_s)

    def repair(self, now_s: float) -> None:
        """Nothing wears on this line (its faults are cleared with the fault list)."""

    # ================================================================ what a student or the screen reads
    def tank_temperature_c(self, name: str, now_s: float) -> float:
        """The true temperature of tank ``name`` (not the thermocouple's reading)."""
        index = next(i for i, t in enumerate(self.scene.tanks) if t.name == name)
        return self.tanks.temperature_c(index, now_s)

    def zinc_g_per_l(self, now_s: float) -> float:
        """The zinc bath's true concentration."""
        return self.tanks.chemistry.g_per_l(now_s)

    def kpis(self, now_s: float, plc_state: str, plc_fault: str) -> PlatingKpis:
        """The line's KPIs now."""
        self.tanks.plate_to(now_s)
        self._busy_to(now_s)
        planned = now_s - self._first_pick_s if self._first_pick_s is not None else 0.0
        return plating_kpis(
            scene=self.scene.id,
            seed=self.seed,
            now_s=now_s,
            records=self.records,
            ideal_cycle_s=self.scene.ideal_cycle_s,
            planned_s=planned,
            operating_s=self._busy_s,
            rule_breaks=len(self.rule_log),
            interlock_violations=self.interlock_violations,
            heater_kwh=self.tanks.heater_kwh(now_s),
            rectifier_kwh=self.tanks.rectifier.energy_wh / 1000.0,
            plc_state=plc_state,
            plc_fault=plc_fault,
        )

    def view(self, now_s: float, tags: Mapping[str, bool | int]) -> PlatingView:
        """The line as drawn."""
        return line_view(self, now_s)
