"""A new plant kind is new files plus one line in each registry: the tank of tank_kind.py runs like any scene."""

from __future__ import annotations

import dataclasses
import sqlite3

import pygame
import pytest

from sflab.commands.sim import format_kpis
from simulator.errors import LabError
from simulator.plant import Plant
from simulator.plant.conveyor.line_kpis import as_line_kpis
from simulator.plant.kinds import KINDS
from simulator.plant.records import write_sqlite
from simulator.scenes import kinds as scene_kinds
from simulator.scenes.loader import load_scene
from simulator.viz import kinds as viz_kinds
from simulator.viz.draw import Pen
from simulator.viz.screen import draw_screen, new_view_state
from tests.plant import tank_kind

SCENE_TOML = """
id = "tank-demo-v1"
kind = "tank_demo"
title_ko = "물탱크 예제"
title_en = "Water tank example"
scan_period_ms = 10

[tank]
area_m2 = 0.5
height_m = 1.0
inflow_m3_per_s = 0.01
high_switch_m = 0.8

[[tags]]
name = "start_pb"
area = "DI"
address = 0
ko = "시작"
en = "Start"
signal = "panel.start"

[[tags]]
name = "high_level"
area = "DI"
address = 1
ko = "상한 수위"
en = "High level"
signal = "tank.high"

[[tags]]
name = "fill_valve"
area = "DO"
address = 0
ko = "급수 밸브"
en = "Fill valve"
signal = "tank.fill"

[[tags]]
name = "level"
area = "AI"
address = 0
ko = "수위"
en = "Level"
signal = "tank.level"
"""


@pytest.fixture
def tank_scene(tmp_path, monkeypatch):
    """The tank kind registered the way a real kind is (one entry in each registry), and its scene file."""
    monkeypatch.setitem(scene_kinds.READERS, tank_kind.NAME, tank_kind.read_tank)
    monkeypatch.setitem(KINDS, tank_kind.NAME, tank_kind.KIND)
    renderer = viz_kinds.Renderer(steps=tank_kind.tank_steps, kpis=tank_kind.tank_kpis)
    monkeypatch.setitem(viz_kinds.RENDERERS, tank_kind.NAME, renderer)
    path = tmp_path / "tank-demo-v1.toml"
    path.write_text(SCENE_TOML, encoding="utf-8")
    return path


def fill_until_high(io):
    """The PLC program: open the valve until the high-level switch closes."""
    io.fill_valve = not io.high_level


def test_the_tank_fills_to_the_switch_at_the_hand_calculated_time(tank_scene):
    scene = load_scene(tank_scene)
    assert scene.kind == "tank_demo"
    plant = Plant(scene, program=fill_until_high)
    # By hand: rise = 0.01 m³/s ÷ 0.5 m² = 0.02 m/s; from 0 to 0.8 m takes 40 s. The valve opens at the
    # first scan (t = 0), so the switch closes at 40 s and the scan that sees it (≤ 10 ms later) shuts it.
    plant.run(39.9)
    assert plant.io.fill_valve and not plant.io.high_level
    plant.run(0.2)
    assert plant.io.high_level and not plant.io.fill_valve
    assert plant.level_m(plant.now_s) == pytest.approx(0.8, abs=0.02 * 0.011)  # one scan of inflow at most
    assert plant.io.level == round(plant.level_m(plant.now_s) / 1.0 * tank_kind.LEVEL_COUNTS)
    (filling,) = plant.records
    assert filling.started_s == 0.0 and 40.0 <= filling.finished_s <= 40.01 + 1e-9


def test_the_new_kinds_records_export_with_its_own_columns(tank_scene, tmp_path):
    plant = Plant(tank_scene, program=fill_until_high).run(45.0)
    header = plant.export_csv(tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "started_s,finished_s,level_m,result"
    with sqlite3.connect(plant.export_sqlite(tmp_path / "t.db")) as db:
        assert db.execute("SELECT result, typeof(level_m) FROM production").fetchall() == [("OK", "real")]


def test_the_frame_works_with_the_new_kind_snapshot_kpis_and_the_screen(tank_scene):
    plant = Plant(tank_scene, program=fill_until_high)
    plant.press("start")
    plant.run(20.0)
    snap = plant.snapshot()
    assert snap.kind == "tank_demo" and snap.panel["start"] is False
    assert snap.equipment.level_m == pytest.approx(0.4, abs=0.001) and snap.equipment.valve_open
    assert plant.kpis().plc_state == "RUN"
    surface = pygame.Surface((1280, 720))
    frame = draw_screen(surface, plant.scene, snap, new_view_state(plant.scene))
    water = frame.line.move(0, frame.line.height - 5).clip(frame.line)  # the tank's bottom rows
    assert surface.get_at(water.midtop)[:3] == (40, 110, 220)


def test_the_new_kind_has_every_plants_kpis_and_none_of_the_conveyors(tank_scene):
    """KPIs are the frame's plus the kind's own: the tank has no mis-sorts, and asking for them says so."""
    plant = Plant(tank_scene, program=fill_until_high)
    plant.run(5.0)
    kpis = plant.kpis()
    assert kpis.sim_time_s == pytest.approx(5.0) and kpis.problems() == []
    assert not hasattr(kpis, "mis_sorts") and "bins" not in kpis.as_dict()
    assert "오분류" not in format_kpis(kpis, "ko") and "mis-sorts" not in format_kpis(kpis, "en")
    with pytest.raises(LabError, match="컨베이어 라인이 아니어서"):
        as_line_kpis(kpis)
    surface = pygame.Surface((400, 400))
    viz_kinds.standard_kpis(Pen(surface, 1.0), plant.snapshot(), surface.get_rect(), "ko")  # no conveyor field read


def test_a_scene_of_an_unknown_kind_is_refused_naming_the_known_kinds(tmp_path):
    path = tmp_path / "odd-v1.toml"
    path.write_text('id = "odd-v1"\nkind = "oven_line"\n', encoding="utf-8")
    with pytest.raises(Exception, match="conveyor_line"):
        load_scene(path)


def test_record_columns_take_sqlite_types_from_real_annotations_too(tmp_path):
    """A kind's record module need not use ``from __future__ import annotations`` (then its field types are types)."""
    record = dataclasses.make_dataclass("Batch", [("batch_id", int), ("mass_kg", float), ("ok", bool), ("lot", str)])
    path = write_sqlite([record(1, 2.5, True, "A")], tmp_path / "b.db", record)
    with sqlite3.connect(path) as db:
        (schema,) = db.execute("SELECT sql FROM sqlite_master").fetchone()
    assert schema == "CREATE TABLE production (batch_id INTEGER PRIMARY KEY, mass_kg REAL, ok INTEGER, lot TEXT)"
