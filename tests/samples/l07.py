"""Prepared L07 submissions of mixed quality, with the score each must get.

The tests grade them to prove partial credit is exact: each wrong answer below is a
mistake students really make with logged data (raw units, sorting by the wrong key,
string-built SQL without grouping, an off-by-one window), and each costs exactly its criterion.
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill, source_answers

#: Points per criterion of lab L07.
POINTS = {"l07_collect": 3.0, "l07_trace": 3.0, "l07_sql": 2.0, "l07_summary": 2.0}

#: Keeps the temperature in raw counts (0.1 °C), so 25 °C shows as 250.
COLLECT_RAW_TEMPERATURE = """
def collect(seed, seconds):
    plant = Plant("sorting-line-v1", seed=seed, program="reference")
    plant.press("start", hold_s=0.3)
    tags = ["lamp_green", "count_metal", "count_plastic", "count_ng", "sorter_temperature"]
    historian = plant.log_tags(every_s=1.0, tags=tags)
    plant.run(seconds=seconds)
    table = historian.as_columns()
    table["temperature_c"] = table.pop("sorter_temperature")
    return table
"""

#: Sorts the lot by part number: the metal bin is nearer, so parts overtake each other.
TRACE_SORTED_BY_ITEM = """
def trace_lot(records, lot):
    found = [(r.item_id, r.bin, r.finished_s) for r in records if r.lot == lot]
    return sorted(found)
"""

#: Forgets GROUP BY: one row for the whole lot, whatever bin it went to.
SQL_WITHOUT_GROUP_BY = """
def lot_bins(db_path, lot):
    db = sqlite3.connect(db_path)
    rows = db.execute(
        "SELECT bin, COUNT(*), MIN(finished_s), MAX(finished_s) FROM production WHERE lot = ?", (lot,)
    ).fetchall()
    db.close()
    return rows
"""

#: Takes the last 60 rows as a minute (59 s apart): one part short now and then.
SUMMARY_SHORT_MINUTE = """
def summary(table):
    totals = [m + p + n for m, p, n in zip(table["count_metal"], table["count_plastic"], table["count_ng"])]
    window = totals[-60:]
    running_rows = sum(1 for on in table["lamp_green"] if on)
    return {
        "produced": totals[-1],
        "per_minute": window[-1] - window[0],
        "temperature_c": table["temperature_c"][-1],
        "running_pct": round(100 * running_rows / len(totals), 1),
    }
"""

#: Sample name → (answers replacing the model answers, or None for the blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "raw_temperature": ({"l07_collect_answer": COLLECT_RAW_TEMPERATURE}, {**POINTS, "l07_collect": 0.0}),
    "trace_sorted_by_item": ({"l07_trace_answer": TRACE_SORTED_BY_ITEM}, {**POINTS, "l07_trace": 0.0}),
    "sql_without_group_by": ({"l07_sql_answer": SQL_WITHOUT_GROUP_BY}, {**POINTS, "l07_sql": 0.0}),
    "summary_short_minute": ({"l07_summary_answer": SUMMARY_SHORT_MINUTE}, {**POINTS, "l07_summary": 0.0}),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, {**source_answers(source), **overrides})
