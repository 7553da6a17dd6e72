"""The conveyor line's equipment: belts, feeder, pushers, flap, stations, sensors and motors.

The first plant kind (see :mod:`simulator.plant.kind` for the contract). Parts move in
:mod:`~simulator.plant.conveyor.transport` between events; this module wires the line to
the PLC's signals, drives the belts, keeps the production records and the energy meters,
and lets faults act on the machines they name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import simpy

from simulator.plant.conveyor.feeder import Feeder
from simulator.plant.conveyor.items import Item, ProductionRecord
from simulator.plant.conveyor.line_kpis import LineKpis, line_kpis
from simulator.plant.conveyor.motor_health import MotorHealth, MotorSignal
from simulator.plant.conveyor.random_streams import Bookmark, RandomStreams
from simulator.plant.conveyor.sensors import AnalogDistanceSensor, detects
from simulator.plant.conveyor.shifts import SHIFT_S, ShiftReport, build_reports
from simulator.plant.conveyor.transport import Line
from simulator.plant.conveyor.utilisation import UtilisationRow, utilisation_rows
from simulator.plant.conveyor.view_builder import build_view
from simulator.plant.conveyor.views import ConveyorLineView
from simulator.plant.fault_effects import actuator_condition, wear_rate_per_h
from simulator.plant.faults import Fault
from simulator.plant.kind import FAULTS_STREAM, AnalogInput, KindContext
from simulator.plant.stopwatch import Stopwatch

#: How often motor condition (current, temperature, vibration) is sampled, in seconds.
CONDITION_PERIOD_S = 1.0
#: The conveyor line's random streams, in the order they are spawned from the seed (never reorder).
RANDOM_PURPOSES = ("parts", "failures", "noise", FAULTS_STREAM, "motors", "stations")


class ConveyorLine:
    """A scene's conveyor line, built on the plant's clock (see :class:`~simulator.plant.kind.Equipment`)."""

    #: The production records' dataclass: one row per part that reached a bin.
    record_type: type = ProductionRecord
    #: What ``plant.<name>`` reaches here (the line, its feeder, sensors and motors, its reports).
    exposed: tuple[str, ...] = (
        "line",
        "feeder",
        "analog",
        "motors",
        "utilisation",
        "shift_reports",
        "parts_at_sensor",
        "belt_travel_m",
    )

    def __init__(self, context: KindContext) -> None:
        self.env = env = context.env
        self.scene = scene = context.scene
        self.seed = context.seed
        rng = context.rng
        self._signal_of = context.signal_of
        self._bump = context.bump
        self.records: list[ProductionRecord] = []
        self.detail_tables: dict[str, tuple[type, list[Any]]] = {}  # one row per part says it all
        self._bins: dict[str, list[int]] = {b.name: [0, 0] for b in scene.bins}

        zone_sensors = [s for s in scene.sensors if s.kind != "limit_switch"]
        self._zone_of = {s.name: i for i, s in enumerate(zone_sensors)}
        self.line = Line(
            scene,
            [s.position_m for s in zone_sensors],
            on_finished=self._finished,
            on_zone_change=self._zone_changed,
        )
        self.analog = {
            s.name: AnalogDistanceSensor(s, rng["noise"]) for s in scene.sensors if s.kind == "analog_distance"
        }
        self.feeder = Feeder(
            env, scene, self.line, rng["parts"], rng["failures"], self._feeder_changed, self._process_drift_mm
        )
        self.motors = [MotorHealth(c.motor_power_w, rng["motors"]) for c in scene.conveyors]
        self.motor_failures = 0
        self._sample_held: Callable[[float], None] = lambda now_s: None
        env.process(self._monitor_motors())
        for index, station in enumerate(scene.stations):
            if station.mtbf_min > 0:
                env.process(self._break_station(index, station.mtbf_min, station.mttr_min, rng["stations"]))
        self._shift_totals: list[tuple[float, float]] = []
        env.process(self._note_shift_changes())
        self._streams = RandomStreams(rng["noise"], list(self.analog.values()), rng[FAULTS_STREAM], rng["motors"])

        self._belt_commands = [(False, False)] * len(scene.conveyors)
        self.interlock_violations = 0
        self._motor_on = [Stopwatch() for _ in scene.conveyors]
        self._operating = Stopwatch()
        self._line_started_s: float | None = None
        self._active_faults: Sequence[Fault] = ()

    # ================================================================ events
    @property
    def next_event_s(self) -> float:
        """When the next part reaches a zone, a wall or a bin (``inf`` when none)."""
        return self.line.next_event_s

    @property
    def version(self) -> int:
        """Changes whenever a part enters or leaves a sensor's zone or an actuator arrives."""
        return self.line.version

    def advance_to(self, now_s: float) -> None:
        """Move the parts to ``now_s``, handling the line's events due by then."""
        line = self.line
        if line.next_event_s <= now_s:
            line.advance_to(now_s)

    # ================================================================ wiring
    def digital_input(self, signal: str) -> Callable[[], bool]:
        """``feeder.ready``, a limit switch (``sensor.<name>`` at a cylinder's end) or a part sensor."""
        if signal == "feeder.ready":
            return lambda: self.feeder.ready
        spec = self.scene.sensor(signal.partition(".")[2])
        line = self.line
        if spec.kind == "limit_switch":
            actuators = [*line.cylinders, *([line.diverter] if line.diverter else [])]
            cylinder = next(c for c in actuators if c.spec.name == spec.actuator)
            if spec.at == "retracted":
                return lambda: cylinder.is_retracted(line.now_s)
            return lambda: cylinder.is_extended(line.now_s)
        covering = line.zone_items[self._zone_of[spec.name]]
        return lambda: any(detects(spec, item) for item in covering.values())

    def analog_input(self, signal: str) -> AnalogInput:
        """An analog distance sensor (read every scan) or a motor's condition (sampled once a second)."""
        kind, name, *quantity = signal.split(".")
        if kind == "motor":
            index = next(i for i, c in enumerate(self.scene.conveyors) if c.name == name)
            return AnalogInput(MotorSignal(self.motors[index], quantity[0]), held=True)
        return AnalogInput(self.analog[name])

    def output(self, signal: str) -> Callable[[bool, float], None]:
        """Belt contactors, pusher valves, the flap and the feeder's enable."""
        parts = signal.split(".")
        if parts[0] == "conveyor":
            index = next(i for i, c in enumerate(self.scene.conveyors) if c.name == parts[1])
            return lambda on, now: self._drive_belt(index, parts[2], on, now)
        if parts[0] == "pusher":
            index = next(i for i, p in enumerate(self.scene.pushers) if p.name == parts[1])
            return lambda on, now: self.line.command_cylinder(index, on, now)
        if parts[0] == "diverter":
            return self.line.command_diverter
        if parts[0] == "feeder":
            return lambda on, now: setattr(self.feeder, "enabled", on)
        raise KeyError(signal)

    def set_held_sampler(self, sample: Callable[[float], None]) -> None:
        """The frame's hook that reads the motor signals again (called once a second)."""
        self._sample_held = sample

    def random_bookmark(self, sensor_faults: bool, analog_faults: bool) -> Bookmark:
        """Where the noise, fault and motor streams stand (see :class:`~simulator.plant.lookahead.RandomStreams`)."""
        return self._streams.bookmark(sensor_faults, analog_faults)

    def random_restore(self, bookmark: object) -> None:
        """Put the streams back to ``bookmark``."""
        self._streams.restore(bookmark)  # type: ignore[arg-type]

    # ================================================================ belts
    def _drive_belt(self, index: int, direction: str, on: bool, now_s: float) -> None:
        forward, reverse = self._belt_commands[index]
        if direction == "forward":
            forward = on
        else:
            reverse = on
        if forward and reverse and not all(self._belt_commands[index]):
            self.interlock_violations += 1
        self._belt_commands[index] = (forward, reverse)
        self._update_belt(index, now_s)

    def _update_belt(self, index: int, now_s: float) -> None:
        forward, reverse = self._belt_commands[index]
        energised = forward != reverse  # both at once: the overload trips, the motor stands still
        spec = self.scene.conveyors[index]
        jammed, slowness = actuator_condition(self._active_faults, self._signal_of, f"conveyor.{spec.name}.")
        stalled = jammed or self.motors[index].failed or not energised
        speed = 0.0 if stalled else spec.speed_m_per_s / slowness
        self.line.set_belt(index, speed if forward else -speed, now_s)
        self._motor_on[index].set(energised, now_s)
        self._update_operating(now_s)

    def _update_operating(self, now_s: float) -> None:
        sorter = len(self.scene.conveyors) - 1
        running = self.line.belt_speed_m_per_s[sorter] > 0
        if running and self._line_started_s is None:
            self._line_started_s = now_s
        self._operating.set(running and self.feeder.ready, now_s)

    def _feeder_changed(self) -> None:
        """The feeder broke down or came back: its ``ready`` input changed, and so may operating time."""
        self._bump()
        self._update_operating(self.env.now)

    def _process_drift_mm(self, now_s: float) -> float:
        """How far the upstream process has drifted new parts' heights at ``now_s``, in mm."""
        return sum(f.severity * (now_s - f.start_s) / 3600.0 for f in self._active_faults if f.kind == "process_drift")

    # ================================================================ machines over time
    def _monitor_motors(self) -> simpy.events.ProcessGenerator:
        """Sample every motor's condition once per :data:`CONDITION_PERIOD_S`."""
        while True:
            yield self.env.timeout(CONDITION_PERIOD_S)
            now = self.env.now
            for index, motor in enumerate(self.motors):
                running = self.line.belt_speed_m_per_s[index] != 0
                riding = sum(1 for item in self.line.items if item.conveyor == index)
                if motor.update(now, CONDITION_PERIOD_S, running, riding):
                    self.motor_failures += 1
                    self._update_belt(index, now)  # the seized motor stops its belt
            self._sample_held(now)  # the PLC's motor inputs hold these values until the next sample

    def _break_station(
        self, index: int, mtbf_min: float, mttr_min: float, rng: np.random.Generator
    ) -> simpy.events.ProcessGenerator:
        """Break work station ``index`` down and repair it, both after exponential times (like the feeder)."""
        while True:
            yield self.env.timeout(rng.exponential(mtbf_min * 60.0))
            self.line.set_station_broken(index, True, self.env.now)
            yield self.env.timeout(rng.exponential(mttr_min * 60.0))
            self.line.set_station_broken(index, False, self.env.now)

    def _note_shift_changes(self) -> simpy.events.ProcessGenerator:
        while True:
            yield self.env.timeout(SHIFT_S)
            self._shift_totals.append(self.running_totals(self.env.now))

    # ================================================================ line callbacks
    def _finished(self, item: Item, bin_name: str, now_s: float) -> None:
        item.route.append(bin_name)
        if bin_name != item.correct_bin:
            result = "MIS_SORT"
        else:
            result = "NG" if item.defect else "OK"
        self._bins[bin_name][1 if item.defect else 0] += 1
        self.records.append(
            ProductionRecord(
                item_id=item.id,
                lot=item.lot,
                material=item.material,
                height_mm=item.height_mm,
                weight_g=item.weight_g,
                defect=item.defect,
                placed_s=round(item.placed_s, 6),
                finished_s=round(now_s, 6),
                route=">".join(item.route),
                bin=bin_name,
                correct_bin=item.correct_bin,
                result=result,
            )
        )

    def _zone_changed(self, zone: int, now_s: float) -> None:
        for name, sensor in self.analog.items():
            if self._zone_of[name] == zone:
                covering = self.line.zone_items[zone].values()
                top_mm = max((item.height_mm for item in covering), default=0.0)
                sensor.set_target(sensor.spec.mount_height_mm - top_mm, now_s)

    # ================================================================ faults
    def faults_changed(self, active: Sequence[Fault], now_s: float) -> None:
        """Jam or slow the cylinders, flap and belts named by ``active``; start or stop motor wear."""
        self.line.advance_to(now_s)
        self._active_faults = active
        signal_of = self._signal_of
        for index, cylinder in enumerate(self.line.cylinders):
            jammed, slowness = actuator_condition(active, signal_of, f"pusher.{cylinder.spec.name}.")
            if (jammed, slowness) != (cylinder.jammed, cylinder.slowness):
                self.line.set_cylinder_faults(index, jammed, slowness, now_s)
        if self.line.diverter is not None:
            jammed, slowness = actuator_condition(active, signal_of, f"diverter.{self.line.diverter.spec.name}.")
            self.line.set_cylinder_faults(-1, jammed, slowness, now_s)
        for conveyor, motor in zip(self.scene.conveyors, self.motors, strict=True):
            rate = wear_rate_per_h(active, signal_of, f"conveyor.{conveyor.name}.")
            if rate != motor.wear_per_h:
                if rate > 0:
                    motor.start_wear(rate, now_s)
                else:
                    motor.repair()
        for index in range(len(self.scene.conveyors)):
            self._update_belt(index, now_s)

    def repair(self, now_s: float) -> None:
        """Every motor as new (the teacher panel's "repair all")."""
        for motor in self.motors:
            motor.repair()

    # ================================================================ results
    def kpis(self, now_s: float, plc_state: str, plc_fault: str) -> LineKpis:
        """The line's KPIs now (see :mod:`simulator.plant.kpis` for the definitions)."""
        planned_s = now_s - self._line_started_s if self._line_started_s is not None else 0.0
        return line_kpis(self, now_s, planned_s, self.running_totals(now_s), plc_state, plc_fault)

    def bin_counts(self) -> Mapping[str, list[int]]:
        """Parts in each bin so far: [within specification, defective]."""
        return self._bins

    def running_totals(self, now_s: float) -> tuple[float, float]:
        """Cumulative (operating seconds, energy of the belt motors and stations in kWh) at ``now_s``."""
        energy_j = sum(
            watch.total_s(now_s) * conveyor.power_w
            for watch, conveyor in zip(self._motor_on, self.scene.conveyors, strict=True)
        )
        energy_j += sum(station.energy_j(now_s) for station in self.line.stations)
        return self._operating.total_s(now_s), energy_j / 3.6e6

    def utilisation(self) -> list[UtilisationRow]:
        """How the feeder and each work station spent their time so far (가동률), one row each."""
        return utilisation_rows(self.feeder, self.line.stations, self.env.now)

    def shift_reports(self) -> list[ShiftReport]:
        """Production, quality and energy of each 8-hour shift so far (the current one up to now)."""
        now = self.env.now
        return build_reports(self.records, [*self._shift_totals, self.running_totals(now)], now)

    def parts_at_sensor(self, name: str) -> int:
        """How many parts cover the point where sensor ``name`` looks."""
        return len(self.line.zone_items[self._zone_of[name]])

    def belt_travel_m(self, index: int) -> float:
        """How far belt ``index``'s surface has moved so far, in metres (for drawing it moving)."""
        speed = self.scene.conveyors[index].speed_m_per_s
        return self._motor_on[index].total_s(self.env.now) * speed

    def view(self, now_s: float, tags: Mapping[str, bool | int]) -> ConveyorLineView:
        """The line as drawn: parts, belts, pushers, flap, stations and sensors now."""
        return build_view(self, now_s, tags)
