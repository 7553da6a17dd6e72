"""Checks for lab L03 — actuators, self-holding and interlocks (액추에이터와 자기유지·인터록).

Rubric (one nbgrader grade cell per criterion):

=================  ======  ==========================================================
criterion          points  the student's program must …
=================  ======  ==========================================================
l03_self_hold      3       ``StartStop``: start runs the line and keeps it running after
                           the button is let go (자기유지); stop switches it off
l03_stop_priority  2       ``StartStop``: stop pressed together with start wins (정지 우선)
l03_interlock      3       ``ReversingConveyor``: forward and reverse latch, exclude each
                           other (인터록) and change direction only through stop
l03_estop          2       ``SafeConveyor``: the e-stop switches everything off and lights
                           the red lamp, and nothing restarts when it is released
=================  ======  ==========================================================

The grader presses the panel buttons of a plant it builds itself on a timetable (a
*scenario*) and runs a model of the right circuit beside the student's program, scan by
scan: the first scan where a graded output differs fails the check, with the time, the
buttons held and a hint. Visible tests use one timetable; hidden tests shift the times,
hold buttons longer and press the e-stop in other states, so a timed answer fails.
The scenarios never let go of the stop or the e-stop while start (or reverse) is still
held, and never press start and reverse together, so a start on the rising edge and a
start on the level both pass, whichever latch the program computes first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from grading.checks import CheckFailed
from grading.isolation import run_isolated
from grading.labs.l03_models import (  # the right circuits and the timetables (notebooks use the timetables)
    CONTROL_EN,
    CONTROL_KO,
    MODELS,
    PRESS_S,
    SCENE,
    Event,
    Panel,
    estop_events,
    interlock_events,
    self_hold_events,
    stop_priority_events,
)

__all__ = [
    "SCENE",
    "check_estop",
    "check_interlock",
    "check_self_hold",
    "check_stop_priority",
    "estop_events",
    "interlock_events",
    "self_hold_events",
    "stop_priority_events",
]


# ---------------------------------------------------------------- called by the test cells
def check_self_hold(
    program: Any, *, seed: int, start_at_s: float = 1.0, stop_at_s: float = 6.0, start_hold_s: float = PRESS_S
) -> None:
    """``program`` latches on start and drops out on stop (step 1).

    Raises:
        CheckFailed: at the first scan where an output is wrong.
    """
    events = self_hold_events(start_at_s, stop_at_s, start_hold_s)
    run_isolated(f"{__name__}:_grade", program, "StartStopModel", seed, events)


def check_stop_priority(program: Any, *, seed: int, together_at_s: float = 4.0, lead_s: float = 0.0) -> None:
    """``program`` stays off while stop and start are pressed together (step 1).

    Raises:
        CheckFailed: at the first scan where an output is wrong.
    """
    events = stop_priority_events(together_at_s, lead_s)
    run_isolated(f"{__name__}:_grade", program, "StartStopModel", seed, events)


def check_interlock(program: Any, *, seed: int, first: str = "start", change_at_s: float = 4.0) -> None:
    """``program`` runs forward or reverse on the latch, never both, and reverses only through stop (step 2).

    Raises:
        CheckFailed: at the first scan where an output is wrong.
    """
    events = interlock_events(first, change_at_s)
    run_isolated(f"{__name__}:_grade", program, "ReversingModel", seed, events)


def check_estop(program: Any, *, seed: int, estop_at_s: float = 4.0, second_estop_s: float = 13.0) -> None:
    """``program`` stops everything on the e-stop, lights the red lamp and does not restart by itself (step 3).

    Raises:
        CheckFailed: at the first scan where an output is wrong.
    """
    events = estop_events(estop_at_s, second_estop_s)
    run_isolated(f"{__name__}:_grade", program, "SafeModel", seed, events)


# ---------------------------------------------------------------- run in the isolated child
@dataclass
class Mismatch:
    """The first scan where the program and the model disagree."""

    time_s: float
    panel: Panel
    tag: str
    expected: bool
    got: bool
    #: Every graded output as the model has it, and as the program set it, in this scan.
    expected_all: dict[str, bool]
    got_all: dict[str, bool]
    #: The model's outputs one scan earlier.
    expected_before: dict[str, bool]
    #: True when the e-stop was released and no start or reverse was pressed since.
    after_estop_release: bool


class _Recorder:
    """The plant's program: the student's scan (through the tracer), then the model, compared."""

    def __init__(self, tracer: Any, model: Any) -> None:
        self.tracer = tracer
        self.model = model
        self.plant: Any = None
        self.mismatch: Mismatch | None = None
        self._expected_before: dict[str, bool] = dict.fromkeys(model.outputs, False)
        self._estop_was_on = False
        self._after_release = False

    def scan(self, io: Any) -> None:
        """One PLC scan: the buttons as the student sees them, the student's scan, the model's, compared."""
        panel = Panel.read(io)
        self.tracer.scan(io)
        if self._estop_was_on and not panel.estop:
            self._after_release = True
        if panel.start or panel.reverse:
            self._after_release = False
        self._estop_was_on = panel.estop
        before, expected = self._expected_before, self.model.scan(panel)
        self._expected_before = expected
        if self.mismatch is not None:
            return
        got = {tag: bool(getattr(io, tag)) for tag in expected}
        for tag, want in expected.items():
            if got[tag] != want:
                time_s = round(self.plant.now_s, 2)
                self.mismatch = Mismatch(time_s, panel, tag, want, got[tag], expected, got, before, self._after_release)
                return


def _grade(program: Any, model_name: str, seed: int, events: Sequence[Event]) -> str:
    """Run ``program`` and the model ``model_name`` on the timetable ``events``; "ok" or CheckFailed."""
    from grading.runner import ProgramRun

    model = MODELS[model_name]()
    # The plant runs the student's scan (through the tracer), then the model's, and compares them.
    run = ProgramRun(program, SCENE, seed=seed, start=False, wrap=lambda tracer: _Recorder(tracer, model))
    recorder, plant = cast(_Recorder, run.program), run.plant
    recorder.plant = plant
    releases = []
    for at_s, control, hold_s in events:
        if control == "release_estop":
            releases.append(at_s)
        else:
            run.press(control, hold_s=hold_s, at_s=at_s)
    run.run_until(max(at for at, _, _ in events) + 2.0, estop_released_at=releases)
    name = getattr(program, "__name__", type(program).__name__)
    fault = plant.plc.fault
    if fault is not None:
        raise CheckFailed(
            f"{name} 실행 중 PLC가 멈췄습니다. {fault.ko} ({model.step}단계)",
            f"The PLC stopped while running {name}. {fault.en} (step {model.step})",
        )
    if recorder.mismatch is not None:
        raise _explain(recorder.mismatch, model, events)
    if plant.kpis().interlock_violations:
        raise CheckFailed(
            "정회전과 역회전 출력이 함께 켜진 적이 있습니다(인터록 위반). 2단계를 보세요.",
            "Forward and reverse were on together (interlock violation). See step 2.",
        )
    return "ok"


def _timeline(events: Sequence[Event], until_s: float, lang: str) -> str:
    """The last five button events up to ``until_s``, in ``lang``."""
    names = CONTROL_KO if lang == "ko" else CONTROL_EN
    shown = [f"{at:g}s {names[control]}" for at, control, _ in sorted(events) if at <= until_s + 1e-9]
    return " → ".join(shown[-5:]) or ("(아직 버튼을 누르지 않음)" if lang == "ko" else "(no button yet)")


def _explain(m: Mismatch, model: Any, events: Sequence[Event]) -> CheckFailed:
    """The failure message: what was wrong when, then a hint for the likely mistake."""
    hint_ko, hint_en = _hint(m)
    on_off_ko = {True: "켜짐(1)", False: "꺼짐(0)"}
    on_off_en = {True: "on", False: "off"}
    step = model.step
    return CheckFailed(
        f"{m.time_s:.2f}초 ({m.panel.ko()}): {m.tag} 출력이 {on_off_ko[m.got]}인데 {on_off_ko[m.expected]}이어야 "
        f"합니다. {hint_ko} ({step}단계) [버튼 순서: {_timeline(events, m.time_s, 'ko')}]",
        f"{m.time_s:.2f} s ({m.panel.en()}): {m.tag} is {on_off_en[m.got]} but must be {on_off_en[m.expected]}. "
        f"{hint_en} (step {step}) [buttons: {_timeline(events, m.time_s, 'en')}]",
    )


#: The forward/reverse pair: each direction's opposite.
_OPPOSITE = {"sorter_forward": "sorter_reverse", "sorter_reverse": "sorter_forward"}
#: Outputs that run only with the forward direction (the feeder and the infeed belt).
_FEEDING = ("feeder_on", "infeed_motor")


def _hint(m: Mismatch) -> tuple[str, str]:
    """(Korean, English) hint for the likeliest mistake behind ``m``, checked from the most specific."""
    tag, panel = m.tag, m.panel
    other = _OPPOSITE.get(tag)
    if tag == "lamp_red":
        return (
            "적색등 lamp_red는 비상정지가 눌려 있는 동안(estop_ok가 0)에만 켜고, 해제하면 끕니다: "
            "io.lamp_red = not io.estop_ok.",
            "The red lamp is on exactly while the e-stop is pressed (estop_ok reads 0): io.lamp_red = not io.estop_ok.",
        )
    if m.got and panel.estop:
        return (
            "비상정지가 모든 것을 이겨야 합니다. estop_ok(b접점)가 0이면 다른 조건과 상관없이 같은 스캔에서 모든 "
            "구동 출력을 끄고, 자기유지도 끊으세요.",
            "The e-stop wins over everything: when estop_ok (NC) reads 0 switch every motion output off "
            "in the same scan and drop the latches.",
        )
    if m.got and m.after_estop_release:
        return (
            "비상정지를 해제했을 뿐인데 다시 움직였습니다. 해제한 뒤에는 작업자가 시작 버튼을 다시 눌러야만 "
            "움직여야 합니다(재기동 방지). 출력만 막지 말고, estop_ok를 자기유지 식 안에 넣어 기억(자기유지) 자체를 "
            "끊으세요.",
            "The line restarted by itself after the e-stop was released; it must wait for a new start. "
            "Do not just block the outputs: put estop_ok inside the latch so the latch itself drops.",
        )
    if m.got and panel.stop and (panel.start or panel.reverse):
        return (
            "정지 버튼과 시작 버튼이 함께 눌렸을 때는 정지가 이겨야 합니다(정지 우선). 자기유지 식 전체에 정지 "
            "조건을 and로 거세요: self.run = (io.start_button or self.run) and io.stop_button. if 문으로 쓴다면 "
            "정지(끄기)를 시작(켜기)보다 뒤에 두세요 — 나중에 쓴 값이 이깁니다.",
            "With stop and start pressed together, stop must win: "
            "self.run = (io.start_button or self.run) and io.stop_button (with if statements, put the reset last).",
        )
    if m.got and panel.stop:
        return (
            "정지 버튼은 b접점이라 누르면 stop_button이 0이 됩니다. stop_button이 0이면 자기유지를 끊으세요 "
            "(... and io.stop_button).",
            "The stop button is NC: stop_button reads 0 while pressed. Break the latch with '... and io.stop_button'.",
        )
    if other and m.got and m.expected_all[other]:
        return (
            f"{other} 출력이 켜져 있는데 {tag} 출력도 켜졌습니다 — 인터록이 없습니다. {tag}의 자기유지 식에 "
            f"'and not {other}'(상대 코일의 b접점)를 넣으세요. 방향은 정지 버튼을 누른 뒤에만 바꿉니다.",
            f"{tag} came on while {other} runs: no interlock. Add 'and not {other}' (the other coil's NC contact) "
            "to its latch; the direction changes only after stop.",
        )
    if m.expected and not m.got and other and (panel.reverse if tag == "sorter_forward" else panel.start):
        return (
            f"반대 방향 버튼을 눌렀더니 {tag} 출력이 꺼졌습니다. 인터록 회로에서는 돌고 있는 방향이 그대로 "
            "유지되고, 반대 방향 버튼은 무시됩니다. 방향은 정지 버튼을 누른 뒤에만 바꿉니다.",
            f"Pressing the other direction switched {tag} off; it must keep running and ignore that button until stop.",
        )
    if tag in _FEEDING and m.got and m.got_all.get("sorter_reverse"):
        return (
            "역회전 중에는 공급기(feeder_on)와 투입 컨베이어(infeed_motor)를 끕니다. 부품을 거꾸로 도는 벨트에 "
            "더 보내면 안 됩니다. 이 둘은 정회전 코일과 함께만 켜세요.",
            "While reversing, the feeder and the infeed belt stay off: switch them with the forward coil only.",
        )
    if tag in _FEEDING and not m.got and m.got_all.get("sorter_forward"):
        return (
            f"분류 컨베이어는 도는데 {tag} 출력이 꺼져 있습니다. 표대로 공급기·투입 컨베이어·분류 컨베이어를 "
            "같은 운전 코일로 함께 켜세요.",
            f"The sorting belt runs but {tag} is off: drive the feeder and both belts from the same run coil.",
        )
    if not m.got and m.expected_before[tag] and (panel.start or panel.reverse):
        return (
            f"돌고 있을 때 버튼을 다시 눌렀더니 {tag} 출력이 꺼졌습니다. 시작 버튼은 켜기만 합니다 — 누를 때마다 "
            "켜졌다 꺼졌다 하는 토글이 아닙니다. 끄는 것은 정지 버튼뿐입니다.",
            f"Pressing the button again while running switched {tag} off. Start only switches on (not a toggle); "
            "only stop switches off.",
        )
    if not m.got and (panel.start or panel.reverse):
        return (
            f"버튼을 눌렀는데 {tag} 출력이 켜지지 않았습니다. 켜는 조건(시작은 start_button, 역회전은 "
            "reset_button)을 확인하세요.",
            f"A button was pressed but {tag} did not switch on. Check the condition that sets it "
            "(start_button forward, reset_button reverse).",
        )
    if not m.got:
        button = "io.reset_button" if tag == "sorter_reverse" else "io.start_button"
        return (
            f"버튼에서 손을 떼자 {tag} 출력이 꺼졌습니다 — 자기유지가 안 됩니다. 코일 자신의 a접점(self에 기억한 "
            f"값)을 버튼과 병렬(or)로 넣으세요: self.run = ({button} or self.run) and io.stop_button.",
            f"{tag} went off when the button was let go: no self-holding. "
            f"self.run = ({button} or self.run) and io.stop_button.",
        )
    return (
        f"지금은 {tag} 출력을 켤 조건이 아닙니다. 이 단계의 표를 다시 보세요.",
        f"Nothing asks for {tag} to be on now. Read the step's table again.",
    )
