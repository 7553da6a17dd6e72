"""Data the plant hands to the data labs: a tag historian, shift reports, a drifting process."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.errors import LabError
from simulator.plant import Fault, Plant


def started(plant: Plant) -> Plant:
    plant.press("start", hold_s=0.3, at_s=0.5)
    return plant


def test_historian_samples_tags_every_second(tmp_path: Path) -> None:
    plant = started(Plant("sorting-line-v1", seed=2, program="reference"))
    log = plant.log_tags(every_s=1.0, tags=["entry_eye", "height_raw", "count_metal"])
    plant.run(minutes=2)
    assert log.columns == ("time_s", "entry_eye", "height_raw", "count_metal")
    assert len(log.rows) == 120
    assert log.column("time_s")[:3] == [0.0, 1.0, 2.0]
    assert log.column("count_metal")[-1] == plant.io.count_metal > 0
    text = log.to_csv(tmp_path / "tags.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "time_s,entry_eye,height_raw,count_metal"
    assert set(log.as_columns()) == set(log.columns)


def test_historian_refuses_unknown_tags() -> None:
    with pytest.raises(LabError, match="nope"):
        Plant("sorting-line-v1").log_tags(tags=["nope"])


#: Scan period of the day-long runs, in ms: the reference controller sorts as well at 50 ms, and a day runs 3× faster.
DAY_SCAN_MS = 50


def test_shift_reports_split_a_day_into_three_shifts() -> None:
    plant = started(Plant("sorting-line-v1", seed=6, program="reference", scan_period_ms=DAY_SCAN_MS)).run(hours=17)
    reports = plant.shift_reports()
    assert [r.letter for r in reports] == ["A", "B", "C"]
    assert sum(r.produced for r in reports) == plant.kpis().produced
    assert reports[2].end_s == 17 * 3600 and reports[0].end_s == 8 * 3600
    assert reports[0].operating_s > 0.9 * 8 * 3600 * 0.9 and reports[2].operating_s < 3600
    assert sum(r.energy_kwh for r in reports) == pytest.approx(plant.kpis().energy_kwh)
    assert {r.lot[0] for r in plant.records} == {"A", "B", "C"}


def test_process_drift_shows_up_in_one_shift_only() -> None:
    drift = Fault("process_drift", "feeder_on", start_s=8 * 3600, end_s=16 * 3600, severity=1.5)
    plant = started(
        Plant("sorting-line-v1", seed=6, program="reference", faults=[drift], scan_period_ms=DAY_SCAN_MS)
    ).run(hours=24)
    a, b, c = plant.shift_reports()
    assert b.height_mean_mm > a.height_mean_mm + 3 and abs(c.height_mean_mm - a.height_mean_mm) < 1
    assert b.defect_rate > 2 * a.defect_rate
    # The reference controller rejects drifted parts; it errs only within the gauge's noise of the limit.
    mis_sorted = [r for r in plant.records if r.result == "MIS_SORT"]
    assert len(mis_sorted) < 0.1 * plant.kpis().defective
    assert all(abs(abs(r.height_mm - 60.0) - 5.0) < 1.5 for r in mis_sorted)  # 5 sigma of the max of noisy samples
