"""The plating line (``plating-line-v1``) against hand calculations, its rules, its faults and its reference shift.

Each physics test states the hand calculation a teacher can redo on paper (the formulas are
in the modules' docstrings: :mod:`simulator.plant.plating.faraday`, ``thermal``, ``hoist``).
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from simulator.plant import Plant, read_faults
from simulator.plant.plating.faraday import UM_PER_MIN_PER_A_DM2, deposit_um, efficiency, minutes_for
from simulator.plant.plating.plating_kpis import PlatingKpis
from simulator.plant.plating.thermal import HeatedBath
from simulator.scenes import get_scene

SCENE = "plating-line-v1"
#: The first rack (seed 3, reference program) is finished by then: 60 s loading + about 2,500 s of route.
FIRST_RACK_S = 2_700.0


def _reference(seconds: float, seed: int = 3, faults: str = "") -> Plant:
    tags = {tag.name: tag for tag in get_scene(SCENE).tags}
    plant = Plant(SCENE, seed=seed, program="reference", faults=read_faults(faults, tags) if faults else ())
    plant.press("start", hold_s=0.3, at_s=1.0)
    plant.run(seconds)
    return plant


# ---------------------------------------------------------------- Faraday's law, by hand
def test_the_deposit_rate_is_faradays_law_for_zinc() -> None:
    # 1 A/dm² for 60 s = 60 C; 60 × 65.38 / (2 × 96485) = 0.020 33 g; / 7.14 g/cm³ / 100 cm² = 0.2847 µm
    assert UM_PER_MIN_PER_A_DM2 == pytest.approx(0.020329 / 7.14 / 100 * 1e4, rel=1e-3)
    assert deposit_um(2.0, 1.0, 0.95) == pytest.approx(0.541, abs=1e-3)  # domain.md: about 0.51 at 90 %
    assert minutes_for(8.0, 2.0, 0.90) == pytest.approx(8.0 / (0.2847 * 2 * 0.90), rel=1e-3)  # "about 16 min"


def test_efficiency_falls_outside_the_window_and_with_too_little_zinc() -> None:
    window = {"window_c": (22.0, 35.0), "efficiency_max": 0.95, "loss_per_c": 0.03, "zinc_low_g_per_l": 20.0}
    assert efficiency(28.0, 30.0, **window) == 0.95
    assert efficiency(40.0, 30.0, **window) == pytest.approx(0.95 - 5 * 0.03)
    assert efficiency(28.0, 15.0, **window) == pytest.approx(0.95 * 15 / 20)


@pytest.fixture(scope="module")
def first_rack() -> Plant:
    """The reference program's plant (seed 3) once its first rack is finished."""
    return _reference(FIRST_RACK_S)


def test_a_plated_rack_is_within_two_percent_of_the_hand_calculation(first_rack: Plant) -> None:
    rack = first_rack.records[0]
    current_a = rack.zinc_a_s / rack.zinc_s  # the rectifier held its setpoint: 2 A/dm² × the rack's area
    assert current_a / rack.area_dm2 == pytest.approx(2.0, abs=0.01)
    by_hand = 0.2847 * (current_a / rack.area_dm2) * (rack.zinc_s / 60.0) * 0.95
    assert rack.thickness_um == pytest.approx(by_hand, rel=0.02)
    assert 8.0 <= rack.measured_um <= 13.0 and rack.result == "OK"


# ---------------------------------------------------------------- the bath's temperature, by hand
def test_a_heated_bath_follows_the_first_order_solution() -> None:
    # degreasing tank: C = 800 × 4.186 kJ/K, UA = 90 W/K → τ = 37,209 s; full power 18 kW → T∞ = 20 + 18000/90 = 220 °C
    bath = HeatedBath(800.0, 18.0, 90.0, ambient_c=20.0, start_c=65.0)
    bath.set_power(1.0, 0.0)
    tau_s = 800 * 4.186 * 1000 / 90
    assert bath.temperature_c(2000.0) == pytest.approx(220 + (65 - 220) * math.exp(-2000 / tau_s), abs=1e-9)
    assert bath.energy_kwh(2000.0) == pytest.approx(18.0 * 2000 / 3600)
    bath.add_rack(35 * 0.49, 20.0, 2000.0)  # a 35 kg steel rack at 20 °C mixes in
    before, bath_kj_per_k, rack_kj_per_k = 220 + (65 - 220) * math.exp(-2000 / tau_s), 800 * 4.186, 35 * 0.49
    mixed = (bath_kj_per_k * before + rack_kj_per_k * 20) / (bath_kj_per_k + rack_kj_per_k)
    assert bath.temperature_c(2000.0) == pytest.approx(mixed)


def test_the_plant_heats_the_degreasing_tank_as_calculated() -> None:
    def heat(io: Any) -> None:
        io.degrease_heater = 10_000  # 100.00 %

    plant = Plant(SCENE, seed=1, program=heat)
    plant.run(1800.0)
    tau_s = 800 * 4.186 * 1000 / 90
    expected_c = 220 + (65 - 220) * math.exp(-1800 / tau_s)  # the heater comes on at the first scan (t = 0)
    assert plant.tank_temperature_c("degrease", plant.now_s) == pytest.approx(expected_c, abs=0.01)
    assert plant.io.degrease_temp / 10 == pytest.approx(expected_c, abs=1.0)  # the thermocouple, 0.1 °C, noisy
    assert plant.kpis().energy_kwh == pytest.approx(18.0 * 1800 / 3600, rel=1e-6)


# ---------------------------------------------------------------- the hoist's rules
def test_travelling_with_the_hook_down_is_a_broken_rule_with_its_time() -> None:
    def careless(io: Any) -> None:
        io.hoist_down = not io.hoist_down_limit
        io.hoist_forward = io.hoist_down_limit  # travels as soon as the hook is down: 8 s

    plant = Plant(SCENE, seed=1, program=careless)
    plant.run(20.0)
    assert plant.rule_log, "no broken rule recorded"
    first = plant.rule_log[0]
    assert first.at_s == pytest.approx(8.0, abs=0.02)
    assert "맨 위가 아닌데 주행" in first.ko and "not at the top" in first.en
    kpis = plant.kpis()
    assert isinstance(kpis, PlatingKpis) and kpis.rule_breaks >= 1
    assert any(p.count and "규칙" in p.ko for p in kpis.problems())


def test_lowering_between_stations_is_a_broken_rule() -> None:
    def lower_midway(io: Any) -> None:
        io.hoist_forward = io.hoist_position_mm < 700 and io.hoist_up_limit
        io.hoist_down = io.hoist_position_mm >= 700 and not io.hoist_down_limit

    plant = Plant(SCENE, seed=1, program=lower_midway)
    plant.run(20.0)
    assert any("스테이션 사이" in b.ko for b in plant.rule_log)


def test_short_drip_stains_and_a_skipped_rinse_spoils_adhesion(monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.controllers import plating_line

    monkeypatch.setattr(plating_line, "DRIP_S", 1.0)  # the rack leaves the degreasing tank after 1 s (scene: 8 s)
    plant = _reference(600.0)
    monkeypatch.undo()
    rack = plant.equipment.carrying or next(r for r in plant.equipment.tanks.racks if r is not None)
    assert rack.causes == ["stain"]

    def skip_rinse(plant: Plant) -> list[str]:
        equipment = plant.equipment
        rack = equipment.tanks.racks[0]
        equipment.tanks.leave(0, plant.now_s)
        equipment.tanks.enter(2, rack, plant.now_s)  # straight from degreasing into the pickle
        return rack.causes

    plant = _reference(500.0)
    assert "adhesion" in skip_rinse(plant)


# ---------------------------------------------------------------- determinism and the reference shift
def test_same_seed_same_racks(first_rack: Plant) -> None:
    again = _reference(FIRST_RACK_S)
    assert again.records == first_rack.records and again.kpis() == first_rack.kpis()
    assert again.snapshot().equipment == first_rack.snapshot().equipment
    other = _reference(62.0, seed=6)  # the first rack waits on the load station from 60 s
    assert 0 != other.io.rack_area != _reference(62.0).io.rack_area


def test_the_reference_plates_an_eight_hour_shift_in_spec_with_no_rule_broken() -> None:
    plant = _reference(8 * 3600.0)
    kpis = plant.kpis()
    assert kpis.produced >= 10 and kpis.good == kpis.produced, [r.causes for r in plant.records]
    assert kpis.rule_breaks == 0 and kpis.interlock_violations == 0 and plant.rule_log == []
    assert all(8.0 <= r.measured_um <= 13.0 for r in plant.records)
    assert kpis.heater_kwh > 0 and kpis.rectifier_kwh > 0 and kpis.plc_state == "RUN"


# ---------------------------------------------------------------- faults
def test_a_tripped_rectifier_gives_thin_racks() -> None:
    plant = _reference(FIRST_RACK_S, faults="jam:current_setpoint@0")
    assert plant.records[0].result == "thin" and plant.records[0].zinc_a_s == 0


def test_a_failed_heater_lets_the_bath_cool_by_newtons_law() -> None:
    plant = _reference(600.0, faults="jam:degrease_heater@0")
    # no power: T = 20 + (65 − 20)·exp(−t/τ); the first rack (35 kg at 20 °C) entered at about 100 s
    assert plant.tank_temperature_c("degrease", 600.0) < 65.0 - 45 * (1 - math.exp(-600 / 37_209)) + 0.01
    assert plant.io.degrease_heater == 10_000  # the thermostat asks for full power all along


def test_a_jammed_lift_stops_the_sequence_where_it_is() -> None:
    plant = _reference(400.0, faults="jam:hoist_down@0")  # the program lowers for the first rack: nothing moves
    assert plant.io.hoist_down and plant.io.hoist_up_limit and not plant.io.hoist_down_limit
    assert plant.records == [] and plant.io.rack_ready


def test_a_drifting_thermocouple_reads_high_while_the_bath_does_not_change() -> None:
    plant = _reference(600.0, faults="drift:zinc_temp@0*0.5")  # +0.5 °C per minute
    true_c = plant.tank_temperature_c("zinc", 600.0)
    assert plant.io.zinc_temp / 10 - true_c == pytest.approx(5.0, abs=1.0)


def test_a_stuck_dosing_pump_lets_the_zinc_run_down() -> None:
    scene = get_scene(SCENE)
    plant = _reference(FIRST_RACK_S, faults="jam:dosing_pump@0")
    racks_out = sum(1 for r in plant.records) + (1 if plant.snapshot().equipment.unload else 0)
    assert plant.zinc_g_per_l(plant.now_s) <= scene.zinc.zinc_g_per_l - racks_out * scene.zinc.drag_out_g_per_l + 1e-9


def test_the_mes_export_has_a_rack_per_row_and_its_tank_visits(first_rack: Plant, tmp_path) -> None:
    """Traceability (B04): which tanks did rack 1 see, how long, how hot — joined with its thickness, in SQL."""
    import sqlite3

    path = first_rack.export_sqlite(tmp_path / "mes.db")
    with sqlite3.connect(path) as db:
        route = db.execute("SELECT tank, seconds, window FROM visits WHERE rack_id = 1 ORDER BY entered_s").fetchall()
        joined = db.execute(
            "SELECT p.measured_um, v.entry_c FROM production p JOIN visits v USING (rack_id) WHERE v.tank = 'zinc'"
        ).fetchall()
    assert [tank for tank, _, _ in route] == [t.name for t in get_scene(SCENE).tanks]
    assert all(window == "OK" for _, _, window in route)
    assert dict((tank, seconds) for tank, seconds, _ in route)["degrease"] == pytest.approx(420.0, abs=0.1)
    assert len(joined) == 1 and 22.0 <= joined[0][1] <= 35.0 and 8.0 <= joined[0][0] <= 13.0
