"""Checks for lab L04 — timers and counters (타이머와 카운터: TON·TOF·TP, CTU·CTD).

Rubric (one nbgrader grade cell per criterion):

============  ======  ============================================================
criterion     points  the student's program must …
============  ======  ============================================================
l04_timers    2       ``TimerLamps`` drive three lamps from one input exactly as
                      TON (0.2 s), TOF (1.0 s) and TP (0.5 s) do, scan by scan
l04_stroke    3       ``MetalPusher`` push every metal part into the metal bin and no
                      plastic one, also when the cylinder is slow (hold the solenoid
                      until the extended limit switch, not for a fixed time)
l04_watchdog  2       ``MetalPusher`` light the red lamp and release the solenoid when
                      a stroke takes longer than 1 s (jammed cylinder), without false
                      alarms on a slow but working cylinder
l04_batch     3       ``BoxCounter`` put exactly D0 parts in each box: count with a
                      debounced eye, stop the line when the box is full (sorting belt
                      running on 1 s with TOF), yellow lamp on, restart on reset
============  ======  ============================================================

Visible tests use one seed and an easy case; hidden tests use other seeds, input patterns,
batch sizes and faults (a slower cylinder, a jammed one, a bouncing exit eye).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from grading.checks import CheckFailed, describe_error, expect_no_violations, expect_parts_made, expect_plc_running
from grading.isolation import run_isolated
from grading.presets import WithPresets
from grading.runner import ProgramRun, RunReport

#: The lab's scene.
SCENE = "sorting-line-v1"
#: Scan period of the timing-chart test, in seconds (the scene's 10 ms).
SCAN_S = 0.01
#: Preset times of step 1, in seconds: TON → lamp_green, TOF → lamp_yellow, TP → lamp_red.
TON_PT_S, TOF_PT_S, TP_PT_S = 0.2, 1.0, 0.5
#: The input of step 1 and the lamps it drives, with the timer each lamp must behave like.
TIMER_INPUT = "entry_eye"
TIMER_LAMPS = (("lamp_green", "TON", TON_PT_S), ("lamp_yellow", "TOF", TOF_PT_S), ("lamp_red", "TP", TP_PT_S))
#: Visible timing chart: (input value, seconds) pieces.
VISIBLE_PATTERN = ((False, 0.3), (True, 0.1), (False, 0.6), (True, 0.8), (False, 1.5))
#: Longest normal stroke the watchdog must tolerate, and the latest alarm allowed, in seconds after the solenoid.
ALARM_LATEST_S = 1.5
#: The register holding the batch size (set by the "HMI", here the grader) in step 3.
BATCH_REGISTER = "D0"
#: When the operator empties the box (presses reset) in the batch check, in seconds.
BOX_CHANGES_S = (90.0, 170.0)

_STEP_OF_TIMER = {
    "TON": "TON(온딜레이): 입력이 PT초 동안 계속 켜져 있어야 켜지고, 입력이 꺼지면 바로 꺼집니다",
    "TOF": "TOF(오프딜레이): 입력이 켜지면 바로 켜지고, 입력이 꺼진 뒤 PT초가 지나야 꺼집니다",
    "TP": "TP(펄스): 입력의 상승 에지에서 정확히 PT초 동안 켜집니다. 입력이 먼저 꺼져도, 더 오래 켜져 있어도 같습니다",
}
_STEP_OF_TIMER_EN = {
    "TON": "TON (on-delay): on after the input has been on for PT s without a break, off as soon as the input is off",
    "TOF": "TOF (off-delay): on as soon as the input is on, off PT s after the input went off",
    "TP": "TP (pulse): on for exactly PT s from a rising edge of the input, however long the input stays on",
}


# ---------------------------------------------------------------- called by the test cells
def check_timers(program: Any, *, pattern_seed: int | None = None) -> None:
    """``program`` drives lamp_green/yellow/red like TON/TOF/TP of ``entry_eye``, scan by scan.

    Args:
        program: the student's class (or function) with ``scan(io)``.
        pattern_seed: None for the visible timing chart; a number for a random one.

    Raises:
        CheckFailed: at the first scan where a lamp differs from its timer.
    """
    run_isolated(f"{__name__}:_grade_timers", program, pattern_seed)


def check_stroke(program: Any, *, seed: int, minutes: float = 3.0, faults: str = "") -> None:
    """``program`` pushes every metal part, and only metal parts, into the metal bin.

    Raises:
        CheckFailed: with the first part that went wrong, or the first broken rule.
    """
    run_isolated(f"{__name__}:_grade_stroke", program, seed, minutes, faults)


def check_watchdog(program: Any, *, seed: int, jam_at_s: float = 60.0, slow_severity: float = 2.0) -> None:
    """``program`` raises the stroke alarm on a jammed cylinder and not on a slow one.

    Args:
        program: the student's pusher program.
        seed: plant seed.
        jam_at_s: when the cylinder jams in the first run.
        slow_severity: how much slower the cylinder is in the second run (2.0: three times as slow).

    Raises:
        CheckFailed: when the alarm is late, missing, false, or the solenoid stays on.
    """
    run_isolated(f"{__name__}:_grade_watchdog", program, seed, jam_at_s, slow_severity)


def check_batch(program: Any, *, seed: int, batch: int = 6, minutes: float = 4.0, faults: str = "") -> None:
    """``program`` fills each box with exactly ``batch`` parts (``io.D0``) and waits for reset.

    The operator (the grader) empties the box by pressing reset at :data:`BOX_CHANGES_S`.

    Raises:
        CheckFailed: when a box holds the wrong number of parts or the lamp is wrong.
    """
    run_isolated(f"{__name__}:_grade_batch", program, seed, batch, minutes, faults)


# ---------------------------------------------------------------- a run with an operator
@dataclass(frozen=True)
class Press:
    """The simulated operator presses ``control`` at ``at_s`` for ``hold_s`` seconds.

    ``"release_estop"`` twists the e-stop out at ``at_s``.
    """

    control: str
    at_s: float
    hold_s: float = 0.3


def run_scripted(
    program: Any,
    *,
    seed: int,
    minutes: float,
    faults: str = "",
    presses: Iterable[Press] = (),
    registers: Mapping[str, int] | None = None,
    start: bool = True,
) -> RunReport:
    """Like :func:`grading.runner.run_program`, with more button presses and preset registers.

    Args:
        program: the student's program.
        seed: plant seed.
        minutes: simulated minutes to run.
        faults: faults in the compact form (``"slow:pusher_metal_out*2"``).
        presses: what the operator does, in any order.
        registers: data registers the "HMI" writes before every scan (e.g. ``{"D0": 6}``).
        start: press start at :data:`~grading.runner.START_AT_S`, as ``run_program`` does.
    """
    from simulator.plant import read_faults
    from simulator.plc.program import as_scan_function
    from simulator.scenes import get_scene

    tags = {tag.name: tag for tag in get_scene(SCENE).tags}
    if registers:  # the HMI writes its set points, then the student's scan runs
        program = WithPresets(as_scan_function(program), set=dict(registers))
    run = ProgramRun(program, SCENE, seed=seed, faults=read_faults(faults, tags) if faults else (), start=start)
    releases = []
    for press in presses:
        if press.control == "release_estop":
            releases.append(press.at_s)
        else:
            run.press(press.control, hold_s=press.hold_s, at_s=press.at_s)
    run.run_until(60.0 * minutes, estop_released_at=releases)
    return run.report(minutes)


def output_at(report: RunReport, tag: str, time_s: float) -> bool:
    """The value output ``tag`` had at the end of the last scan at or before ``time_s`` (False at first)."""
    value = False
    for change in report.changes:
        if change.time_s > time_s + 1e-9:
            break
        if change.tag == tag:
            value = change.value
    return value


def first_change(
    report: RunReport, tag: str, value: bool, after_s: float, before_s: float = float("inf")
) -> float | None:
    """When ``tag`` first switched to ``value`` within [after_s, before_s], or None."""
    for change in report.changes:
        if change.tag == tag and change.value == value and after_s - 1e-9 <= change.time_s <= before_s:
            return change.time_s
    return None


# ---------------------------------------------------------------- run in the isolated child
def _pattern(pattern_seed: int | None) -> list[bool]:
    """The input, one value per scan."""
    if pattern_seed is None:
        pieces = list(VISIBLE_PATTERN)
    else:
        rng = random.Random(pattern_seed)
        pieces = [(False, 0.2)]
        for _ in range(14):  # short blips, medium pulses and long ones, with gaps of every size
            pieces.append((True, rng.choice((0.03, 0.1, 0.15, 0.25, 0.4, 0.6, 1.2))))
            pieces.append((False, rng.choice((0.05, 0.2, 0.3, 0.7, 1.1, 1.6))))
    values: list[bool] = []
    for value, seconds in pieces:
        values += [value] * round(seconds / SCAN_S)
    return values


def _grade_timers(program: Any, pattern_seed: int | None) -> str:
    from simulator.plc import TOF, TON, TP
    from simulator.plc.clock import ScanClock, using_clock
    from simulator.plc.image import ProcessImage
    from simulator.plc.program import as_scan_function
    from simulator.scenes import get_scene

    io = ProcessImage(get_scene(SCENE).tags).io
    clock = ScanClock()
    blocks: dict[str, TON | TOF | TP] = {"TON": TON(PT=TON_PT_S), "TOF": TOF(PT=TOF_PT_S), "TP": TP(PT=TP_PT_S)}
    with using_clock(clock):
        try:
            scan = as_scan_function(program)
        except Exception as error:  # noqa: BLE001 - the student's bug, reported as a failed check
            ko, en = describe_error(error)
            raise CheckFailed(f"TimerLamps를 만들 수 없습니다 — {ko}", f"Could not create TimerLamps — {en}") from None
        on_since = off_since = 0.0
        previous = False
        for index, value in enumerate(_pattern(pattern_seed)):
            now = round(index * SCAN_S, 6)
            clock.now_s = now
            if value != previous:
                on_since, off_since = (now, off_since) if value else (on_since, now)
                previous = value
            setattr(io, TIMER_INPUT, value)
            try:
                scan(io)
            except Exception as error:  # noqa: BLE001
                ko, en = describe_error(error)
                raise CheckFailed(
                    f"{now:.2f}초 스캔에서 TimerLamps가 오류를 냈습니다 — {ko}",
                    f"TimerLamps raised an error in the scan at {now:.2f} s — {en}",
                ) from None
            expected = {name: blocks[kind](IN=value) for name, kind, _ in TIMER_LAMPS}
            for name, kind, pt in TIMER_LAMPS:
                got = bool(getattr(io, name))
                if got != expected[name]:
                    since = f"켜진 지 {now - on_since:.2f}초" if value else f"꺼진 지 {now - off_since:.2f}초"
                    since_en = f"on for {now - on_since:.2f} s" if value else f"off for {now - off_since:.2f} s"
                    raise CheckFailed(
                        f"{now:.2f}초: {TIMER_INPUT}={int(value)} ({since})일 때 {name}가 {int(got)}입니다. "
                        f"{int(expected[name])}이어야 합니다. {name}는 {kind}(PT={pt:g}초)처럼 움직여야 합니다 — "
                        f"{_STEP_OF_TIMER[kind]} (1단계).",
                        f"{now:.2f} s: with {TIMER_INPUT}={int(value)} ({since_en}) {name} is {int(got)}; it must be "
                        f"{int(expected[name])}. {name} must behave like {kind} (PT={pt:g} s) — "
                        f"{_STEP_OF_TIMER_EN[kind]} (step 1).",
                    )
    return "ok"


def _grade_stroke(program: Any, seed: int, minutes: float, faults: str) -> str:
    report = run_scripted(program, seed=seed, minutes=minutes, faults=faults)
    expect_plc_running(report, "MetalPusher", "MetalPusher")
    expect_parts_made(report, minimum=5)
    metal = [r for r in report.records if r.material == "metal"]
    missed = [r for r in metal if r.bin != "bin_metal"]
    wrong = [r for r in report.records if r.material != "metal" and r.bin == "bin_metal"]
    where = f" (고장: {faults})" if faults else ""
    where_en = f" (faults: {faults})" if faults else ""
    if missed:
        first = missed[0]
        if "pusher_metal:dropped" in first.route:
            why = (
                "푸셔가 끝까지 나가기 전에 솔레노이드를 꺼서 부품을 컨베이어에 떨어뜨렸습니다. 실린더가 느려지면 "
                "정해진 시간으로는 모자랍니다: "
                "전진단 리밋 스위치(pusher_metal_front)가 켜질 때까지 솔레노이드를 유지하세요"
            )
            why_en = (
                "the solenoid went off before the cylinder reached its end, so the part fell back on the belt. A slow "
                "cylinder needs longer than a fixed time: hold the solenoid until pusher_metal_front is made"
            )
        else:
            why = (
                "푸셔가 이 부품을 밀지 않았습니다. 검사 위치에서 금속을 기억했다가 metal_eye의 상승 에지에서 "
                "pusher_metal_out을 켜세요"
            )
            why_en = "the pusher did not push it. Remember metal at inspection and fire on the rising edge of metal_eye"
        raise CheckFailed(
            f"금속 부품 {len(metal)}개 중 {len(missed)}개가 금속 상자에 들어가지 않았습니다{where}. "
            f"처음 것은 {first.finished_s:.1f}초에 {first.bin}에 들어갔습니다: {why} (2단계).",
            f"{len(missed)} of {len(metal)} metal parts missed the metal bin{where_en}. The first reached "
            f"{first.bin} at {first.finished_s:.1f} s: {why_en} (step 2).",
        )
    if wrong:
        raise CheckFailed(
            f"금속이 아닌 부품 {len(wrong)}개가 금속 상자에 들어갔습니다 (처음: {wrong[0].finished_s:.1f}초). "
            "검사 위치를 지난 부품이 금속일 때만 밀고, 한 번 민 뒤에는 기억을 지우세요 (2단계).",
            f"{len(wrong)} non-metal part(s) reached the metal bin (first at {wrong[0].finished_s:.1f} s). "
            "Fire only for a part inspected as metal, and clear the memory after the push (step 2).",
        )
    expect_no_violations(report)
    return "ok"


def _grade_watchdog(program: Any, seed: int, jam_at_s: float, slow_severity: float) -> str:
    jammed = run_scripted(
        program, seed=seed, minutes=(jam_at_s + 60.0) / 60.0, faults=f"jam:pusher_metal_out@{jam_at_s:g}"
    )
    expect_plc_running(jammed, "MetalPusher", "MetalPusher")
    early = first_change(jammed, "lamp_red", True, 0.0, jam_at_s)
    if early is not None:
        raise CheckFailed(
            f"실린더가 정상인데 {early:.2f}초에 적색등(lamp_red)을 켰습니다. 감시 타이머는 솔레노이드가 켜져 있고 "
            "전진단이 아직 안 켜진 동안만 시간을 재고, PT는 1.0초로 하세요 (3단계).",
            f"The red lamp came on at {early:.2f} s while the cylinder was fine. Time only while the solenoid is on "
            "and the extended switch is not made, with PT = 1.0 s (step 3).",
        )
    fired = first_change(jammed, "pusher_metal_out", True, jam_at_s)
    if fired is None:
        raise CheckFailed(
            f"{jam_at_s:g}초에 실린더가 고착된 뒤 금속 부품이 왔는데 pusher_metal_out을 켜지 않았습니다 "
            "(2단계를 먼저 완성하세요).",
            f"After the cylinder jammed at {jam_at_s:g} s a metal part came but pusher_metal_out never went on "
            "(finish step 2 first).",
        )
    alarm = first_change(jammed, "lamp_red", True, fired, fired + ALARM_LATEST_S)
    if alarm is None:
        raise CheckFailed(
            f"{fired:.2f}초에 솔레노이드를 켰지만 고착된 실린더가 나가지 않았는데 {ALARM_LATEST_S:g}초 안에 "
            "적색등(lamp_red)이 켜지지 않았습니다. TON(PT=1.0)으로 '솔레노이드 켜짐 AND 전진단 꺼짐'이 1초 넘게 "
            "계속되면 경보를 켜세요 (3단계).",
            f"The solenoid went on at {fired:.2f} s, the jammed cylinder never got out, and the red lamp did not come "
            f"on within {ALARM_LATEST_S:g} s. Use TON(PT=1.0) on 'solenoid on AND extended switch off' (step 3).",
        )
    if output_at(jammed, "pusher_metal_out", fired + ALARM_LATEST_S):
        raise CheckFailed(
            f"{alarm:.2f}초에 경보를 켰지만 솔레노이드(pusher_metal_out)는 계속 켜 두었습니다. 동작 이상이면 "
            "솔레노이드를 끄세요: 코일이 타고, 고장이 풀리는 순간 실린더가 튀어나옵니다 (3단계).",
            f"The alarm came on at {alarm:.2f} s but pusher_metal_out stayed on. Switch the solenoid off on a stroke "
            "fault (step 3).",
        )
    slow = run_scripted(program, seed=seed, minutes=1.5, faults=f"slow:pusher_metal_out*{slow_severity:g}")
    expect_plc_running(slow, "MetalPusher", "MetalPusher")
    false_alarm = first_change(slow, "lamp_red", True, 0.0)
    if false_alarm is not None:
        stroke_s = 0.2 * (1 + slow_severity)
        raise CheckFailed(
            f"실린더가 느리지만(한 번 나가는 데 {stroke_s:.1f}초) 정상인데 "
            f"{false_alarm:.2f}초에 적색등을 켰습니다 (오경보). "
            "감시 시간은 정상 동작 시간보다 넉넉하게, PT=1.0초로 하세요 (3단계).",
            f"The cylinder is slow ({stroke_s:.1f} s per stroke) but works, yet the red lamp came on at "
            f"{false_alarm:.2f} s (false alarm). Give the watchdog PT = 1.0 s (step 3).",
        )
    return "ok"


def _grade_batch(program: Any, seed: int, batch: int, minutes: float, faults: str) -> str:
    presses = [Press("reset", at_s) for at_s in BOX_CHANGES_S]
    report = run_scripted(
        program, seed=seed, minutes=minutes, faults=faults, presses=presses, registers={BATCH_REGISTER: batch}
    )
    expect_plc_running(report, "BoxCounter", "BoxCounter")
    bounds = [0.0, *BOX_CHANGES_S, 60.0 * minutes + 1.0]
    noise = " 떨리는 배출 센서(exit_eye)는 TON으로 디바운스하세요." if faults else ""
    noise_en = " Debounce the bouncing exit eye with TON." if faults else ""
    for box, (begin, end) in enumerate(zip(bounds, bounds[1:], strict=False), start=1):
        landed = sum(1 for r in report.records if r.bin == "bin_plastic" and begin <= r.finished_s < end)
        closed = end <= BOX_CHANGES_S[-1]
        if landed > batch:
            raise CheckFailed(
                f"{box}번째 상자({begin:g}~{min(end, 60 * minutes):g}초)에 부품이 {landed}개 들어갔습니다. "
                f"D0={batch}개가 차면 공급기와 투입 컨베이어를 바로 멈추고, 분류 컨베이어는 TOF로 1초만 더 돌려 "
                f"마지막 부품을 상자에 넣은 뒤 멈추세요. 리셋 전에 다시 돌리면 안 됩니다.{noise} (4단계)",
                f"Box {box} ({begin:g}-{min(end, 60 * minutes):g} s) got {landed} parts. When D0={batch} are in, stop "
                f"the feeder and infeed at once, run the sorting belt on for 1 s (TOF), then stop until reset."
                f"{noise_en}"
                " (step 4)",
            )
        if closed and landed < batch:
            raise CheckFailed(
                f"{box}번째 상자에 부품이 {landed}개만 들어갔는데 라인이 멈췄습니다 (D0={batch}). "
                "카운터가 한 부품을 두 번 "
                "세었거나(센서 떨림 → 디바운스), 마지막 부품이 떨어지기 전에 분류 컨베이어를 멈췄거나(TOF 런온), "
                f"D0 대신 다른 수를 썼는지 보세요.{noise} (4단계)",
                f"Box {box} got only {landed} parts before the line stopped (D0={batch}). A part counted twice "
                "(debounce), the sorting belt stopped before the last part fell (TOF run-on), or the preset is not "
                f"D0.{noise_en} (step 4)",
            )
        if closed and not output_at(report, "lamp_yellow", end - 0.1):
            raise CheckFailed(
                f"{box}번째 상자가 가득 찼는데({end - 0.1:g}초) 황색등(lamp_yellow)이 꺼져 있습니다. "
                "상자가 가득 찬 동안 "
                "(카운터의 Q) 황색등을 켜세요 (4단계).",
                f"Box {box} was full ({end - 0.1:g} s) but lamp_yellow was off. Keep it on while the counter's Q is on "
                "(step 4).",
            )
        if begin > 0 and output_at(report, "lamp_yellow", begin + 1.0):
            raise CheckFailed(
                f"{begin:g}초에 리셋(새 상자)을 눌렀는데 1초 뒤에도 황색등이 켜져 있습니다. 리셋 버튼으로 카운터를 "
                "0으로 되돌리세요 (CTU의 R, 4단계).",
                f"Reset (new box) was pressed at {begin:g} s but lamp_yellow was still on 1 s later. Reset the counter "
                "with reset_button (CTU's R, step 4).",
            )
    expect_no_violations(report)
    return "ok"
