"""Lab L05's recovery checks: a jam and an e-stop, each at a moment the grader picks on the plant.

The operator (:class:`OperatorRun`) watches the running line and acts at the right moment:
the jam when a part is on the infeed between the entry eye and the inspection eye and none
near the feeder, the e-stop when no pusher is moving and no part stands in front of one
(see :mod:`grading.labs.l05` for the rubric). Then the checks follow the student's
``SortingLine`` through the stop, the reset and the restart.
"""

from __future__ import annotations

from typing import Any

from grading.checks import CheckFailed, expect_no_violations, expect_plc_running
from grading.labs.l04 import first_change, output_at
from grading.labs.l05 import (  # the lab's constants, beside its rubric
    AFTER_RESTART_S,
    BELTS,
    DETECT_LATEST_S,
    ESTOP_RELEASE_S,
    ESTOP_RESET_EARLY_S,
    ESTOP_RESET_S,
    ESTOP_START_EARLY_S,
    ESTOP_START_S,
    FEEDER_CLEAR_M,
    JAM_RESET_AFTER_S,
    JAM_S,
    JAM_START_AFTER_S,
    MIN_PARTS_AFTER_RESTART,
    PUSHER_CLEARANCE_M,
    PUSHERS,
    SCENE,
    TRANSIT_ZONE_M,
    WARNING_S,
)
from grading.runner import START_HOLD_S, ProgramRun, RunReport
from simulator.plant.conveyor.line_kpis import as_line_kpis
from simulator.plant.conveyor.views import line_view


# ---------------------------------------------------------------- a run with an operator
class OperatorRun(ProgramRun):
    """A plant running the student's program, with an operator who watches it and acts.

    Unlike a fixed script, the operator can wait for a moment on the plant (a part between the
    eyes, no pusher busy, :meth:`wait_for`) before jamming the belt or pressing the e-stop.
    """

    def __init__(self, program: Any, *, seed: int) -> None:
        super().__init__(program, SCENE, seed=seed)

    def run_feeding(self, time_s: float, step_s: float = 0.5) -> float:
        """Run to ``time_s`` and return how many of those seconds the feeder was ready (not broken down)."""
        ready_s = 0.0
        while self.now_s < time_s - 1e-9:
            io: Any = self.plant.io
            ready = bool(io.feeder_ready)
            begin = self.now_s
            self.run_until(min(time_s, begin + step_s))
            ready_s += (self.now_s - begin) if ready else 0.0
        return ready_s


def _running(snapshot: Any) -> bool:
    return bool(snapshot.tags["infeed_motor"] and snapshot.tags["sorter_forward"])


def _part_between_eyes(snapshot: Any) -> int | None:
    """The id of a part on the infeed between the entry and the inspection eye, or None."""
    low, high = TRANSIT_ZONE_M
    return next((item.id for item in line_view(snapshot).items if low <= item.x_m <= high), None)


def _time_to_jam(snapshot: Any) -> bool:
    """The line runs, a part is between the eyes, and none is near the feeder."""
    near_feeder = any(item.x_m < FEEDER_CLEAR_M for item in line_view(snapshot).items)
    return _running(snapshot) and _part_between_eyes(snapshot) is not None and not near_feeder


def _pushers_quiet(snapshot: Any) -> bool:
    """No solenoid on, both cylinders back, and no part in front of a pusher."""
    line = line_view(snapshot)
    if any(snapshot.tags[tag] for tag in PUSHERS) or any(p.stroke > 0 for p in line.pushers):
        return False
    return all(abs(item.x_m - p.position_m) > PUSHER_CLEARANCE_M for item in line.items for p in line.pushers)


def _switched_on(report: RunReport, tags: tuple[str, ...], after_s: float, before_s: float) -> tuple[str, float] | None:
    """The first of ``tags`` switched on within (after_s, before_s), with its time, or None."""
    for change in report.changes:
        if change.value and change.tag in tags and after_s < change.time_s < before_s:
            return change.tag, change.time_s
    return None


def _expect_restarted(
    report: RunReport, start_s: float, feeding_s: float, stopped: tuple[int, ...], step_ko: str, step_en: str
) -> None:
    """After the start at ``start_s`` the line moved again and sorted parts, without collisions.

    Args:
        report: the run.
        start_s: when the operator pressed start after the stop.
        feeding_s: how long the feeder was ready after the start (fewer parts are asked for when it broke down).
        stopped: ids of the parts on the line when it stopped: each must reach its own bin (the tracking
            queues must survive the stop). Mis-sorts of other parts are the sorting criterion's business.
        step_ko: the step to look at, in Korean.
        step_en: the same in English.
    """
    moving = first_change(report, "sorter_forward", True, start_s)
    if moving is None or moving > start_s + WARNING_S + 2.0:
        raise CheckFailed(
            f"{start_s:g}초에 시작 버튼을 눌렀는데 {WARNING_S + 2.0:g}초가 지나도 컨베이어가 돌지 않습니다. "
            f"IDLE → START(시작 에지) → RUN({WARNING_S:g}초 뒤)으로 가는지, RUN 스텝에서 컨베이어를 켜는지 보세요 "
            f"({step_ko}).",
            f"Start was pressed at {start_s:g} s but the belts were not running {WARNING_S + 2.0:g} s later. Check "
            f"IDLE → START (start edge) → RUN ({WARNING_S:g} s later) and that RUN switches the belts on ({step_en}).",
        )
    after = [r for r in report.records if r.finished_s > start_s]
    minimum = int(MIN_PARTS_AFTER_RESTART * feeding_s / AFTER_RESTART_S)
    if len(after) < minimum:
        raise CheckFailed(
            f"다시 시작한 뒤 {AFTER_RESTART_S:g}초 동안 부품이 {len(after)}개만 상자에 들어갔습니다 "
            f"(최소 {minimum}개). RUN 스텝에서 공급기(feeder_on)와 컨베이어가 계속 켜져 있는지 보세요 ({step_ko}).",
            f"Only {len(after)} parts reached a bin in the {AFTER_RESTART_S:g} s after the restart (at least "
            f"{minimum}). Check that RUN keeps feeder_on and the belts on ({step_en}).",
        )
    finished = {r.item_id: r for r in report.records}
    lost = [item_id for item_id in stopped if item_id not in finished]
    if lost:
        raise CheckFailed(
            f"라인이 멈출 때 위에 있던 부품 {len(stopped)}개 중 {len(lost)}개(번호 {lost[0]} …)가 다시 시작한 뒤에도 "
            f"상자에 들어가지 않았습니다 ({step_ko}).",
            f"{len(lost)} of the {len(stopped)} parts on the line when it stopped (id {lost[0]} …) never reached a bin "
            f"after the restart ({step_en}).",
        )
    wrong = [finished[item_id] for item_id in stopped if finished[item_id].result == "MIS_SORT"]
    if wrong:
        first = wrong[0]
        raise CheckFailed(
            f"라인이 멈출 때 위에 있던 부품 {len(stopped)}개 중 {len(wrong)}개가 다시 시작한 뒤 잘못된 상자에 "
            f"들어갔습니다 (처음: 번호 {first.item_id}, {first.bin}, 맞는 상자 {first.correct_bin}). 멈춘 부품은 "
            "벨트 위 같은 자리에서 다시 출발합니다: 스텝이 바뀌어도 Sorter의 결정 큐를 지우거나 새로 만들지 "
            f"말고, ESTOP에서는 abort()만 부르세요 ({step_ko}).",
            f"{len(wrong)} of the {len(stopped)} parts on the line when it stopped reached the wrong bin after the "
            f"restart (first: id {first.item_id} in {first.bin}, belongs in {first.correct_bin}). Stopped parts start "
            "again from where they stand: keep the Sorter's queues through every step; in ESTOP call only abort() "
            f"({step_en}).",
        )
    collisions = as_line_kpis(report.kpis).collisions
    if collisions:
        raise CheckFailed(
            f"부품 충돌이 {collisions}번 있었습니다. 멈춰 있는 동안 공급기는 다음 부품을 들고 기다리므로, "
            "RUN이 되자마자 공급기를 켜면 앞 부품 바로 뒤(10 cm)에 놓여 푸셔가 두 개를 함께 칩니다. 순차 기동: "
            f"컨베이어를 먼저 돌리고 공급기는 TON으로 3초 뒤에 켜세요 ({step_ko}).",
            f"{collisions} collision(s). While the line stands the feeder waits with the next part; "
            "switched on together with the belts it drops it 10 cm behind the previous one and a pusher hits both. "
            f"Start in sequence: belts first, the feeder 3 s later with a TON ({step_en}).",
        )
    expect_no_violations(report)


def _fail_not_running(report: RunReport, after_s: float) -> None:
    """The line never ran long enough for the operator's test: say why, as far as the run shows."""
    expect_plc_running(report, "SortingLine", "SortingLine")
    red = first_change(report, "lamp_red", True, 0.0)
    if red is not None:
        raise CheckFailed(
            f"걸림도 비상정지도 없는데 {red:.2f}초에 적색등을 켜고 라인을 세웠습니다 (오경보). 부품이 투입 "
            "광전센서에서 검사 위치까지 가는 데 4초 걸립니다: 통과 감시 타이머는 RUN에서, 지나가는 중인 부품이 "
            "있을 때만, PT=6초로 재고, 부품이 검사 위치에 도착할 때마다 다시 시작하세요 (3단계).",
            f"The red lamp came on and the line stopped at {red:.2f} s with no jam and no e-stop (false alarm). A "
            "part needs 4 s from the entry eye to inspection: time only in RUN, only while a part is in transit, with "
            "PT = 6 s, and restart the timer whenever a part arrives (step 3).",
        )
    raise CheckFailed(
        f"{after_s:g}초 뒤에도 라인이 부품을 나르고 있지 않습니다. 0.5초에 시작 버튼을 누르면 START를 거쳐 "
        f"{WARNING_S:g}초 뒤 RUN에서 컨베이어(infeed_motor, sorter_forward)와 공급기가 돌아야 합니다 (1·3단계).",
        f"The line was not carrying parts after {after_s:g} s. After start at 0.5 s it must go through START to RUN "
        f"({WARNING_S:g} s later) and run the belts and the feeder (steps 1 and 3).",
    )


def _grade_jam(line: Any, seed: int, jam_after_s: float) -> str:
    from simulator.plant import Fault

    run = OperatorRun(line, seed=seed)
    if not run.wait_for(_time_to_jam, after_s=jam_after_s, within_s=240.0):
        _fail_not_running(run.report(), jam_after_s)
    jam_s = run.now_s
    stopped = tuple(item.id for item in line_view(run.plant.snapshot()).items)
    run.plant.inject(Fault("jam", "infeed_motor", start_s=jam_s, end_s=jam_s + JAM_S))
    reset_s, start_s = jam_s + JAM_S + JAM_RESET_AFTER_S, jam_s + JAM_S + JAM_START_AFTER_S
    run.plant.press("reset", hold_s=START_HOLD_S, at_s=reset_s)
    run.plant.press("start", hold_s=START_HOLD_S, at_s=start_s)
    run.run_until(start_s)
    feeding_s = run.run_feeding(start_s + AFTER_RESTART_S)
    report = run.report()
    expect_plc_running(report, "SortingLine", "SortingLine")

    false_alarm = first_change(report, "lamp_red", True, 0.0, jam_s)
    if false_alarm is not None:
        raise CheckFailed(
            f"걸림이 없는데 {false_alarm:.2f}초에 적색등을 켰습니다 (오경보). 부품이 투입 광전센서에서 검사 위치까지 "
            "가는 데 4초 걸립니다: 통과 감시 타이머는 RUN에서, 지나가는 중인 부품이 있을 때만, PT=6초로 재고 "
            "부품이 검사 위치에 도착할 때마다 다시 시작하세요 (3단계).",
            f"The red lamp came on at {false_alarm:.2f} s with no jam (false alarm). A part needs 4 s from the entry "
            "eye to inspection: time only in RUN, only while a part is in transit, with PT = 6 s, and restart the "
            "timer whenever a part arrives (step 3).",
        )
    alarm = first_change(report, "lamp_red", True, jam_s, jam_s + DETECT_LATEST_S)
    if alarm is None:
        raise CheckFailed(
            f"{jam_s:.1f}초에 투입 컨베이어가 걸려 부품이 검사 위치에 오지 못했는데 {DETECT_LATEST_S:g}초 안에 "
            "적색등(lamp_red)이 켜지지 않았습니다. entry_eye의 상승 에지로 들어온 부품을 세고 inspect_eye의 상승 "
            "에지로 빼서, 지나가는 중인 부품이 6초 넘게 도착하지 않으면 jam을 True로 돌려주세요(watch_transit). "
            "JAM 스텝에서는 적색등을 켭니다 (3단계).",
            f"The infeed jammed at {jam_s:.1f} s and no part reached inspection, but the red lamp was not on within "
            f"{DETECT_LATEST_S:g} s. Count parts in on entry_eye's rising edge and out on inspect_eye's, and return "
            "jam = True when one in transit has not arrived for 6 s (watch_transit). JAM lights the red lamp (step 3).",
        )
    moving = [tag for tag in BELTS if output_at(report, tag, alarm + 0.05)]
    if moving:
        raise CheckFailed(
            f"{alarm:.2f}초에 걸림을 알렸지만 {', '.join(moving)}이(가) 계속 켜져 있습니다. JAM 스텝에서는 공급기와 "
            "두 컨베이어를 멈추세요 (3단계).",
            f"The jam was signalled at {alarm:.2f} s but {', '.join(moving)} stayed on. JAM stops the feeder and both "
            "belts (step 3).",
        )
    early = _switched_on(report, BELTS, alarm, reset_s)
    lamp_off = first_change(report, "lamp_red", False, alarm, reset_s - 0.01)
    if early is not None or lamp_off is not None:
        when = early[1] if early is not None else lamp_off
        raise CheckFailed(
            f"JAM 스텝이 리셋({reset_s:.1f}초) 전인 {when:.2f}초에 끝났습니다. JAM은 작업자가 걸림을 치우고 리셋을 "
            "누를 때까지 라인을 세우고 적색등을 켜 둡니다. 걸림 신호가 꺼졌다고 스스로 나가면 안 됩니다 (1·3단계).",
            f"The JAM step ended at {when:.2f} s, before reset ({reset_s:.1f} s). JAM holds the line stopped with the "
            "red lamp on until the operator clears the jam and presses reset (steps 1 and 3).",
        )
    if output_at(report, "lamp_red", reset_s + 1.0):
        raise CheckFailed(
            f"걸림을 치우고 {reset_s:.1f}초에 리셋을 눌렀는데 적색등이 꺼지지 않았습니다. 리셋으로 JAM → IDLE로 "
            "가세요 (1·3단계).",
            f"The jam was cleared and reset pressed at {reset_s:.1f} s, but the red lamp stayed on. Reset takes JAM "
            "to IDLE (steps 1 and 3).",
        )
    _expect_restarted(report, start_s, feeding_s, stopped, "3단계", "step 3")
    return "ok"


def _grade_estop(line: Any, seed: int, estop_after_s: float) -> str:
    run = OperatorRun(line, seed=seed)
    if not run.wait_for(lambda s: _running(s) and _pushers_quiet(s), after_s=estop_after_s, within_s=60.0):
        _fail_not_running(run.report(), estop_after_s)
    estop_s = run.now_s
    plant = run.plant
    stopped = tuple(item.id for item in line_view(plant.snapshot()).items)
    plant.press("estop")
    plant.press("reset", hold_s=START_HOLD_S, at_s=estop_s + ESTOP_RESET_EARLY_S)
    plant.press("start", hold_s=START_HOLD_S, at_s=estop_s + ESTOP_START_EARLY_S)
    plant.press("reset", hold_s=START_HOLD_S, at_s=estop_s + ESTOP_RESET_S)
    start_s = estop_s + ESTOP_START_S
    plant.press("start", hold_s=START_HOLD_S, at_s=start_s)
    run.run_until(estop_s + ESTOP_RELEASE_S)
    plant.release_estop()
    run.run_until(start_s)
    feeding_s = run.run_feeding(start_s + AFTER_RESTART_S)
    report = run.report()
    expect_plc_running(report, "SortingLine", "SortingLine")

    moving = [tag for tag in (*BELTS, *PUSHERS) if output_at(report, tag, estop_s + 0.05)]
    if moving:
        raise CheckFailed(
            f"{estop_s:.2f}초에 비상정지를 눌렀는데 {', '.join(moving)}이(가) 꺼지지 않았습니다. 비상정지는 어느 "
            "스텝에서나 ESTOP으로 가고, ESTOP에서는 공급기·컨베이어·푸셔를 같은 스캔에서 모두 끕니다 (1·3단계).",
            f"The e-stop was pressed at {estop_s:.2f} s but {', '.join(moving)} stayed on. The e-stop goes to ESTOP "
            "from every step, and ESTOP switches feeder, belts and pushers off in the same scan (steps 1 and 3).",
        )
    if not output_at(report, "lamp_red", estop_s + 0.05):
        raise CheckFailed(
            f"{estop_s:.2f}초에 비상정지를 눌렀는데 적색등(lamp_red)이 켜지지 않았습니다. ESTOP 스텝에서 적색등을 "
            "켜세요 (3단계).",
            f"The e-stop was pressed at {estop_s:.2f} s but the red lamp did not come on. ESTOP lights it (step 3).",
        )
    reset_s = estop_s + ESTOP_RESET_S
    left = first_change(report, "lamp_red", False, estop_s + 0.05, reset_s - 0.01)
    if left is not None:
        release_s = estop_s + ESTOP_RELEASE_S
        if left < release_s:
            why = (
                f"비상정지가 아직 눌려 있는데 {left:.2f}초에 ESTOP을 벗어났습니다"
                f" ({estop_s + ESTOP_RESET_EARLY_S:.1f}초에 리셋을 눌렀습니다). 비상정지 조건을 리셋보다 먼저 보세요"
            )
            why_en = (
                f"ESTOP was left at {left:.2f} s with the e-stop still pressed (reset was pressed at "
                f"{estop_s + ESTOP_RESET_EARLY_S:.1f} s). Test the e-stop before reset"
            )
        else:
            why = (
                f"{release_s:.1f}초에 비상정지를 풀자 리셋 없이 {left:.2f}초에 ESTOP을 벗어났습니다. ESTOP은 "
                "비상정지가 풀린 상태에서 리셋을 눌러야 IDLE로 갑니다"
            )
            why_en = (
                f"The e-stop was released at {release_s:.1f} s and ESTOP was left at {left:.2f} s without reset. "
                "ESTOP goes to IDLE only on reset with the e-stop released"
            )
        raise CheckFailed(f"{why} (1·3단계).", f"{why_en} (steps 1 and 3).")
    early = _switched_on(report, (*BELTS, *PUSHERS), estop_s, start_s)
    if early is not None:
        tag, when = early
        raise CheckFailed(
            f"비상정지 뒤 {when:.2f}초에 {tag}이(가) 켜졌습니다(시작 버튼은 {estop_s + ESTOP_START_EARLY_S:.1f}초, "
            f"리셋은 {reset_s:.1f}초). 비상정지 뒤에는 해제 → 리셋 → 시작 순서로만 다시 움직입니다 (1·3단계).",
            f"After the e-stop {tag} switched on at {when:.2f} s (start was pressed at "
            f"{estop_s + ESTOP_START_EARLY_S:.1f} s, reset at {reset_s:.1f} s). After an e-stop the line moves again "
            "only after release → reset → start (steps 1 and 3).",
        )
    if output_at(report, "lamp_red", reset_s + 1.0):
        raise CheckFailed(
            f"비상정지를 풀고 {reset_s:.1f}초에 리셋을 눌렀는데 적색등이 꺼지지 않았습니다. 리셋으로 ESTOP → IDLE로 "
            "가세요 (1·3단계).",
            f"The e-stop was released and reset pressed at {reset_s:.1f} s, but the red lamp stayed on. Reset takes "
            "ESTOP to IDLE (steps 1 and 3).",
        )
    too_soon = _switched_on(report, BELTS, start_s, start_s + WARNING_S - 0.5)
    warned = output_at(report, "buzzer", start_s + 1.5) or output_at(report, "lamp_yellow", start_s + 1.5)
    if too_soon is not None or not warned:
        raise CheckFailed(
            f"{start_s:.1f}초에 시작을 누른 뒤 START 스텝에서 {WARNING_S:g}초 동안 기동 경보(부저 또는 황색등)를 "
            "주고, 그동안 컨베이어는 세워 두세요. 사람이 라인에서 물러날 시간입니다 (3단계).",
            f"After start at {start_s:.1f} s, START must warn for {WARNING_S:g} s (buzzer or yellow lamp) with the "
            "belts still stopped, so people can step back (step 3).",
        )
    _expect_restarted(report, start_s, feeding_s, stopped, "3단계", "step 3")
    return "ok"
