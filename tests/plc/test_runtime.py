"""The scan cycle behaves like a real PLC's, and a broken program stops the PLC, not the simulator."""

from __future__ import annotations

import time
from typing import Any

import pytest

from simulator.plant import Plant
from simulator.plc import TON, PlcState
from simulator.portable import portable

#: Interrupting a scan that never returns needs POSIX timer signals; on the portable path (Windows,
#: SFLAB_PORTABLE=1) the trusted pass stops it from outside instead (tests/grading/test_trusted_pass.py).
needs_signals = pytest.mark.skipif(portable(), reason="needs POSIX timer signals; see test_trusted_pass.py")


def test_program_exception_stops_the_plc_with_the_line_and_safe_outputs() -> None:
    def program(io: Any) -> None:
        io.infeed_motor = True
        io.sorter_forward = True
        if io.height_raw > 0:
            raise ZeroDivisionError("division by zero")  # line reported below

    plant = Plant("sorting-line-v1", program=program)
    plant.run(5)
    assert plant.plc.state is PlcState.STOP
    fault = plant.plc.fault
    assert fault is not None
    assert "ZeroDivisionError" in fault.ko and "PLC 정지" in fault.ko and "raise ZeroDivisionError" in fault.ko
    assert fault.line == program.__code__.co_firstlineno + 4
    assert "line" in fault.en
    assert plant.io.infeed_motor is False and plant.snapshot().equipment.conveyors[0].speed_m_per_s == 0
    assert plant.now_s == 5  # the plant ran on


def test_misspelt_tag_gets_a_korean_hint() -> None:
    def program(io: Any) -> None:
        io.infed_motor = True

    plant = Plant("sorting-line-v1", program=program)
    plant.run(0.1)
    assert plant.plc.fault is not None
    assert "infed_motor" in plant.plc.fault.ko and "sflab scene show" in plant.plc.fault.ko
    assert "혹시 'infeed_motor'" in plant.plc.fault.ko


def test_writing_an_input_stops_the_plc() -> None:
    def program(io: Any) -> None:
        io.entry_eye = True

    plant = Plant("sorting-line-v1", program=program)
    plant.run(0.1)
    assert plant.plc.state is PlcState.STOP
    assert "entry_eye" in plant.plc.fault.ko  # type: ignore[union-attr]


def test_watchdog_stops_a_program_that_waits_inside_its_scan() -> None:
    def program(io: Any) -> None:
        time.sleep(0.15)  # five watchdog times of wall clock

    plant = Plant("sorting-line-v1", program=program, watchdog_s=0.02)
    plant.run(0.05)
    assert plant.plc.state is PlcState.STOP
    assert "워치독" in plant.plc.fault.ko  # type: ignore[union-attr]


def test_inputs_are_frozen_during_a_scan_and_outputs_apply_at_its_end() -> None:
    seen: list[tuple[bool, bool]] = []

    def program(io: Any) -> None:
        io.infeed_motor = True
        seen.append((io.infeed_motor, io.entry_eye))

    plant = Plant("sorting-line-v1", program=program)
    plant.run(0.02)
    assert seen[0] == (True, False)  # the program reads back what it wrote
    assert plant.snapshot().equipment.conveyors[0].speed_m_per_s == pytest.approx(0.25)


@pytest.mark.parametrize("scan_ms", [1, 10, 150])
def test_scan_period_is_configurable(scan_ms: float) -> None:
    plant = Plant("sorting-line-v1", program="idle", scan_period_ms=scan_ms)
    plant.run(1.5)
    assert plant.plc.scans == pytest.approx(1.5 / (scan_ms / 1000), abs=1)


@pytest.mark.parametrize("scan_ms", [0.5, 151])
def test_scan_period_out_of_range_is_refused(scan_ms: float) -> None:
    with pytest.raises(ValueError, match="scan period"):
        Plant("sorting-line-v1", program="idle", scan_period_ms=scan_ms)


def test_class_programs_keep_their_state_and_timers_read_sim_time() -> None:
    class Blinker:
        def __init__(self) -> None:
            self.timer = TON(PT=0.5)

        def scan(self, io: Any) -> None:
            io.lamp_green = self.timer(IN=not io.lamp_green)

    plant = Plant("sorting-line-v1", program=Blinker)
    plant.run(0.499)
    assert plant.io.lamp_green is False
    plant.run(0.006)  # the scan at 0.50 s: the timer has run for its 0.5 s
    assert plant.io.lamp_green is True
    plant.run(0.01)  # next scan: IN went false, the timer resets
    assert plant.io.lamp_green is False


def test_forcing_overrides_inputs_and_outputs_until_released() -> None:
    seen: list[bool] = []

    def program(io: Any) -> None:
        seen.append(io.start_button)
        io.lamp_red = False

    plant = Plant("sorting-line-v1", program=program)
    plant.plc.force("start_button", True)
    plant.plc.force("lamp_red", True)
    plant.run(0.05)
    assert all(seen) and plant.snapshot().signals["red"] is True
    plant.plc.force("start_button", None)
    plant.plc.force("lamp_red", None)
    plant.run(0.05)
    assert seen[-1] is False and plant.snapshot().signals["red"] is False


def test_remote_mode_applies_whatever_is_written_into_the_image() -> None:
    plant = Plant("sorting-line-v1", program=None)
    plant.io.infeed_motor = True
    plant.run(0.05)
    assert plant.snapshot().equipment.conveyors[0].speed_m_per_s > 0
    plant.plc.outputs_forced_safe = True
    plant.run(0.05)
    assert plant.snapshot().equipment.conveyors[0].speed_m_per_s == 0


def test_forward_and_reverse_together_count_as_an_interlock_violation() -> None:
    def program(io: Any) -> None:
        io.sorter_forward = True
        io.sorter_reverse = True

    plant = Plant("sorting-line-v1", program=program)
    plant.run(1)
    kpis = plant.kpis()
    assert kpis.interlock_violations == 1
    assert plant.snapshot().equipment.conveyors[1].speed_m_per_s == 0


@needs_signals
def test_watchdog_interrupts_a_program_stuck_in_an_endless_loop() -> None:
    def program(io: Any) -> None:
        while not io.entry_eye:  # waits for a sensor inside the scan: the inputs never change
            pass

    plant = Plant("sorting-line-v1", program=program, watchdog_s=0.1)
    plant.run(1.0)
    assert plant.plc.state is PlcState.STOP
    assert "워치독" in plant.plc.fault.ko  # type: ignore[union-attr]
    assert plant.now_s == 1.0  # the simulation went on


def test_waiting_for_the_cpu_is_not_an_overrun() -> None:
    def program(io: Any) -> None:
        time.sleep(0.03)  # wall time passes, almost no CPU is used: like a busy server descheduling us

    plant = Plant("sorting-line-v1", program=program, watchdog_s=0.02)
    plant.run(0.05)
    assert plant.plc.state is PlcState.RUN
