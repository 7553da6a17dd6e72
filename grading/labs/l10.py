"""Checks for lab L10 — optimisation and energy (최적화와 에너지, 고도).

Rubric (one nbgrader grade cell per criterion):

==============  ======  ============================================================
criterion       points  the student's code must …
==============  ======  ============================================================
l10_bottleneck  2       ``find_bottleneck(rows)`` name the bottleneck of a utilisation
                        table: the station least often waiting (starved + blocked)
l10_sweep       2       ``sweep(setting, values, seed, minutes)`` measure one row per
                        value exactly as ``measure`` does, and ``best_point(rows)`` pick
                        the row with the most good parts among those without collisions
                        and jams (the grader measures every point again)
l10_tuning      4       ``TUNING`` (settings) make at least 10 % more good parts per
                        hour than the scene's own settings over a simulated hour,
                        with no collision and no jam
l10_energy      2       ``ENERGY_TUNING`` use at least 10 % less energy per good part
                        than the scene's own settings, making no fewer good parts,
                        with no collision and no jam
==============  ======  ============================================================

Every number is measured by the grader's own plant (same scene, seed and run length) with
:func:`measure`, the function the notebook's setup cell shows. Visible tests use one seed and
half an hour; hidden tests use other seeds and a whole hour, other settings to sweep and a
made-up utilisation table, so a hard-coded answer fails them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from grading.answers import call_student
from grading.checks import CheckFailed
from grading.isolation import run_isolated
from simulator.plant.conveyor.line_kpis import as_line_kpis

#: The lab's scene.
SCENE = "buffer-line-v1"
#: Step 2: the tuned line must make at least this share more good parts per hour.
THROUGHPUT_GAIN = 0.10
#: Step 3: the tuned line must use at least this share less energy per good part.
ENERGY_CUT = 0.10
#: Keys of one measurement (and of every row ``sweep`` returns, besides the setting).
MEASURED = ("good_per_h", "wh_per_good", "collisions", "jams")
#: Relative tolerance when comparing the student's numbers with the grader's.
TOLERANCE = 1e-6


def measure(settings: Mapping[str, float] | None = None, seed: int = 1, minutes: float = 60) -> dict[str, Any]:
    """Run the reference line with ``settings`` for ``minutes`` and return what the lab compares.

    The notebook's setup cell defines the same function for the students.

    Returns:
        ``good_per_h`` (good parts per hour), ``wh_per_good`` (watt-hours per good part),
        ``collisions``, ``jams`` and ``utilisation`` (the plant's utilisation table).
    """
    from simulator.plant import Plant

    plant = Plant(SCENE, seed=seed, program="reference", settings=dict(settings) if settings else None)
    plant.press("start", hold_s=0.3)
    plant.run(minutes=minutes)
    kpis = as_line_kpis(plant.kpis())
    return {
        "good_per_h": kpis.good * 60.0 / minutes,
        "wh_per_good": kpis.energy_wh_per_good,
        "collisions": kpis.collisions,
        "jams": kpis.jams,
        "utilisation": plant.utilisation(),
    }


def bottleneck_of(rows: list[Mapping[str, Any]]) -> str:
    """The model answer of step 1: the station with the least waiting (starved + blocked) time."""
    return str(min(rows, key=lambda r: (r["starved_pct"] + r["blocked_pct"], -r["busy_pct"]))["name"])


#: A made-up utilisation table of a four-station line (hidden test): the press is busy less often
#: than the washer but breaks down a lot, and is the station that almost never waits.
MADE_UP_ROWS = (
    {"name": "feeder", "ko": "부품 공급기", "busy_pct": 61.0, "starved_pct": 0.0, "blocked_pct": 35.0, "down_pct": 4.0},
    {"name": "press", "ko": "프레스", "busy_pct": 70.5, "starved_pct": 2.5, "blocked_pct": 1.0, "down_pct": 26.0},
    {"name": "washer", "ko": "세척기", "busy_pct": 74.0, "starved_pct": 24.0, "blocked_pct": 0.0, "down_pct": 2.0},
    {"name": "packer", "ko": "포장기", "busy_pct": 52.0, "starved_pct": 47.0, "blocked_pct": 0.0, "down_pct": 1.0},
)


# ---------------------------------------------------------------- called by the test cells
def check_bottleneck(
    find_bottleneck: Any,
    *,
    seed: int = 1,
    settings: Mapping[str, float] | None = None,
    minutes: float = 30,
    made_up: bool = False,
) -> None:
    """``find_bottleneck(rows)`` names the station that waits least in a utilisation table.

    The table comes from the grader's run of the line (``seed``, ``settings``, ``minutes``),
    or is :data:`MADE_UP_ROWS` when ``made_up``.

    Raises:
        CheckFailed: when the answer is not the bottleneck.
    """
    run_isolated(f"{__name__}:_grade_bottleneck", find_bottleneck, seed, dict(settings or {}), minutes, made_up)


def check_tuning(tuning: Any, *, seed: int = 1, minutes: float = 60) -> None:
    """``tuning`` makes ≥ 10 % more good parts per hour than the scene's settings, with no collision or jam.

    Raises:
        CheckFailed: with the measured numbers when it does not.
    """
    run_isolated(f"{__name__}:_grade_tuning", tuning, seed, minutes)


def check_energy(tuning: Any, *, seed: int = 1, minutes: float = 60) -> None:
    """``tuning`` uses ≥ 10 % less energy per good part than the scene's settings, making no fewer good parts.

    Raises:
        CheckFailed: with the measured numbers when it does not.
    """
    run_isolated(f"{__name__}:_grade_energy", tuning, seed, minutes)


def check_sweep(
    sweep: Any, best_point: Any, *, setting: str, values: list[float], seed: int = 1, minutes: float = 20
) -> None:
    """``sweep(setting, values, seed, minutes)`` measures every value; ``best_point(rows)`` picks the best row.

    Raises:
        CheckFailed: with the first wrong row or the wrong choice.
    """
    run_isolated(f"{__name__}:_grade_sweep", sweep, best_point, setting, list(values), seed, minutes)


# ---------------------------------------------------------------- run in the isolated child
def _grade_bottleneck(
    find_bottleneck: Any, seed: int, settings: dict[str, float], minutes: float, made_up: bool
) -> str:
    rows = [dict(row) for row in MADE_UP_ROWS] if made_up else measure(settings, seed, minutes)["utilisation"]
    want = bottleneck_of(rows)
    got = call_student(find_bottleneck, "find_bottleneck(rows)", "1", [dict(row) for row in rows])
    if got != want:
        table = ", ".join(
            f"{r['name']}(가동 {r['busy_pct']:g}%, 대기 {r['starved_pct']:g}%, 막힘 {r['blocked_pct']:g}%, "
            f"고장 {r['down_pct']:g}%)"
            for r in rows
        )
        table_en = ", ".join(
            f"{r['name']} (busy {r['busy_pct']:g}%, starved {r['starved_pct']:g}%, blocked {r['blocked_pct']:g}%, "
            f"down {r['down_pct']:g}%)"
            for r in rows
        )
        raise CheckFailed(
            f"find_bottleneck가 {got!r}을(를) 돌려주었는데 병목은 {want!r}입니다. 표: {table}. "
            "병목은 가동률이 가장 높은 곳이 아니라 **기다리는 시간(대기 + 막힘)이 가장 짧은** 설비입니다. "
            "고장 난 시간도 그 설비가 라인을 붙잡고 있는 시간입니다. 행의 'name'을 돌려주세요 (1단계).",
            f"find_bottleneck returned {got!r}; the bottleneck is {want!r}. Table: {table_en}. The bottleneck "
            "is the station that waits least (starved + blocked), not simply the busiest: its downtime holds "
            "the line up too. Return the row's 'name' (step 1).",
        )
    return "ok"


def _tuned(tuning: Any, step: str, name: str) -> dict[str, float]:
    """The student's settings, checked the way the plant will check them."""
    from simulator.scenes import get_scene
    from simulator.scenes.variants import SettingsError, with_settings

    if isinstance(tuning, Mapping) and not tuning:
        raise CheckFailed(
            f"{name}이(가) 비어 있습니다. 아직 답을 쓰지 않았습니다: 바꿀 설정을 "
            f'{{"station_speed_m_s": 0.25}}처럼 넣으세요 ({step}단계).',
            f'{name} is empty. Not answered yet: put in the settings to change, like {{"station_speed_m_s": 0.25}} '
            f"(step {step}).",
        )
    if not isinstance(tuning, Mapping):
        raise CheckFailed(
            f"{name}이(가) {tuning!r}입니다. 설정 이름 → 값의 딕셔너리를 만드세요 "
            f'(예: {{"station_speed_m_s": 0.25}}) ({step}단계).',
            f'{name} is {tuning!r}; make a dict of setting name → value (e.g. {{"station_speed_m_s": 0.25}}) '
            f"(step {step}).",
        )
    try:
        with_settings(get_scene(SCENE), dict(tuning))
    except SettingsError as error:
        raise CheckFailed(f"{name}: {error.ko} ({step}단계)", f"{name}: {error.en} (step {step})") from None
    return dict(tuning)


def _no_harm(tuned: dict[str, Any], name: str, step: str) -> None:
    if tuned["collisions"] or tuned["jams"]:
        raise CheckFailed(
            f"{name}로 돌린 라인에서 충돌 {tuned['collisions']}건, 걸림(jam) {tuned['jams']}건이 났습니다. "
            "부품이 줄이나 스토퍼에 너무 빨리 닿으면(어큐뮬레이션 컨베이어의 허용 속도 초과) 찍힙니다. "
            f"충돌이 0이 되는 속도까지 낮추세요 ({step}단계).",
            f"The line with {name} had {tuned['collisions']} collision(s) and {tuned['jams']} jam(s). Parts "
            "that reach a queue or a stop too fast (above the accumulation belt's gentle speed) are knocked. "
            f"Slow down until there are no collisions (step {step}).",
        )


def _grade_tuning(tuning: Any, seed: int, minutes: float) -> str:
    settings = _tuned(tuning, "3", "TUNING")
    base, tuned = measure(None, seed, minutes), measure(settings, seed, minutes)
    _no_harm(tuned, "TUNING", "3")
    want = base["good_per_h"] * (1 + THROUGHPUT_GAIN)
    if tuned["good_per_h"] < want - 1e-9:
        gain = 100.0 * (tuned["good_per_h"] / base["good_per_h"] - 1) if base["good_per_h"] else 0.0
        raise CheckFailed(
            f"시드 {seed}, {minutes:g}분: 양품이 시간당 {tuned['good_per_h']:.0f}개로 기준 설정의 "
            f"{base['good_per_h']:.0f}개보다 {gain:+.1f}% 입니다. {100 * THROUGHPUT_GAIN:.0f}% 이상 늘려야 합니다 "
            f"(시간당 {want:.0f}개). 병목 설비의 사이클을 줄이는 설정을 찾고, 버퍼로 고장의 영향을 줄이세요 (3단계).",
            f"Seed {seed}, {minutes:g} min: {tuned['good_per_h']:.0f} good parts per hour, {gain:+.1f}% against "
            f"the scene's {base['good_per_h']:.0f}. It must be at least {100 * THROUGHPUT_GAIN:.0f}% more "
            f"({want:.0f} per hour). Shorten the bottleneck's cycle and let a buffer absorb breakdowns (step 3).",
        )
    return "ok"


def _grade_energy(tuning: Any, seed: int, minutes: float) -> str:
    settings = _tuned(tuning, "4", "ENERGY_TUNING")
    base, tuned = measure(None, seed, minutes), measure(settings, seed, minutes)
    _no_harm(tuned, "ENERGY_TUNING", "4")
    if tuned["good_per_h"] < base["good_per_h"] - 1e-9:
        raise CheckFailed(
            f"시드 {seed}, {minutes:g}분: 양품이 시간당 {tuned['good_per_h']:.0f}개로 기준 설정의 "
            f"{base['good_per_h']:.0f}개보다 적습니다. 에너지를 줄이면서 생산량은 줄이지 마세요: "
            "병목 설비를 늦추면 라인 전체가 늦어집니다 (4단계).",
            f"Seed {seed}, {minutes:g} min: {tuned['good_per_h']:.0f} good parts per hour, fewer than the "
            f"scene's {base['good_per_h']:.0f}. Save energy without losing output: slowing the bottleneck "
            "slows the whole line (step 4).",
        )
    want = base["wh_per_good"] * (1 - ENERGY_CUT)
    if tuned["wh_per_good"] > want + 1e-9:
        cut = 100.0 * (1 - tuned["wh_per_good"] / base["wh_per_good"]) if base["wh_per_good"] else 0.0
        raise CheckFailed(
            f"시드 {seed}, {minutes:g}분: 양품 1개당 {tuned['wh_per_good']:.3f} Wh로 기준 "
            f"{base['wh_per_good']:.3f} Wh보다 {cut:.1f}% 적습니다. {100 * ENERGY_CUT:.0f}% 이상 줄여야 합니다 "
            f"({want:.3f} Wh 이하). 병목이 아닌 컨베이어는 천천히 돌려도 생산량이 그대로입니다 (4단계).",
            f"Seed {seed}, {minutes:g} min: {tuned['wh_per_good']:.3f} Wh per good part, {cut:.1f}% below the "
            f"scene's {base['wh_per_good']:.3f} Wh. It must be at least {100 * ENERGY_CUT:.0f}% less "
            f"({want:.3f} Wh or less). Belts that are not the bottleneck can run slower without losing output "
            "(step 4).",
        )
    return "ok"


def _close(got: Any, want: float) -> bool:
    if isinstance(got, bool) or not isinstance(got, int | float):
        return False
    return math.isclose(got, want, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def _grade_sweep(sweep: Any, best_point: Any, setting: str, values: list[float], seed: int, minutes: float) -> str:
    call = f"sweep({setting!r}, {values}, seed={seed}, minutes={minutes:g})"
    rows = call_student(sweep, call, "2", setting, list(values), seed, minutes)
    if not isinstance(rows, list | tuple) or len(rows) != len(values) or not all(isinstance(r, Mapping) for r in rows):
        raise CheckFailed(
            f"{call}이(가) {rows!r:.150}을(를) 돌려주었습니다. 값마다 한 행(딕셔너리)씩, "
            f"{len(values)}개 행의 목록을 돌려주세요 (2단계).",
            f"{call} returned {rows!r:.150}; return a list of {len(values)} rows (dicts), one per value (step 2).",
        )
    truth = []
    for value, row in zip(values, rows, strict=True):
        want = measure({setting: value}, seed, minutes)
        truth.append({setting: value, **{key: want[key] for key in MEASURED}})
        for key in (setting, *MEASURED):
            right = value if key == setting else want[key]
            if key not in row or not _close(row[key], right):
                raise CheckFailed(
                    f"{call}: {setting} = {value:g}인 행의 {key!r}가 {row.get(key, '(없음)')!r}인데 다시 재어 보니 "
                    f"{right!r}입니다. 행마다 {{{setting!r}: 값, 'good_per_h', 'wh_per_good', 'collisions', 'jams'}}를 "
                    "measure({setting: 값}, seed, minutes)로 재어 채우세요 (2단계).",
                    f"{call}: in the row for {setting} = {value:g}, {key!r} is {row.get(key, '(missing)')!r}; "
                    f"measured again it is {right!r}. Fill each row with {setting!r} and good_per_h, wh_per_good, "
                    "collisions, jams from measure({setting: value}, seed, minutes) (step 2).",
                )
    safe = [row for row in truth if row["collisions"] == 0 and row["jams"] == 0]
    want_value = max(safe, key=lambda r: r["good_per_h"])[setting] if safe else None
    got = call_student(best_point, "best_point(rows)", "2", [dict(row) for row in rows])
    got_value = got.get(setting) if isinstance(got, Mapping) else got
    if want_value is None or got_value is None or not _close(got_value, want_value):
        raise CheckFailed(
            f"best_point(rows)가 {got!r:.120}을(를) 골랐는데, 충돌·걸림이 없는 행 가운데 시간당 양품이 가장 많은 행은 "
            f"{setting} = {want_value!r}입니다. 충돌이나 걸림이 있는 점은 아무리 많이 만들어도 쓸 수 없습니다 (2단계).",
            f"best_point(rows) chose {got!r:.120}; among the rows without collisions or jams the most good parts "
            f"per hour come at {setting} = {want_value!r}. A point with collisions or jams is never usable (step 2).",
        )
    return "ok"
