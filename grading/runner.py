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

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from grading.messages import current_lang
from grading.rules import Violation
from grading.tracing import OutputChange, TracingProgram
from simulator.plant import Fault, Kpis, Plant, PlantSnapshot, ProductionRecord

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
        if (lang or current_lang()) == "en":
            lines = [
                f"{self.scene} seed {self.seed}, {self.minutes:g} min, faults: {', '.join(self.faults) or 'none'}",
                f"produced {k.produced} (good {k.good}, mis-sorts {k.mis_sorts}), PLC {k.plc_state}",
                f"output changes {len(self.changes)}, rules broken {sum(self.violation_counts.values())}",
            ]
            lines += [f"  - {v.en}" for v in self.violations[:5]]
            if self.plc_fault_en:
                lines.append(self.plc_fault_en)
        else:
            lines = [
                f"{self.scene} 시드 {self.seed}, {self.minutes:g}분, 고장: {', '.join(self.faults) or '없음'}",
                f"생산 {k.produced}개 (양품 {k.good}, 오분류 {k.mis_sorts}), PLC {k.plc_state}",
                f"출력 변화 {len(self.changes)}번, 규칙 위반 {sum(self.violation_counts.values())}건",
            ]
            lines += [f"  - {v.ko}" for v in self.violations[:5]]
            if self.plc_fault_ko:
                lines.append(self.plc_fault_ko)
        return "\n".join(lines)


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
    tracer = TracingProgram(program, alarm=alarm)
    plant = Plant(scene, seed=seed, program=tracer, faults=tuple(faults))
    tracer.attach(plant)
    plant.press("start", hold_s=START_HOLD_S, at_s=START_AT_S)
    if estop_at_s is not None:
        plant.press("estop", at_s=estop_at_s)
    with tracer.alarm_installed():
        plant.run(minutes=minutes)
    kpis = plant.kpis()
    rules = tracer.rules
    rules.add_collisions(plant.now_s, kpis.collisions)
    fault = plant.plc.fault
    return RunReport(
        scene=plant.scene.id,
        seed=seed,
        minutes=minutes,
        faults=tuple(f"{f.kind}:{f.target}" for f in plant.faults),
        kpis=kpis,
        records=list(plant.records),
        final=plant.snapshot(),
        changes=tracer.changes,
        violations=list(rules.violations),
        violation_counts=dict(rules.counts),
        plc_fault_ko=fault.ko if fault else "",
        plc_fault_en=fault.en if fault else "",
    )


def describe_program(program: Any) -> str:
    """A short name for a program, for messages (``MaterialCounter``, ``classify`` …)."""
    return getattr(program, "__name__", type(program).__name__)
