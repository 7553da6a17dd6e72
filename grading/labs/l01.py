"""Checks for lab L01 — sensors on the sorting line (센서로 부품 읽기, 재질별 개수 세기, 디바운스).

Rubric (one nbgrader grade cell per criterion):

============  ======  ============================================================
criterion     points  the student's program must …
============  ======  ============================================================
l01_classify  2       ``classify(io)`` tell "metal", "plastic" or "none" from the
                      inspection sensors
l01_count     3       ``MaterialCounter`` count metal and plastic parts exactly
l01_debounce  3       ``DebouncedCounter`` count exactly although the photo-eye chatters
l01_safety    2       ``DebouncedCounter`` run the line and obey the e-stop within one
                      scan, without chatter or other broken rules
============  ======  ============================================================

Visible tests use one seed; hidden tests use other seeds, fault patterns and e-stop times,
so a program that hard-codes the visible answer fails them.
"""

from __future__ import annotations

from itertools import product
from typing import Any

from grading.checks import (
    CheckFailed,
    describe_error,
    expect_count,
    expect_no_violations,
    expect_parts_made,
    expect_plc_running,
)
from grading.isolation import run_isolated
from grading.messages import Message
from grading.runner import RunReport, run_program
from simulator.plant.conveyor.views import line_view

#: The lab's scene.
SCENE = "sorting-line-v1"
#: Inputs ``classify`` reads, in the order of the truth table.
CLASSIFY_INPUTS = ("inspect_eye", "part_prox", "metal_prox")
#: Visible truth-table cases: (inspect_eye, part_prox, metal_prox).
VISIBLE_CASES = ((True, True, True), (False, False, False))
#: A part closer than this to the inspection sensor at the end may or may not be counted yet, in metres.
SENSOR_MARGIN_M = 0.02

COUNT_HINT = Message(
    "부품이 검사 위치를 지나간 순간(inspect_eye의 하강 에지)에 한 번만 세고, "
    "부품이 센서 앞에 있는 동안 metal_prox가 한 번이라도 켜졌는지 기억하세요 (2단계).",
    "Count once when the part has passed (falling edge of inspect_eye), and remember whether "
    "metal_prox was on while the part was in front of the sensors (step 2).",
)
DEBOUNCE_HINT = Message(
    "광전센서 신호가 떨리면(채터링) 한 부품을 여러 번 셉니다. TON으로 신호가 30~50 ms 동안 "
    "계속 켜져야 '부품 있음', 계속 꺼져야 '부품 지나감'으로 인정하세요 (3단계).",
    "A chattering photo-eye makes one part count many times. Use TON so the signal must stay on "
    "for 30-50 ms to mean 'part here' and stay off as long to mean 'part passed' (step 3).",
)


# ---------------------------------------------------------------- called by the test cells
def check_classify(classify: Any, *, every_case: bool = False) -> None:
    """``classify(io)`` gives the right answer for the visible cases (or every case).

    Raises:
        CheckFailed: with the first wrong case.
    """
    run_isolated(f"{__name__}:_grade_classify", classify, every_case)


def check_counting(program: Any, *, seed: int, minutes: float = 2.0, faults: str = "") -> None:
    """``program`` counts the metal and plastic parts that passed the inspection point exactly.

    Raises:
        CheckFailed: when a count is wrong or the PLC stopped.
    """
    run_isolated(f"{__name__}:_grade_counting", program, seed, minutes, faults, COUNT_HINT.ko, COUNT_HINT.en)


def check_debounce(program: Any, *, seed: int, minutes: float = 2.0, faults: str = "noise:inspect_eye*0.03") -> None:
    """``program`` counts exactly although the inspection photo-eye chatters.

    Raises:
        CheckFailed: when a count is wrong or the PLC stopped.
    """
    run_isolated(f"{__name__}:_grade_counting", program, seed, minutes, faults, DEBOUNCE_HINT.ko, DEBOUNCE_HINT.en)


def check_safety(program: Any, *, seed: int, estop_at_s: float, minutes: float = 1.5, faults: str = "") -> None:
    """``program`` runs the line, stops everything within one scan of the e-stop, and breaks no rule.

    Raises:
        CheckFailed: with the first broken rule.
    """
    run_isolated(f"{__name__}:_grade_safety", program, seed, estop_at_s, minutes, faults)


# ---------------------------------------------------------------- run in the isolated child
def _grade_classify(classify: Any, every_case: bool) -> str:
    from simulator.plc.image import ProcessImage
    from simulator.scenes import get_scene

    cases = list(product((True, False), repeat=3)) if every_case else list(VISIBLE_CASES)
    image = ProcessImage(get_scene(SCENE).tags)
    for case in cases:
        io = image.io
        for name, value in zip(CLASSIFY_INPUTS, case, strict=True):
            setattr(io, name, value)
        inputs = ", ".join(f"{n}={int(v)}" for n, v in zip(CLASSIFY_INPUTS, case, strict=True))
        try:
            answer = classify(io)
        except Exception as error:  # noqa: BLE001 - the student's bug, reported as a failed check
            ko, en = describe_error(error)
            raise CheckFailed(
                f"입력 {inputs}일 때 classify가 오류를 냈습니다 — {ko}",
                f"classify raised an error for inputs {inputs} — {en}",
            ) from None
        expected = _expected_material(*case)
        if answer != expected:
            raise CheckFailed(
                f"입력 {inputs}일 때 classify가 {answer!r}을(를) 돌려주었습니다. 맞는 답은 {expected!r}입니다. "
                "부품 있음 = 검사 광전센서와 정전용량형 근접센서가 모두 켜짐, "
                "금속 = 유도형 근접센서(metal_prox) 켜짐 (1단계).",
                f"For inputs {inputs} classify returned {answer!r}; the right answer is {expected!r}. "
                "A part is there when both the photo-eye and the capacitive sensor are on; metal when "
                "the inductive sensor (metal_prox) is on (step 1).",
            )
    return "ok"


def _expected_material(inspect_eye: bool, part_prox: bool, metal_prox: bool) -> str:
    if not (inspect_eye and part_prox):
        return "none"
    return "metal" if metal_prox else "plastic"


def _grade_counting(program: Any, seed: int, minutes: float, faults: str, hint_ko: str, hint_en: str) -> str:
    report = _run(program, seed=seed, minutes=minutes, faults=faults)
    name = getattr(program, "__name__", "program")
    expect_plc_running(report, name, name)
    expect_parts_made(report, minimum=3)
    low, high = passed_inspection(report)
    hint = Message(hint_ko, hint_en)
    expect_count(
        "금속 부품 개수(count_metal)", "count_metal", int(report.tags["count_metal"]), low["metal"], high["metal"], hint
    )
    expect_count(
        "플라스틱 부품 개수(count_plastic)",
        "count_plastic",
        int(report.tags["count_plastic"]),
        low["plastic"],
        high["plastic"],
        hint,
    )
    return "ok"


def _grade_safety(program: Any, seed: int, estop_at_s: float, minutes: float, faults: str) -> str:
    report = _run(program, seed=seed, minutes=minutes, faults=faults, estop_at_s=estop_at_s)
    name = getattr(program, "__name__", "program")
    expect_plc_running(report, name, name)
    produced_before = sum(1 for r in report.records if r.finished_s < estop_at_s)
    if produced_before < 3:
        raise CheckFailed(
            f"비상정지({estop_at_s:g}초) 전에 부품이 {produced_before}개만 나왔습니다. 시작 버튼 없이도 "
            "estop_ok가 1이면 공급기와 두 컨베이어를 켜세요.",
            f"Only {produced_before} part(s) before the e-stop at {estop_at_s:g} s. Switch the feeder and "
            "both belts on while estop_ok is 1.",
        )
    expect_no_violations(report)
    return "ok"


def _run(program: Any, *, seed: int, minutes: float, faults: str, estop_at_s: float | None = None) -> RunReport:
    from simulator.plant import read_faults
    from simulator.scenes import get_scene

    tags = {tag.name: tag for tag in get_scene(SCENE).tags}
    return run_program(
        program,
        SCENE,
        seed=seed,
        minutes=minutes,
        faults=read_faults(faults, tags) if faults else (),
        estop_at_s=estop_at_s,
    )


def passed_inspection(report: RunReport) -> tuple[dict[str, int], dict[str, int]]:
    """Parts of each material past the inspection point: (surely passed, passed or passing now).

    The truth comes from the plant (records and part positions), never from the sensors.
    """
    from simulator.scenes import get_scene

    position_m = get_scene(report.scene).sensor("inspect_eye").position_m
    low = {"metal": 0, "plastic": 0}
    for record in report.records:
        low[record.material] = low.get(record.material, 0) + 1
    high = dict(low)
    for item in line_view(report.final).items:
        if item.x_m - item.length_m / 2 > position_m + SENSOR_MARGIN_M:
            low[item.material] = low.get(item.material, 0) + 1
            high[item.material] = high.get(item.material, 0) + 1
        elif abs(item.x_m - position_m) <= item.length_m / 2 + SENSOR_MARGIN_M:
            high[item.material] = high.get(item.material, 0) + 1
    return low, high
