"""Lab L08's truth: the grader's own runs of the line and the right answers computed from them.

The checks in :mod:`grading.labs.l08` compare a student's OEE, Pareto table, X̄-R limits,
Cpk and drift finder with what these functions compute from the grader's plant (its own
seeds and faults), never from the student's data. The lab's constants live here too.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from simulator.plant.conveyor.shifts import SHIFT_LETTERS, SHIFT_S

#: The lab's scene.
SCENE = "sorting-line-v1"
#: PLC scan period of the grader's runs, in milliseconds (longer than the scene's 10 ms: a day runs fast).
SCAN_PERIOD_MS = 100
#: Nominal part height and the specification limits (the scene's 60 ± 5 mm), in millimetres.
NOMINAL_MM, LSL_MM, USL_MM = 60.0, 55.0, 65.0
#: The bin of parts the inspection rejected.
REJECT_BIN = "bin_ng"
#: Loss causes, in the order that breaks ties in the Pareto table.
CAUSES = ("높이 초과", "높이 미달", "양품 오판정", "재질 오분류")
#: Parts per subgroup of the X̄-R chart and the chart constants for it.
SUBGROUP_SIZE = 5
A2, D3, D4 = 0.577, 0.0, 2.114
#: A quality-check sample (subgroup) is taken every 20 minutes: 24 per shift.
SAMPLE_EVERY_S = 1200.0
#: The grader's day of samples runs this many times faster than a real day (a "shift" of 24 minutes).
DAY_COMPRESSION = 20.0
#: Keys of the dictionaries the students return.
OEE_KEYS = ("availability", "performance", "quality", "oee")
LIMIT_KEYS = ("xbar_cl", "xbar_ucl", "xbar_lcl", "r_cl", "r_ucl", "r_lcl")
#: Tolerances: OEE factors (fractions) and chart limits (mm); percentages (a round(…, 1) passes).
TOLERANCE = 1e-3
PERCENT_TOLERANCE = 0.051


# ================================================================ the truth
def run_line(
    seed: int,
    minutes: float,
    *,
    stop_min: tuple[float, float] | None = None,
    jam_min: tuple[float, float] | None = None,
    drift: tuple[float, float] | None = None,
) -> Any:
    """The reference line after ``minutes`` of running, started at 0 s.

    Args:
        seed: the plant's seed.
        minutes: how long to run.
        stop_min: (stop pressed, start pressed again), in minutes: the operator stops the line.
        jam_min: (from, to) in minutes: the metal pusher is jammed (metal parts reach the wrong bin).
        drift: (from minute, mm per hour): the upstream process drifts (negative: shorter parts).
    """
    from simulator.plant import Fault, Plant

    faults = []
    if jam_min:
        faults.append(Fault("jam", "pusher_metal_out", start_s=60.0 * jam_min[0], end_s=60.0 * jam_min[1]))
    if drift:
        faults.append(Fault("process_drift", "feeder_on", start_s=60.0 * drift[0], severity=drift[1]))
    plant = Plant(SCENE, seed=seed, program="reference", faults=faults, scan_period_ms=SCAN_PERIOD_MS)
    plant.press("start", hold_s=0.3)
    if stop_min:
        plant.press("stop", hold_s=0.3, at_s=60.0 * stop_min[0])
        plant.press("start", hold_s=0.3, at_s=60.0 * stop_min[1])
    return plant.run(minutes=minutes)


def model_oee(records: Sequence[Any], planned_s: float, downtime_s: float, ideal_cycle_s: float) -> dict[str, float]:
    """OEE = 시간가동률 × 성능가동률 × 양품률 of the parts in ``records``."""
    operating_s = planned_s - downtime_s
    produced = len(records)
    good = sum(1 for r in records if r.result == "OK")
    availability = operating_s / planned_s
    performance = ideal_cycle_s * produced / operating_s
    quality = good / produced
    return {
        "availability": availability,
        "performance": performance,
        "quality": quality,
        "oee": availability * performance * quality,
    }


def loss_cause(record: Any) -> str | None:
    """Why a part is not a good part in its bin (one of :data:`CAUSES`), or None for a good part."""
    if record.result == "OK":
        return None
    if record.defect:
        return CAUSES[0] if record.height_mm > NOMINAL_MM else CAUSES[1]
    return CAUSES[2] if record.bin == REJECT_BIN else CAUSES[3]


def model_pareto(records: Sequence[Any]) -> list[tuple[str, int, float, float]]:
    """(cause, parts, % of production, cumulative % of losses), largest cause first, causes seen only."""
    counts = dict.fromkeys(CAUSES, 0)
    for record in records:
        cause = loss_cause(record)
        if cause:
            counts[cause] += 1
    ranked = sorted((c for c in CAUSES if counts[c]), key=lambda c: -counts[c])  # stable: ties keep CAUSES order
    losses = sum(counts.values())
    table, running = [], 0
    for cause in ranked:
        running += counts[cause]
        table.append((cause, counts[cause], 100.0 * counts[cause] / len(records), 100.0 * running / losses))
    return table


def shift_letter(time_s: float, shift_s: float = SHIFT_S) -> str:
    """The shift (A, B, C, each ``shift_s`` long: 8 hours) that ``time_s`` falls in."""
    return SHIFT_LETTERS[int(time_s // shift_s) % len(SHIFT_LETTERS)]


def sample_subgroups(
    records: Sequence[Any], every_s: float = SAMPLE_EVERY_S, size: int = SUBGROUP_SIZE, shift_s: float = SHIFT_S
) -> list[tuple[str, list[float]]]:
    """Quality-check samples: after every ``every_s`` mark, the first ``size`` parts that reached a good bin.

    The records are in the order the parts reached a bin. A mark with fewer than ``size``
    good parts before the next mark (the feeder was broken down) gives no sample.

    Returns:
        (shift letter of the mark, heights in mm) per sample, in time order.
    """
    samples: list[tuple[str, list[float]]] = []
    mark_s, picked = 0.0, list[float]()
    for record in records:
        while record.finished_s >= mark_s + every_s:  # the part belongs to a later sampling window
            mark_s, picked = mark_s + every_s, []
        if record.bin == REJECT_BIN or len(picked) == size:
            continue
        picked.append(record.height_mm)
        if len(picked) == size:
            samples.append((shift_letter(mark_s, shift_s), picked))
    return samples


def model_limits(subgroups: Sequence[Sequence[float]]) -> dict[str, float]:
    """CL/UCL/LCL of the X̄ chart and the R chart for subgroups of :data:`SUBGROUP_SIZE`."""
    means = [statistics.fmean(group) for group in subgroups]
    ranges = [max(group) - min(group) for group in subgroups]
    grand_mean, mean_range = statistics.fmean(means), statistics.fmean(ranges)
    return {
        "xbar_cl": grand_mean,
        "xbar_ucl": grand_mean + A2 * mean_range,
        "xbar_lcl": grand_mean - A2 * mean_range,
        "r_cl": mean_range,
        "r_ucl": D4 * mean_range,
        "r_lcl": D3 * mean_range,
    }


def model_cpk(heights_mm: Sequence[float], lsl_mm: float, usl_mm: float) -> float:
    """Cpk = min(USL − mean, mean − LSL) / 3s, s the sample standard deviation."""
    mean, sd = statistics.fmean(heights_mm), statistics.stdev(heights_mm)
    return min(usl_mm - mean, mean - lsl_mm) / (3.0 * sd)


def out_of_control_by_shift(samples: Sequence[tuple[str, Sequence[float]]], lcl: float, ucl: float) -> dict[str, int]:
    """How many subgroup means of each shift lie outside [lcl, ucl]."""
    counts = {letter: 0 for letter, _ in samples}
    for letter, heights in samples:
        mean = statistics.fmean(heights)
        if mean > ucl or mean < lcl:
            counts[letter] += 1
    return counts


def compressed_day(seed: int, drift_shift: str, severity_mm_per_h: float) -> list[tuple[str, list[float]]]:
    """A day of quality-check samples (24 per shift) with the process drifting during ``drift_shift``.

    A real day takes a few seconds per 8 hours of plant time, too slow for a check. The grader
    compresses it: a sample every minute instead of every 20 minutes, a "shift" of 24 minutes,
    and the drift :data:`DAY_COMPRESSION` times faster, so each shift drifts as far as in 8 hours.
    Heights, noise and drift are the plant's own; only the clock of the sampling plan is faster.

    Args:
        seed: the plant's seed.
        drift_shift: ``"A"``, ``"B"`` or ``"C"``.
        severity_mm_per_h: how fast the real process drifts, in mm per (real) hour.
    """
    from simulator.plant import Fault, Plant

    shift_s = SHIFT_S / DAY_COMPRESSION
    start_s = shift_s * SHIFT_LETTERS.index(drift_shift)
    drift = Fault(
        "process_drift",
        "feeder_on",
        start_s=start_s,
        end_s=start_s + shift_s,
        severity=severity_mm_per_h * DAY_COMPRESSION,
    )
    plant = Plant(SCENE, seed=seed, program="reference", faults=[drift], scan_period_ms=SCAN_PERIOD_MS)
    plant.press("start", hold_s=0.3)
    plant.run(seconds=len(SHIFT_LETTERS) * shift_s)
    return sample_subgroups(plant.records, SAMPLE_EVERY_S / DAY_COMPRESSION, shift_s=shift_s)
