"""Every rule of grading.rules is noticed in a run, and a good program breaks none."""

from __future__ import annotations

import pytest

from grading.runner import run_program
from simulator.controllers import get_controller
from simulator.portable import portable

#: Interrupting a scan that never returns needs POSIX timer signals; on the portable path (Windows,
#: SFLAB_PORTABLE=1) the trusted pass stops it from outside instead (tests/grading/test_trusted_pass.py).
needs_signals = pytest.mark.skipif(portable(), reason="needs POSIX timer signals; see test_trusted_pass.py")


def _line(io, run=None):
    run = io.estop_ok if run is None else run
    io.feeder_on = run
    io.infeed_motor = run
    io.sorter_forward = run


def test_reference_controller_breaks_no_rule_and_obeys_the_estop():
    report = run_program(get_controller("reference"), seed=4, minutes=1.5, estop_at_s=50)
    assert report.violations == []
    assert report.kpis.produced >= 3
    assert not report.plc_stopped
    assert any(c.tag == "sorter_forward" and c.value is False and c.time_s >= 50 for c in report.changes)


def test_ignoring_the_estop_is_reported_once_with_its_time():
    report = run_program(lambda io: _line(io, run=True), seed=1, minutes=1, estop_at_s=20)
    rules = [v for v in report.violations if v.rule == "estop_ignored"]
    assert len(rules) == 1
    assert rules[0].time_s == 20.0
    assert "비상정지" in rules[0].ko and "e-stop" in rules[0].en


def test_a_pusher_fired_with_nothing_in_front_is_reported():
    def program(io):
        _line(io)
        io.pusher_ng_out = io.entry_eye  # the wrong eye: no part is at the reject pusher then

    report = run_program(program, seed=1, minutes=0.5)
    assert report.violation_counts.get("pusher_without_item", 0) >= 1
    assert report.violations[0].tag == "pusher_ng_out"


def test_reversing_without_a_stop_is_reported():
    def program(io):
        _line(io)
        io.sorter_forward = not io.inspect_eye
        io.sorter_reverse = io.inspect_eye

    report = run_program(program, seed=1, minutes=0.5)
    assert report.violation_counts.get("reversal_without_stop", 0) >= 1


def test_chatter_is_reported_and_the_trace_is_bounded():
    state = {"n": 0}

    def program(io):
        _line(io)
        state["n"] += 1
        io.lamp_green = state["n"] % 2 == 0  # toggles every scan: 100 changes a second

    report = run_program(program, seed=1, minutes=1)
    assert report.violation_counts["chatter"] >= 50
    assert len([v for v in report.violations if v.rule == "chatter"]) <= 20
    assert len(report.changes) <= 5000


def test_a_program_error_stops_the_plc_and_names_the_line():
    def program(io):
        _line(io)
        if io.inspect_eye:
            io.count_metals += 1

    report = run_program(program, seed=1, minutes=0.5)
    assert report.plc_stopped
    assert "count_metals" in report.plc_fault_ko


@needs_signals
def test_an_endless_loop_in_a_scan_is_interrupted_with_a_message():
    def program(io):
        _line(io)
        while io.inspect_eye:
            pass

    report = run_program(program, seed=1, minutes=0.5)
    assert report.plc_stopped
    assert "무한 반복" in report.plc_fault_ko


def test_sys_exit_in_a_scan_stops_only_the_plc():
    import sys

    def program(io):
        _line(io)
        if io.entry_eye:
            sys.exit()

    report = run_program(program, seed=1, minutes=0.5)
    assert report.plc_stopped
    assert "sys.exit" in report.plc_fault_ko


def test_summary_speaks_korean_by_default_and_english_on_request(monkeypatch):
    report = run_program(get_controller("reference"), seed=2, minutes=0.5)
    assert "생산" in report.summary()
    monkeypatch.setenv("SFLAB_LANG", "en")
    assert "produced" in report.summary()
