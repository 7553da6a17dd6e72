"""A work station on the pixels: its hood's status colour, its walls and its gate (buffer-line-v1)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from simulator.plant import PlantSnapshot
from simulator.plant.conveyor.views import StationView
from simulator.viz import theme
from simulator.viz.screen import Frame
from tests.viz.helpers import run_until, started_plant
from tests.viz.test_render import SIZES, colour_at, count_colour, render

SCENE = "buffer-line-v1"


def station(snap: PlantSnapshot) -> StationView:
    return snap.equipment.stations[0]


def hood(frame: Frame, view: StationView) -> pygame.Rect:
    return frame.line.station_hood(view.gate_m, view.stop_m)


@pytest.mark.parametrize("size", SIZES)
def test_a_working_station_shows_its_working_colour_in_its_hood(size: tuple[int, int], tmp_path: Path) -> None:
    plant = started_plant(SCENE)
    snap = run_until(plant, lambda s: station(s).state == "working" and station(s).at_stop)
    surface, frame = render(plant, tmp_path / "working.png", size)
    area = hood(frame, station(snap))
    assert frame.layout.line.contains(area)
    assert area.bottom < frame.line.belt.top  # above the belt, not over the parts
    k = frame.layout.k
    assert count_colour(surface, area, theme.STATION_STATE["working"]) > 500 * k * k
    assert count_colour(surface, area, theme.ALARM) == 0
    assert count_colour(surface, area, theme.WARNING) == 0


def test_an_idle_station_shows_its_idle_colour_and_an_open_gate(tmp_path: Path) -> None:
    plant = started_plant(SCENE)
    view = station(plant.snapshot())
    assert view.state == "idle" and not view.gate_closed
    surface, frame = render(plant, tmp_path / "idle.png")
    area = hood(frame, view)
    assert count_colour(surface, area, theme.STATION_STATE["idle"]) > 500
    assert count_colour(surface, area, theme.ON) == 0
    gate_middle = (frame.line.x(view.gate_m) + 2, frame.line.belt.centery)
    assert colour_at(surface, gate_middle) in (theme.BELT, theme.BELT_STRIPE)  # open: nothing across the belt


def test_a_closed_gate_is_drawn_as_a_barrier_across_the_belt(tmp_path: Path) -> None:
    plant = started_plant(SCENE)
    snap = run_until(plant, lambda s: station(s).gate_closed)
    view = station(snap)
    surface, frame = render(plant, tmp_path / "gate-closed.png")
    belt = frame.line.belt
    x = frame.line.x(view.gate_m) + 2
    across = [colour_at(surface, (x, y)) for y in range(belt.top + 2, belt.bottom - 2)]
    assert set(across) <= {theme.WARNING, theme.BLACK}
    assert theme.WARNING in across and theme.BLACK in across  # striped, as a barrier


def test_a_broken_down_station_shows_the_alarm_colour(tmp_path: Path) -> None:
    plant = started_plant(SCENE, seed=2)
    snap = run_until(plant, lambda s: station(s).state == "broken", limit_s=1800.0, step_s=1.0)
    surface, frame = render(plant, tmp_path / "broken.png")
    view = station(snap)
    area = hood(frame, view)
    assert count_colour(surface, area, theme.ALARM) > 500
    assert count_colour(surface, area, theme.STATION_STATE["working"]) == 0
    span = frame.line.station_span(view.gate_m, view.stop_m)
    assert colour_at(surface, (span.centerx, span.top)) == theme.ALARM  # the housing's walls too
    assert colour_at(surface, (span.centerx, span.bottom - 1)) == theme.ALARM


def test_the_station_is_labelled_in_english_too(tmp_path: Path) -> None:
    plant = started_plant(SCENE)
    plant.run(30.0)
    ko, _ = render(plant, tmp_path / "ko.png")
    en, frame = render(plant, tmp_path / "en.png", lang="en")
    area = hood(frame, station(plant.snapshot()))
    differing = sum(
        1
        for x in range(area.left, area.right)
        for y in range(area.top, area.bottom)
        if colour_at(ko, (x, y)) != colour_at(en, (x, y))
    )
    assert differing > 200  # the name and the state are written in the other language


def test_a_sensor_inside_the_station_points_at_the_hood_not_across_it(tmp_path: Path) -> None:
    plant = started_plant(SCENE)
    snap = run_until(plant, lambda s: station(s).state == "idle")
    surface, frame = render(plant, tmp_path / "leader.png")
    area = hood(frame, station(snap))
    eye = next(s for s in snap.equipment.sensors if s.name == "station_eye")
    x = frame.line.sensor_x(eye.position_m, 0, 1)
    assert area.left < x < area.right
    leader = [colour_at(surface, (x, y)) for y in range(area.top - 12, area.top)]
    assert theme.TEXT_DIM in leader  # the dashed leader reaches the hood …
    across = [colour_at(surface, (x, y)) for y in range(area.top, area.bottom)]
    assert theme.TEXT_DIM not in across  # … and does not run over the station's name and state
