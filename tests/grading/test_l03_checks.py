"""The L03 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.course.submissions import read, source_answers
from grading.labs import l03
from tests.samples.l03 import (
    ESTOP_RESTARTS,
    NO_INTERLOCK,
    NO_SELF_HOLD,
    SAFE_NO_INTERLOCK,
    SET_RESET_EDGE,
    START_PRIORITY,
)

STUB = "# 여기에 코드를 작성하세요\nraise NotImplementedError()"


def load(source: str, name: str):
    namespace: dict = {}
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 - the student's cell
    return namespace[name]


@pytest.fixture(scope="module")
def cells():
    nb = read(LABS / "L03_interlock" / "L03_interlock.ipynb")
    raw = {
        c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")
    }
    return source_answers(nb), raw


# ---------------------------------------------------------------- step 1: self-holding, stop priority
def test_without_self_holding_the_line_stops_when_start_is_let_go():
    program = load(NO_SELF_HOLD, "StartStop")
    with pytest.raises(CheckFailed, match=r"1\.3\d초.*자기유지가 안 됩니다"):
        l03.check_self_hold(program, seed=1)
    with pytest.raises(CheckFailed, match="자기유지"):
        l03.check_stop_priority(program, seed=1)


def test_a_toggle_on_start_fails_when_start_is_pressed_again_while_running():
    toggle = """
class StartStop:
    def __init__(self):
        self.run = False
        self.was = False

    def scan(self, io):
        if io.start_button and not self.was:
            self.run = not self.run
        self.was = io.start_button
        self.run = self.run and io.stop_button
        io.sorter_forward = io.infeed_motor = io.feeder_on = self.run
"""
    with pytest.raises(CheckFailed, match=r"^5\.0\d초 \(시작 버튼 눌림\): sorter_forward"):
        l03.check_self_hold(load(toggle, "StartStop"), seed=1)


def test_start_priority_keeps_the_self_hold_points_but_loses_stop_priority():
    program = load(START_PRIORITY, "StartStop")
    l03.check_self_hold(program, seed=1)
    with pytest.raises(CheckFailed, match="정지 우선"):
        l03.check_stop_priority(program, seed=1)
    with pytest.raises(CheckFailed, match="정지 우선"):  # stop held first, start pressed while it is held
        l03.check_stop_priority(program, seed=4, together_at_s=5.5, lead_s=0.1)


def test_set_reset_ifs_with_a_start_edge_are_right_too():
    program = load(SET_RESET_EDGE, "StartStop")
    l03.check_self_hold(program, seed=11, start_at_s=0.55, stop_at_s=4.05)
    l03.check_stop_priority(program, seed=1)
    l03.check_stop_priority(program, seed=9, together_at_s=3.2, lead_s=0.25)


def test_set_after_reset_is_start_priority():
    swapped = """
class StartStop:
    def __init__(self):
        self.run = False

    def scan(self, io):
        if not io.stop_button:
            self.run = False
        if io.start_button:
            self.run = True
        io.sorter_forward = io.infeed_motor = io.feeder_on = self.run
"""
    with pytest.raises(CheckFailed, match="끄기.*뒤에"):
        l03.check_stop_priority(load(swapped, "StartStop"), seed=1)


def test_forgetting_the_feeder_is_named():
    only_belt = START_PRIORITY.replace("io.feeder_on = self.run", "")
    with pytest.raises(CheckFailed, match="feeder_on.*같은 운전 코일"):
        l03.check_self_hold(load(only_belt, "StartStop"), seed=1)


# ---------------------------------------------------------------- step 2: interlock
def test_no_interlock_fails_when_the_other_direction_is_pressed():
    with pytest.raises(CheckFailed, match=r"^4\.0\d초 \(역회전 버튼 눌림\): sorter_reverse.*인터록이 없습니다"):
        l03.check_interlock(load(NO_INTERLOCK, "ReversingConveyor"), seed=1)


def test_switching_direction_without_stop_is_wrong():
    direct = NO_INTERLOCK.replace(
        "self.forward = (io.start_button or self.forward) and may_run",
        "self.forward = (io.start_button or self.forward) and may_run and not io.reset_button",
    ).replace(
        "self.reverse = (io.reset_button or self.reverse) and may_run",
        "self.reverse = (io.reset_button or self.reverse) and may_run and not self.forward",
    )
    with pytest.raises(CheckFailed, match="반대 방향 버튼은 무시"):
        l03.check_interlock(load(direct, "ReversingConveyor"), seed=1)


def test_feeding_a_reversing_belt_is_wrong(cells):
    answers, _ = cells
    feeds = answers["l03_reversing_answer"].replace(
        "io.feeder_on = self.forward", "io.feeder_on = self.forward or self.reverse"
    )
    with pytest.raises(CheckFailed, match="역회전 중에는 공급기"):
        l03.check_interlock(load(feeds, "ReversingConveyor"), seed=1, first="reset")


def test_a_reverse_without_self_holding_is_named(cells):
    answers, _ = cells
    no_hold = answers["l03_reversing_answer"].replace("(io.reset_button or self.reverse)", "io.reset_button")
    with pytest.raises(CheckFailed, match=r"sorter_reverse.*io\.reset_button or self\.run"):
        l03.check_interlock(load(no_hold, "ReversingConveyor"), seed=1)


# ---------------------------------------------------------------- step 3: e-stop
def test_an_estop_that_only_blocks_the_outputs_restarts_on_release():
    with pytest.raises(CheckFailed, match=r"^7\.0\d초 \(버튼 안 누름\).*재기동 방지"):
        l03.check_estop(load(ESTOP_RESTARTS, "SafeConveyor"), seed=1)


def test_an_ignored_estop_fails_at_once():
    with pytest.raises(CheckFailed, match=r"^4\.0\d초 .*비상정지 눌림.*모든 것을 이겨야"):
        l03.check_estop(load(NO_INTERLOCK.replace("ReversingConveyor", "SafeConveyor"), "SafeConveyor"), seed=1)


def test_a_missing_or_latched_red_lamp_is_named(cells):
    answers, _ = cells
    source = answers["l03_safe_answer"]
    with pytest.raises(CheckFailed, match="lamp_red.*not io.estop_ok"):
        l03.check_estop(load(source.replace("io.lamp_red = not io.estop_ok", ""), "SafeConveyor"), seed=1)
    latched = source.replace("io.lamp_red = not io.estop_ok", "io.lamp_red = io.lamp_red or not io.estop_ok")
    with pytest.raises(CheckFailed, match=r"^7\.0\d초.*lamp_red"):
        l03.check_estop(load(latched, "SafeConveyor"), seed=1)


def test_the_estop_check_does_not_grade_the_interlock():
    program = load(SAFE_NO_INTERLOCK, "SafeConveyor")
    l03.check_estop(program, seed=14, estop_at_s=6.1, second_estop_s=16.0)
    with pytest.raises(CheckFailed, match="인터록"):
        l03.check_interlock(program, seed=1)


# ---------------------------------------------------------------- crashes, language, timetables
def test_a_crashing_scan_stops_the_plc_and_names_the_line():
    crash = """
class ReversingConveyor:
    def scan(self, io):
        io.sorter_forwrd = io.start_button
"""
    with pytest.raises(CheckFailed, match=r"PLC가 멈췄습니다.*sorter_forward.*\(2단계\)"):
        l03.check_interlock(load(crash, "ReversingConveyor"), seed=1)


def test_the_message_is_english_on_request(monkeypatch):
    monkeypatch.setenv("SFLAB_LANG", "en")
    with pytest.raises(CheckFailed, match=r"stop must win.*\(step 1\) \[buttons: 1s start"):
        l03.check_stop_priority(load(START_PRIORITY, "StartStop"), seed=1)


@pytest.mark.parametrize(
    ("events", "kwargs"),
    [
        (l03.self_hold_events, {"start_at_s": 1.0, "stop_at_s": 2.0}),
        (l03.stop_priority_events, {"lead_s": 0.6}),
        (l03.interlock_events, {"first": "stop"}),
        (l03.estop_events, {"estop_at_s": 4.0, "second_estop_s": 8.0}),
    ],
)
def test_a_timetable_that_would_not_test_the_criterion_is_refused(events, kwargs):
    with pytest.raises(ValueError):
        events(**kwargs)


def test_no_timetable_lets_go_of_stop_while_start_is_still_held():
    """So a start on the rising edge and a start on the level are graded alike."""
    timetables = [
        l03.self_hold_events(2.3, 9.1, 1.2),
        l03.stop_priority_events(),
        l03.stop_priority_events(5.5, 0.1),
        l03.stop_priority_events(3.2, 0.25),
        l03.interlock_events("reset", 5.3),
        l03.estop_events(2.7, 11.4),
    ]
    for events in timetables:
        held = {(round(at, 6), round(at + hold, 6)) for at, control, hold in events if control in ("start", "reset")}
        for at, control, hold in events:
            if control == "stop":
                released = at + hold
                assert not any(start < released < end for start, end in held), (control, at)
