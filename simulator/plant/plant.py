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

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import simpy

from simulator.errors import LabError
from simulator.plant.fault_timeline import FaultTimeline
from simulator.plant.faults import Fault, check_fault
from simulator.plant.historian import Historian
from simulator.plant.kind import FAULTS_STREAM, Equipment, KindContext
from simulator.plant.kinds import kind_named
from simulator.plant.kpis import Kpis
from simulator.plant.lookahead import InputRow
from simulator.plant.panel import OperatorPanel
from simulator.plant.records import write_csv, write_sqlite
from simulator.plant.snapshot import PlantSnapshot
from simulator.plant.terminals import Terminals
from simulator.plc.clock import using_clock
from simulator.plc.image import ProcessImage
from simulator.plc.runtime import DEFAULT_WATCHDOG_S, PlcRuntime
from simulator.plc.watchdog import interrupting_watchdog
from simulator.scenes.model import Scene
from simulator.scenes.registry import get_scene
from simulator.scenes.variants import with_settings

#: How long :meth:`Plant.press` holds a button when no time is given, in seconds.
DEFAULT_PRESS_S = 0.2
#: Panel controls in the order a snapshot lists them.
PANEL_ORDER = ("start", "stop", "estop", "reset", "auto")


class Plant:
    """A running scene with its PLC, on a SimPy clock that runs as fast as the CPU allows.

    The plant is the frame every kind of factory shares — clock, PLC, operator panel, stack
    light, faults, records — around the equipment of the scene's kind (a conveyor line
    today; see :mod:`simulator.plant.kind`). Names the kind exposes (the conveyor line's
    ``plant.utilisation()``, ``plant.line``) are passed on to its equipment.

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
        self.kind = kind_named(self.scene.kind)
        self.env = simpy.Environment()
        # One independent random stream per purpose: adding a stream never shifts the others.
        purposes = self.kind.random_purposes
        streams = np.random.SeedSequence(seed).spawn(len(purposes))
        rng = {purpose: np.random.default_rng(s) for purpose, s in zip(purposes, streams, strict=True)}
        self.panel = OperatorPanel()
        self.image = ProcessImage(self.scene.tags)
        for name, value in self.scene.initial_values.items():
            setattr(self.image.io, name, value)
        signal_of = {tag.name: tag.signal for tag in self.scene.tags}
        self.equipment: Equipment = self.kind.build(KindContext(self.env, self.scene, seed, rng, self._bump, signal_of))
        self.terminals = Terminals(self.env, self.image, self.panel, self.equipment, rng[FAULTS_STREAM])
        self._faults = FaultTimeline(self.env, self._faults_changed)
        for fault in faults:
            self.inject(fault)
        self.plc = PlcRuntime(
            self.env,
            self.image,
            self.terminals,
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

    def _bump(self) -> None:
        """Something an input reports changed outside the equipment's events (panel, feeder, faults)."""
        self.terminals.version += 1

    # ================================================================ faults
    def inject(self, fault: Fault) -> None:
        """Add a fault; it takes effect between its start and end times."""
        self._faults.inject(check_fault(fault, self.image.by_name, "inject"))

    def clear_faults(self) -> None:
        """Remove every fault and repair every machine, now (the teacher panel's "repair all")."""
        self.equipment.repair(self.env.now)
        self._faults.clear()

    @property
    def faults(self) -> list[Fault]:
        """Every fault injected (and not cleared)."""
        return self._faults.injected

    @property
    def active_faults(self) -> tuple[Fault, ...]:
        """The faults in force now."""
        return tuple(self._faults.active)

    def _faults_changed(self) -> None:
        now = self.env.now
        active = self._faults.active
        self.terminals.set_faults(active)
        self.equipment.faults_changed(active, now)
        self.terminals.reapply_outputs(now)
        self._bump()

    # ================================================================ results
    @property
    def records(self) -> list[Any]:
        """The production records so far, one per finished product."""
        return self.equipment.records

    @property
    def signals(self) -> dict[str, bool]:
        """The stack light's lamps and buzzer now."""
        return self.terminals.signals

    def kpis(self) -> Kpis:
        """The KPIs now."""
        fault = self.plc.fault
        return self.equipment.kpis(self.env.now, self.plc.state.value, fault.ko if fault else "")

    def log_tags(self, every_s: float = 1.0, tags: Sequence[str] | None = None) -> Historian:
        """Start sampling ``tags`` (all tags when None) every ``every_s`` seconds; returns the table."""
        names = list(tags) if tags is not None else [tag.name for tag in self.scene.tags]
        unknown = [name for name in names if name not in self.image.by_name]
        if unknown:
            raise LabError(f"태그가 없습니다: {', '.join(unknown)}", f"No such tags: {', '.join(unknown)}")
        return Historian(self.env, self.image.io, names, every_s)

    def export_csv(self, path: str | Path) -> Path:
        """Write the production records to a CSV file."""
        return write_csv(self.records, path, self.equipment.record_type)

    def export_sqlite(self, path: str | Path) -> Path:
        """Write the production records to an SQLite database (table ``production``, and the kind's detail tables)."""
        written = write_sqlite(self.records, path, self.equipment.record_type)
        for table, (record_type, rows) in self.equipment.detail_tables.items():
            write_sqlite(rows, path, record_type, table=table, keyed=False)
        return written

    def snapshot(self) -> PlantSnapshot:
        """A frozen picture of the plant now (positions interpolated; nothing is advanced)."""
        now = self.env.now
        values = self.image.io.as_dict()
        return PlantSnapshot(
            scene_id=self.scene.id,
            time_s=now,
            kind=self.kind.name,
            equipment=self.equipment.view(now, values),
            signals=dict(self.signals),
            panel={control: self.panel.signal(control) for control in PANEL_ORDER},
            tags=values,
            active_faults=tuple(f"{f.kind}:{f.target}" for f in self.active_faults),
            kpis=self.kpis(),
            plc_internal=self.plc.has_program,
            forced=dict(self.plc.forced),
        )

    def __getattr__(self, name: str) -> Any:
        equipment = self.__dict__.get("equipment")  # not yet there while __init__ runs
        if equipment is not None and name in equipment.exposed:
            return getattr(equipment, name)
        if name in _DRAWN_ELSEWHERE:  # pictures are drawn by simulator.viz, which the plant does not import
            raise DrawnElsewhere(
                f"plant.{name}()는 없습니다. 그림은 simulator.viz.notebook이 그립니다: "
                f"from simulator.viz.notebook import {name}  →  {_DRAWN_ELSEWHERE[name]}",
                f"There is no plant.{name}(). Pictures are drawn by simulator.viz.notebook: "
                f"from simulator.viz.notebook import {name}  →  {_DRAWN_ELSEWHERE[name]}",
            )
        raise AttributeError(f"'Plant' object has no attribute '{name}'")

    # ================================================================ the field, for the trusted grader
    def quiet_until_s(self) -> float:
        """Until when (that time not included) nothing a sensor reports changes while the outputs stay.

        Sensors change only at the plant's events (a part reaching a zone, a button, a
        breakdown, the end of :meth:`run`), so this is the next one; only noise and faulty
        sensors vary in between, and :meth:`read_inputs_ahead` reads those ahead.
        """
        return min(self.env.peek(), self.equipment.next_event_s)

    def read_inputs_ahead(self, times_s: Sequence[float]) -> list[InputRow]:
        """The inputs the PLC will read at ``times_s`` (all before :meth:`quiet_until_s`).

        Each row holds the digital inputs (None when the PLC will not read them again, as
        they cannot change) and the analog ones. The PLC later reads exactly these rows;
        if an output or an event changes the plant first, the rows not read are taken back
        (see :mod:`simulator.plant.lookahead`).
        """
        return self.terminals.read_inputs_ahead(times_s)


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
