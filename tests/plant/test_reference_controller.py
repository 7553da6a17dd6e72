"""The reference controller sorts for a whole working day; a stopped belt jams the line."""

from __future__ import annotations

from simulator.plant import Plant
from tests.plant.programs import run_belts, sorter_stopped


def test_reference_sorts_eight_hours_without_mis_sorts_or_collisions() -> None:
    plant = Plant("sorting-line-v1", seed=2026, program="reference")
    plant.press("start", hold_s=0.3, at_s=0.5)
    plant.run(hours=8)
    kpis = plant.kpis()
    assert kpis.plc_state == "RUN", kpis.plc_fault
    assert kpis.produced > 6000
    assert kpis.mis_sorts == 0
    assert kpis.collisions == 0
    assert kpis.jams == 0
    assert kpis.defective > 0 and kpis.bins["bin_ng"].defective == kpis.defective
    assert kpis.bins["bin_metal"].good > 0 and kpis.bins["bin_plastic"].good > 0
    assert kpis.feeder_breakdowns > 0  # MTBF 45 min: breakdowns happen in a shift
    assert 0.3 < kpis.oee < 0.85
    assert {r.lot[0] for r in plant.records} == {"A"}


def test_downstream_belt_stopped_jams_and_kpis_say_so() -> None:
    plant = Plant("sorting-line-v1", seed=1, program=sorter_stopped)
    plant.run(minutes=3)
    kpis = plant.kpis()
    assert kpis.jams >= 1
    assert kpis.collisions >= 1
    assert kpis.produced == 0
    snapshot = plant.snapshot()
    assert any(item.jammed for item in snapshot.equipment.items)


def test_unsorted_parts_all_reach_the_end_bin() -> None:
    plant = Plant("sorting-line-v1", seed=3, program=run_belts)
    plant.run(minutes=5)
    kpis = plant.kpis()
    assert kpis.produced > 50
    assert set(kpis.bins) == {"bin_ng", "bin_metal", "bin_plastic"}
    assert kpis.bins["bin_metal"] == kpis.bins["bin_ng"]  # both empty
    assert kpis.mis_sorts == sum(1 for r in plant.records if r.correct_bin != "bin_plastic") > 0
    assert kpis.collisions == 0 and kpis.jams == 0
