"""Checks for lab L09 — anomaly detection and predictive maintenance (이상 탐지와 예지 보전, 고도).

Rubric (one nbgrader grade cell per criterion):

============  ======  ============================================================
criterion     points  the student's code must …
============  ======  ============================================================
l09_baseline  2       ``baseline_stats(table, start_s, end_s)`` give the mean and
                      standard deviation of each motor signal over a healthy window
l09_detector  4       ``AnomalyDetector(baseline).update(sample)`` raise an alarm
                      after a bearing starts wearing and before it breaks down, and
                      never on a healthy motor (no false alarms), also with a noisy sensor
l09_lead      2       … raise it early: at least :data:`LEAD_S` before the breakdown
l09_rul       2       ``remaining_life_s(time_s, vibration_mm_s, healthy_mm_s,
                      limit_mm_s)`` predict when the vibration reaches the limit from
                      the last 10 minutes, within :data:`RUL_TOLERANCE` of the truth
============  ======  ============================================================

The signals come from the grader's own plant (sorting conveyor motor, sampled once a
second by the historian) with the seed, the wear start and the wear rate of each test; the
grader knows the true breakdown time from the motor model. Visible tests use one run;
hidden tests use other seeds, other wear starts and rates, a noisier vibration sensor and
another vibration limit, so a hard-coded answer fails them.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from grading.answers import call_student, finite_number
from grading.checks import CheckFailed
from grading.isolation import run_isolated

#: The lab's scene.
SCENE = "sorting-line-v1"
#: PLC scan period of the lab's runs, in ms: motor condition is sampled once a second anyway,
#: and a longer scan lets hours of plant time run in a second or two.
SCAN_PERIOD_MS = 100.0
#: The sorting conveyor motor's condition tags and the counts per unit of each (mA, 0.1 °C, 0.01 mm/s).
SIGNALS = {
    "current_a": ("sorter_current", 1000.0),
    "temperature_c": ("sorter_temperature", 10.0),
    "vibration_mm_s": ("sorter_vibration", 100.0),
}
#: The conveyor output a ``wear`` fault targets, and the vibration input a ``noise`` fault targets.
WEAR_TARGET, VIBRATION_TAG = "sorter_forward", "sorter_vibration"
#: The healthy window the detector's baseline is taken from, in s (after the motor has warmed up a little).
BASELINE_WINDOW_S = (600.0, 1800.0)
#: Length of a healthy run, in s.
HEALTHY_RUN_S = 5400.0
#: How early an alarm must come before the breakdown, in s (time to order a bearing and plan a stop).
LEAD_S = 45 * 60.0
#: Data handed to ``remaining_life_s``: the last ``RUL_WINDOW_S`` seconds before "now".
RUL_WINDOW_S = 600.0
#: Samples of the moving average that decides when "now" is (the vibration a technician reads).
NOW_AVERAGE_SAMPLES = 60
#: Allowed error of the remaining-life prediction, as a share of the true remaining time.
RUL_TOLERANCE = 0.2
#: Allowed error of the baseline, as a share of the signal's standard deviation (a row more or less is fine).
BASELINE_TOLERANCE = 0.01


# ---------------------------------------------------------------- the plant's data, as the notebook records it
def motor_table(
    seed: int,
    *,
    seconds: float,
    wear_start_s: float | None = None,
    wear_per_h: float = 3.0,
    noise_mm_s: float = 0.0,
) -> dict[str, np.ndarray]:
    """The sorting motor's signals, one row a second from 0 s, as the notebook's ``record_motor`` makes them.

    Args:
        seed: the plant's seed.
        seconds: how long to run (rows at 0, 1, … seconds).
        wear_start_s: when the bearing starts wearing out; None for a healthy motor.
        wear_per_h: the wear's growth rate, e-folds per hour.
        noise_mm_s: extra noise of the vibration sensor (a ``noise`` fault), in mm/s.

    Returns:
        ``time_s``, ``current_a``, ``temperature_c`` and ``vibration_mm_s`` as numpy arrays.
    """
    from simulator.plant import Fault, Plant

    faults = []
    if wear_start_s is not None:
        faults.append(Fault("wear", WEAR_TARGET, start_s=wear_start_s, severity=wear_per_h))
    if noise_mm_s:
        faults.append(Fault("noise", VIBRATION_TAG, severity=noise_mm_s))
    plant = Plant(SCENE, seed=seed, program="reference", faults=faults, scan_period_ms=SCAN_PERIOD_MS)
    plant.press("start", hold_s=0.3)
    historian = plant.log_tags(every_s=1.0, tags=[tag for tag, _ in SIGNALS.values()])
    plant.run(seconds=seconds)
    table = {"time_s": np.array(historian.column("time_s"), dtype=float)}
    for column, (tag, counts_per_unit) in SIGNALS.items():
        table[column] = np.array(historian.column(tag), dtype=float) / counts_per_unit
    return table


def crossing_s(wear_start_s: float, wear_per_h: float, limit_mm_s: float | None = None) -> float:
    """When a wearing motor's vibration reaches ``limit_mm_s`` (the breakdown limit when None), in s.

    The motor model's wear grows as ``WEAR_SCALE × (exp(rate × hours) − 1)`` on top of the healthy
    vibration; the bearing seizes when the sum reaches ``BREAKDOWN_MM_S``.
    """
    from simulator.plant.conveyor.motor_health import BREAKDOWN_MM_S, HEALTHY_MM_S, WEAR_SCALE_MM_S

    limit = BREAKDOWN_MM_S if limit_mm_s is None else limit_mm_s
    hours = math.log(1.0 + (limit - HEALTHY_MM_S) / WEAR_SCALE_MM_S) / wear_per_h
    return wear_start_s + 3600.0 * hours


def model_baseline(table: dict[str, np.ndarray], start_s: float, end_s: float) -> dict[str, tuple[float, float]]:
    """Mean and standard deviation of each signal over ``start_s <= time_s < end_s``."""
    rows = (table["time_s"] >= start_s) & (table["time_s"] < end_s)
    return {column: (float(np.mean(table[column][rows])), float(np.std(table[column][rows]))) for column in SIGNALS}


def rows(table: dict[str, np.ndarray], start_s: float, end_s: float) -> list[dict[str, float]]:
    """The table's rows with ``start_s <= time_s < end_s``, each a dict of plain floats (what ``update`` gets)."""
    names = list(table)
    kept = (table["time_s"] >= start_s) & (table["time_s"] < end_s)
    columns = [table[name][kept].tolist() for name in names]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


# ---------------------------------------------------------------- called by the test cells
def check_baseline(
    baseline_stats: Any,
    *,
    seed: int,
    window_s: tuple[float, float] = BASELINE_WINDOW_S,
    seconds: float = 2400.0,
    wear_start_s: float | None = None,
) -> None:
    """``baseline_stats(table, start_s, end_s)`` gives each signal's (mean, std) over the window.

    Raises:
        CheckFailed: with the first wrong signal.
    """
    run_isolated(f"{__name__}:_grade_baseline", baseline_stats, seed, list(window_s), seconds, wear_start_s)


def check_detector(
    detector_class: Any,
    *,
    seed: int,
    wear_start_s: float,
    wear_per_h: float,
    healthy_seed: int | None = None,
    noise_mm_s: float = 0.0,
) -> None:
    """``detector_class(baseline)`` alarms between the wear start and the breakdown, never on a healthy motor.

    The wearing run is healthy from the end of the baseline window to ``wear_start_s``: an alarm
    there is a false alarm too.

    Args:
        detector_class: the student's detector class.
        seed: the wearing run's seed.
        wear_start_s: when the bearing starts wearing, in s.
        wear_per_h: how fast, e-folds per hour.
        healthy_seed: the seed of a healthy run of :data:`HEALTHY_RUN_S` to check as well (None: none).
        noise_mm_s: extra vibration-sensor noise of the runs (a noisier installation), in mm/s.

    Raises:
        CheckFailed: on a missed breakdown or a false alarm.
    """
    run_isolated(
        f"{__name__}:_grade_detector", detector_class, seed, wear_start_s, wear_per_h, healthy_seed, noise_mm_s
    )


def check_lead_time(detector_class: Any, *, seed: int, wear_start_s: float, wear_per_h: float) -> None:
    """``detector_class(baseline)`` alarms after the wear start and at least :data:`LEAD_S` before the breakdown.

    Raises:
        CheckFailed: when the alarm comes late, too early (false) or never.
    """
    run_isolated(f"{__name__}:_grade_lead", detector_class, seed, wear_start_s, wear_per_h)


def check_remaining_life(
    remaining_life_s: Any,
    *,
    seed: int,
    wear_start_s: float,
    wear_per_h: float,
    now_mm_s: float = 4.5,
    limit_mm_s: float | None = None,
) -> None:
    """``remaining_life_s(...)`` predicts when the vibration reaches the limit, within :data:`RUL_TOLERANCE`.

    Args:
        remaining_life_s: the student's function.
        seed: the wearing run's seed.
        wear_start_s: when the bearing starts wearing, in s.
        wear_per_h: how fast, e-folds per hour.
        now_mm_s: "now" is when the one-minute average vibration first reaches this, in mm/s.
        limit_mm_s: the limit to predict (the breakdown limit when None), in mm/s.

    Raises:
        CheckFailed: with the predicted and the true remaining time.
    """
    run_isolated(
        f"{__name__}:_grade_remaining_life", remaining_life_s, seed, wear_start_s, wear_per_h, now_mm_s, limit_mm_s
    )


# ---------------------------------------------------------------- run in the isolated child
def _grade_baseline(
    baseline_stats: Any, seed: int, window_s: list[float], seconds: float, wear_start_s: float | None
) -> str:
    start_s, end_s = window_s
    table = motor_table(seed, seconds=seconds, wear_start_s=wear_start_s)
    want = model_baseline(table, start_s, end_s)
    given = {column: values.copy() for column, values in table.items()}
    got = call_student(baseline_stats, f"baseline_stats(table, {start_s:g}, {end_s:g})", "1", given, start_s, end_s)
    if not isinstance(got, dict) or any(column not in got for column in SIGNALS):
        raise CheckFailed(
            f"baseline_stats가 {got!r:.120}을(를) 돌려주었습니다. 키가 {list(SIGNALS)}이고 값이 "
            "(평균, 표준편차)인 딕셔너리를 돌려주세요 (1단계).",
            f"baseline_stats returned {got!r:.120}; return a dict with keys {list(SIGNALS)} "
            "and (mean, std) values (step 1).",
        )
    for column, (mean, std) in want.items():
        pair = got[column]
        values = [finite_number(v) for v in pair] if isinstance(pair, (tuple, list, np.ndarray)) else []
        numbers = [v for v in values if v is not None]
        if len(values) != 2 or len(numbers) != 2:
            raise CheckFailed(
                f"baseline_stats(...)[{column!r}]가 {pair!r:.80}입니다. (평균, 표준편차) 두 숫자의 튜플을 "
                "돌려주세요 (1단계).",
                f"baseline_stats(...)[{column!r}] is {pair!r:.80}; return a (mean, std) tuple of two numbers (step 1).",
            )
        got_mean, got_std = numbers
        slack = BASELINE_TOLERANCE * std
        if abs(got_mean - mean) > slack or abs(got_std - std) > slack:
            raise CheckFailed(
                f"{column}의 (평균, 표준편차)가 ({got_mean:.4f}, {got_std:.4f})인데 맞는 값은 ({mean:.4f}, {std:.4f})"
                f"입니다. time_s가 {start_s:g} 이상 {end_s:g} 미만인 행만 골라(불리언 마스크) np.mean, np.std를 "
                "쓰세요. 표 전체를 쓰면 예열 구간과 마모 구간이 섞입니다 (1단계).",
                f"{column}'s (mean, std) is ({got_mean:.4f}, {got_std:.4f}); the right values are "
                f"({mean:.4f}, {std:.4f}). Keep only the rows with {start_s:g} <= time_s < {end_s:g} (a boolean mask) "
                "and use np.mean, np.std; the whole table mixes in the warm-up and the wear (step 1).",
            )
    return "ok"


def _first_alarm_s(detector_class: Any, table: dict[str, np.ndarray], end_s: float, step: str) -> float | None:
    """Feed the detector every row from the end of the baseline window to ``end_s``; the first alarm's time."""
    baseline = model_baseline(table, *BASELINE_WINDOW_S)
    detector = call_student(detector_class, "AnomalyDetector(baseline)", step, baseline)
    for row in rows(table, BASELINE_WINDOW_S[1], end_s):
        if call_student(detector.update, f"update (시각 {row['time_s']:g}초의 샘플)", step, row):
            return row["time_s"]
    return None


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f}"


def _wear_alarm(
    detector_class: Any, seed: int, wear_start_s: float, wear_per_h: float, step: str, noise_mm_s: float = 0.0
) -> float:
    """The alarm time on a wearing run; fails when it is false (before the wear) or missing."""
    breakdown_s = crossing_s(wear_start_s, wear_per_h)
    table = motor_table(
        seed,
        seconds=math.ceil(breakdown_s) + 5,
        wear_start_s=wear_start_s,
        wear_per_h=wear_per_h,
        noise_mm_s=noise_mm_s,
    )
    alarm_s = _first_alarm_s(detector_class, table, breakdown_s, step)
    noisy_ko = f", 진동 센서 잡음 +{noise_mm_s:g} mm/s" if noise_mm_s else ""
    noisy_en = f", vibration sensor noise +{noise_mm_s:g} mm/s" if noise_mm_s else ""
    where = f"시드 {seed}, 마모 시작 {_minutes(wear_start_s)}분, 고장 {_minutes(breakdown_s)}분{noisy_ko}"
    where_en = (
        f"seed {seed}, wear from {_minutes(wear_start_s)} min, breakdown at {_minutes(breakdown_s)} min{noisy_en}"
    )
    if alarm_s is None:
        raise CheckFailed(
            f"{where}: 고장 날 때까지 경보가 없었습니다. 진동이 기준선 평균보다 크게 올라가면(z-점수가 한계를 "
            "연속 N번 넘으면) update가 True를 돌려주는지 보세요. 한 번 울린 경보는 계속 True로 두세요 (2단계).",
            f"{where_en}: no alarm before the breakdown. Make update return True once the vibration rises well "
            "above the baseline mean (z-score over the limit N samples in a row), and keep it True (step 2).",
        )
    if alarm_s < wear_start_s:
        raise CheckFailed(
            f"{where}: 경보가 {_minutes(alarm_s)}분에 울렸습니다. 마모가 시작되기 {_minutes(wear_start_s - alarm_s)}분 "
            "전이라 오경보입니다. 잡음 한 번에 울리지 않게 한계를 기준선의 z > 3 정도로 두고 연속 N번(예: 5번) "
            "넘을 때만 경보하세요. 진동이 평균보다 낮은 것(음의 z)은 이상이 아닙니다 (2단계).",
            f"{where_en}: the alarm came at {_minutes(alarm_s)} min, {_minutes(wear_start_s - alarm_s)} min before "
            "the wear started: a false alarm. Use a limit around z > 3 from the baseline and alarm only after N "
            "samples in a row (e.g. 5) over it; vibration below the mean (negative z) is not an anomaly (step 2).",
        )
    return alarm_s


def _grade_detector(
    detector_class: Any,
    seed: int,
    wear_start_s: float,
    wear_per_h: float,
    healthy_seed: int | None,
    noise_mm_s: float,
) -> str:
    if healthy_seed is not None:
        healthy = motor_table(healthy_seed, seconds=HEALTHY_RUN_S, noise_mm_s=noise_mm_s)
        alarm_s = _first_alarm_s(detector_class, healthy, HEALTHY_RUN_S, "2")
        if alarm_s is not None:
            raise CheckFailed(
                f"건강한 모터(시드 {healthy_seed})에서 {_minutes(alarm_s)}분에 경보가 울렸습니다: 오경보입니다. "
                "고정된 한계값 대신 기준선의 평균과 표준편차로 z-점수를 구하고, z > 3 정도가 연속 N번(예: 5번) "
                "이어질 때만 경보하세요. 온도는 계속 천천히 오르고 전류는 부품이 실릴 때마다 뛰므로 진동을 "
                "보세요 (2단계).",
                f"A healthy motor (seed {healthy_seed}) raised an alarm at {_minutes(alarm_s)} min: a false alarm. "
                "Use a z-score from the baseline mean and std instead of a fixed limit, and alarm only when z > 3 "
                "or so holds N samples in a row (e.g. 5). Temperature keeps creeping up and current jumps with "
                "every part on the belt; watch the vibration (step 2).",
            )
    _wear_alarm(detector_class, seed, wear_start_s, wear_per_h, "2", noise_mm_s)
    return "ok"


def _grade_lead(detector_class: Any, seed: int, wear_start_s: float, wear_per_h: float) -> str:
    alarm_s = _wear_alarm(detector_class, seed, wear_start_s, wear_per_h, "3")
    breakdown_s = crossing_s(wear_start_s, wear_per_h)
    lead_s = breakdown_s - alarm_s
    if lead_s < LEAD_S:
        raise CheckFailed(
            f"시드 {seed}: 경보가 고장 {_minutes(lead_s)}분 전에 울렸습니다 "
            f"(마모 시작 {_minutes(alarm_s - wear_start_s)}분 뒤). 정비를 준비하려면 {LEAD_S / 60:g}분 전에는 "
            "알아야 합니다. ISO 한계(4.5 mm/s) 같은 고정값은 늦습니다. 기준선에서 z > 3 정도로 '평소와 다름'을 "
            "잡으세요 (3단계).",
            f"Seed {seed}: the alarm came {_minutes(lead_s)} min before the breakdown "
            f"({_minutes(alarm_s - wear_start_s)} min after the wear began). Maintenance needs {LEAD_S / 60:g} min. "
            "A fixed limit such as ISO's 4.5 mm/s is late; catch 'unlike normal' with z > 3 or so (step 3).",
        )
    return "ok"


def _grade_remaining_life(
    remaining_life_s: Any, seed: int, wear_start_s: float, wear_per_h: float, now_mm_s: float, limit_mm_s: float | None
) -> str:
    from simulator.plant.conveyor.motor_health import BREAKDOWN_MM_S

    limit = BREAKDOWN_MM_S if limit_mm_s is None else limit_mm_s
    target_s = crossing_s(wear_start_s, wear_per_h, limit)
    table = motor_table(seed, seconds=math.ceil(target_s), wear_start_s=wear_start_s, wear_per_h=wear_per_h)
    healthy_mm_s = model_baseline(table, *BASELINE_WINDOW_S)["vibration_mm_s"][0]
    vibration = table["vibration_mm_s"]
    average = np.convolve(vibration, np.ones(NOW_AVERAGE_SAMPLES) / NOW_AVERAGE_SAMPLES)[: len(vibration)]
    now = int(np.argmax((table["time_s"] > wear_start_s) & (average >= now_mm_s)))
    now_s = float(table["time_s"][now])
    window = (table["time_s"] > now_s - RUL_WINDOW_S) & (table["time_s"] <= now_s)
    time_s, vibration_mm_s = table["time_s"][window].copy(), vibration[window].copy()
    what = f"remaining_life_s(time_s, vibration_mm_s, {healthy_mm_s:.3f}, {limit:g})"
    got = finite_number(call_student(remaining_life_s, what, "4", time_s, vibration_mm_s, healthy_mm_s, limit))
    true_s = target_s - now_s
    where = f"시드 {seed}, 지금 {_minutes(now_s)}분 (진동 약 {now_mm_s:g} mm/s), 한계 {limit:g} mm/s"
    where_en = f"Seed {seed}, now {_minutes(now_s)} min (vibration about {now_mm_s:g} mm/s), limit {limit:g} mm/s"
    if got is None or not math.isfinite(got):
        raise CheckFailed(
            f"{where}: remaining_life_s가 숫자(초)를 돌려주지 않았습니다. 실제 남은 시간은 {_minutes(true_s)}분입니다 "
            "(4단계).",
            f"{where_en}: remaining_life_s did not return a number of seconds. The true remaining time is "
            f"{_minutes(true_s)} min (step 4).",
        )
    if abs(got - true_s) > RUL_TOLERANCE * true_s:
        late = got > true_s
        hint_ko = (
            "예측이 늦어 위험한 쪽으로 틀렸습니다. 진동은 직선이 아니라 지수로 커집니다: 기준선 평균을 뺀 값에 "
            "np.log를 취하면 직선이 되니, 그 직선(np.polyfit 1차)을 한계의 로그까지 늘리세요"
            if late
            else "예측이 너무 이릅니다. 기준선 평균을 뺀 진동의 로그에 직선을 맞추고, 한계도 같은 식으로 "
            "log(한계 − 평균)으로 바꾸었는지, 남은 시간을 마지막 샘플 시각부터 쟀는지 보세요"
        )
        hint_en = (
            "The prediction is late, the dangerous side. Vibration grows exponentially, not along a line: the log "
            "of the vibration minus the baseline mean is a line, so fit that (np.polyfit, degree 1) and extend it "
            "to the log of the limit"
            if late
            else "The prediction is too early. Fit a line to the log of the vibration minus the baseline mean, "
            "turn the limit into log(limit − mean) the same way, and count from the last sample's time"
        )
        raise CheckFailed(
            f"{where}: 남은 시간을 {_minutes(got)}분으로 예측했는데 실제는 {_minutes(true_s)}분입니다 "
            f"(허용 ±{RUL_TOLERANCE:.0%}). {hint_ko} (4단계).",
            f"{where_en}: predicted {_minutes(got)} min remaining; the truth is {_minutes(true_s)} min "
            f"(within ±{RUL_TOLERANCE:.0%} allowed). {hint_en} (step 4).",
        )
    return "ok"
