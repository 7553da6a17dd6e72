"""Run a student's PLC program on a plant the grader builds itself, and report what happened.

Example (in a notebook, to look at a run before the checks grade it)::

    from grading.runner import run_program

    report = run_program(MyProgram, seed=3, minutes=2, estop_at_s=60)
    print(report.summary())
    report.violations      # every rule broken, with time and a Korean explanation
    report.changes[:10]    # the first output changes

The plant comes from the installed ``simulator`` package, with the scene, seed and faults
the check asks for; the student only supplies the program.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from grading.messages import current_lang
from grading.rules import Violation
from grading.tracing import OutputChange, TracingProgram
from simulator.plant import Fault, Kpis, Plant, PlantSnapshot, ProductionRecord
from simulator.plant.conveyor.line_kpis import LineKpis
from simulator.plant.plant import DEFAULT_PRESS_S

#: When the simulated operator presses 시작 (start), in seconds of simulated time.
START_AT_S = 0.5
#: How long the start button is held, in seconds.
START_HOLD_S = 0.3


@dataclass
class RunReport:
    """Everything a check may look at after a run."""

    scene: str
    seed: int
    minutes: float
    faults: tuple[str, ...]
    kpis: Kpis
    #: One record per part that reached a bin.
    records: list[ProductionRecord]
    #: The plant at the end of the run (parts still on the belt, tag values …).
    final: PlantSnapshot
    #: Every output change (the first :data:`~grading.tracing.MAX_KEPT_CHANGES`).
    changes: list[OutputChange]
    #: Every broken rule (the first few of each rule).
    violations: list[Violation]
    #: Broken rules counted: rule id → count.
    violation_counts: dict[str, int] = field(default_factory=dict)
    #: Why the PLC stopped (Korean, English), or empty strings while it ran.
    plc_fault_ko: str = ""
    plc_fault_en: str = ""

    @property
    def tags(self) -> dict[str, bool | int]:
        """Tag values at the end of the run."""
        return self.final.tags

    @property
    def plc_stopped(self) -> bool:
        """True when the student's program stopped the PLC (an error, an endless loop …)."""
        return bool(self.plc_fault_ko)

    def summary(self, lang: str | None = None) -> str:
        """A few lines for a person to read."""
        k = self.kpis
        lang = lang or current_lang()
        problems = "".join(f", {p.name(lang).lower()} {p.count}" for p in k.problems())
        if lang == "en":
            lines = [
                f"{self.scene} seed {self.seed}, {self.minutes:g} min, faults: {', '.join(self.faults) or 'none'}",
                f"produced {k.produced} (good {k.good}{problems}), PLC {k.plc_state}",
                f"output changes {len(self.changes)}, rules broken {sum(self.violation_counts.values())}",
            ]
            lines += [f"  - {v.en}" for v in self.violations[:5]]
            if self.plc_fault_en:
                lines.append(self.plc_fault_en)
        else:
            lines = [
                f"{self.scene} 시드 {self.seed}, {self.minutes:g}분, 고장: {', '.join(self.faults) or '없음'}",
                f"생산 {k.produced}개 (양품 {k.good}{problems}), PLC {k.plc_state}",
                f"출력 변화 {len(self.changes)}번, 규칙 위반 {sum(self.violation_counts.values())}건",
            ]
            lines += [f"  - {v.ko}" for v in self.violations[:5]]
            if self.plc_fault_ko:
                lines.append(self.plc_fault_ko)
        return "\n".join(lines)


class ProgramRun:
    """A plant the grader builds, running the student's program with tracing and limits.

    Every check that runs a PLC program goes through this class: the program is wrapped in
    a :class:`~grading.tracing.TracingProgram` (output changes, broken rules, the scan
    alarm), the plant is the installed ``simulator``'s, and :meth:`report` says what
    happened. Checks script the operator with :meth:`press` and :meth:`run_until`, or
    watch the plant with :meth:`wait_for`.

    Args:
        program: a function ``program(io)``, a class with ``scan(self, io)``, or an instance.
        scene: scene id.
        seed: the plant's random seed (parts, breakdowns, noise).
        faults: faults to inject (see :mod:`simulator.plant.faults`).
        start: the operator presses 시작 at :data:`START_AT_S` for :data:`START_HOLD_S`.
        alarm: interrupt a scan that runs too long (see :class:`~grading.tracing.TracingProgram`).
        wrap: builds the plant's program around the tracer (L03 compares a model scan by scan).
    """

    def __init__(
        self,
        program: object,
        scene: str = "sorting-line-v1",
        *,
        seed: int = 0,
        faults: Iterable[Fault] = (),
        start: bool = True,
        alarm: bool = True,
        wrap: Callable[[TracingProgram], object] | None = None,
    ) -> None:
        self.seed = seed
        self.tracer = TracingProgram(program, alarm=alarm)
        #: What the plant's PLC runs: the tracer, or what ``wrap`` built around it.
        self.program = wrap(self.tracer) if wrap else self.tracer
        self.plant = Plant(scene, seed=seed, program=self.program, faults=tuple(faults))
        self.tracer.attach(self.plant)
        if start:
            self.plant.press("start", hold_s=START_HOLD_S, at_s=START_AT_S)

    @property
    def now_s(self) -> float:
        """Simulated time, in seconds."""
        return self.plant.now_s

    def press(self, control: str, hold_s: float | None = DEFAULT_PRESS_S, at_s: float | None = None) -> None:
        """The operator presses ``control`` (see :meth:`simulator.plant.Plant.press`; the e-stop latches)."""
        self.plant.press(control, hold_s=hold_s, at_s=at_s)

    def run_until(self, time_s: float, *, estop_released_at: Iterable[float] = ()) -> None:
        """Let the plant run to ``time_s``; the e-stop is pulled out again at each of ``estop_released_at``."""
        with self.tracer.alarm_installed():
            for at_s in sorted(estop_released_at):
                self.plant.run_until(at_s)
                self.plant.release_estop()
            self.plant.run_until(time_s)

    def wait_for(self, moment: Callable[[Any], bool], *, after_s: float, within_s: float, step_s: float = 0.05) -> bool:
        """Run from ``after_s`` in steps until ``moment(snapshot)`` holds; False after ``within_s`` or a PLC stop."""
        self.run_until(after_s)
        while self.now_s < after_s + within_s:
            if self.plant.plc.fault is not None:
                return False
            if moment(self.plant.snapshot()):
                return True
            self.run_until(self.now_s + step_s)
        return False

    def report(self, minutes: float | None = None) -> RunReport:
        """What happened so far (``minutes``: the run's length as the check asked for it)."""
        plant = self.plant
        kpis = plant.kpis()
        rules = self.tracer.rules
        if isinstance(kpis, LineKpis):  # the conveyor line's rules (grading.rules)
            rules.add_collisions(plant.now_s, kpis.collisions)
        fault = plant.plc.fault
        return RunReport(
            scene=plant.scene.id,
            seed=self.seed,
            minutes=plant.now_s / 60.0 if minutes is None else minutes,
            faults=tuple(f"{f.kind}:{f.target}" for f in plant.faults),
            kpis=kpis,
            records=list(plant.records),
            final=plant.snapshot(),
            changes=self.tracer.changes,
            violations=list(rules.violations),
            violation_counts=dict(rules.counts),
            plc_fault_ko=fault.ko if fault else "",
            plc_fault_en=fault.en if fault else "",
        )


def run_program(
    program: object,
    scene: str = "sorting-line-v1",
    *,
    seed: int = 0,
    minutes: float = 2.0,
    faults: Iterable[Fault] = (),
    estop_at_s: float | None = None,
    alarm: bool = True,
) -> RunReport:
    """Run ``program`` on a fresh plant and return what happened.

    Args:
        program: a function ``program(io)``, a class with ``scan(self, io)``, or an instance.
        scene: scene id.
        seed: the plant's random seed (parts, breakdowns, noise).
        minutes: simulated minutes to run.
        faults: faults to inject (see :mod:`simulator.plant.faults`).
        estop_at_s: press the emergency stop at this simulated time (None: never).
        alarm: interrupt a scan that runs too long (see :class:`~grading.tracing.TracingProgram`).
    """
    run = ProgramRun(program, scene, seed=seed, faults=faults, alarm=alarm)
    if estop_at_s is not None:
        run.press("estop", at_s=estop_at_s)
    run.run_until(60.0 * minutes)
    return run.report(minutes)


def describe_program(program: Any) -> str:
    """A short name for a program, for messages (``MaterialCounter``, ``classify`` …)."""
    return getattr(program, "__name__", type(program).__name__)
