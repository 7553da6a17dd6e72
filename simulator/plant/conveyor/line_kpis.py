"""The conveyor line's KPIs, from its records, counters and meters (definitions in :mod:`simulator.plant.kpis`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from simulator.errors import LabError
from simulator.plant.conveyor.feeder import Feeder
from simulator.plant.conveyor.transport import Line
from simulator.plant.kpis import Kpis, Problem, production_figures
from simulator.scenes.model import Scene


@dataclass(frozen=True)
class BinCount:
    """Parts in one bin, split by whether they were within specification."""

    good: int = 0
    defective: int = 0


@dataclass(frozen=True, kw_only=True)
class LineKpis(Kpis):
    """A conveyor line's KPIs: every plant's (:class:`~simulator.plant.kpis.Kpis`) and what a line counts."""

    #: Parts that reached a bin that is not theirs.
    mis_sorts: int
    #: Parts that ran into each other on a belt.
    collisions: int
    #: Parts stuck at a pusher or the end of a belt.
    jams: int
    feeder_breakdowns: int
    #: Belt motors that seized (a ``wear`` fault run to its end).
    motor_failures: int
    #: Parts in each bin.
    bins: dict[str, BinCount] = field(default_factory=dict)

    def problems(self) -> list[Problem]:
        """Mis-sorts, jams and collisions (the KPI panel's red numbers)."""
        return [
            Problem("오분류", "Mis-sorts", self.mis_sorts),
            Problem("충돌", "Collisions", self.collisions),
            Problem("걸림(잼)", "Jams", self.jams),
        ]


def as_line_kpis(kpis: Kpis) -> LineKpis:
    """``kpis`` as a conveyor line's (a clear error for the KPIs of another kind)."""
    if not isinstance(kpis, LineKpis):
        raise LabError(
            f"'{kpis.scene}'은 컨베이어 라인이 아니어서 오분류·걸림·상자별 개수가 없습니다",
            f"'{kpis.scene}' is not a conveyor line: it has no mis-sorts, jams or bins",
        )
    return kpis


class CountedLine(Protocol):
    """What the KPIs read from the equipment (:class:`~simulator.plant.conveyor.equipment.ConveyorLine`)."""

    scene: Scene
    seed: int
    records: list[Any]
    line: Line
    feeder: Feeder
    interlock_violations: int
    motor_failures: int

    def bin_counts(self) -> Mapping[str, list[int]]:
        """Parts in each bin: [within specification, defective]."""


def line_kpis(
    line: CountedLine,
    now_s: float,
    planned_s: float,
    totals: tuple[float, float],
    plc_state: str,
    plc_fault: str,
) -> LineKpis:
    """The KPIs of ``line`` at ``now_s``.

    Args:
        line: the conveyor line's equipment.
        now_s: simulated time now, in seconds.
        planned_s: time since the line first started, in seconds.
        totals: operating seconds and energy used so far, in kWh.
        plc_state: ``"RUN"`` or ``"STOP"``.
        plc_fault: why the PLC stopped, in Korean (empty while it runs).
    """
    records = line.records
    produced = len(records)
    good = sum(1 for r in records if r.result == "OK")
    operating_s, energy_kwh = totals
    figures = production_figures(
        now_s=now_s,
        produced=produced,
        good=good,
        planned_s=planned_s,
        operating_s=operating_s,
        ideal_cycle_s=line.scene.ideal_cycle_s,
        energy_kwh=energy_kwh,
    )
    return LineKpis(
        scene=line.scene.id,
        seed=line.seed,
        sim_time_s=now_s,
        produced=produced,
        good=good,
        defective=sum(1 for r in records if r.defect),
        mis_sorts=sum(1 for r in records if r.result == "MIS_SORT"),
        collisions=line.line.counters.collisions,
        jams=line.line.counters.jams,
        interlock_violations=line.interlock_violations,
        **figures,
        feeder_breakdowns=line.feeder.breakdowns,
        motor_failures=line.motor_failures,
        bins=_bins(line.bin_counts()),
        plc_state=plc_state,
        plc_fault=plc_fault,
    )


def _bins(counts: Mapping[str, list[int]]) -> dict[str, BinCount]:
    return {name: BinCount(good=c[0], defective=c[1]) for name, c in counts.items()}
