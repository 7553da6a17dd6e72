"""Motor condition signals: current with load, temperature rising slowly, vibration growing with wear."""

from __future__ import annotations

import statistics

import pytest

from simulator.plant import Fault, Plant
from simulator.plant.conveyor.motor_health import BREAKDOWN_MM_S


def started(plant: Plant) -> Plant:
    plant.press("start", hold_s=0.3, at_s=0.5)
    return plant


def test_a_healthy_running_motor_reads_plausible_values() -> None:
    plant = started(Plant("sorting-line-v1", seed=1, program="reference")).run(minutes=30)
    io = plant.io
    assert 2000 < io.sorter_current < 5000  # mA: a 120 W, 24 V motor at part load
    assert 250 < io.sorter_temperature < 600  # 0.1 °C: warmer than the 25 °C room after half an hour
    assert 80 < io.sorter_vibration < 150  # 0.01 mm/s: about 1.1 mm/s RMS
    assert plant.kpis().motor_failures == 0


def test_a_stopped_motor_draws_no_current_and_cools_to_ambient() -> None:
    plant = Plant("sorting-line-v1", seed=1, program="idle").run(minutes=5)
    assert plant.io.sorter_current == 0
    assert plant.io.sorter_temperature == pytest.approx(250, abs=3)
    assert plant.io.sorter_vibration < 20


def test_wear_grows_vibration_until_the_motor_seizes_and_the_belt_stops() -> None:
    wear = Fault("wear", "sorter_forward", start_s=600, severity=2.0)  # e-fold every 30 min
    plant = started(Plant("sorting-line-v1", seed=4, program="reference", faults=[wear]))
    samples: list[tuple[float, int]] = []
    while plant.kpis().motor_failures == 0 and plant.now_s < 4 * 3600:
        plant.run(60)
        samples.append((plant.now_s, plant.io.sorter_vibration))
    kpis = plant.kpis()
    assert kpis.motor_failures == 1
    failed_at_s = plant.now_s
    assert 600 + 3600 < failed_at_s < 600 + 2.5 * 3600  # ln(1 + 10.1/0.25)/2 h ≈ 1.9 h after the start
    early = statistics.mean(v for t, v in samples if t < 600)
    late = statistics.mean(v for t, v in samples if failed_at_s - 600 < t < failed_at_s - 60)
    assert late > 4 * early  # the anomaly is visible well before the breakdown
    assert BREAKDOWN_MM_S * 100 > late
    produced = kpis.produced
    plant.run(minutes=5)
    assert plant.snapshot().equipment.conveyors[1].speed_m_per_s == 0 and plant.kpis().produced == produced
    plant.clear_faults()  # the maintenance team replaces the bearing
    plant.run(minutes=1)
    assert plant.snapshot().equipment.conveyors[1].speed_m_per_s > 0


def test_a_seized_motor_cools_down_instead_of_heating_on_its_own() -> None:
    wear = Fault("wear", "sorter_forward", start_s=60, severity=6.0)  # e-fold every 10 min: seizes within the hour
    plant = started(Plant("sorting-line-v1", seed=2, program="reference", faults=[wear]))
    while plant.kpis().motor_failures == 0:
        plant.run(60)
    at_failure = plant.io.sorter_temperature
    plant.run(minutes=40)  # the wear model keeps growing, but a motor that stands still has no bearing friction
    assert plant.io.sorter_current == 0
    assert plant.io.sorter_temperature < at_failure - 20  # 0.1 °C: cooling towards the 25 °C room


def test_wear_must_target_a_conveyor_motor() -> None:
    from simulator.plant.faults import FaultError

    with pytest.raises(FaultError, match="컨베이어 모터"):
        Plant("sorting-line-v1", faults=[Fault("wear", "pusher_ng_out")])
