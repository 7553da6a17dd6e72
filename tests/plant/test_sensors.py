"""Sensors report what the parts' positions and materials say, as real ones would."""

from __future__ import annotations

import statistics

import pytest

from simulator.plant import Plant
from tests.plant.programs import run_belts
from tests.plant.recorder import Recorder

BELT_SPEED_M_PER_S = 0.25
FEEDER_AT_M = 0.08
PART_LENGTH_M = 0.06
ENTRY_EYE_AT_M = 0.45
SCAN_S = 0.01


def record(tags: tuple[str, ...], seconds: float, seed: int = 4, **plant_args: object) -> tuple[Plant, Recorder]:
    recorder = Recorder(run_belts, tags)
    plant = Plant("sorting-line-v1", seed=seed, program=recorder, **plant_args)  # type: ignore[arg-type]
    plant.run(seconds)
    return plant, recorder


def test_photo_eye_switches_on_when_the_part_front_arrives() -> None:
    plant, recorder = record(("entry_eye",), 30)
    first = plant.records[0]
    travel_s = (ENTRY_EYE_AT_M - PART_LENGTH_M / 2 - FEEDER_AT_M) / BELT_SPEED_M_PER_S
    seen_s = recorder.first_time("entry_eye")
    assert first.placed_s + travel_s <= seen_s < first.placed_s + travel_s + SCAN_S + 1e-9
    on_scans = sum(recorder.values("entry_eye")[: int((seen_s + 1) / SCAN_S)])
    assert on_scans == pytest.approx(PART_LENGTH_M / BELT_SPEED_M_PER_S / SCAN_S, abs=1)


def test_inductive_sees_metal_only_and_capacitive_sees_every_part() -> None:
    plant, recorder = record(("inspect_eye", "metal_prox", "part_prox"), 120)
    metal_pulses = recorder.edges("metal_prox") // 2
    part_pulses = recorder.edges("part_prox") // 2
    eye_pulses = recorder.edges("inspect_eye") // 2
    passed = [r for r in plant.records if r.finished_s < 118]
    assert part_pulses == eye_pulses >= len(passed) > 10
    metals_passed = sum(1 for r in passed if r.material == "metal")
    assert metals_passed <= metal_pulses < part_pulses


def test_height_sensor_reports_raw_counts_students_must_scale() -> None:
    plant, recorder = record(("inspect_eye", "height_raw"), 120, seed=11)
    empty = [row["height_raw"] for _, row in recorder.rows if not row["inspect_eye"]]
    # Nothing below: the belt is 200 mm away; 50–250 mm spans 0–32000 counts → 24000.
    assert statistics.mean(empty[-200:]) == pytest.approx(24000, abs=15)
    tops = []
    for (_, before), (_, row) in zip(recorder.rows, recorder.rows[1:], strict=False):
        if before["inspect_eye"] and row["inspect_eye"]:
            tops.append(row["height_raw"])
    distance_mm = 50 + statistics.median(tops) * 200 / 32000
    assert 200 - distance_mm == pytest.approx(60, abs=1.5)
    assert len(set(empty[-200:])) > 3  # noisy, quantised integers
    assert all(isinstance(v, int) for v in empty)


def test_height_sensor_lags_behind_a_step() -> None:
    plant, recorder = record(("inspect_eye", "height_raw"), 40, seed=11)
    rows = recorder.rows
    start = next(i for i, (_, row) in enumerate(rows) if row["inspect_eye"])
    first_reading = rows[start][1]["height_raw"]
    settled = rows[start + 6][1]["height_raw"]
    # Lag 20 ms: right at the edge the reading has barely moved; six scans later it has settled.
    assert first_reading > settled + 3000
    assert settled == pytest.approx(32000 * (140 - 50) / 200, abs=600)


def test_limit_switches_follow_the_cylinder_with_travel_time() -> None:
    def fire_once(io: object) -> None:
        io.pusher_metal_out = True  # type: ignore[attr-defined]

    recorder = Recorder(fire_once, ("pusher_metal_back", "pusher_metal_front"))
    plant = Plant("sorting-line-v1", seed=0, program=recorder)
    plant.run(1.0)
    left_back = recorder.first_time("pusher_metal_back", False)
    reached_front = recorder.first_time("pusher_metal_front", True)
    extend_s = plant.scene.pushers[0].extend_s
    assert reached_front - left_back == pytest.approx(extend_s, abs=SCAN_S + 1e-9)
    assert recorder.rows[0][1]["pusher_metal_back"] is True
