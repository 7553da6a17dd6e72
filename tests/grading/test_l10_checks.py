"""The L10 test cells on correct, blank, partly right and cheating answers (no nbgrader).

Every answer is graded by the notebook's own test cells, the visible and the hidden checks
nbgrader runs, one check call at a time: each case says which checks pass and what the
failing ones tell the student. ``test_every_lab.py`` runs the same cells whole on every lab.
"""

from __future__ import annotations

import pytest

from curriculum import LABS_DIR as LABS
from tests.grading.notebook_cells import (
    NOT_ANSWERED,
    PASSES,
    Answer,
    Fails,
    LabNotebook,
    edit,
    missing_kinds,
    model_and_blank,
)
from tests.samples.l10 import (
    BOTTLENECK_BUSIEST,
    ENERGY_ALL_SLOW,
    SWEEP_BLANK,
    SWEEP_IGNORES_COLLISIONS,
    TUNING_BUFFER_ONLY,
    TUNING_TOO_FAST,
)

LAB = LabNotebook(LABS / "L10_optimization" / "L10_optimization.ipynb")
#: A sweep that measures nothing: the same made-up row for every value.
MADE_UP_SWEEP = (
    "def sweep(setting, values, seed=1, minutes=20):\n"
    "    return [{setting: v, 'good_per_h': 700.0, 'wh_per_good': 0.5, 'collisions': 0, 'jams': 0}"
    " for v in values]\n\n"
    "def best_point(rows):\n    return rows[0]\n"
)

ANSWERS = [
    *model_and_blank(LAB, "l10_bottleneck"),
    Answer(
        "l10_bottleneck",
        "partly right",
        "the busiest station",
        {"l10_bottleneck_answer": BOTTLENECK_BUSIEST},
        (
            PASSES,  # the busiest station of the visible table is its bottleneck
            Fails("'feeder'.*병목은 'marker'.*기다리는 시간\\(대기 \\+ 막힘\\)", "waits least"),
            Fails("병목은 'press'"),
        ),
    ),
    Answer(
        "l10_bottleneck",
        "cheating",
        "the visible name",
        {"l10_bottleneck_answer": "def find_bottleneck(rows):\n    return 'marker'\n"},
        (PASSES, PASSES, Fails("기다리는 시간")),
    ),
    *model_and_blank(LAB, "l10_sweep"),
    Answer(
        "l10_sweep",
        "partly right",
        "collisions ignored",
        {"l10_sweep_answer": SWEEP_IGNORES_COLLISIONS},
        (
            Fails("충돌·걸림이 없는 행 가운데.*station_speed_m_s = 0.3", "without collisions or jams"),
            Fails("충돌·걸림이 없는 행"),
            PASSES,  # no buffer length collides
        ),
    ),
    Answer(
        "l10_sweep",
        "blank",
        "the released cell",
        {"l10_sweep_answer": SWEEP_BLANK},
        (Fails(NOT_ANSWERED),) * 3,
    ),
    Answer(
        "l10_sweep",
        "cheating",
        "made-up numbers",
        {"l10_sweep_answer": MADE_UP_SWEEP},
        (Fails("다시 재어 보니"),) * 3,
    ),
    Answer(
        "l10_sweep",
        "cheating",
        "the visible seed",
        {"l10_sweep_answer": edit(LAB.source("l10_sweep_answer"), "seed=seed,", "seed=1,")},
        (PASSES, Fails("다시 재어 보니"), Fails("다시 재어 보니")),
    ),
    *model_and_blank(LAB, "l10_tuning"),
    Answer(
        "l10_tuning",
        "partly right",
        "too fast",
        {"l10_tuning_answer": TUNING_TOO_FAST},
        (Fails("충돌"),) * 2,
    ),
    Answer(
        "l10_tuning",
        "partly right",
        "buffer only",
        {"l10_tuning_answer": TUNING_BUFFER_ONLY},
        (Fails("10% 이상"),) * 2,
    ),
    Answer(
        "l10_tuning",
        "cheating",
        "a speed out of range",
        {"l10_tuning_answer": 'TUNING = {"station_speed_m_s": 2.0}\n'},
        (Fails(r"station_speed_m_s.*0\.05~0\.6 m/s"),) * 2,
    ),
    *model_and_blank(LAB, "l10_energy"),
    Answer(
        "l10_energy",
        "partly right",
        "every belt slow",
        {"l10_energy_answer": ENERGY_ALL_SLOW},
        (Fails("기준 설정의"),) * 2,
    ),
    Answer(
        "l10_energy",
        "cheating",
        "a belt stopped",
        {"l10_energy_answer": 'ENERGY_TUNING = {"station_speed_m_s": 0.3, "infeed_speed_m_s": 0.0}\n'},
        (Fails(r"infeed_speed_m_s.*0\.05~0\.6 m/s"),) * 2,
    ),
]


@pytest.mark.parametrize("answer", ANSWERS, ids=[answer.id for answer in ANSWERS])
def test_the_test_cell_grades_the_answer_check_by_check(answer):
    answer.check(LAB)


def test_every_criterion_has_a_correct_a_blank_a_partly_right_and_a_cheating_answer():
    assert missing_kinds(LAB, ANSWERS) == {}
