"""The end-of-line diverter flap (branch-line-v1): a rotary cylinder routing parts between two bins."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.plant import Fault, Plant


def belt_only(io: Any) -> None:
    io.feeder_on = True
    io.belt_motor = True


def belt_and_flap_turned(io: Any) -> None:
    belt_only(io)
    io.flap_turn = True


def test_flap_at_rest_sends_every_part_to_the_end_bin() -> None:
    plant = Plant("branch-line-v1", seed=5, program=belt_only)
    plant.run(minutes=5)
    kpis = plant.kpis()
    assert kpis.produced > 40
    assert kpis.bins["bin_metal"].good == 0
    assert kpis.mis_sorts == sum(1 for r in plant.records if r.material == "metal") > 0


def test_flap_turned_sends_every_part_to_its_bin_and_limit_switch_reports_it() -> None:
    plant = Plant("branch-line-v1", seed=5, program=belt_and_flap_turned)
    plant.run(minutes=5)
    assert {r.bin for r in plant.records} == {"bin_metal"}
    assert plant.io.flap_turned is True and plant.io.flap_rest is False
    assert plant.snapshot().equipment.diverters[0].stroke == 1.0


def test_a_part_meeting_the_flap_mid_swing_is_a_collision() -> None:
    class SwingAllTheTime:
        def __init__(self) -> None:
            self.scans = 0

        def scan(self, io: Any) -> None:
            belt_only(io)
            self.scans += 1
            io.flap_turn = (self.scans // 20) % 2 == 0  # reverses every 0.2 s: never at an end

    plant = Plant("branch-line-v1", seed=5, program=SwingAllTheTime)
    plant.run(minutes=3)
    assert plant.kpis().collisions == plant.kpis().produced > 0


def test_reference_controller_sorts_the_branch_line_for_two_hours() -> None:
    plant = Plant("branch-line-v1", seed=8, program="reference")
    plant.press("start", hold_s=0.3, at_s=0.5)
    plant.run(hours=2)
    kpis = plant.kpis()
    assert kpis.produced > 1500
    assert kpis.mis_sorts == 0 and kpis.collisions == 0 and kpis.jams == 0


@pytest.mark.parametrize(("kind", "severity"), [("jam", 1.0), ("slow", 5.0)])
def test_a_jammed_or_slow_flap_mis_sorts_metal(kind: str, severity: float) -> None:
    plant = Plant("branch-line-v1", seed=8, program="reference", faults=[Fault(kind, "flap_turn", severity=severity)])
    plant.press("start", hold_s=0.3, at_s=0.5)
    plant.run(minutes=10)
    kpis = plant.kpis()
    assert kpis.mis_sorts + kpis.collisions > 0
