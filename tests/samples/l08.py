"""Prepared L08 submissions of mixed quality, with the score each must get.

The tests grade them to prove partial credit is exact: each wrong answer below is a
mistake students really make with quality data (quality as 1 − defect rate, a Pareto
table left in a fixed order, control limits from the spread of single parts, Cp instead
of Cpk, a drift looked for on one side only), and each costs exactly its criterion.
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill, source_answers

#: Points per criterion of lab L08.
POINTS = {"l08_oee": 3.0, "l08_pareto": 2.0, "l08_limits": 3.0, "l08_cpk": 1.0, "l08_drift": 1.0}

#: Quality as 1 − defect rate: right until good parts reach the wrong bin (a jammed pusher).
OEE_QUALITY_FROM_DEFECTS = """
def shift_oee(records, planned_s, downtime_s, ideal_cycle_s=3.0):
    operating_s = planned_s - downtime_s
    produced = len(records)
    defective = sum(1 for record in records if record.defect)
    availability = operating_s / planned_s
    performance = ideal_cycle_s * produced / operating_s
    quality = 1 - defective / produced
    return {
        "availability": availability,
        "performance": performance,
        "quality": quality,
        "oee": availability * performance * quality,
    }
"""

#: Counts the causes right but keeps them in the table's order, not largest first.
PARETO_UNSORTED = """
def defect_pareto(records):
    counts = {"높이 초과": 0, "높이 미달": 0, "양품 오판정": 0, "재질 오분류": 0}
    for record in records:
        if record.result == "OK":
            continue
        if record.defect:
            counts["높이 초과" if record.height_mm > 60 else "높이 미달"] += 1
        elif record.bin == "bin_ng":
            counts["양품 오판정"] += 1
        else:
            counts["재질 오분류"] += 1
    losses = sum(counts.values())
    table, running = [], 0
    for cause, count in counts.items():
        if count:
            running += count
            table.append((cause, count, 100 * count / len(records), 100 * running / losses))
    return table
"""

#: X̄ limits from three standard deviations of the single heights, not A2 × R̄.
LIMITS_FROM_SINGLE_PARTS = """
def xbar_r_limits(subgroups):
    heights = [h for group in subgroups for h in group]
    ranges = [max(group) - min(group) for group in subgroups]
    mean, sd = statistics.fmean(heights), statistics.stdev(heights)
    mean_range = statistics.fmean(ranges)
    return {
        "xbar_cl": mean,
        "xbar_ucl": mean + 3 * sd,
        "xbar_lcl": mean - 3 * sd,
        "r_cl": mean_range,
        "r_ucl": 2.114 * mean_range,
        "r_lcl": 0.0,
    }
"""

#: Cp (USL − LSL) / 6s: the same as Cpk only when the process sits exactly in the middle.
CPK_AS_CP = """
def cpk(heights_mm, lsl_mm, usl_mm):
    return (usl_mm - lsl_mm) / (6 * statistics.stdev(heights_mm))
"""

#: Counts only the means above UCL: misses a process that drifts down.
DRIFT_ABOVE_ONLY = """
def find_drifted_shift(samples, lcl, ucl):
    above = {}
    for letter, heights in samples:
        above[letter] = above.get(letter, 0) + (statistics.fmean(heights) > ucl)
    return max(above, key=above.get)
"""

#: Sample name → (answers replacing the model answers, or None for the blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "quality_from_defects": ({"l08_oee_answer": OEE_QUALITY_FROM_DEFECTS}, {**POINTS, "l08_oee": 0.0}),
    "pareto_unsorted": ({"l08_pareto_answer": PARETO_UNSORTED}, {**POINTS, "l08_pareto": 0.0}),
    "limits_from_single_parts": ({"l08_limits_answer": LIMITS_FROM_SINGLE_PARTS}, {**POINTS, "l08_limits": 0.0}),
    "cpk_as_cp": ({"l08_cpk_answer": CPK_AS_CP}, {**POINTS, "l08_cpk": 0.0}),
    "drift_above_only": ({"l08_drift_answer": DRIFT_ABOVE_ONLY}, {**POINTS, "l08_drift": 0.0}),
    "partial": (
        {"l08_oee_answer": OEE_QUALITY_FROM_DEFECTS, "l08_cpk_answer": CPK_AS_CP, "l08_drift_answer": DRIFT_ABOVE_ONLY},
        {**POINTS, "l08_oee": 0.0, "l08_cpk": 0.0, "l08_drift": 0.0},
    ),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, {**source_answers(source), **overrides})
