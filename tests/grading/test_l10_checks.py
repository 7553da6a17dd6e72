"""The L10 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.labs import l10
from tests.grading.notebook_cells import failures as failing
from tests.grading.notebook_cells import notebook_cells, run_cells
from tests.samples.l10 import (
    BOTTLENECK_BUSIEST,
    ENERGY_ALL_SLOW,
    SWEEP_IGNORES_COLLISIONS,
    TUNING_BUFFER_ONLY,
    TUNING_TOO_FAST,
)

NOTEBOOK = LABS / "L10_optimization" / "L10_optimization.ipynb"
TUNED = {"station_speed_m_s": 0.3, "buffer_length_m": 3.0}

#: The notebook's tests, one list per criterion (visible first, then hidden).
HIDDEN = {
    "bottleneck": [
        lambda ns: l10.check_bottleneck(ns["find_bottleneck"], seed=1, minutes=30),
        lambda ns: l10.check_bottleneck(ns["find_bottleneck"], seed=11, minutes=60, settings=TUNED),
        lambda ns: l10.check_bottleneck(ns["find_bottleneck"], made_up=True),
    ],
    "sweep": [
        lambda ns: l10.check_sweep(
            ns["sweep"], ns["best_point"], setting="station_speed_m_s", values=[0.2, 0.3, 0.35], seed=1, minutes=10
        ),
        lambda ns: l10.check_sweep(
            ns["sweep"], ns["best_point"], setting="station_speed_m_s", values=[0.15, 0.4, 0.25], seed=5, minutes=10
        ),
        lambda ns: l10.check_sweep(
            ns["sweep"], ns["best_point"], setting="buffer_length_m", values=[0.8, 2.6, 1.6], seed=9, minutes=10
        ),
    ],
    "tuning": [
        lambda ns: l10.check_tuning(ns["TUNING"], seed=1, minutes=30),
        lambda ns: l10.check_tuning(ns["TUNING"], seed=11, minutes=60),
    ],
    "energy": [
        lambda ns: l10.check_energy(ns["ENERGY_TUNING"], seed=1, minutes=30),
        lambda ns: l10.check_energy(ns["ENERGY_TUNING"], seed=23, minutes=60),
    ],
}


@pytest.fixture(scope="module")
def cells() -> dict[str, str]:
    return notebook_cells(NOTEBOOK)


def namespace(cells: dict[str, str], *codes: str) -> dict:
    """The kernel after the setup cell and the given answer cells."""
    return run_cells(cells["l10_setup"], *codes, keep_stubs=True)


def failures(ns: dict, criterion: str) -> list[str]:
    """Messages of the criterion's checks that failed."""
    return failing(HIDDEN[criterion], ns)


@pytest.mark.parametrize(
    ("criterion", "wrong", "says"),
    [
        ("bottleneck", BOTTLENECK_BUSIEST, "기다리는 시간(대기 + 막힘)"),
        ("sweep", SWEEP_IGNORES_COLLISIONS, "충돌·걸림이 없는 행"),
        ("tuning", TUNING_TOO_FAST, "충돌"),
        ("tuning", TUNING_BUFFER_ONLY, "10% 이상"),
        ("energy", ENERGY_ALL_SLOW, "기준 설정의"),
    ],
)
def test_a_wrong_answer_fails_its_criterion_and_says_where_to_look(cells, criterion, wrong, says):
    messages = failures(namespace(cells, wrong), criterion)
    assert messages, f"{criterion}: the wrong answer passed every check"
    assert says in messages[0]


def test_a_setting_out_of_range_is_named_with_its_range():
    with pytest.raises(CheckFailed, match=r"station_speed_m_s.*0\.05~0\.6 m/s"):
        l10.check_tuning({"station_speed_m_s": 2.0}, seed=1, minutes=5)


def test_a_sweep_with_made_up_numbers_fails_at_the_first_wrong_row(cells):
    made_up = (
        "def sweep(setting, values, seed=1, minutes=20):\n"
        "    return [{setting: v, 'good_per_h': 700.0, 'wh_per_good': 0.5, 'collisions': 0, 'jams': 0}"
        " for v in values]\n\n"
        "def best_point(rows):\n    return rows[0]\n"
    )
    with pytest.raises(CheckFailed, match="다시 재어 보니"):
        HIDDEN["sweep"][0](namespace(cells, made_up))
