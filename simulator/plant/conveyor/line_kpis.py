"""The conveyor line's KPIs, from its records, counters and meters (definitions in :mod:`simulator.plant.kpis`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from simulator.plant.conveyor.feeder import Feeder
from simulator.plant.conveyor.transport import Line
from simulator.plant.kpis import BinCount, Kpis, ratio
from simulator.scenes.model import Scene


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
) -> Kpis:
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
    availability = ratio(operating_s, planned_s)
    performance = ratio(line.scene.ideal_cycle_s * produced, operating_s)
    quality = ratio(good, produced)
    return Kpis(
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
        throughput_per_h=produced * 3600.0 / now_s if now_s > 0 else 0.0,
        availability=availability,
        performance=performance,
        quality=quality,
        oee=availability * performance * quality,
        energy_kwh=energy_kwh,
        energy_wh_per_good=energy_kwh * 1000.0 / good if good else 0.0,
        feeder_breakdowns=line.feeder.breakdowns,
        motor_failures=line.motor_failures,
        bins=_bins(line.bin_counts()),
        plc_state=plc_state,
        plc_fault=plc_fault,
    )


def _bins(counts: Mapping[str, list[int]]) -> dict[str, BinCount]:
    return {name: BinCount(good=c[0], defective=c[1]) for name, c in counts.items()}
