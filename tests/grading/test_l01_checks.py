"""The L01 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.course.submissions import read, source_answers
from grading.labs import l01
from simulator.plc import TON
from simulator.portable import portable
from tests.samples.l01 import COUNTER_WITH_TYPO, IGNORES_ESTOP, NO_DEBOUNCE

#: Interrupting a scan that never returns needs POSIX timer signals; on the portable path (Windows,
#: SFLAB_PORTABLE=1) the trusted pass stops it from outside instead (tests/grading/test_trusted_pass.py).
needs_signals = pytest.mark.skipif(portable(), reason="needs POSIX timer signals; see test_trusted_pass.py")


def load(source: str, name: str):
    namespace = {"TON": TON}
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 - the student's cell
    return namespace[name]


@pytest.fixture(scope="module")
def answers():
    return source_answers(read(LABS / "L01_sensors" / "L01_sensors.ipynb"))


def test_no_debounce_overcounts_and_says_where_to_look():
    with pytest.raises(CheckFailed) as failed:
        l01.check_debounce(load(NO_DEBOUNCE, "DebouncedCounter"), seed=2)
    assert "TON" in str(failed.value) and "3단계" in str(failed.value)


def test_ignoring_the_estop_fails_safety_only():
    program = load(IGNORES_ESTOP, "DebouncedCounter")
    l01.check_debounce(program, seed=2)
    with pytest.raises(CheckFailed, match="비상정지"):
        l01.check_safety(program, seed=3, estop_at_s=40)


def test_a_crashing_counter_reports_the_plc_stop_and_the_tag():
    with pytest.raises(CheckFailed) as failed:
        l01.check_counting(load(COUNTER_WITH_TYPO, "MaterialCounter"), seed=1)
    assert "PLC" in str(failed.value) and "count_metals" in str(failed.value)


@needs_signals
def test_an_endless_loop_inside_the_scan_is_stopped_by_the_scan_alarm():
    class Loops:
        def scan(self, io):
            io.feeder_on = io.infeed_motor = io.sorter_forward = True
            while io.inspect_eye:
                pass

    with pytest.raises(CheckFailed, match="무한 반복"):
        l01.check_counting(Loops, seed=1)
