"""The L08 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

import re

import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.labs import l08
from tests.grading.notebook_cells import failures as failing
from tests.grading.notebook_cells import notebook_cells, run_cells
from tests.samples.l08 import (
    CPK_AS_CP,
    DRIFT_ABOVE_ONLY,
    LIMITS_FROM_SINGLE_PARTS,
    OEE_QUALITY_FROM_DEFECTS,
    PARETO_UNSORTED,
)

NOTEBOOK = LABS / "L08_quality" / "L08_quality.ipynb"
#: The hidden tests of the notebook, one list per criterion (a student answer is graded by all of its criterion's).
HIDDEN = {
    "oee": [
        lambda ns: l08.check_oee(ns["shift_oee"], seed=1, minutes=30),
        lambda ns: l08.check_oee(ns["shift_oee"], seed=5, minutes=60, stop_min=(20, 27)),
        lambda ns: l08.check_oee(ns["shift_oee"], seed=9, minutes=45, jam_min=(10, 25), ideal_cycle_s=2.5),
    ],
    "pareto": [
        lambda ns: l08.check_pareto(ns["defect_pareto"], seed=1, minutes=60),
        lambda ns: l08.check_pareto(ns["defect_pareto"], seed=3, minutes=120, drift=(30, 3.0), jam_min=(90, 100)),
        lambda ns: l08.check_pareto(ns["defect_pareto"], seed=11, minutes=90, drift=(20, -3.0)),
    ],
    "limits": [
        lambda ns: l08.check_limits(ns["xbar_r_limits"], seed=1, minutes=60, every_s=180),
        lambda ns: l08.check_limits(ns["xbar_r_limits"], seed=12, minutes=120, every_s=300, drift=(0, 1.0)),
        lambda ns: l08.check_limits(ns["xbar_r_limits"], seed=4, minutes=40, every_s=120),
    ],
    "cpk": [
        lambda ns: l08.check_cpk(ns["cpk"], seed=1, minutes=60),
        lambda ns: l08.check_cpk(ns["cpk"], seed=6, minutes=90, drift=(0, 2.0)),
        lambda ns: l08.check_cpk(ns["cpk"], seed=13, minutes=60, drift=(0, -1.0), lsl_mm=56.0, usl_mm=66.0),
    ],
    "drift": [
        lambda ns: l08.check_drift(ns["find_drifted_shift"], seed=2, drift_shift="B", severity_mm_per_h=0.6),
        lambda ns: l08.check_drift(ns["find_drifted_shift"], seed=9, drift_shift="C", severity_mm_per_h=-0.6),
        lambda ns: l08.check_drift(ns["find_drifted_shift"], seed=15, drift_shift="A", severity_mm_per_h=0.4),
    ],
}


@pytest.fixture(scope="module")
def cells() -> dict[str, str]:
    return notebook_cells(NOTEBOOK)


def namespace(cells: dict[str, str], *codes: str) -> dict:
    """The kernel after the setup cell and the given answer cells."""
    return run_cells(cells["l08_setup"], *codes)


def failures(ns: dict, criterion: str) -> list[str]:
    """Messages of the criterion's checks that failed."""
    return failing(HIDDEN[criterion], ns)


def test_the_notebook_has_as_many_checks_as_this_file():
    calls = re.findall(r"l08\.check_\w+\(", NOTEBOOK.read_text(encoding="utf-8"))
    assert len(calls) == sum(len(checks) for checks in HIDDEN.values())


@pytest.mark.parametrize(
    ("criterion", "wrong", "says"),
    [
        ("oee", OEE_QUALITY_FROM_DEFECTS, "MIS_SORT"),
        ("pareto", PARETO_UNSORTED, "파레토 순서"),
        ("limits", LIMITS_FROM_SINGLE_PARTS, "A2 × R̄"),
        ("cpk", CPK_AS_CP, "min(USL − 평균, 평균 − LSL)"),
        ("drift", DRIFT_ABOVE_ONLY, "위·아래 모두"),
    ],
)
def test_a_wrong_answer_fails_its_criterion_and_says_where_to_look(cells, criterion, wrong, says):
    messages = failures(namespace(cells, wrong), criterion)
    assert messages, f"{criterion}: the wrong answer passed every check"
    assert says in messages[0]


def test_oee_given_as_percentages_is_told_to_use_fractions(cells):
    as_percent = "    availability, performance, quality = 100 * availability, 100 * performance, 100 * quality\n"
    percent = cells["l08_oee_answer"].replace("    return {", as_percent + "    return {")
    assert percent != cells["l08_oee_answer"]
    with pytest.raises(CheckFailed, match="0~1 사이 비율"):
        l08.check_oee(namespace(cells, percent)["shift_oee"], seed=1, minutes=30)


def test_a_pareto_table_with_a_cause_missing_says_how_many_rows(cells):
    only_defects = "def defect_pareto(records):\n    return [('높이 초과', 1, 0.1, 100.0)]\n"
    with pytest.raises(CheckFailed, match="2행"):
        l08.check_pareto(namespace(cells, only_defects)["defect_pareto"], seed=1, minutes=60)


def test_messages_are_english_with_sflab_lang_en(cells, monkeypatch):
    monkeypatch.setenv("SFLAB_LANG", "en")
    with pytest.raises(CheckFailed, match="Count, per shift, the means above UCL or below LCL"):
        l08.check_drift(
            namespace(cells, DRIFT_ABOVE_ONLY)["find_drifted_shift"], seed=9, drift_shift="C", severity_mm_per_h=-0.6
        )


# ---------------------------------------------------------------- the grader's truth is the plant's
@pytest.mark.parametrize(("seed", "stop_min", "jam_min"), [(1, None, None), (5, (20, 27), None), (9, None, (10, 25))])
def test_the_model_oee_is_what_the_plant_reports(seed, stop_min, jam_min):
    plant = l08.run_line(seed, 45, stop_min=stop_min, jam_min=jam_min)
    planned_s = 45 * 60.0
    downtime_s = planned_s - plant.shift_reports()[0].operating_s
    mine = l08.model_oee(plant.records, planned_s, downtime_s, plant.scene.ideal_cycle_s)
    kpis = plant.kpis()
    for key in l08.OEE_KEYS:
        assert mine[key] == pytest.approx(getattr(kpis, key), abs=1e-3)


def test_every_loss_cause_happens_in_the_hidden_pareto_run_and_the_order_is_not_the_table_order():
    plant = l08.run_line(3, 120, drift=(30, 3.0), jam_min=(90, 100))
    causes = [row[0] for row in l08.model_pareto(plant.records)]
    assert sorted(causes) == sorted(l08.CAUSES)
    assert causes != list(l08.CAUSES)
    assert sum(row[1] for row in l08.model_pareto(plant.records)) == sum(1 for r in plant.records if r.result != "OK")


def test_the_notebooks_sampling_plan_is_the_graders(cells):
    ns = namespace(cells)
    exec(compile(cells["l08_sampling"], "<sampling>", "exec"), ns)  # noqa: S102 - the notebook's own cell
    plant = l08.run_line(7, 90)
    for every_s in (1200, 300):
        assert ns["sample_subgroups"](plant.records, every_s) == l08.sample_subgroups(plant.records, every_s)
    samples = l08.sample_subgroups(plant.records, 300)
    assert samples and all(len(heights) == l08.SUBGROUP_SIZE for _, heights in samples)


def test_a_real_days_drift_shows_on_the_chart_of_the_drifted_shift():
    """A real (uncompressed) day with the drift in shift C: the model finds C with limits from shift A."""
    from simulator.plant import Fault, Plant

    drift = Fault("process_drift", "feeder_on", start_s=2 * l08.SHIFT_S, end_s=3 * l08.SHIFT_S, severity=0.6)
    day = Plant(l08.SCENE, seed=4, program="reference", faults=[drift], scan_period_ms=l08.SCAN_PERIOD_MS)
    day.press("start", hold_s=0.3)
    day.run(hours=24)
    samples = l08.sample_subgroups(day.records)
    assert {letter for letter, _ in samples} == set("ABC")
    limits = l08.model_limits([heights for letter, heights in samples if letter == "A"])
    counts = l08.out_of_control_by_shift(samples, limits["xbar_lcl"], limits["xbar_ucl"])
    assert max(counts, key=counts.__getitem__) == "C"
