"""Checks for lab L07 — data collection and monitoring (데이터 수집과 모니터링, 기초 → 중간1).

Rubric (one nbgrader grade cell per criterion):

============  ======  ============================================================
criterion     points  the student's code must …
============  ======  ============================================================
l07_collect   3       ``collect(seed, seconds)`` run the line and return a table of
                      six columns sampled every second (a historian), temperature in °C
l07_trace     3       ``trace_lot(records, lot)`` list (item_id, bin, finished_s) of
                      every part of the lot, in the order they reached a bin
l07_sql       2       ``lot_bins(db_path, lot)`` answer the same question in SQL:
                      (bin, parts, first, last) per bin, ordered by bin
l07_summary   2       ``summary(table)`` give the dashboard's four numbers: parts made,
                      parts in the last minute, temperature now, running percentage
============  ======  ============================================================

The truth comes from the grader's own plant (same scene, seed and start), never from
the student's table. Visible tests use one seed and a short run; hidden tests use other
seeds, longer runs, other lots, a lot that does not exist and a line that was stopped
for a while, so a hard-coded answer fails them.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path
from typing import Any

from grading.answers import call_student
from grading.checks import CheckFailed
from grading.isolation import run_isolated
from grading.remote import shared_folder

#: The lab's scene.
SCENE = "sorting-line-v1"
#: Columns of the table: column → (tag, scale to the unit, or None to keep the value).
COLUMNS = {
    "time_s": (None, None),
    "lamp_green": ("lamp_green", None),
    "count_metal": ("count_metal", None),
    "count_plastic": ("count_plastic", None),
    "count_ng": ("count_ng", None),
    "temperature_c": ("sorter_temperature", 0.1),
}
#: Tags the historian samples.
LOGGED_TAGS = [tag for tag, _ in COLUMNS.values() if tag]
#: Float tolerance when comparing times and temperatures.
TOLERANCE = 1e-6
#: Keys of ``summary(table)``.
SUMMARY_KEYS = ("produced", "per_minute", "temperature_c", "running_pct")


def model_table(seed: int, seconds: int, stop: tuple[float, float] | None = None) -> dict[str, list[Any]]:
    """The table ``collect`` must return: the reference line started at 0 s, sampled every second.

    Args:
        seed: the plant's seed.
        seconds: run length (one row per second, the first at 0 s).
        stop: (stop pressed at, start pressed again at), to give the dashboard a stopped line.
    """
    from simulator.plant import Plant

    plant = Plant(SCENE, seed=seed, program="reference")
    plant.press("start", hold_s=0.3)
    if stop:
        plant.press("stop", hold_s=0.3, at_s=stop[0])
        plant.press("start", hold_s=0.3, at_s=stop[1])
    historian = plant.log_tags(every_s=1.0, tags=LOGGED_TAGS)
    plant.run(seconds=seconds)
    table: dict[str, list[Any]] = {}
    for column, (tag, scale) in COLUMNS.items():
        values = historian.column(tag or "time_s")
        table[column] = [round(v * scale, 6) for v in values] if scale else list(values)
    return table


def model_summary(table: dict[str, list[Any]]) -> dict[str, float]:
    """The four numbers of the dashboard, from a table shaped like ``collect``'s."""
    totals = [
        m + p + n for m, p, n in zip(table["count_metal"], table["count_plastic"], table["count_ng"], strict=True)
    ]
    minute_ago = totals[-61] if len(totals) > 60 else totals[0]
    return {
        "produced": totals[-1],
        "per_minute": totals[-1] - minute_ago,
        "temperature_c": table["temperature_c"][-1],
        "running_pct": round(100.0 * sum(1 for v in table["lamp_green"] if v) / len(totals), 1),
    }


# ---------------------------------------------------------------- called by the test cells
def check_collect(collect: Any, *, seed: int, seconds: int = 30) -> None:
    """``collect(seed, seconds)`` returns the historian table of the reference line.

    Raises:
        CheckFailed: with the first wrong column or value.
    """
    run_isolated(f"{__name__}:_grade_collect", collect, seed, seconds)


def check_trace(trace_lot: Any, *, seed: int, lots: tuple[str, ...] = ("A-02",), minutes: float = 4.0) -> None:
    """``trace_lot(records, lot)`` lists every part of each lot of ``lots``.

    Raises:
        CheckFailed: with the first wrong lot.
    """
    run_isolated(f"{__name__}:_grade_trace", trace_lot, seed, list(lots), minutes)


def check_sql(lot_bins: Any, *, seed: int, lots: tuple[str, ...] = ("A-02",), minutes: float = 4.0) -> None:
    """``lot_bins(db_path, lot)`` gives (bin, parts, first, last) per bin from the SQLite export.

    Raises:
        CheckFailed: with the first wrong lot.
    """
    run_isolated(f"{__name__}:_grade_sql", lot_bins, seed, list(lots), minutes)


def check_summary(summary: Any, *, seed: int, seconds: int = 90, stop: tuple[float, float] | None = None) -> None:
    """``summary(table)`` gives the dashboard's four numbers for the grader's own table.

    Raises:
        CheckFailed: with the first wrong number.
    """
    run_isolated(f"{__name__}:_grade_summary", summary, seed, seconds, stop)


# ---------------------------------------------------------------- run in the isolated child
def _same(got: Any, want: Any) -> bool:
    if isinstance(want, bool):
        return got in (0, 1) and bool(got) is want
    if isinstance(want, float) or isinstance(got, float):
        return isinstance(got, (int, float)) and not isinstance(got, bool) and math.isclose(got, want, abs_tol=1e-3)
    return not isinstance(got, bool) and got == want


def _grade_collect(collect: Any, seed: int, seconds: int) -> str:
    want = model_table(seed, seconds)
    got = call_student(collect, f"collect({seed}, {seconds})", "1", seed, seconds)
    if not isinstance(got, dict):
        raise CheckFailed(
            f"collect가 {type(got).__name__}을(를) 돌려주었습니다. 열 이름 → 값 목록의 딕셔너리를 돌려주세요 (1단계).",
            f"collect returned a {type(got).__name__}; return a dict of column → list of values (step 1).",
        )
    missing = [c for c in COLUMNS if c not in got]
    if missing:
        raise CheckFailed(
            f"collect의 표에 열 {missing}이(가) 없습니다. 열은 {list(COLUMNS)}입니다 (1단계).",
            f"collect's table lacks the columns {missing}; the columns are {list(COLUMNS)} (step 1).",
        )
    rows = len(want["time_s"])
    for column in COLUMNS:
        values = list(got[column])
        if len(values) != rows:
            raise CheckFailed(
                f"열 {column!r}의 값이 {len(values)}개입니다. {seconds}초를 1초마다 기록하면 "
                f"0초부터 {rows}개입니다. plant.log_tags(every_s=1.0, tags=[...])로 기록하고 "
                "plant.run(seconds=seconds)를 한 번 부르세요 (1단계).",
                f"Column {column!r} has {len(values)} values; sampling {seconds} s every second gives {rows}, "
                "from 0 s. Log with plant.log_tags(every_s=1.0, tags=[...]) and call "
                "plant.run(seconds=seconds) once (step 1).",
            )
    for row in range(rows):
        for column in COLUMNS:
            value, right = got[column][row], want[column][row]
            if not _same(value, right):
                at = want["time_s"][row]
                hint_ko = (
                    "sorter_temperature는 0.1 °C 단위이므로 10으로 나누세요"
                    if column == "temperature_c"
                    else '같은 시드로 모범 프로그램("reference")을 만들고, 0초에 시작 버튼을 누르고(hold_s=0.3), '
                    "기록을 시작한 뒤 운전하세요"
                )
                hint_en = (
                    "sorter_temperature counts 0.1 °C, so divide by 10"
                    if column == "temperature_c"
                    else 'build the plant with the same seed and the "reference" program, press start at 0 s '
                    "(hold_s=0.3), start logging, then run"
                )
                raise CheckFailed(
                    f"{at:g}초 행의 {column!r}가 {value!r}인데 맞는 값은 {right!r}입니다. {hint_ko} (1단계).",
                    f"At the {at:g} s row {column!r} is {value!r}; the right value is {right!r}. {hint_en} (step 1).",
                )
    return "ok"


def _plant_records(seed: int, minutes: float) -> list[Any]:
    from simulator.plant import Plant

    plant = Plant(SCENE, seed=seed, program="reference")
    plant.press("start", hold_s=0.3)
    plant.run(minutes=minutes)
    return plant.records


def _grade_trace(trace_lot: Any, seed: int, lots: list[str], minutes: float) -> str:
    records = _plant_records(seed, minutes)
    for lot in lots:
        want = [(r.item_id, r.bin, r.finished_s) for r in records if r.lot == lot]
        got = call_student(trace_lot, f"trace_lot(records, {lot!r})", "2", list(records), lot)
        rows = [tuple(row) for row in got] if isinstance(got, (list, tuple)) else None
        if rows is None or len(rows) != len(want):
            count = len(rows) if rows is not None else "?"
            raise CheckFailed(
                f"로트 {lot}: trace_lot이 {count}행을 돌려주었습니다 ({got!r:.120}). 맞는 답은 {len(want)}행입니다. "
                f"record.lot이 {lot!r}인 기록을 모두 모으세요. 없는 로트면 빈 목록 []입니다 (2단계).",
                f"Lot {lot}: trace_lot returned {count} row(s) ({got!r:.120}); the right answer has {len(want)}. "
                f"Collect every record whose lot is {lot!r}; an unknown lot gives [] (step 2).",
            )
        for number, (g, w) in enumerate(zip(rows, want, strict=True), start=1):
            if not (len(g) == 3 and g[0] == w[0] and g[1] == w[1] and _same(g[2], w[2])):
                raise CheckFailed(
                    f"로트 {lot}: {number}번째 행이 {g!r}인데 맞는 값은 {w!r}입니다. 행마다 "
                    "(record.item_id, record.bin, record.finished_s)를, 부품 번호 순서가 아니라 "
                    "통에 들어간 순서(records에 쌓인 순서) 그대로 모으세요 (2단계).",
                    f"Lot {lot}: row {number} is {g!r}; the right row is {w!r}. Collect "
                    "(item_id, bin, finished_s) in the order the parts reached a bin (the order of records), "
                    "not by part number (step 2).",
                )
    return "ok"


def _grade_sql(lot_bins: Any, seed: int, lots: list[str], minutes: float) -> str:
    from simulator.plant import Plant

    plant = Plant(SCENE, seed=seed, program="reference")
    plant.press("start", hold_s=0.3)
    plant.run(minutes=minutes)
    # dir: in the trusted pass the student's code has a /tmp of its own; shared_folder() is the one both see.
    # ignore_cleanup_errors: files the student's code leaves there must not fail the check (the pass removes them).
    with tempfile.TemporaryDirectory(dir=shared_folder(), ignore_cleanup_errors=True) as folder:
        db_path = str(plant.export_sqlite(Path(folder) / "production.db"))
        for lot in lots:
            parts = [r for r in plant.records if r.lot == lot]
            want = []
            for bin_name in sorted({r.bin for r in parts}):
                times = [r.finished_s for r in parts if r.bin == bin_name]
                want.append((bin_name, len(times), min(times), max(times)))
            got = call_student(lot_bins, f"lot_bins(db_path, {lot!r})", "3", db_path, lot)
            rows = [tuple(row) for row in got] if isinstance(got, (list, tuple)) else None
            ok = (
                rows is not None
                and len(rows) == len(want)
                and all(
                    len(g) == 4 and all(_same(a, b) for a, b in zip(g, w, strict=True))
                    for g, w in zip(rows, want, strict=True)
                )
            )
            if not ok:
                raise CheckFailed(
                    f"로트 {lot}: lot_bins가 {got!r}을(를) 돌려주었습니다. 맞는 답은 {want!r}입니다. "
                    "SELECT bin, COUNT(*), MIN(finished_s), MAX(finished_s) … WHERE lot = ? GROUP BY bin ORDER BY bin "
                    "처럼 통마다 한 행을 만드세요. 로트는 ?로 넘기세요 (3단계).",
                    f"Lot {lot}: lot_bins returned {got!r}; the right answer is {want!r}. Make one row per bin, "
                    "as SELECT bin, COUNT(*), MIN(finished_s), MAX(finished_s) … WHERE lot = ? GROUP BY bin "
                    "ORDER BY bin; pass the lot as a ? parameter (step 3).",
                )
    return "ok"


def _grade_summary(summary: Any, seed: int, seconds: int, stop: tuple[float, float] | None) -> str:
    table = model_table(seed, seconds, (stop[0], stop[1]) if stop else None)
    want = model_summary(table)
    got = call_student(summary, "summary(table)", "4", {column: list(values) for column, values in table.items()})
    if not isinstance(got, dict) or any(key not in got for key in SUMMARY_KEYS):
        raise CheckFailed(
            f"summary(table)가 {got!r}을(를) 돌려주었습니다. "
            f"키가 {list(SUMMARY_KEYS)}인 딕셔너리를 돌려주세요 (4단계).",
            f"summary(table) returned {got!r}; return a dict with keys {list(SUMMARY_KEYS)} (step 4).",
        )
    hints = {
        "produced": ("마지막 행의 count_metal + count_plastic + count_ng", "the last row's three counts added"),
        "per_minute": (
            "마지막 행의 합계 − 60행 전(60초 전)의 합계 (표가 61행보다 짧으면 첫 행과 비교)",
            "the last row's total minus the total 60 rows (60 s) earlier (the first row when shorter)",
        ),
        "temperature_c": ("마지막 행의 temperature_c", "the last row's temperature_c"),
        "running_pct": (
            "lamp_green이 켜진 행의 비율 × 100, 소수 첫째 자리까지",
            "percentage of rows with lamp_green on, to one decimal",
        ),
    }
    for key in SUMMARY_KEYS:
        tolerance = 0.05 if key == "running_pct" else 1e-3
        value = got[key]
        number = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        if not number or abs(value - want[key]) > tolerance:
            raise CheckFailed(
                f"summary(table)[{key!r}]가 {value!r}인데 맞는 값은 {want[key]!r}입니다: {hints[key][0]} (4단계).",
                f"summary(table)[{key!r}] is {value!r}; the right value is {want[key]!r}: {hints[key][1]} (step 4).",
            )
    return "ok"
