"""Checks for lab L08 — quality and equipment analysis (품질과 설비 분석, 중간1 → 중간2).

Rubric (one nbgrader grade cell per criterion):

============  ======  ============================================================
criterion     points  the student's code must …
============  ======  ============================================================
l08_oee       3       ``shift_oee(records, planned_s, downtime_s, ideal_cycle_s)`` give
                      availability, performance, quality and OEE of a shift
l08_pareto    2       ``defect_pareto(records)`` count the losses by cause, give each
                      cause's rate (% of production) and the cumulative % of losses,
                      largest cause first (Pareto order)
l08_limits    3       ``xbar_r_limits(subgroups)`` give the X̄-R chart's CL/UCL/LCL
                      from subgroups of n = 5 (A2, D3, D4)
l08_cpk       1       ``cpk(heights_mm, lsl_mm, usl_mm)`` give the process capability
                      index with the sample standard deviation
l08_drift     1       ``find_drifted_shift(samples, lcl, ucl)`` name the shift whose
                      subgroup means leave the control limits most often
============  ======  ============================================================

The truth comes from the grader's own plant (same scene, its own seeds and faults), never
from the student's data. Visible tests use one seed and an easy case; hidden tests use
other seeds, a stopped line, a jammed pusher (mis-sorts), a drift up or down, other spec
limits and another drifted shift, so a hard-coded answer fails them.
"""

from __future__ import annotations

import math
import statistics
from typing import Any

from grading.answers import call_student, expect_dict, finite_number
from grading.checks import CheckFailed
from grading.isolation import run_isolated
from grading.labs.l08_models import (  # the truth the checks compare with (notebooks use some of it too)
    CAUSES,
    LIMIT_KEYS,
    LSL_MM,
    OEE_KEYS,
    PERCENT_TOLERANCE,
    REJECT_BIN,
    SCAN_PERIOD_MS,
    SCENE,
    SHIFT_S,
    SUBGROUP_SIZE,
    TOLERANCE,
    USL_MM,
    compressed_day,
    model_cpk,
    model_limits,
    model_oee,
    model_pareto,
    out_of_control_by_shift,
    run_line,
    sample_subgroups,
)
from simulator.plant.conveyor.shifts import SHIFT_LETTERS

__all__ = [
    "CAUSES",
    "LIMIT_KEYS",
    "LSL_MM",
    "OEE_KEYS",
    "PERCENT_TOLERANCE",
    "REJECT_BIN",
    "SCAN_PERIOD_MS",
    "SCENE",
    "SHIFT_S",
    "SUBGROUP_SIZE",
    "TOLERANCE",
    "USL_MM",
    "check_cpk",
    "check_drift",
    "check_limits",
    "check_oee",
    "check_pareto",
    "compressed_day",
    "model_cpk",
    "model_limits",
    "model_oee",
    "model_pareto",
    "out_of_control_by_shift",
    "run_line",
    "sample_subgroups",
]


# ---------------------------------------------------------------- called by the test cells
def check_oee(
    shift_oee: Any,
    *,
    seed: int,
    minutes: float = 30.0,
    stop_min: tuple[float, float] | None = None,
    jam_min: tuple[float, float] | None = None,
    ideal_cycle_s: float = 3.0,
) -> None:
    """``shift_oee(records, planned_s, downtime_s, ideal_cycle_s)`` gives the grader's OEE and its factors.

    Raises:
        CheckFailed: with the first wrong factor.
    """
    run_isolated(f"{__name__}:_grade_oee", shift_oee, seed, minutes, stop_min, jam_min, ideal_cycle_s)


def check_pareto(
    defect_pareto: Any,
    *,
    seed: int,
    minutes: float = 60.0,
    jam_min: tuple[float, float] | None = None,
    drift: tuple[float, float] | None = None,
) -> None:
    """``defect_pareto(records)`` gives the loss causes in Pareto order with their percentages.

    Raises:
        CheckFailed: with the first wrong row.
    """
    run_isolated(f"{__name__}:_grade_pareto", defect_pareto, seed, minutes, jam_min, drift)


def check_limits(
    xbar_r_limits: Any,
    *,
    seed: int,
    minutes: float = 60.0,
    every_s: float = 180.0,
    drift: tuple[float, float] | None = None,
) -> None:
    """``xbar_r_limits(subgroups)`` gives the X̄-R chart limits of the grader's subgroups.

    Raises:
        CheckFailed: with the first wrong limit.
    """
    run_isolated(f"{__name__}:_grade_limits", xbar_r_limits, seed, minutes, every_s, drift)


def check_cpk(
    cpk: Any,
    *,
    seed: int,
    minutes: float = 60.0,
    drift: tuple[float, float] | None = None,
    lsl_mm: float = LSL_MM,
    usl_mm: float = USL_MM,
) -> None:
    """``cpk(heights_mm, lsl_mm, usl_mm)`` gives the Cpk of the good parts' heights.

    Raises:
        CheckFailed: when the index is wrong.
    """
    run_isolated(f"{__name__}:_grade_cpk", cpk, seed, minutes, drift, lsl_mm, usl_mm)


def check_drift(find_drifted_shift: Any, *, seed: int, drift_shift: str = "B", severity_mm_per_h: float = 0.6) -> None:
    """``find_drifted_shift(samples, lcl, ucl)`` names the shift in which the grader made the process drift.

    Raises:
        CheckFailed: when another shift (or something else) is named.
    """
    run_isolated(f"{__name__}:_grade_drift", find_drifted_shift, seed, drift_shift, severity_mm_per_h)


# ---------------------------------------------------------------- run in the isolated child
_OEE_HINTS = {
    "availability": (
        "시간가동률 = 가동시간 ÷ 부하시간, 가동시간 = 부하시간(planned_s) − 정지시간(downtime_s)",
        "availability = operating time / planned time, operating time = planned_s − downtime_s",
    ),
    "performance": (
        "성능가동률 = 이론 사이클 타임(ideal_cycle_s) × 생산량(len(records)) ÷ 가동시간",
        "performance = ideal_cycle_s × parts produced (len(records)) / operating time",
    ),
    "quality": (
        '양품률 = 양품 수 ÷ 생산량. 양품은 record.result == "OK"인 부품입니다 — 불량이 아니어도 '
        "엉뚱한 통에 간 부품(MIS_SORT)은 양품이 아닙니다",
        'quality = good parts / parts produced; a good part has record.result == "OK" — a part within '
        "spec that reached the wrong bin (MIS_SORT) is not good",
    ),
    "oee": ("OEE = 시간가동률 × 성능가동률 × 양품률", "OEE = availability × performance × quality"),
}


def _grade_oee(
    shift_oee: Any,
    seed: int,
    minutes: float,
    stop_min: tuple[float, float] | None,
    jam_min: tuple[float, float] | None,
    ideal_cycle_s: float,
) -> str:
    plant = run_line(seed, minutes, stop_min=stop_min, jam_min=jam_min)
    records = list(plant.records)
    planned_s = 60.0 * minutes
    downtime_s = round(planned_s - plant.shift_reports()[0].operating_s, 6)
    want = model_oee(records, planned_s, downtime_s, ideal_cycle_s)
    call = f"shift_oee(records, {planned_s:g}, {downtime_s:g}, {ideal_cycle_s:g})"
    got = expect_dict(
        call_student(shift_oee, call, "1", records, planned_s, downtime_s, ideal_cycle_s), OEE_KEYS, call, "1"
    )
    for key in OEE_KEYS:
        value = finite_number(got[key])
        if value is None or abs(value - want[key]) > TOLERANCE:
            shown = f"{value:.4f}" if value is not None else repr(got[key])
            percent = " 백분율(%)이 아니라 0~1 사이 비율로 돌려주세요." if value is not None and value > 1.5 else ""
            percent_en = " Return a fraction 0–1, not a percentage." if value is not None and value > 1.5 else ""
            raise CheckFailed(
                f"{call}[{key!r}]가 {shown}인데 맞는 값은 {want[key]:.4f}입니다 (부품 {len(records)}개). "
                f"{_OEE_HINTS[key][0]}.{percent} (1단계)",
                f"{call}[{key!r}] is {shown}; the right value is {want[key]:.4f} ({len(records)} parts). "
                f"{_OEE_HINTS[key][1]}.{percent_en} (step 1)",
            )
    return "ok"


def _grade_pareto(
    defect_pareto: Any,
    seed: int,
    minutes: float,
    jam_min: tuple[float, float] | None,
    drift: tuple[float, float] | None,
) -> str:
    plant = run_line(seed, minutes, jam_min=jam_min, drift=drift)
    records = list(plant.records)
    want = model_pareto(records)
    got = call_student(defect_pareto, "defect_pareto(records)", "2", records)
    rows = [tuple(row) for row in got] if isinstance(got, (list, tuple)) else None
    shown = ", ".join(f"{cause} {count}개" for cause, count, _, _ in want)
    shown_en = ", ".join(f"{cause} {count}" for cause, count, _, _ in want)
    if rows is None or len(rows) != len(want) or any(len(row) != 4 for row in rows):
        raise CheckFailed(
            f"defect_pareto(records)가 {got!r:.200}을(를) 돌려주었습니다. 맞는 답은 {len(want)}행입니다 ({shown}). "
            "나온 원인마다 (원인, 개수, 불량률 %, 누적 %) 한 행씩, 0개인 원인은 빼세요 (2단계).",
            f"defect_pareto(records) returned {got!r:.200}; the right answer has {len(want)} rows ({shown_en}). "
            "One row (cause, count, rate %, cumulative %) per cause seen; leave out causes with 0 (step 2).",
        )
    for number, (row, right) in enumerate(zip(rows, want, strict=True), start=1):
        cause, count = row[0], row[1]
        if cause != right[0] or count != right[1]:
            raise CheckFailed(
                f"{number}번째 행의 원인·개수가 ({cause!r}, {count!r})인데 맞는 값은 ({right[0]!r}, {right[1]})입니다. "
                f"맞는 순서: {shown}. 원인 이름은 {list(CAUSES)} 그대로 쓰고, 개수가 많은 원인부터 늘어놓으세요 "
                "(파레토 순서). 불량 부품은 높이가 60 mm보다 크면 높이 초과, 아니면 높이 미달입니다 (2단계).",
                f"Row {number} has cause and count ({cause!r}, {count!r}); the right ones are ({right[0]!r}, "
                f"{right[1]}). Right order: {shown_en}. Use the cause names {list(CAUSES)} exactly and put the "
                "largest cause first (Pareto order). A defective part taller than 60 mm is 높이 초과, else 높이 미달 "
                "(step 2).",
            )
        percentages = (
            (2, right[2], "불량률", "rate", f"개수 ÷ 생산량({len(records)}개) × 100", "count / parts produced × 100"),
            (
                3,
                right[3],
                "누적 %",
                "cumulative %",
                "위 행까지의 개수 합 ÷ 전체 손실 개수 × 100",
                "running count / losses × 100",
            ),
        )
        for index, wanted, name_ko, name_en, hint_ko, hint_en in percentages:
            value = finite_number(row[index])
            if value is None or abs(value - wanted) > PERCENT_TOLERANCE:
                raise CheckFailed(
                    f"{number}번째 행({cause})의 {name_ko}이(가) {row[index]!r}인데 맞는 값은 {wanted:.2f}입니다: "
                    f"{hint_ko} (2단계).",
                    f"Row {number} ({cause}): {name_en} is {row[index]!r}; the right value is {wanted:.2f}: "
                    f"{hint_en} (step 2).",
                )
    return "ok"


_LIMIT_HINTS = {
    "xbar_cl": ("X̿ = 군마다 평균(X̄)을 구해 그 평균들을 다시 평균", "X̿ = the mean of the subgroup means"),
    "xbar_ucl": ("UCL = X̿ + A2 × R̄ (n = 5이면 A2 = 0.577)", "UCL = X̿ + A2 × R̄ (A2 = 0.577 for n = 5)"),
    "xbar_lcl": ("LCL = X̿ − A2 × R̄", "LCL = X̿ − A2 × R̄"),
    "r_cl": ("R̄ = 군마다 범위(최댓값 − 최솟값)를 구해 평균", "R̄ = the mean of the subgroup ranges (max − min)"),
    "r_ucl": ("R 관리도 UCL = D4 × R̄ (D4 = 2.114)", "R chart UCL = D4 × R̄ (D4 = 2.114)"),
    "r_lcl": ("R 관리도 LCL = D3 × R̄ (n = 5이면 D3 = 0)", "R chart LCL = D3 × R̄ (D3 = 0 for n = 5)"),
}


def _grade_limits(
    xbar_r_limits: Any, seed: int, minutes: float, every_s: float, drift: tuple[float, float] | None
) -> str:
    plant = run_line(seed, minutes, drift=drift)
    subgroups = [heights for _, heights in sample_subgroups(plant.records, every_s)]
    want = model_limits(subgroups)
    what = f"xbar_r_limits(subgroups) ({len(subgroups)}개 군)"
    got = expect_dict(call_student(xbar_r_limits, what, "3", [list(g) for g in subgroups]), LIMIT_KEYS, what, "3")
    for key in LIMIT_KEYS:
        value = finite_number(got[key])
        if value is None or abs(value - want[key]) > TOLERANCE:
            raise CheckFailed(
                f"{what}[{key!r}]가 {got[key]!r}인데 맞는 값은 {want[key]:.4f} mm입니다: "
                f"{_LIMIT_HINTS[key][0]} (3단계).",
                f"xbar_r_limits(subgroups) ({len(subgroups)} subgroups)[{key!r}] is {got[key]!r}; the right value "
                f"is {want[key]:.4f} mm: {_LIMIT_HINTS[key][1]} (step 3).",
            )
    return "ok"


def _grade_cpk(
    cpk: Any, seed: int, minutes: float, drift: tuple[float, float] | None, lsl_mm: float, usl_mm: float
) -> str:
    plant = run_line(seed, minutes, drift=drift)
    heights = [r.height_mm for r in plant.records if r.bin != REJECT_BIN]
    want = model_cpk(heights, lsl_mm, usl_mm)
    call = f"cpk(heights_mm, {lsl_mm:g}, {usl_mm:g})"
    value = finite_number(call_student(cpk, call, "4", list(heights), lsl_mm, usl_mm))
    if value is None or not math.isclose(value, want, rel_tol=1e-4, abs_tol=1e-6):
        mean = statistics.fmean(heights)
        raise CheckFailed(
            f"{call}가 {value!r}인데 맞는 값은 {want:.4f}입니다 (부품 {len(heights)}개, 평균 {mean:.3f} mm). "
            "Cpk = min(USL − 평균, 평균 − LSL) ÷ (3 × 표본 표준편차). 표본 표준편차는 statistics.stdev(n − 1로 "
            "나눔)이고, 반올림하지 마세요 (4단계).",
            f"{call} is {value!r}; the right value is {want:.4f} ({len(heights)} parts, mean {mean:.3f} mm). "
            "Cpk = min(USL − mean, mean − LSL) / (3 × sample standard deviation), with statistics.stdev "
            "(divides by n − 1), not rounded (step 4).",
        )
    return "ok"


def _grade_drift(find_drifted_shift: Any, seed: int, drift_shift: str, severity_mm_per_h: float) -> str:
    samples = compressed_day(seed, drift_shift, severity_mm_per_h)
    reference = next(letter for letter in SHIFT_LETTERS if letter != drift_shift)
    limits = model_limits([heights for letter, heights in samples if letter == reference])
    lcl, ucl = round(limits["xbar_lcl"], 3), round(limits["xbar_ucl"], 3)
    counts = out_of_control_by_shift(samples, lcl, ucl)
    if max(counts, key=lambda letter: counts[letter]) != drift_shift:  # pragma: no cover - a grader bug
        raise RuntimeError(f"seed {seed}: the drifted shift {drift_shift} does not stand out: {counts}")
    call = f"find_drifted_shift(samples, {lcl}, {ucl})"
    got = call_student(find_drifted_shift, call, "5", [(letter, list(h)) for letter, h in samples], lcl, ucl)
    if got != drift_shift:
        shown = ", ".join(f"{letter}조 {n}개" for letter, n in counts.items())
        shown_en = ", ".join(f"shift {letter}: {n}" for letter, n in counts.items())
        raise CheckFailed(
            f"{call}가 {got!r}을(를) 돌려주었습니다. 관리한계 밖의 X̄ 개수는 {shown}이므로 맞는 답은 "
            f"{drift_shift!r}입니다. 군마다 평균을 구해 UCL보다 크거나 LCL보다 작으면(위·아래 모두) 그 조의 "
            "개수를 세고, 가장 많은 조의 글자를 돌려주세요 (5단계).",
            f"{call} returned {got!r}. Subgroup means outside the limits: {shown_en}, so the answer is "
            f"{drift_shift!r}. Count, per shift, the means above UCL or below LCL (both sides) and return the "
            "letter of the shift with the most (step 5).",
        )
    return "ok"
