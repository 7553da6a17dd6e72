"""The L04 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.course.submissions import read, source_answers
from grading.labs import l04
from simulator.plc import CTD, CTU, R_TRIG, TOF, TON, TP
from tests.samples.l04 import (
    BOX_NO_DEBOUNCE,
    BOX_NO_RUN_ON,
    NO_WATCHDOG,
    TIMED_STROKE,
    TIMERS_RED_IS_TON,
)

STUB = "# 여기에 코드를 작성하세요\nraise NotImplementedError()"
BLOCKS = {"TON": TON, "TOF": TOF, "TP": TP, "CTU": CTU, "CTD": CTD, "R_TRIG": R_TRIG}


def load(source: str, name: str):
    namespace = dict(BLOCKS)
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 - the student's cell
    return namespace[name]


@pytest.fixture(scope="module")
def cells():
    nb = read(LABS / "L04_timers_counters" / "L04_timers_counters.ipynb")
    raw = {
        c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")
    }
    return source_answers(nb), raw


def test_a_ton_in_place_of_tp_fails_the_timing_chart_and_names_tp():
    with pytest.raises(CheckFailed, match="TP"):
        l04.check_timers(load(TIMERS_RED_IS_TON, "TimerLamps"))


def test_a_timed_stroke_passes_healthy_but_drops_parts_on_a_slow_cylinder():
    program = load(TIMED_STROKE, "MetalPusher")
    l04.check_stroke(program, seed=6)
    with pytest.raises(CheckFailed, match="pusher_metal_front"):
        l04.check_stroke(program, seed=1, faults="slow:pusher_metal_out*1")


def test_no_watchdog_sorts_well_but_fails_the_jam():
    program = load(NO_WATCHDOG, "MetalPusher")
    l04.check_stroke(program, seed=1, faults="slow:pusher_metal_out*1")
    with pytest.raises(CheckFailed, match="lamp_red"):
        l04.check_watchdog(program, seed=1)


def test_a_too_short_watchdog_is_a_false_alarm(cells):
    answers, _ = cells
    program = load(answers["l04_pusher_answer"].replace("TON(PT=1.0)", "TON(PT=0.5)"), "MetalPusher")
    with pytest.raises(CheckFailed, match="오경보"):
        l04.check_watchdog(program, seed=1)


def test_counting_without_debounce_fails_only_with_the_bouncing_eye():
    program = load(BOX_NO_DEBOUNCE, "BoxCounter")
    l04.check_batch(program, seed=1)
    with pytest.raises(CheckFailed, match="디바운스"):
        l04.check_batch(program, seed=5, batch=4, faults="noise:exit_eye*0.05")


def test_stopping_the_belt_at_once_overfills_the_next_box():
    with pytest.raises(CheckFailed, match="TOF"):
        l04.check_batch(load(BOX_NO_RUN_ON, "BoxCounter"), seed=1)


def test_a_hard_coded_batch_size_fails_another_d0(cells):
    answers, _ = cells
    program = load(answers["l04_batch_answer"].replace("PV=io.D0", "PV=6"), "BoxCounter")
    l04.check_batch(program, seed=1, batch=6)
    with pytest.raises(CheckFailed):
        l04.check_batch(program, seed=9, batch=8)
