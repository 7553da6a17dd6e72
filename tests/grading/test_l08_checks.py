"""The L08 test cells on correct, blank, partly right and cheating answers (no nbgrader).

Every answer is graded by the notebook's own test cells, the visible and the hidden checks
nbgrader runs, one check call at a time: each case says which checks pass and what the
failing ones tell the student. ``test_every_lab.py`` runs the same cells whole on every lab.
The last tests check the grader's truth (its plant runs and models) against the plant itself.
"""

from __future__ import annotations

import pytest

from curriculum import LABS_DIR as LABS
from grading.labs import l08
from tests.grading.notebook_cells import PASSES, Answer, Fails, LabNotebook, edit, missing_kinds, model_and_blank
from tests.samples.l08 import (
    CPK_AS_CP,
    DRIFT_ABOVE_ONLY,
    LIMITS_FROM_SINGLE_PARTS,
    OEE_QUALITY_FROM_DEFECTS,
    PARETO_UNSORTED,
)

LAB = LabNotebook(LABS / "L08_quality" / "L08_quality.ipynb")
OEE = LAB.source("l08_oee_answer")


def pareto_written_down(lab: LabNotebook) -> dict[str, str]:
    """The model's table for the visible run (seed 1, 60 min), returned whatever the records."""
    table = lab.kernel("l08_pareto")["defect_pareto"](l08.run_line(1, 60).records)
    return {"l08_pareto_answer": f"def defect_pareto(records):\n    return {table!r}\n"}


def limits_written_down(lab: LabNotebook) -> dict[str, str]:
    """The model's limits for the visible subgroups (seed 1, 60 min, every 180 s), whatever the data."""
    kernel = lab.kernel("l08_limits")
    limits = kernel["xbar_r_limits"](
        [heights for _, heights in kernel["sample_subgroups"](l08.run_line(1, 60).records, 180)]
    )
    return {"l08_limits_answer": f"def xbar_r_limits(subgroups):\n    return {limits!r}\n"}


ANSWERS = [
    *model_and_blank(LAB, "l08_oee"),
    Answer(
        "l08_oee",
        "partly right",
        "quality from defects",
        {"l08_oee_answer": OEE_QUALITY_FROM_DEFECTS},
        (PASSES, PASSES, Fails("\\['quality'\\].*MIS_SORT", "MIS_SORT")),
    ),
    Answer(
        "l08_oee",
        "partly right",
        "percentages",
        {
            "l08_oee_answer": edit(
                OEE,
                "    return {",
                "    availability, performance, quality = 100 * availability, 100 * performance, 100 * quality\n"
                "    return {",
            )
        },
        (
            Fails("\\['availability'\\]가 100.0000.*0~1 사이 비율", "a fraction 0–1"),
            Fails("0~1 사이 비율"),
            Fails("0~1 사이 비율"),
        ),
    ),
    Answer(
        "l08_oee",
        "cheating",
        "the visible cycle time",
        {"l08_oee_answer": edit(OEE, "performance = ideal_cycle_s *", "performance = 3.0 *")},
        (PASSES, PASSES, Fails("performance")),
    ),
    *model_and_blank(LAB, "l08_pareto"),
    Answer(
        "l08_pareto",
        "partly right",
        "table order",
        {"l08_pareto_answer": PARETO_UNSORTED},
        (Fails("1번째 행.*파레토 순서", "Pareto order"),) * 3,
    ),
    Answer(
        "l08_pareto",
        "partly right",
        "one cause",
        {"l08_pareto_answer": "def defect_pareto(records):\n    return [('높이 초과', 1, 0.1, 100.0)]\n"},
        (Fails("2행"), Fails("행"), Fails("행")),
    ),
    Answer(
        "l08_pareto",
        "cheating",
        "the visible table written down",
        pareto_written_down,
        (PASSES, Fails("행"), Fails("행")),
    ),
    *model_and_blank(LAB, "l08_limits"),
    Answer(
        "l08_limits",
        "partly right",
        "sigma of single parts",
        {"l08_limits_answer": LIMITS_FROM_SINGLE_PARTS},
        (Fails("A2 × R̄"),) * 3,
    ),
    Answer(
        "l08_limits",
        "cheating",
        "the visible limits written down",
        limits_written_down,
        (PASSES, Fails("맞는 값은"), Fails("맞는 값은")),
    ),
    *model_and_blank(LAB, "l08_cpk"),
    Answer(
        "l08_cpk",
        "partly right",
        "Cp for Cpk",
        {"l08_cpk_answer": CPK_AS_CP},
        (Fails(r"min\(USL − 평균, 평균 − LSL\)"),) * 3,
    ),
    Answer(
        "l08_cpk",
        "cheating",
        "the visible limits",
        {
            "l08_cpk_answer": edit(
                LAB.source("l08_cpk_answer"), "min(usl_mm - mean, mean - lsl_mm)", "min(65.0 - mean, mean - 55.0)"
            )
        },
        (PASSES, PASSES, Fails("cpk")),
    ),
    *model_and_blank(LAB, "l08_drift"),
    Answer(
        "l08_drift",
        "partly right",
        "above the limit only",
        {"l08_drift_answer": DRIFT_ABOVE_ONLY},
        (PASSES, Fails("위·아래 모두", "Count, per shift, the means above UCL or below LCL"), PASSES),
    ),
    Answer(
        "l08_drift",
        "cheating",
        "the visible shift",
        {"l08_drift_answer": "def find_drifted_shift(samples, lcl, ucl):\n    return 'B'\n"},
        (PASSES, Fails("C"), Fails("A")),
    ),
]


@pytest.mark.parametrize("answer", ANSWERS, ids=[answer.id for answer in ANSWERS])
def test_the_test_cell_grades_the_answer_check_by_check(answer):
    answer.check(LAB)


def test_the_failure_is_told_in_english_with_sflab_lang_en(monkeypatch):
    monkeypatch.setenv("SFLAB_LANG", "en")
    graded = LAB.grade("l08_drift", {"l08_drift_answer": DRIFT_ABOVE_ONLY})
    assert "Count, per shift, the means above UCL or below LCL" in str(graded.cell_error)


def test_every_criterion_has_a_correct_a_blank_a_partly_right_and_a_cheating_answer():
    assert missing_kinds(LAB, ANSWERS) == {}


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


def test_the_notebooks_sampling_plan_is_the_graders():
    sample_subgroups = LAB.kernel("l08_limits")["sample_subgroups"]  # the locked cell before step 3
    plant = l08.run_line(7, 90)
    for every_s in (1200, 300):
        assert sample_subgroups(plant.records, every_s) == l08.sample_subgroups(plant.records, every_s)
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
