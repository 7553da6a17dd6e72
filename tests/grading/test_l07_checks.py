"""The L07 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.labs import l07
from tests.grading.notebook_cells import failures as failing
from tests.grading.notebook_cells import notebook_cells, run_cells
from tests.samples.l07 import (
    COLLECT_RAW_TEMPERATURE,
    SQL_WITHOUT_GROUP_BY,
    SUMMARY_SHORT_MINUTE,
    TRACE_SORTED_BY_ITEM,
)

NOTEBOOK = LABS / "L07_monitoring" / "L07_monitoring.ipynb"
#: The hidden tests of the notebook, one per criterion (a student answer is graded by all of its criterion's).
HIDDEN = {
    "collect": [
        lambda ns: l07.check_collect(ns["collect"], seed=1, seconds=30),
        lambda ns: l07.check_collect(ns["collect"], seed=8, seconds=150),
        lambda ns: l07.check_collect(ns["collect"], seed=21, seconds=75),
    ],
    "trace": [
        lambda ns: l07.check_trace(ns["trace_lot"], seed=1, lots=("A-02",), minutes=4),
        lambda ns: l07.check_trace(ns["trace_lot"], seed=8, lots=("A-17", "A-05", "B-01"), minutes=20),
    ],
    "sql": [
        lambda ns: l07.check_sql(ns["lot_bins"], seed=1, lots=("A-02",), minutes=4),
        lambda ns: l07.check_sql(ns["lot_bins"], seed=8, lots=("A-17", "A-09", "C-01"), minutes=20),
    ],
    "summary": [
        lambda ns: l07.check_summary(ns["summary"], seed=1, seconds=90),
        lambda ns: l07.check_summary(ns["summary"], seed=3, seconds=240, stop=(100, 160)),
        lambda ns: l07.check_summary(ns["summary"], seed=17, seconds=45),
    ],
}


@pytest.fixture(scope="module")
def cells() -> dict[str, str]:
    return notebook_cells(NOTEBOOK)


def namespace(cells: dict[str, str], *codes: str) -> dict:
    """The kernel after the setup cell and the given answer cells."""
    return run_cells(cells["l07_setup"], *codes)


def failures(ns: dict, criterion: str) -> list[str]:
    """Messages of the criterion's checks that failed."""
    return failing(HIDDEN[criterion], ns)


@pytest.mark.parametrize(
    ("criterion", "wrong", "says"),
    [
        ("collect", COLLECT_RAW_TEMPERATURE, "10으로 나누세요"),
        ("trace", TRACE_SORTED_BY_ITEM, "통에 들어간 순서"),
        ("sql", SQL_WITHOUT_GROUP_BY, "GROUP BY"),
        ("summary", SUMMARY_SHORT_MINUTE, "60행 전"),
    ],
)
def test_a_wrong_answer_fails_its_criterion_and_says_where_to_look(cells, criterion, wrong, says):
    messages = failures(namespace(cells, wrong), criterion)
    assert messages, f"{criterion}: the wrong answer passed every check"
    assert says in messages[0]


def test_a_table_of_raw_historian_rows_fails_with_the_column_names(cells):
    rows_only = "def collect(seed, seconds):\n    return {'time_s': list(range(seconds))}\n"
    with pytest.raises(CheckFailed, match="temperature_c"):
        l07.check_collect(namespace(cells, rows_only)["collect"], seed=1, seconds=30)


def test_a_collector_started_late_fails_with_the_time_of_the_first_wrong_row(cells):
    late = cells["l07_collect_answer"].replace('plant.press("start", hold_s=0.3)', 'plant.press("start", at_s=5)')
    assert late != cells["l07_collect_answer"]
    with pytest.raises(CheckFailed, match="초 행"):
        l07.check_collect(namespace(cells, late)["collect"], seed=1, seconds=30)
