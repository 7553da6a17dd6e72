"""Work stations in the plant snapshot (what the renderer draws of them)."""

from __future__ import annotations

import dataclasses

import pytest

from simulator.plant import Plant, PlantSnapshot
from simulator.plant.conveyor.views import StationView
from simulator.scenes import get_scene

SCENE = "buffer-line-v1"


def started(seed: int = 2) -> Plant:
    plant = Plant(SCENE, seed=seed, program="reference")
    plant.press("start", hold_s=0.3, at_s=0.5)
    return plant


def station_of(snap: PlantSnapshot) -> StationView:
    assert len(snap.equipment.stations) == 1
    return snap.equipment.stations[0]


def test_a_scene_without_stations_has_none_in_its_snapshot() -> None:
    assert Plant("sorting-line-v1", seed=1).snapshot().equipment.stations == ()


def test_the_station_is_idle_and_open_before_the_first_part() -> None:
    spec = get_scene(SCENE).stations[0]
    view = station_of(started().snapshot())
    assert (view.name, view.ko, view.en) == (spec.name, spec.ko, spec.en)
    assert (view.gate_m, view.stop_m) == (spec.gate_m, spec.stop_m)
    assert view.state == "idle"
    assert not view.gate_closed and not view.at_stop
    assert view.part_id is None and view.work_left_s == 0.0
    assert view.parts_done == 0 and view.breakdowns == 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.state = "working"  # type: ignore[misc]


def test_a_part_inside_makes_the_station_work_and_counts_down_at_the_stop() -> None:
    plant = started()
    process_s = get_scene(SCENE).stations[0].process_s
    while plant.now_s < 120:
        plant.run(0.05)
        snap = plant.snapshot()
        view = station_of(snap)
        if view.state == "working" and view.at_stop and view.work_left_s < process_s - 0.5:
            break
    else:
        raise AssertionError("the station never worked on a part")
    inside = next(item for item in snap.equipment.items if item.id == view.part_id)
    assert view.gate_m < inside.x_m < view.stop_m  # the part worked on stands in the station
    assert view.gate_closed  # the next part must wait at the gate
    assert 0.0 < view.work_left_s < process_s
    plant.run(0.2)
    assert station_of(plant.snapshot()).work_left_s == pytest.approx(view.work_left_s - 0.2, abs=1e-6)
    assert view.parts_done == plant.line.stations[0].parts


def test_a_breakdown_shows_as_broken_and_holds_the_work_left() -> None:
    plant = started()
    while plant.now_s < 1800:
        plant.run(1.0)
        view = station_of(plant.snapshot())
        if view.state == "broken" and view.at_stop:
            break
    else:
        raise AssertionError("the station never broke down with a part at its stop")
    assert view.breakdowns == 1
    assert view.part_id is not None
    plant.run(1.0)
    later = station_of(plant.snapshot())
    if later.state == "broken":
        assert later.work_left_s == view.work_left_s  # paused while broken down
        assert later.parts_done == view.parts_done


def test_taking_snapshots_does_not_change_the_run() -> None:
    watched, alone = started(), started()
    while watched.now_s < 240:
        watched.run(0.05)
        watched.snapshot()
    alone.run_until(watched.now_s)
    assert watched.kpis() == alone.kpis()
    assert [dataclasses.astuple(r) for r in watched.records] == [dataclasses.astuple(r) for r in alone.records]
    assert station_of(watched.snapshot()) == station_of(alone.snapshot())
