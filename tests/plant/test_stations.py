"""Work stations, accumulation belts, speed-dependent motor power and utilisation (buffer-line-v1)."""

from __future__ import annotations

import pytest

from simulator.plant import Plant
from simulator.scenes import get_scene

SCENE = "buffer-line-v1"


def run(minutes: float = 30, seed: int = 3, **settings: float) -> Plant:
    plant = Plant(SCENE, seed=seed, program="reference", settings=settings or None)
    plant.press("start", hold_s=0.3)
    plant.run(minutes=minutes)
    return plant


def test_the_station_works_every_part_one_at_a_time() -> None:
    plant = run(minutes=10)
    station = plant.line.stations[0]
    assert station.parts >= len(plant.records) > 50
    assert all("marker" in r.route.split(">") for r in plant.records)
    finished = [r.finished_s for r in plant.records]
    gaps = [b - a for a, b in zip(finished, finished[1:], strict=False)]
    assert min(gaps) >= station.spec.process_s  # never two parts in the station at once
    kpis = plant.kpis()
    assert kpis.collisions == 0 and kpis.jams == 0  # queueing on the accumulation belt is no jam


def test_a_faster_station_belt_shortens_the_cycle_and_raises_output() -> None:
    slow, fast = run(), run(station_speed_m_s=0.3)
    assert fast.kpis().good > slow.kpis().good * 1.05


def test_parts_hitting_the_stop_faster_than_the_belt_allows_are_collisions() -> None:
    gentle = get_scene(SCENE).conveyors[2].gentle_contact_m_per_s
    assert run(minutes=5, station_speed_m_s=gentle).kpis().collisions == 0
    assert run(minutes=5, station_speed_m_s=gentle + 0.05).kpis().collisions > 10


def test_utilisation_rows_add_up_and_show_the_bottleneck() -> None:
    rows = run().utilisation()
    assert [r["name"] for r in rows] == ["feeder", "marker"]
    for row in rows:
        total = row["busy_pct"] + row["starved_pct"] + row["blocked_pct"] + row["down_pct"]
        assert total == pytest.approx(100.0, abs=0.05)
    feeder, marker = rows
    assert feeder["blocked_pct"] > marker["starved_pct"]  # at the scene's settings the station holds the line up
    assert marker["parts"] <= feeder["parts"]


def test_station_breakdowns_pause_the_work() -> None:
    plant = run(minutes=60)
    station = plant.line.stations[0]
    assert station.breakdowns >= 1
    assert station.down.total_s(plant.now_s) > 0
    assert plant.utilisation()[1]["down_pct"] > 0


def test_energy_depends_on_belt_speed_and_station_standby() -> None:
    scene = get_scene(SCENE)
    infeed = scene.conveyors[0]
    assert infeed.power_w == pytest.approx(60.0 * (0.3 + 0.7 * 0.25 / 0.5))
    slow = run(infeed_speed_m_s=0.1, buffer_speed_m_s=0.1).kpis()
    normal = run().kpis()
    assert slow.energy_kwh < normal.energy_kwh
    station_only_kwh = 150.0 * 1800.0 / 3.6e6  # standby power alone over 30 minutes
    assert normal.energy_kwh > station_only_kwh


def test_old_scenes_draw_their_rated_power_at_any_speed() -> None:
    for scene_id in ("sorting-line-v1", "branch-line-v1"):
        for conveyor in get_scene(scene_id).conveyors:
            assert conveyor.power_w == conveyor.motor_power_w
            assert conveyor.gentle_contact_m_per_s == 0.0


def test_a_full_buffer_stops_the_feeder_instead_of_spilling_onto_the_infeed() -> None:
    plant = run(minutes=30, station_speed_m_s=0.1)  # a very slow station: the queue grows
    kpis = plant.kpis()
    assert kpis.collisions == 0 and kpis.jams == 0
    assert plant.utilisation()[0]["blocked_pct"] > 30
