"""The L05 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

from collections import deque

import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.course.submissions import read, source_answers
from grading.labs import l05
from simulator.plc import R_TRIG, TON
from tests.samples.l05 import (
    ESTOP_WITHOUT_RESET,
    NO_FEED_DELAY,
    NO_JAM_DETECTION,
    ONE_SLOT_SORTER,
    SHORT_WATCHDOG,
    STOP_BEFORE_JAM,
)

STUB = "# 여기에 코드를 작성하세요\nraise NotImplementedError()"
#: The solution cells in notebook order: each later cell uses the names the earlier ones define.
CELLS = ("l05_next_state_answer", "l05_sorter_answer", "l05_line_answer")


@pytest.fixture(scope="module")
def cells():
    nb = read(LABS / "L05_sequence" / "L05_sequence.ipynb")
    raw = {
        c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")
    }
    return source_answers(nb), raw


def notebook(answers: dict[str, str], **replaced: str) -> dict:
    """The namespace of a notebook whose solution cells ran in order, with some cells replaced."""
    namespace: dict = {"deque": deque, "R_TRIG": R_TRIG, "TON": TON}
    for cell in CELLS:
        exec(compile(replaced.get(cell, answers[cell]), f"<{cell}>", "exec"), namespace)  # noqa: S102
    return namespace


def test_the_expected_table_is_the_model_answer(cells):
    answers, _ = cells
    l05.check_transitions(notebook(answers)["next_state"], every_case=True)
    assert l05.expected_state("RUN", estop=True, stop=True, start=True, reset=True, jam=True, warned=True) == "ESTOP"


def test_leaving_estop_without_reset_fails_the_simple_arrows_and_names_reset(cells):
    answers, _ = cells
    wrong = notebook(answers, l05_next_state_answer=ESTOP_WITHOUT_RESET)
    with pytest.raises(CheckFailed, match="리셋으로만"):
        l05.check_transitions(wrong["next_state"])


def test_stop_before_jam_passes_the_arrows_but_not_every_case(cells):
    answers, _ = cells
    wrong = notebook(answers, l05_next_state_answer=STOP_BEFORE_JAM)
    l05.check_transitions(wrong["next_state"])
    with pytest.raises(CheckFailed, match="정지 버튼보다 우선"):
        l05.check_transitions(wrong["next_state"], every_case=True)


def test_reset_tested_before_the_estop_fails_every_case(cells):
    answers, _ = cells
    model = notebook(answers)["next_state"]

    def reset_first(state, estop, stop, start, reset, jam, warned):
        if state == "ESTOP" and reset:
            return "IDLE"
        return model(state, estop=estop, stop=stop, start=start, reset=reset, jam=jam, warned=warned)

    with pytest.raises(CheckFailed, match="비상정지는 어느 스텝에서나"):
        l05.check_transitions(reset_first)


def test_a_next_state_that_raises_is_reported_with_the_case():
    def broken(state, estop, stop, start, reset, jam, warned):
        return {"RUN": "RUN"}[state]  # KeyError for every other step

    with pytest.raises(CheckFailed, match="KeyError"):
        l05.check_transitions(broken)


def test_one_memory_slot_between_the_pushers_mis_sorts_and_names_the_queue(cells):
    answers, _ = cells
    wrong = notebook(answers, l05_sorter_answer=ONE_SLOT_SORTER)
    with pytest.raises(CheckFailed, match="큐"):
        l05.check_sorting(wrong["Sorter"], seed=11, minutes=5)


def test_a_sorter_that_never_pushes_fails(cells):
    answers, _ = cells
    lazy = answers["l05_sorter_answer"].replace("self.fire_metal = True", "pass")
    with pytest.raises(CheckFailed, match="bin_metal"):
        l05.check_sorting(notebook(answers, l05_sorter_answer=lazy)["Sorter"], seed=1, minutes=2)


def test_no_jam_detection_fails_the_jam_and_names_the_red_lamp(cells):
    answers, _ = cells
    wrong = notebook(answers, l05_line_answer=NO_JAM_DETECTION)
    l05.check_estop_restart(wrong["SortingLine"], seed=3)
    with pytest.raises(CheckFailed, match="lamp_red"):
        l05.check_jam_recovery(wrong["SortingLine"], seed=2)


def test_a_watchdog_shorter_than_the_transit_is_a_false_alarm(cells):
    answers, _ = cells
    wrong = notebook(answers, l05_line_answer=SHORT_WATCHDOG)
    with pytest.raises(CheckFailed, match="오경보"):
        l05.check_jam_recovery(wrong["SortingLine"], seed=2)


def test_starting_the_feeder_with_the_belts_collides_after_the_jam(cells):
    answers, _ = cells
    wrong = notebook(answers, l05_line_answer=NO_FEED_DELAY)
    with pytest.raises(CheckFailed, match="순차 기동"):
        l05.check_jam_recovery(wrong["SortingLine"], seed=2)


def test_a_jam_step_that_leaves_by_itself_fails(cells):
    answers, _ = cells
    namespace = notebook(answers)
    right = namespace["next_state"]

    def leaves_jam(state, estop, stop, start, reset, jam, warned):
        if state == "JAM" and not jam and not estop:
            return "IDLE"
        return right(state, estop=estop, stop=stop, start=start, reset=reset, jam=jam, warned=warned)

    namespace["next_state"] = leaves_jam  # the SortingLine cell looks next_state up when it scans
    with pytest.raises(CheckFailed, match="리셋"):
        l05.check_jam_recovery(namespace["SortingLine"], seed=2)


def test_clearing_the_queues_on_a_stop_mis_sorts_the_parts_that_were_on_the_line(cells):
    answers, _ = cells
    clear = "\n            self.sorter.to_metal_pusher.clear()\n            self.sorter.to_ng_pusher.clear()"
    forgetful = answers["l05_line_answer"].replace(
        "self.sorter.abort(io)  # 비상정지: 푸셔까지 바로 끕니다", "self.sorter.abort(io)" + clear
    )
    assert forgetful != answers["l05_line_answer"]
    wrong = notebook(answers, l05_line_answer=forgetful)
    l05.check_estop_restart(wrong["SortingLine"], seed=3)  # nothing to sort was between the eyes and the pushers
    with pytest.raises(CheckFailed, match="큐"):
        l05.check_estop_restart(wrong["SortingLine"], seed=7, estop_after_s=90)


def test_leaving_estop_on_release_fails_the_estop_restart(cells):
    answers, _ = cells
    wrong = notebook(answers, l05_next_state_answer=ESTOP_WITHOUT_RESET)
    l05.check_jam_recovery(wrong["SortingLine"], seed=2)
    with pytest.raises(CheckFailed, match="리셋 없이"):
        l05.check_estop_restart(wrong["SortingLine"], seed=3)


def test_reset_while_the_estop_is_pressed_must_not_leave_estop(cells):
    answers, _ = cells
    namespace = notebook(answers)
    right = namespace["next_state"]

    def reset_first(state, estop, stop, start, reset, jam, warned):
        if state == "ESTOP" and reset:
            return "IDLE"
        return right(state, estop=estop, stop=stop, start=start, reset=reset, jam=jam, warned=warned)

    namespace["next_state"] = reset_first
    with pytest.raises(CheckFailed, match="아직 눌려 있는데"):
        l05.check_estop_restart(namespace["SortingLine"], seed=3)


def test_no_start_up_warning_fails_the_restart(cells):
    answers, _ = cells
    hasty = answers["l05_line_answer"].replace("io.buzzer = self.state in", "io.buzzer = False and self.state in")
    hasty = hasty.replace('io.lamp_yellow = self.state in ("IDLE", "START")', 'io.lamp_yellow = self.state == "IDLE"')
    with pytest.raises(CheckFailed, match="기동 경보"):
        l05.check_estop_restart(notebook(answers, l05_line_answer=hasty)["SortingLine"], seed=3)


def test_an_estop_that_lets_the_belts_run_fails_at_once(cells):
    answers, _ = cells
    careless = answers["l05_line_answer"].replace('run = self.state == "RUN"', 'run = self.state in ("RUN", "ESTOP")')
    with pytest.raises(CheckFailed, match="비상정지"):
        l05.check_estop_restart(notebook(answers, l05_line_answer=careless)["SortingLine"], seed=3)
