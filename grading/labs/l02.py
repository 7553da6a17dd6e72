"""Checks for lab L02 — the analog height sensor (아날로그 센서와 스케일링).

Rubric (one nbgrader grade cell per criterion):

==============  ======  ============================================================
criterion       points  the student's code must …
==============  ======  ============================================================
l02_scale       2       ``counts_to_mm(counts)`` turn A/D counts into the part height
                        (datasheet scaling, within 0.01 mm)
l02_calibrate   2       ``calibrate(raw_a, mm_a, raw_b, mm_b)`` give the (gain, offset) of
                        the straight line through two calibration points
l02_filter      2       ``MovingAverage(size).update(value)`` return the mean of the last
                        ``size`` values, each object with its own window
l02_gauge       2       ``HeightGauge`` measure every part that passes the sensor within
                        :data:`GAUGE_TOLERANCE_MM` of the plant's true height
l02_hysteresis  2       ``Hysteresis(on_at, off_at).update(value)`` switch on at or above
                        ``on_at``, off at or below ``off_at``, and hold in between
==============  ======  ============================================================

Visible tests use a few easy cases and one seed; hidden tests use every case, other seeds,
analog noise, a slow belt and the plant's own part heights, so hard-coded answers fail.
The truth always comes from the plant (its production records), never from the sensor.
"""

from __future__ import annotations

import random
from typing import Any

from grading.answers import call_student, finite_number
from grading.checks import CheckFailed, expect_parts_made, expect_plc_running
from grading.isolation import run_isolated
from grading.messages import Message
from simulator.plant.conveyor.views import line_view

#: The lab's scene.
SCENE = "sorting-line-v1"
#: A/D counts at 4 mA and at 20 mA.
COUNTS_LOW, COUNTS_HIGH = 0, 32000
#: Distance from the lens at 4 mA and at 20 mA, in millimetres.
DISTANCE_LOW_MM, DISTANCE_HIGH_MM = 50.0, 250.0
#: The lens is this far above the belt surface, in millimetres.
MOUNT_HEIGHT_MM = 200.0
#: How close ``counts_to_mm`` and ``calibrate`` must be, in millimetres.
SCALE_TOLERANCE_MM = 0.01
#: How close every measured part height must be to the truth, in millimetres.
GAUGE_TOLERANCE_MM = 0.6
#: Mean error above this means a bias (wrong scaling or samples from the part's edges), in millimetres.
BIAS_MM = 0.3
#: A part closer than this to the sensor at the end of a run may or may not be measured yet, in metres.
SENSOR_MARGIN_M = 0.02
#: Visible ``counts_to_mm`` cases: counts → height in mm (empty belt, a good part).
VISIBLE_SCALE_CASES = ((24000, 0.0), (14400, 60.0))
#: Visible ``calibrate`` case: (raw_a, mm_a, raw_b, mm_b).
VISIBLE_CALIBRATION = (24000, 0.0, 14400, 60.0)
#: Visible moving-average case: (size, values).
VISIBLE_AVERAGE = (3, (3.0, 6.0, 9.0, 12.0))
#: Visible hysteresis case: (on_at, off_at, values).
VISIBLE_HYSTERESIS = (61.0, 60.5, (60.0, 60.8, 61.2, 60.8, 60.6, 60.4, 60.9, 61.0))

GAUGE_SPREAD_HINT = Message(
    "측정값이 실제 높이 주변에서 흩어집니다(잡음). 부품이 센서 아래 있는 동안(inspect_eye=1) 최근 10개 값의 "
    "이동평균을 내고, 부품이 지나간 순간 그 평균을 기록하세요 (4단계).",
    "The measurements scatter around the true heights (noise). While the part is under the sensor "
    "(inspect_eye=1) average the last 10 readings and record that mean when the part has passed (step 4).",
)
GAUGE_BIAS_HINT = Message(
    "측정값이 한쪽으로 치우칩니다(편차). 환산식(1단계)을 확인하고, 부품이 지나간 뒤의 값이나 센서가 아직 "
    "올라가는 중인 부품 앞쪽 값이 평균에 섞이지 않게 하세요: inspect_eye가 1인 스캔의 값만 평균에 넣고, "
    "부품이 지나간 스캔에서는 평균을 기록만 합니다 (4단계).",
    "The measurements are biased. Check the scaling (step 1) and keep readings taken after the part "
    "left, or while the sensor was still rising at its front edge, out of the mean: average only scans "
    "with inspect_eye=1 and only record the mean in the scan where the part has passed (step 4).",
)


# ---------------------------------------------------------------- the truth
def height_of_counts(counts: float) -> float:
    """Part height in millimetres for a reading in counts (the datasheet scaling)."""
    distance_mm = DISTANCE_LOW_MM + (counts - COUNTS_LOW) * (DISTANCE_HIGH_MM - DISTANCE_LOW_MM) / (
        COUNTS_HIGH - COUNTS_LOW
    )
    return MOUNT_HEIGHT_MM - distance_mm


def hysteresis_outputs(on_at: float, off_at: float, values: list[float]) -> list[bool]:
    """What a hysteresis switch starting off gives for ``values``."""
    state, out = False, []
    for value in values:
        if value >= on_at:
            state = True
        elif value <= off_at:
            state = False
        out.append(state)
    return out


# ---------------------------------------------------------------- called by the test cells
def check_scaling(counts_to_mm: Any, *, every_case: bool = False) -> None:
    """``counts_to_mm(counts)`` gives the part height for the visible cases (or many counts).

    Raises:
        CheckFailed: with the first wrong reading.
    """
    run_isolated(f"{__name__}:_grade_scaling", counts_to_mm, every_case)


def check_calibrate(calibrate: Any, *, every_case: bool = False) -> None:
    """``calibrate(raw_a, mm_a, raw_b, mm_b)`` gives the line through both calibration points.

    Raises:
        CheckFailed: with the first wrong pair of points.
    """
    run_isolated(f"{__name__}:_grade_calibrate", calibrate, every_case)


def check_moving_average(moving_average: Any, *, every_case: bool = False) -> None:
    """``MovingAverage(size).update(value)`` returns the mean of the last ``size`` values.

    Raises:
        CheckFailed: with the first wrong average.
    """
    run_isolated(f"{__name__}:_grade_moving_average", moving_average, every_case)


def check_gauge(program: Any, *, seed: int, minutes: float = 2.0, faults: str = "") -> None:
    """``program`` runs the line and measures every passing part within the tolerance of the truth.

    Raises:
        CheckFailed: when a part is measured wrong, missed or measured twice, or the PLC stopped.
    """
    run_isolated(f"{__name__}:_grade_gauge", program, seed, minutes, faults)


def check_hysteresis(
    hysteresis: Any, *, seed: int | None = None, on_at: float = 61.0, off_at: float = 60.5, drift_mm_per_h: float = 40.0
) -> None:
    """``Hysteresis(on_at, off_at)`` switches like a hysteresis comparator.

    Without ``seed`` it gets the visible sequence; with ``seed`` it gets the heights of the parts
    a plant made while its process drifted (taller and taller parts) and a noisy ramp.

    Raises:
        CheckFailed: with the first wrong output.
    """
    run_isolated(f"{__name__}:_grade_hysteresis", hysteresis, seed, on_at, off_at, drift_mm_per_h)


# ---------------------------------------------------------------- run in the isolated child
def _number(what: str, value: Any) -> float:
    number = finite_number(value)
    if number is None:
        raise CheckFailed(
            f"{what}이(가) 숫자가 아닌 {value!r}을(를) 돌려주었습니다. return으로 계산한 값(mm)을 돌려주세요.",
            f"{what} returned {value!r}, not a number. Return the computed value (mm).",
        )
    return number


def _grade_scaling(counts_to_mm: Any, every_case: bool) -> str:
    cases = [c for c, _ in VISIBLE_SCALE_CASES]
    if every_case:
        rng = random.Random(2026)
        cases += [0, 32000, 8000, 16000, 24480, 31999, *(rng.randint(0, 32000) for _ in range(20))]
    for counts in cases:
        got = _number(f"counts_to_mm({counts})", call_student(counts_to_mm, f"counts_to_mm({counts})", None, counts))
        right = height_of_counts(counts)
        if abs(got - right) > SCALE_TOLERANCE_MM:
            hint_ko = hint_en = ""
            if abs(got - (DISTANCE_LOW_MM + counts * 200.0 / 32000.0)) <= SCALE_TOLERANCE_MM:
                hint_ko = " 돌려준 값은 렌즈에서 부품까지의 거리입니다. 높이 = 200 mm − 거리입니다."
                hint_en = " That is the distance from the lens to the part; height = 200 mm − distance."
            raise CheckFailed(
                f"counts_to_mm({counts})이(가) {got:.3f}을(를) 돌려주었습니다. 맞는 값은 {right:.3f} mm입니다."
                f"{hint_ko} 거리 = 50 + 카운트 × 200 / 32000 (mm), 높이 = 200 − 거리 (1단계).",
                f"counts_to_mm({counts}) returned {got:.3f}; the right value is {right:.3f} mm.{hint_en} "
                "distance = 50 + counts × 200 / 32000 (mm), height = 200 − distance (step 1).",
            )
    return "ok"


def _grade_calibrate(calibrate: Any, every_case: bool) -> str:
    cases = [VISIBLE_CALIBRATION]
    if every_case:
        rng = random.Random(7)
        cases += [(24480, 0.0, 14880, 60.0), (14400, 60.0, 24000, 0.0), (1000, 4.0, 31000, 20.0)]
        for _ in range(8):
            raw_a, raw_b = rng.sample(range(0, 32001), 2)
            cases.append((raw_a, round(rng.uniform(-50, 150), 2), raw_b, round(rng.uniform(-50, 150), 2)))
    for raw_a, mm_a, raw_b, mm_b in cases:
        call = f"calibrate({raw_a}, {mm_a:g}, {raw_b}, {mm_b:g})"
        answer = call_student(calibrate, call, None, raw_a, mm_a, raw_b, mm_b)
        try:
            gain, offset = (_number(f"{call}의 기울기", answer[0]), _number(f"{call}의 절편", answer[1]))
            if len(answer) != 2:
                raise TypeError
        except (TypeError, IndexError, KeyError):
            raise CheckFailed(
                f"{call}이(가) {answer!r}을(를) 돌려주었습니다. (기울기, 절편) 두 값을 return gain, offset으로 "
                "돌려주세요 (2단계).",
                f"{call} returned {answer!r}; return the two values gain, offset (step 2).",
            ) from None
        right_gain = (mm_b - mm_a) / (raw_b - raw_a)
        right_offset = mm_a - right_gain * raw_a
        for raw, mm in ((raw_a, mm_a), (raw_b, mm_b), ((raw_a + raw_b) // 2, None)):
            want = mm if mm is not None else right_gain * raw + right_offset
            got = gain * raw + offset
            if abs(got - want) > SCALE_TOLERANCE_MM:
                raise CheckFailed(
                    f"{call} → 기울기 {gain:.6g}, 절편 {offset:.6g}입니다. 이 직선은 {raw} 카운트에서 "
                    f"{got:.3f} mm인데, 맞는 값은 {want:.3f} mm입니다. 맞는 답은 기울기 {right_gain:.6g}, "
                    f"절편 {right_offset:.6g}입니다. 기울기 = (mm_b − mm_a) / (raw_b − raw_a), "
                    "절편 = mm_a − 기울기 × raw_a (2단계).",
                    f"{call} gave gain {gain:.6g}, offset {offset:.6g}: {got:.3f} mm at {raw} counts instead "
                    f"of {want:.3f} mm. The right answer is gain {right_gain:.6g}, offset {right_offset:.6g} (step 2).",
                )
    return "ok"


def _grade_moving_average(moving_average: Any, every_case: bool) -> str:
    visible_size, visible_values = VISIBLE_AVERAGE
    runs: list[tuple[int, list[float]]] = [(visible_size, list(visible_values))]
    if every_case:
        rng = random.Random(11)
        runs += [(size, [round(rng.gauss(60.0, 0.5), 3) for _ in range(40)]) for size in (1, 5, 10)]
    for size, window_values in runs:
        _check_average_run(moving_average, size, window_values)
    if every_case:  # two filters side by side must not share their windows
        first = call_student(moving_average, f"MovingAverage({4})", None, 4)
        second = call_student(moving_average, f"MovingAverage({4})", None, 4)
        for value in (10.0, 20.0, 30.0):
            call_student(first.update, "update", None, value)
        got = _number("update(100)", call_student(second.update, "update", None, 100.0))
        if abs(got - 100.0) > 1e-6:
            raise CheckFailed(
                "MovingAverage 두 개를 따로 만들었는데, 새 필터에 100을 처음 넣자 "
                f"{got:g}을(를) 돌려주었습니다 (맞는 값 100). 값을 모으는 리스트는 클래스 밖이나 클래스 변수가 아니라 "
                "__init__ 안에서 self.값들 = [] 처럼 필터마다 따로 만드세요 (3단계).",
                f"Two separate MovingAverage objects share their values: a new filter returned {got:g} "
                "for its first value 100. Create the list in __init__ (self.values = []) (step 3).",
            )
    return "ok"


def _check_average_run(moving_average: Any, size: int, values: list[float]) -> None:
    average = call_student(moving_average, f"MovingAverage({size})", None, size)
    update = getattr(average, "update", None)
    if not callable(update):
        raise CheckFailed(
            "MovingAverage에 update(self, value) 메서드가 없습니다 (3단계).",
            "MovingAverage has no update(self, value) method (step 3).",
        )
    for i, value in enumerate(values):
        got = _number(f"update({value:g})", call_student(update, f"update({value:g})", None, value))
        window = values[max(0, i + 1 - size) : i + 1]
        right = sum(window) / len(window)
        if abs(got - right) > 1e-6:
            shown = ", ".join(f"{v:g}" for v in values[: i + 1][-8:])
            raise CheckFailed(
                f"MovingAverage({size})에 값을 차례로 넣었을 때(… {shown}) {i + 1}번째 update가 {got:g}을(를) "
                f"돌려주었습니다. 맞는 값은 최근 {len(window)}개의 평균 {right:g}입니다. 값이 {size}개보다 적을 때는 "
                "지금까지 들어온 값만 평균합니다 (3단계).",
                f"After the values (… {shown}) update number {i + 1} of MovingAverage({size}) returned {got:g}; "
                f"the right value is {right:g}, the mean of the last {len(window)} values (step 3).",
            )


def _grade_gauge(program: Any, seed: int, minutes: float, faults: str) -> str:
    from grading.runner import run_program
    from simulator.plant import read_faults
    from simulator.scenes import get_scene

    scene = get_scene(SCENE)
    gauge = program() if isinstance(program, type) else program
    tags = {tag.name: tag for tag in scene.tags}
    report = run_program(gauge, SCENE, seed=seed, minutes=minutes, faults=read_faults(faults, tags) if faults else ())
    name = getattr(program, "__name__", "HeightGauge")
    expect_plc_running(report, name, name)
    expect_parts_made(report, minimum=3)
    heights = getattr(gauge, "heights", None)
    if not isinstance(heights, list):
        raise CheckFailed(
            f"{name}에 측정 기록 리스트 self.heights가 없습니다({heights!r}). __init__에서 self.heights = []로 "
            "만들고 부품마다 높이를 append하세요 (4단계).",
            f"{name} has no list self.heights ({heights!r}). Create it in __init__ and append one height per part.",
        )
    position_m = scene.sensor("inspect_eye").position_m
    passed = sorted((r.item_id, r.height_mm) for r in report.records)
    passing = []
    for item in line_view(report.final).items:
        if item.x_m - item.length_m / 2 > position_m + SENSOR_MARGIN_M:
            passed.append((item.id, item.height_mm))
        elif abs(item.x_m - position_m) <= item.length_m / 2 + SENSOR_MARGIN_M:
            passing.append((item.id, item.height_mm))
    passed.sort()
    low, high = len(passed), len(passed) + len(passing)
    if not low <= len(heights) <= high:
        right = f"{low}" if low == high else f"{low}~{high}"
        raise CheckFailed(
            f"부품 {right}개가 센서를 지나갔는데 self.heights에는 {len(heights)}개가 기록되었습니다. 부품이 다 "
            "지나간 순간(inspect_eye의 하강 에지)에 한 번만 append하세요 (4단계).",
            f"{right} part(s) passed the sensor but self.heights has {len(heights)} entries. Append once per "
            "part, when it has passed (falling edge of inspect_eye) (step 4).",
        )
    truth = [h for _, h in passed + sorted(passing)][: len(heights)]
    errors = [_number("self.heights의 값", got) - right for got, right in zip(heights, truth, strict=True)]
    worst = max(range(len(errors)), key=lambda i: abs(errors[i]), default=None)
    if worst is not None and abs(errors[worst]) > GAUGE_TOLERANCE_MM:
        bias = sum(errors) / len(errors)
        hint = GAUGE_BIAS_HINT if abs(bias) > BIAS_MM else GAUGE_SPREAD_HINT
        raise CheckFailed(
            f"{worst + 1}번째 부품을 {heights[worst]:.2f} mm로 쟀는데 실제 높이는 {truth[worst]:.2f} mm입니다 "
            f"(차이 {errors[worst]:+.2f} mm, 허용 ±{GAUGE_TOLERANCE_MM} mm, 평균 차이 {bias:+.2f} mm). {hint.ko}",
            f"Part {worst + 1} measured {heights[worst]:.2f} mm, truly {truth[worst]:.2f} mm "
            f"(error {errors[worst]:+.2f} mm, allowed ±{GAUGE_TOLERANCE_MM} mm, mean error {bias:+.2f} mm). {hint.en}",
        )
    return "ok"


def drifting_part_heights(seed: int, drift_mm_per_h: float, minutes: float = 4.0) -> list[float]:
    """True heights, in order, of the parts a plant makes while its process drifts taller."""
    from simulator.plant import Fault, Plant

    plant = Plant(
        SCENE, seed=seed, program="reference", faults=[Fault("process_drift", "feeder_on", severity=drift_mm_per_h)]
    )
    plant.press("start", hold_s=0.3, at_s=0.5)
    plant.run(minutes=minutes)
    return [round(r.height_mm, 3) for r in sorted(plant.records, key=lambda r: r.item_id) if not r.defect]


def _grade_hysteresis(hysteresis: Any, seed: int | None, on_at: float, off_at: float, drift_mm_per_h: float) -> str:
    runs: list[tuple[float, float, list[float], str, str]] = []
    visible_on, visible_off, visible = VISIBLE_HYSTERESIS
    if seed is None:
        runs.append((visible_on, visible_off, list(visible), "예시 값", "the example values"))
    else:
        heights = drifting_part_heights(seed, drift_mm_per_h)
        runs.append((on_at, off_at, heights, f"시드 {seed} 라인의 부품 높이", f"part heights of seed {seed}"))
        rng = random.Random(seed)
        ramp = [round(off_at - 1 + 2.5 * i / 60 + rng.gauss(0, 0.3), 3) for i in range(60)]
        ramp += list(reversed(ramp))
        runs.append((on_at + 0.5, off_at + 0.5, ramp, "잡음 섞인 오르내림 값", "a noisy ramp up and down"))
    for on, off, values, what_ko, what_en in runs:
        switch = call_student(hysteresis, f"Hysteresis({on:g}, {off:g})", None, on, off)
        update = getattr(switch, "update", None)
        if not callable(update):
            raise CheckFailed(
                "Hysteresis에 update(self, value) 메서드가 없습니다 (5단계).",
                "Hysteresis has no update(self, value) method (step 5).",
            )
        right = hysteresis_outputs(on, off, values)
        for i, (value, want) in enumerate(zip(values, right, strict=True)):
            got = call_student(update, f"update({value:g})", None, value)
            if got not in (True, False):
                raise CheckFailed(
                    f"update({value:g})이(가) {got!r}을(를) 돌려주었습니다. True(켜짐) 또는 False(꺼짐)를 "
                    "돌려주세요 (5단계).",
                    f"update({value:g}) returned {got!r}; return True (on) or False (off) (step 5).",
                )
            if bool(got) != want:
                before = "켜짐" if i and right[i - 1] else "꺼짐"
                raise CheckFailed(
                    f"{what_ko}을(를) Hysteresis({on:g}, {off:g})에 넣었더니 {i + 1}번째 값 {value:g} mm에서 "
                    f"{bool(got)}을(를) 돌려주었습니다 (직전 상태 {before}). 맞는 답은 {want}입니다. "
                    f"{on:g} 이상이면 켜고, {off:g} 이하이면 끄고, 그 사이에서는 직전 상태를 그대로 둡니다 (5단계).",
                    f"Feeding {what_en} to Hysteresis({on:g}, {off:g}), value {i + 1} ({value:g} mm) gave "
                    f"{bool(got)}; the right answer is {want}. On at or above {on:g}, off at or below {off:g}, "
                    "hold in between (step 5).",
                )
    return "ok"
