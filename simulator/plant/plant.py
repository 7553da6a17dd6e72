"""The plant: a scene brought to life — conveyors, parts, sensors, actuators and its PLC.

Quick start::

    from simulator.plant import Plant

    plant = Plant("sorting-line-v1", seed=1, program="reference")
    plant.press("start", hold_s=0.3)   # an operator presses 시작
    plant.run(minutes=10)              # ten simulated minutes, in well under a second
    print(plant.kpis().oee)

Everything random (parts, breakdowns, sensor noise) comes from ``seed``: the same scene,
seed, program and faults give exactly the same run, every time, on every computer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import simpy

from simulator.errors import LabError
from simulator.plant.fault_effects import (
    AnalogChannel,
    actuator_condition,
    bend_digital,
    read_bent_analog,
    swap_outputs,
    wear_rate_per_h,
)
from simulator.plant.faults import Fault, check_fault
from simulator.plant.feeder import Feeder
from simulator.plant.historian import Historian
from simulator.plant.items import Item, ProductionRecord
from simulator.plant.kpis import BinCount, Kpis, ratio
from simulator.plant.lookahead import InputLookahead, InputRow, RandomStreams
from simulator.plant.motor_health import MotorHealth, MotorSignal
from simulator.plant.panel import OperatorPanel
from simulator.plant.records import write_csv, write_sqlite
from simulator.plant.sensors import AnalogDistanceSensor, detects
from simulator.plant.shifts import SHIFT_S, ShiftReport, build_reports
from simulator.plant.snapshot import PlantSnapshot
from simulator.plant.snapshot_builder import build_snapshot
from simulator.plant.stopwatch import Stopwatch
from simulator.plant.transport import Line
from simulator.plant.utilisation import UtilisationRow, utilisation_rows
from simulator.plc.clock import using_clock
from simulator.plc.image import ProcessImage
from simulator.plc.runtime import DEFAULT_WATCHDOG_S, PlcRuntime
from simulator.plc.tags import Area
from simulator.plc.watchdog import interrupting_watchdog
from simulator.scenes.model import Scene
from simulator.scenes.registry import get_scene
from simulator.scenes.variants import with_settings

#: How long :meth:`Plant.press` holds a button when no time is given, in seconds.
DEFAULT_PRESS_S = 0.2
#: How often motor condition (current, temperature, vibration) is sampled, in seconds.
CONDITION_PERIOD_S = 1.0


class Plant:
    """A running scene with its PLC, on a SimPy clock that runs as fast as the CPU allows.

    Args:
        scene: a scene id (``"sorting-line-v1"``), a path to a scene file, or a Scene.
        seed: seed of every random stream of the plant.
        program: the PLC program — a function ``program(io)``, a class with ``scan(self, io)``,
            a built-in controller name such as ``"reference"`` — or None for remote I/O
            (outputs written from outside, e.g. over Modbus).
        faults: faults to inject (see :mod:`simulator.plant.faults`).
        scan_period_ms: PLC scan period (1–150 ms); the scene's value when None.
        watchdog_s: wall-clock time one program scan may take before the PLC stops.
        settings: belt speeds and lengths to change, e.g. ``{"buffer_length_m": 2.0}``
            (see :mod:`simulator.scenes.variants`).
    """

    def __init__(
        self,
        scene: str | Path | Scene = "sorting-line-v1",
        *,
        seed: int = 0,
        program: object | None = None,
        faults: Iterable[Fault] = (),
        scan_period_ms: float | None = None,
        watchdog_s: float = DEFAULT_WATCHDOG_S,
        settings: Mapping[str, float] | None = None,
    ) -> None:
        self.scene = get_scene(scene)
        if settings:
            self.scene = with_settings(self.scene, settings)
        self.seed = seed
        self.env = simpy.Environment()
        # One independent random stream per purpose: adding a stream never shifts the others.
        parts_rng, failure_rng, noise_rng, fault_rng, motor_rng, station_rng = (
            np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(6)
        )
        self._fault_rng = fault_rng
        self.panel = OperatorPanel()
        self._version = 0
        self.records: list[ProductionRecord] = []
        self._bins: dict[str, list[int]] = {b.name: [0, 0] for b in self.scene.bins}

        zone_sensors = [s for s in self.scene.sensors if s.kind != "limit_switch"]
        self._zone_of = {s.name: i for i, s in enumerate(zone_sensors)}
        self.line = Line(
            self.scene,
            [s.position_m for s in zone_sensors],
            on_finished=self._finished,
            on_zone_change=self._zone_changed,
        )
        self.analog = {
            s.name: AnalogDistanceSensor(s, noise_rng) for s in self.scene.sensors if s.kind == "analog_distance"
        }
        self.feeder = Feeder(
            self.env, self.scene, self.line, parts_rng, failure_rng, self._bump, self._process_drift_mm
        )

        self.image = ProcessImage(self.scene.tags)
        for name, value in self.scene.initial_values.items():
            setattr(self.image.io, name, value)
        self.motors = [MotorHealth(c.motor_power_w, motor_rng) for c in self.scene.conveyors]
        self.motor_failures = 0
        self.env.process(self._monitor_motors())
        for index, station in enumerate(self.scene.stations):
            if station.mtbf_min > 0:
                self.env.process(self._break_station(index, station.mtbf_min, station.mttr_min, station_rng))
        self._shift_totals: list[tuple[float, float]] = []
        self.env.process(self._note_shift_changes())
        self._signal_of = {tag.name: tag.signal for tag in self.scene.tags}
        self._digital_index = {name: i for i, name in enumerate(self.image.input_names)}
        self._output_index = {name: i for i, name in enumerate(self.image.output_names)}
        self._digital_readers = [self._digital_reader(self._signal_of[n]) for n in self.image.input_names]
        self._analog_channels = [self._analog_channel(self._signal_of[n]) for n in self.image.analog_names]
        # Noisy sensors are read every scan; motor condition is sampled once a second and held.
        self._analog_now = [0] * len(self._analog_channels)
        self._every_scan = [
            (i, channel.read_counts)
            for i, channel in enumerate(self._analog_channels)
            if not isinstance(channel, MotorSignal)
        ]
        self._sampled = [
            (i, channel) for i, channel in enumerate(self._analog_channels) if isinstance(channel, MotorSignal)
        ]
        for index, channel in self._sampled:
            self._analog_now[index] = channel.read_counts(0.0)
        streams = RandomStreams(noise_rng, list(self.analog.values()), fault_rng, motor_rng)
        self._ahead = InputLookahead(
            self._inputs_at,
            lambda: streams.bookmark(bool(self._input_faults or self._analog_faults), bool(self._analog_faults)),
            streams.restore,
        )
        self._output_handlers = [self._output_handler(self.image.by_name[n].signal) for n in self.image.output_names]
        #: Outputs as the PLC set them, and as they reach the actuators (after faulty wiring).
        self._commanded: tuple[bool, ...] = (False,) * len(self.image.output_names)
        self._outputs = self._commanded
        self.signals = {"green": False, "yellow": False, "red": False, "buzzer": False}
        self._belt_commands = [(False, False)] * len(self.scene.conveyors)
        self.interlock_violations = 0
        self._motor_on = [Stopwatch() for _ in self.scene.conveyors]
        self._operating = Stopwatch()
        self._line_started_s: float | None = None

        self.faults: list[Fault] = []
        self._active_faults: list[Fault] = []
        for fault in faults:
            self.inject(fault)

        self.plc = PlcRuntime(
            self.env,
            self.image,
            self,
            program=_resolve_program(program, self.scene.id),
            scan_period_ms=scan_period_ms or self.scene.scan_period_ms,
            watchdog_s=watchdog_s,
        )

    # ================================================================ running
    @property
    def io(self) -> object:
        """The PLC's process image: one attribute per tag."""
        return self.image.io

    @property
    def now_s(self) -> float:
        """Simulated time, in seconds."""
        return float(self.env.now)

    def run(self, seconds: float = 0.0, *, minutes: float = 0.0, hours: float = 0.0) -> Plant:
        """Run the plant for the given simulated time (added together); returns the plant."""
        return self.run_until(self.env.now + seconds + 60.0 * minutes + 3600.0 * hours)

    def run_until(self, time_s: float) -> Plant:
        """Run the plant until simulated time ``time_s``."""
        if time_s > self.env.now:
            with using_clock(self.plc.clock), interrupting_watchdog(self.plc):
                self.env.run(until=time_s)
        return self

    def press(self, control: str, hold_s: float | None = DEFAULT_PRESS_S, at_s: float | None = None) -> None:
        """Press a panel control now, or at simulated time ``at_s``.

        Momentary buttons (``start``, ``stop``, ``reset``) are let go after ``hold_s``
        seconds (None: held until :meth:`release`). ``"estop"`` latches until
        :meth:`release_estop`; ``"auto"``/``"manual"`` turn the mode selector.
        """
        if at_s is None or at_s <= self.env.now:
            self._press_now(control, hold_s)
        else:
            self.env.process(self._press_later(control, hold_s, at_s))

    def _press_now(self, control: str, hold_s: float | None) -> None:
        self.panel.press(control)
        self._bump()
        if hold_s is not None and control in ("start", "stop", "reset"):
            self.env.process(self._release_later(control, hold_s))

    def _press_later(self, control: str, hold_s: float | None, at_s: float) -> simpy.events.ProcessGenerator:
        yield self.env.timeout(at_s - self.env.now)
        self._press_now(control, hold_s)

    def _release_later(self, control: str, hold_s: float) -> simpy.events.ProcessGenerator:
        yield self.env.timeout(hold_s)
        self.release(control)

    def release(self, control: str) -> None:
        """Let go of a held button."""
        self.panel.release(control)
        self._bump()

    def release_estop(self) -> None:
        """Twist the emergency stop out (the program must still be reset to restart)."""
        self.panel.release_estop()
        self._bump()

    def inject(self, fault: Fault) -> None:
        """Add a fault; it takes effect between its start and end times."""
        fault = check_fault(fault, self.image.by_name, "inject")
        self.faults.append(fault)
        if fault.start_s <= self.env.now:
            self._activate(fault)  # in force at once, before the next scan
        else:
            self.env.process(self._activate_at_start(fault))
        if fault.end_s is not None:
            self.env.process(self._deactivate_at_end(fault, fault.end_s))

    def clear_faults(self) -> None:
        """Remove every fault and repair every motor, now (the teacher panel's "repair all")."""
        self.faults.clear()
        self._active_faults.clear()
        for motor in self.motors:
            motor.repair()
        self._faults_changed()

    # ================================================================ results
    def kpis(self) -> Kpis:
        """The KPIs now."""
        now = self.env.now
        produced = len(self.records)
        good = sum(1 for r in self.records if r.result == "OK")
        planned_s = now - self._line_started_s if self._line_started_s is not None else 0.0
        operating_s = self._operating.total_s(now)
        availability = ratio(operating_s, planned_s)
        performance = ratio(self.scene.ideal_cycle_s * produced, operating_s)
        quality = ratio(good, produced)
        energy_kwh = self._running_totals()[1]
        fault = self.plc.fault
        return Kpis(
            scene=self.scene.id,
            seed=self.seed,
            sim_time_s=now,
            produced=produced,
            good=good,
            defective=sum(1 for r in self.records if r.defect),
            mis_sorts=sum(1 for r in self.records if r.result == "MIS_SORT"),
            collisions=self.line.counters.collisions,
            jams=self.line.counters.jams,
            interlock_violations=self.interlock_violations,
            throughput_per_h=produced * 3600.0 / now if now > 0 else 0.0,
            availability=availability,
            performance=performance,
            quality=quality,
            oee=availability * performance * quality,
            energy_kwh=energy_kwh,
            energy_wh_per_good=energy_kwh * 1000.0 / good if good else 0.0,
            feeder_breakdowns=self.feeder.breakdowns,
            motor_failures=self.motor_failures,
            bins={name: BinCount(good=c[0], defective=c[1]) for name, c in self._bins.items()},
            plc_state=self.plc.state.value,
            plc_fault=fault.ko if fault else "",
        )

    def log_tags(self, every_s: float = 1.0, tags: Sequence[str] | None = None) -> Historian:
        """Start sampling ``tags`` (all tags when None) every ``every_s`` seconds; returns the table."""
        names = list(tags) if tags is not None else [tag.name for tag in self.scene.tags]
        unknown = [name for name in names if name not in self.image.by_name]
        if unknown:
            raise LabError(f"태그가 없습니다: {', '.join(unknown)}", f"No such tags: {', '.join(unknown)}")
        return Historian(self.env, self.image.io, names, every_s)

    def utilisation(self) -> list[UtilisationRow]:
        """How the feeder and each work station spent their time so far (가동률), one row each."""
        return utilisation_rows(self.feeder, self.line.stations, self.now_s)

    def shift_reports(self) -> list[ShiftReport]:
        """Production, quality and energy of each 8-hour shift so far (the current one up to now)."""
        now = self.env.now
        return build_reports(self.records, [*self._shift_totals, self._running_totals()], now)

    def _running_totals(self) -> tuple[float, float]:
        """Cumulative (operating seconds, energy of the belt motors and stations in kWh) now."""
        now = self.env.now
        energy_kwh = sum(
            watch.total_s(now) * conveyor.power_w
            for watch, conveyor in zip(self._motor_on, self.scene.conveyors, strict=True)
        )
        energy_kwh += sum(station.energy_j(now) for station in self.line.stations)
        return self._operating.total_s(now), energy_kwh / 3.6e6

    def _note_shift_changes(self) -> simpy.events.ProcessGenerator:
        while True:
            yield self.env.timeout(SHIFT_S)
            self._shift_totals.append(self._running_totals())

    def export_csv(self, path: str | Path) -> Path:
        """Write the production records to a CSV file."""
        return write_csv(self.records, path)

    def export_sqlite(self, path: str | Path) -> Path:
        """Write the production records to an SQLite database (table ``production``)."""
        return write_sqlite(self.records, path)

    def snapshot(self) -> PlantSnapshot:
        """A frozen picture of the plant now (positions interpolated; nothing is advanced)."""
        return build_snapshot(self)

    def __getattr__(self, name: str) -> object:
        if name in _DRAWN_ELSEWHERE:  # pictures are drawn by simulator.viz, which the plant does not import
            raise DrawnElsewhere(
                f"plant.{name}()는 없습니다. 그림은 simulator.viz.notebook이 그립니다: "
                f"from simulator.viz.notebook import {name}  →  {_DRAWN_ELSEWHERE[name]}",
                f"There is no plant.{name}(). Pictures are drawn by simulator.viz.notebook: "
                f"from simulator.viz.notebook import {name}  →  {_DRAWN_ELSEWHERE[name]}",
            )
        raise AttributeError(f"'Plant' object has no attribute '{name}'")

    @property
    def active_faults(self) -> tuple[Fault, ...]:
        """The faults in force now."""
        return tuple(self._active_faults)

    def parts_at_sensor(self, name: str) -> int:
        """How many parts cover the point where sensor ``name`` looks."""
        return len(self.line.zone_items[self._zone_of[name]])

    def belt_travel_m(self, index: int) -> float:
        """How far belt ``index``'s surface has moved so far, in metres (for drawing it moving)."""
        speed = self.scene.conveyors[index].speed_m_per_s
        return self._motor_on[index].total_s(self.env.now) * speed

    # ================================================================ the field (PLC terminals)
    def advance_to(self, now_s: float) -> None:
        """Process the line's events due by ``now_s`` (called by the PLC every scan)."""
        if self.line.next_event_s <= now_s:
            self.line.advance_to(now_s)

    def input_version(self) -> object:
        """Changes whenever a digital input may have changed."""
        if self._noisy_inputs:
            return self.env.now
        return self.line.version + self.panel.version * 1_000_003 + self._version * 7_919

    def digital_inputs(self, now_s: float) -> list[bool]:
        """Digital inputs in image order, after any sensor faults."""
        if self._ahead.pending:  # read ahead for the grader (see read_inputs_ahead)
            row = self._ahead.peek(now_s, self._ahead_stamp())
            if row is not None and row[0] is not None:
                return list(row[0])
        return self._read_digital()

    def analog_inputs(self, now_s: float) -> list[int]:
        """Analog input counts in image order, after any sensor faults."""
        if self._ahead.pending:
            row = self._ahead.take(now_s, self._ahead_stamp())
            if row is not None:
                return list(row[1])
        return self._read_analog(now_s)

    def _read_digital(self) -> list[bool]:
        values = [read() for read in self._digital_readers]
        if self._input_faults:
            bend_digital(values, self._input_faults, self._digital_index, self._fault_rng)
        return values

    def _read_analog(self, now_s: float) -> list[int]:
        if self._analog_faults:
            return read_bent_analog(
                self._analog_channels, self.image.analog_names, self._analog_faults, now_s, self._fault_rng
            )
        values = self._analog_now
        for index, read in self._every_scan:
            values[index] = read(now_s)
        return values

    # ---------------------------------------------------------------- reading ahead, for the trusted grader
    def quiet_until_s(self) -> float:
        """Until when (that time not included) nothing a sensor reports changes while the outputs stay.

        Sensors change only at the plant's events (a part reaching a zone, a button, a
        breakdown, the end of :meth:`run`), so this is the next one; only noise and faulty
        sensors vary in between, and :meth:`read_inputs_ahead` reads those ahead.
        """
        return min(self.env.peek(), self.line.next_event_s)

    def read_inputs_ahead(self, times_s: Sequence[float]) -> list[InputRow]:
        """The inputs the PLC will read at ``times_s`` (all before :meth:`quiet_until_s`).

        Each row holds the digital inputs (None when the PLC will not read them again, as
        they cannot change) and the analog ones. The PLC later reads exactly these rows;
        if an output or an event changes the plant first, the rows not read are taken back
        (see :mod:`simulator.plant.lookahead`).
        """
        return self._ahead.read_ahead(times_s, self._ahead_stamp())

    def _inputs_at(self, now_s: float) -> InputRow:
        digital = tuple(self._read_digital()) if self._noisy_inputs else None
        return digital, tuple(self._read_analog(now_s))

    def _ahead_stamp(self) -> object:
        """What must stay the same for inputs read ahead to hold: the outputs and every event count."""
        return self._commanded, self.line.version, self.panel.version, self._version

    def apply_outputs(self, outputs: tuple[bool, ...], now_s: float) -> None:
        """Drive the actuators whose outputs changed (after any swapped wiring)."""
        if self._ahead.pending and outputs != self._commanded:
            self._ahead.give_back()  # before the actuators move: what they start may draw random numbers
        self._commanded = outputs
        outputs = swap_outputs(outputs, self._active_faults, self._output_index)
        previous = self._outputs
        self._outputs = outputs
        for index, (old, new) in enumerate(zip(previous, outputs, strict=True)):
            if old != new:
                self._output_handlers[index](new, now_s)

    # ---------------------------------------------------------------- wiring
    def _digital_reader(self, signal: str) -> Callable[[], bool]:
        kind, _, name = signal.partition(".")
        if kind == "panel":
            return lambda: self.panel.signal(name)
        if signal == "feeder.ready":
            return lambda: self.feeder.ready
        spec = self.scene.sensor(name)
        if spec.kind == "limit_switch":
            actuators = [*self.line.cylinders, *([self.line.diverter] if self.line.diverter else [])]
            cylinder = next(c for c in actuators if c.spec.name == spec.actuator)
            if spec.at == "retracted":
                return lambda: cylinder.is_retracted(self.line.now_s)
            return lambda: cylinder.is_extended(self.line.now_s)
        covering = self.line.zone_items[self._zone_of[name]]
        return lambda: any(detects(spec, item) for item in covering.values())

    def _analog_channel(self, signal: str) -> AnalogChannel:
        kind, name, *quantity = signal.split(".")
        if kind == "motor":
            index = next(i for i, c in enumerate(self.scene.conveyors) if c.name == name)
            return MotorSignal(self.motors[index], quantity[0])
        return self.analog[name]

    def _output_handler(self, signal: str) -> Callable[[bool, float], None]:
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
        key = parts[-1]
        return lambda on, now: self.signals.__setitem__(key, on)

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

    def _bump(self) -> None:
        """Something an input reports changed outside the line (panel, feeder, faults)."""
        self._version += 1
        self._update_operating(self.env.now)

    def _process_drift_mm(self, now_s: float) -> float:
        """How far the upstream process has drifted new parts' heights at ``now_s``, in mm."""
        return sum(f.severity * (now_s - f.start_s) / 3600.0 for f in self._active_faults if f.kind == "process_drift")

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
            for index, channel in self._sampled:  # sample and hold until the next sample
                self._analog_now[index] = channel.read_counts(now)

    def _break_station(
        self, index: int, mtbf_min: float, mttr_min: float, rng: np.random.Generator
    ) -> simpy.events.ProcessGenerator:
        """Break work station ``index`` down and repair it, both after exponential times (like the feeder)."""
        while True:
            yield self.env.timeout(rng.exponential(mtbf_min * 60.0))
            self.line.set_station_broken(index, True, self.env.now)
            yield self.env.timeout(rng.exponential(mttr_min * 60.0))
            self.line.set_station_broken(index, False, self.env.now)

    # ---------------------------------------------------------------- line callbacks
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

    # ---------------------------------------------------------------- faults
    _noisy_inputs = False
    _input_faults: Sequence[Fault] = ()
    _analog_faults: Sequence[Fault] = ()

    def _activate_at_start(self, fault: Fault) -> simpy.events.ProcessGenerator:
        yield self.env.timeout(fault.start_s - self.env.now)
        self._activate(fault)

    def _activate(self, fault: Fault) -> None:
        if fault in self.faults:  # not cleared before it began
            self._active_faults.append(fault)
            self._faults_changed()

    def _deactivate_at_end(self, fault: Fault, end_s: float) -> simpy.events.ProcessGenerator:
        yield self.env.timeout(max(0.0, end_s - self.env.now))
        if fault in self._active_faults:
            self._active_faults.remove(fault)
            self._faults_changed()

    def _faults_changed(self) -> None:
        now = self.env.now
        self.line.advance_to(now)
        area = {f: self.image.by_name[f.target].area for f in self._active_faults}
        self._input_faults = [f for f in self._active_faults if area[f] is Area.DI]
        self._analog_faults = [f for f in self._active_faults if area[f] is Area.AI]
        self._noisy_inputs = any(f.kind in ("noise", "dropout") for f in self._input_faults)
        faults, signal_of = self._active_faults, self._signal_of
        for index, cylinder in enumerate(self.line.cylinders):
            jammed, slowness = actuator_condition(faults, signal_of, f"pusher.{cylinder.spec.name}.")
            if (jammed, slowness) != (cylinder.jammed, cylinder.slowness):
                self.line.set_cylinder_faults(index, jammed, slowness, now)
        if self.line.diverter is not None:
            jammed, slowness = actuator_condition(faults, signal_of, f"diverter.{self.line.diverter.spec.name}.")
            self.line.set_cylinder_faults(-1, jammed, slowness, now)
        for conveyor, motor in zip(self.scene.conveyors, self.motors, strict=True):
            rate = wear_rate_per_h(faults, signal_of, f"conveyor.{conveyor.name}.")
            if rate != motor.wear_per_h:
                if rate > 0:
                    motor.start_wear(rate, now)
                else:
                    motor.repair()
        for index in range(len(self.scene.conveyors)):
            self._update_belt(index, now)
        self.apply_outputs(self._commanded, now)
        self._bump()


class DrawnElsewhere(LabError, AttributeError):
    """``plant.show()``: the picture functions live in :mod:`simulator.viz.notebook`."""


#: What a student may try on a plant, and the call that does it.
_DRAWN_ELSEWHERE = {"show": "show(plant)", "animate": "animate(plant, seconds=5)"}


def _resolve_program(program: object | None, scene_id: str) -> object | None:
    """A built-in controller by name (for this scene), or the program as given."""
    if isinstance(program, str):
        from simulator.controllers import get_controller

        return get_controller(program, scene_id)
    return program
