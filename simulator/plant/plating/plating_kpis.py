"""The plating line's KPIs: every plant's (OEE, energy) plus its defects by cause and the hoist's broken rules.

OEE on a plating line (see :mod:`simulator.plant.kpis` for the general definitions):

- planned time: from the first rack lifted off the load station until now;
- operating time: the part of it with at least one rack in process (between the load and
  the unload station), so a hoist waiting for nothing lowers availability;
- performance: ``ideal_cycle_s`` × racks finished / operating time;
- quality: racks within specification and without a defect cause / racks finished.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from simulator.plant.kpis import Kpis, Problem, production_figures
from simulator.plant.plating.racks import RackRecord

#: Each defect cause and each count of :class:`PlatingKpis` as the KPI panel names it.
PROBLEM_NAMES = {
    "thin": ("두께 미달", "too thin"),
    "thick": ("두께 초과", "too thick"),
    "burnt": ("탄 도금", "burnt"),
    "adhesion": ("밀착 불량", "poor adhesion"),
    "stain": ("얼룩", "stains"),
    "over_processed": ("과처리", "over-processed"),
    "under_processed": ("처리 부족", "under-processed"),
    "damaged": ("랙 손상", "damaged racks"),
    "rule_breaks": ("호이스트 규칙 위반", "hoist rules broken"),
}


@dataclass(frozen=True, kw_only=True)
class PlatingKpis(Kpis):
    """KPIs of a plating line: :class:`Kpis` plus racks by defect cause, broken rules, energy by use."""

    thin: int = 0
    thick: int = 0
    burnt: int = 0
    adhesion: int = 0
    stain: int = 0
    over_processed: int = 0
    under_processed: int = 0
    damaged: int = 0
    #: Times the hoist broke a rule (travelled with the hook down, lowered between stations or onto a rack).
    rule_breaks: int = 0
    heater_kwh: float = 0.0
    rectifier_kwh: float = 0.0
    #: Mean gauge thickness of the racks finished, in µm (0 before the first).
    mean_thickness_um: float = 0.0

    def problems(self) -> list[Problem]:
        """Racks by defect cause (a rack counts under every cause it has) and the hoist's broken rules."""
        return [Problem(ko, en, getattr(self, name)) for name, (ko, en) in PROBLEM_NAMES.items()]


def plating_kpis(
    *,
    scene: str,
    seed: int,
    now_s: float,
    records: Sequence[RackRecord],
    ideal_cycle_s: float,
    planned_s: float,
    operating_s: float,
    rule_breaks: int,
    interlock_violations: int,
    heater_kwh: float,
    rectifier_kwh: float,
    plc_state: str,
    plc_fault: str,
) -> PlatingKpis:
    """The KPIs from the finished racks and the line's meters."""
    produced = len(records)
    good = sum(1 for r in records if r.result == "OK")
    causes = Counter(cause for r in records for cause in r.causes.split("+") if cause)
    figures = production_figures(
        now_s=now_s,
        produced=produced,
        good=good,
        planned_s=planned_s,
        operating_s=operating_s,
        ideal_cycle_s=ideal_cycle_s,
        energy_kwh=heater_kwh + rectifier_kwh,
    )
    return PlatingKpis(
        scene=scene,
        seed=seed,
        sim_time_s=now_s,
        produced=produced,
        good=good,
        defective=produced - good,
        interlock_violations=interlock_violations,
        **figures,
        plc_state=plc_state,
        plc_fault=plc_fault,
        rule_breaks=rule_breaks,
        heater_kwh=heater_kwh,
        rectifier_kwh=rectifier_kwh,
        mean_thickness_um=sum(r.measured_um for r in records) / produced if produced else 0.0,
        **{name: causes[name] for name in PROBLEM_NAMES if name != "rule_breaks"},
    )
