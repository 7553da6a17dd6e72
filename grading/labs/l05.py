"""Checks for lab L05 — sequence control and state machines (시퀀스 제어와 상태기계, SFC).

Rubric (one nbgrader grade cell per criterion):

===============  ======  ==========================================================
criterion        points  the student's program must …
===============  ======  ==========================================================
l05_transitions  2       ``next_state`` give the right next step for every case of
                         the SFC's transitions, with the e-stop first (priorities)
l05_sorting      3       ``Sorter`` (the RUN step's action) sort by height and
                         material into three bins over a simulated hour: no
                         mis-sort, no collision, no broken rule
l05_jam          3       ``SortingLine`` find a jammed infeed with the transit
                         watchdog, stop the line with the red lamp, leave JAM on
                         reset after the jam is cleared, and sort again after start:
                         the parts on the line reach their own bins, no collision
l05_estop        2       ``SortingLine`` stop every motion at once on the e-stop,
                         stay stopped until release + reset, and after start (with
                         its start-up warning) sort again, as above
===============  ======  ==========================================================

Visible tests use one seed and the SFC's simple arrows; hidden tests use other seeds, other
fault and e-stop times and every combination of the transition inputs.

The jam and the e-stop come at a moment the grader picks on the plant, not at a fixed time:
the jam when a part is on the infeed between the entry eye and the inspection eye (so there is
something to detect) and none near the feeder (so no part is dropped right behind a stopped one
before the jam is found), the e-stop when no pusher is moving and no part stands in front of one
(so a dropped part cannot spoil the sorting after the restart).
"""

from __future__ import annotations

from itertools import product
from typing import Any

from grading.checks import CheckFailed, describe_error, expect_no_violations, expect_plc_running
from grading.isolation import run_isolated
from grading.presets import WithPresets
from grading.runner import RunReport
from simulator.plc.program import as_scan_function

#: The lab's scene.
SCENE = "sorting-line-v1"
#: The SFC's steps (the values of ``SortingLine.state``).
STATES = ("IDLE", "START", "RUN", "JAM", "ESTOP")
#: The inputs of ``next_state`` besides the state, in the order the notebook lists them.
INPUTS = ("estop", "stop", "start", "reset", "jam", "warned")
#: Start-up warning (START step) the line must give before it moves, in seconds.
WARNING_S = 3.0
#: Motion outputs: what the e-stop and the JAM step must switch off.
BELTS = ("feeder_on", "infeed_motor", "sorter_forward", "sorter_reverse")
PUSHERS = ("pusher_metal_out", "pusher_ng_out")
#: Where the infeed jam is injected: a part's centre between these points (between the eyes), in metres.
TRANSIT_ZONE_M = (0.6, 1.05)
#: … and no part behind it closer to the feeder than this, in metres (the feeder keeps placing parts until the
#: jam is found, and a part dropped right behind a stopped one would leave a pair too close to sort).
FEEDER_CLEAR_M = 0.5
#: How long the infeed stays jammed before the operator has cleared it, in seconds.
JAM_S = 30.0
#: Latest detection after the jam began, in seconds (the watchdog's PT is 6 s; a part needs 4 s).
DETECT_LATEST_S = 8.0
#: A pusher is "busy" for the e-stop picker when a part's centre is this close to it, in metres.
PUSHER_CLEARANCE_M = 0.15
#: The operator's steps after the e-stop, in seconds after it: reset while still pressed, release,
#: start without reset (must not run), reset, start.
ESTOP_RESET_EARLY_S, ESTOP_RELEASE_S, ESTOP_START_EARLY_S, ESTOP_RESET_S, ESTOP_START_S = 3.0, 8.0, 10.0, 13.0, 15.0
#: After a jam: reset and start, in seconds after the jam was cleared.
JAM_RESET_AFTER_S, JAM_START_AFTER_S = 3.0, 5.0
#: Simulated seconds the line runs after the restart, and the parts it must sort in that time
#: (fewer in proportion when the feeder breaks down meanwhile).
AFTER_RESTART_S = 80.0
MIN_PARTS_AFTER_RESTART = 8
#: Parts a healthy line sorts per simulated minute at least (the feeder gives about 15).
MIN_PARTS_PER_MIN = 10.0

#: The SFC's simple arrows: (state, inputs that are on) → next state; the visible test.
VISIBLE_CASES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("IDLE", (), "IDLE"),
    ("IDLE", ("start",), "START"),
    ("START", (), "START"),
    ("START", ("warned",), "RUN"),
    ("RUN", (), "RUN"),
    ("RUN", ("stop",), "IDLE"),
    ("RUN", ("jam",), "JAM"),
    ("JAM", (), "JAM"),
    ("JAM", ("reset",), "IDLE"),
    ("RUN", ("estop",), "ESTOP"),
    ("IDLE", ("estop",), "ESTOP"),
    ("ESTOP", (), "ESTOP"),
    ("ESTOP", ("reset",), "IDLE"),
    ("ESTOP", ("estop", "reset"), "ESTOP"),
)


def expected_state(state: str, *, estop: bool, stop: bool, start: bool, reset: bool, jam: bool, warned: bool) -> str:
    """The grader's own transition table (the model answer's priorities).

    1. the e-stop, from every step; 2. JAM and ESTOP leave only on reset; 3. IDLE → START on the
    start edge unless stop is held; 4. START/RUN → JAM on a jam, then → IDLE on stop; 5. START → RUN
    when the warning time is up.
    """
    if estop:
        return "ESTOP"
    if state in ("JAM", "ESTOP"):
        return "IDLE" if reset else state
    if state == "IDLE":
        return "START" if start and not stop else "IDLE"
    if jam:
        return "JAM"
    if stop:
        return "IDLE"
    if state == "START" and warned:
        return "RUN"
    return state


# ---------------------------------------------------------------- called by the test cells
def check_transitions(next_state: Any, *, every_case: bool = False) -> None:
    """``next_state`` gives the SFC's next step: the simple arrows, or every input combination.

    Args:
        next_state: the student's function ``next_state(state, estop, stop, start, reset, jam, warned)``.
        every_case: False for :data:`VISIBLE_CASES`; True for all 5 × 64 cases (the priorities).

    Raises:
        CheckFailed: with the first case whose answer is wrong.
    """
    run_isolated(f"{__name__}:_grade_transitions", next_state, every_case)


def check_sorting(sorter: Any, *, seed: int, minutes: float = 60.0) -> None:
    """``sorter`` (the RUN step's action) sorts every part into its bin, belts always running.

    Raises:
        CheckFailed: with the first mis-sorted part, a collision or a broken rule.
    """
    run_isolated(f"{__name__}:_grade_sorting", sorter, seed, minutes)


def check_jam_recovery(line: Any, *, seed: int, jam_after_s: float = 120.0) -> None:
    """``line`` detects a jammed infeed, stops with the red lamp, and recovers on reset + start.

    Args:
        line: the student's ``SortingLine`` class.
        seed: plant seed.
        jam_after_s: the infeed jams at the first moment after this time when a part is between the eyes.

    Raises:
        CheckFailed: naming the first thing that went wrong and the step to look at.
    """
    run_isolated("grading.labs.l05_recovery:_grade_jam", line, seed, jam_after_s)


def check_estop_restart(line: Any, *, seed: int, estop_after_s: float = 90.0) -> None:
    """``line`` stops at once on the e-stop and restarts only after release + reset + start.

    Args:
        line: the student's ``SortingLine`` class.
        seed: plant seed.
        estop_after_s: the e-stop is pressed at the first quiet moment (no pusher busy) after this time.

    Raises:
        CheckFailed: naming the first thing that went wrong and the step to look at.
    """
    run_isolated("grading.labs.l05_recovery:_grade_estop", line, seed, estop_after_s)


# ---------------------------------------------------------------- run in the isolated child
def _grade_transitions(next_state: Any, every_case: bool) -> str:
    if every_case:
        cases = [
            (state, tuple(name for name, on in zip(INPUTS, values, strict=True) if on))
            for state in STATES
            for values in product((False, True), repeat=len(INPUTS))
        ]
    else:
        cases = [(state, on) for state, on, _ in VISIBLE_CASES]
    for state, on in cases:
        inputs = {name: name in on for name in INPUTS}
        right = expected_state(state, **inputs)
        shown = ", ".join(f"{name}={inputs[name]}" for name in INPUTS)
        try:
            got = next_state(state, **inputs)
        except Exception as error:  # noqa: BLE001 - the student's bug, reported as a failed check
            ko, en = describe_error(error)
            raise CheckFailed(
                f"next_state('{state}', {shown})가 오류를 냈습니다 — {ko} (1단계)",
                f"next_state('{state}', {shown}) raised an error — {en} (step 1)",
            ) from None
        if got != right:
            hint_ko, hint_en = _transition_hint(state, on, right)
            raise CheckFailed(
                f"next_state('{state}', {shown})가 {got!r}을(를) 돌려주었습니다. {right!r}이어야 합니다. "
                f"{hint_ko} (1단계)",
                f"next_state('{state}', {shown}) returned {got!r}; it must be {right!r}. {hint_en} (step 1)",
            )
    return "ok"


def _transition_hint(state: str, on: tuple[str, ...], right: str) -> tuple[str, str]:
    """Which rule of the SFC the wrong case is about."""
    if "estop" in on:
        return (
            "비상정지는 어느 스텝에서나, 다른 어떤 조건보다 먼저 ESTOP으로 갑니다 (리셋을 눌러도 비상정지가 눌려 "
            "있으면 ESTOP에 머뭅니다).",
            "The e-stop goes to ESTOP from every step, before any other condition (even with reset pressed).",
        )
    if state in ("JAM", "ESTOP"):
        return (
            f"{state}는 리셋으로만 IDLE로 나갑니다. 시작·정지 버튼이나 비상정지 해제만으로는 나가지 않습니다.",
            f"{state} is left only by reset (to IDLE), never by start, stop or the e-stop's release alone.",
        )
    if "jam" in on and state in ("START", "RUN"):
        return (
            "걸림(jam)은 정지 버튼보다 우선입니다: 둘이 함께 오면 JAM으로 가서 적색등으로 알려야 합니다.",
            "A jam comes before the stop button: with both, go to JAM so the red lamp tells the operator.",
        )
    if state == "IDLE":
        return (
            "IDLE에서는 시작 버튼의 상승 에지(start)가 있고 정지 버튼이 눌려 있지 않을 때만 START로 갑니다.",
            "IDLE goes to START only on the start edge with the stop button not pressed.",
        )
    if "stop" in on:
        return ("START와 RUN에서 정지 버튼은 IDLE로 돌아갑니다.", "Stop returns START and RUN to IDLE.")
    if state == "START":
        return (
            "START는 기동 경보 시간이 끝나면(warned) RUN으로 갑니다. 그 전에는 START에 머뭅니다.",
            "START goes to RUN when the warning time is up (warned), not before.",
        )
    return (f"이 경우에는 {right}여야 합니다.", f"In this case the next step is {right}.")


def _grade_sorting(sorter: Any, seed: int, minutes: float) -> str:
    from grading.runner import run_program

    if not isinstance(sorter, type):
        raise CheckFailed("Sorter는 클래스여야 합니다 (2단계).", "Sorter must be a class (step 2).")
    report = run_program(_belts_always_on(sorter), SCENE, seed=seed, minutes=minutes)
    expect_plc_running(report, "Sorter", "Sorter")
    minimum = int(MIN_PARTS_PER_MIN * minutes)
    if report.kpis.produced < minimum:
        raise CheckFailed(
            f"{minutes:g}분 동안 부품이 {report.kpis.produced}개만 상자에 들어갔습니다 (최소 {minimum}개). "
            "푸셔를 켠 채로 두어 부품을 막고 있지 않은지 보세요: 전진단 리밋 스위치가 켜지면 솔레노이드를 "
            "끄세요 (2단계).",
            f"Only {report.kpis.produced} parts reached a bin in {minutes:g} min (at least {minimum}). Is a pusher "
            "left out, blocking the belt? Switch the solenoid off when its extended switch is made (step 2).",
        )
    _expect_sorted(report, "2단계", "step 2")
    expect_no_violations(report)
    return "ok"


def _belts_always_on(sorter_class: type) -> WithPresets:
    """A program that runs the belts (while the e-stop is out) and the student's Sorter every scan."""
    belts = ("feeder_on", "infeed_motor", "sorter_forward")
    return WithPresets(as_scan_function(sorter_class), copy=dict.fromkeys(belts, "estop_ok"))


def _expect_sorted(report: RunReport, step_ko: str, step_en: str) -> None:
    """Every part reached its own bin; else fail naming the first mis-sorted part."""
    wrong = [r for r in report.records if r.result == "MIS_SORT"]
    if not wrong:
        return
    first = wrong[0]
    what = "불량품" if first.defect else {"metal": "금속 부품", "plastic": "플라스틱 부품"}.get(first.material, "부품")
    what_en = "defective part" if first.defect else f"{first.material} part"
    raise CheckFailed(
        f"부품 {len(report.records)}개 중 {len(wrong)}개가 잘못된 상자에 들어갔습니다. 처음 것은 "
        f"{first.finished_s:.1f}초에 {first.bin}에 들어간 {what}(높이 {first.height_mm:.1f} mm)로, "
        f"{first.correct_bin}에 가야 했습니다. 두 푸셔 사이에는 부품이 두 개 있을 수 있습니다: 결정은 큐(deque)로 "
        f"부품 순서대로 넘기고, 푸셔 앞 광전센서의 상승 에지마다 하나씩 꺼내세요 ({step_ko}).",
        f"{len(wrong)} of {len(report.records)} parts went to the wrong bin. The first, a {what_en} "
        f"({first.height_mm:.1f} mm), reached {first.bin} at {first.finished_s:.1f} s but belonged in "
        f"{first.correct_bin}. Two parts can be between the pushers: pass decisions on in a queue (deque), one per "
        f"rising edge of the pusher's eye ({step_en}).",
    )
