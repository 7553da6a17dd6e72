"""A NaN is never "close enough": every check that compares numbers fails an answer of NaN.

``abs(nan - want) > tolerance`` is False, so a comparison written that way lets NaN through. A
student who read the grader could answer ``float("nan")`` for every number; these are the
cheating submissions of the number-comparing checks of L07–L09.
"""

from __future__ import annotations

import pytest

from grading.checks import CheckFailed
from grading.labs import l07, l08, l09

NAN = float("nan")


def nan_summary(table):
    return dict.fromkeys(l07.SUMMARY_KEYS, NAN)


def nan_oee(records, planned_s, downtime_s, ideal_cycle_s):
    return dict.fromkeys(l08.OEE_KEYS, NAN)


def nan_limits(subgroups):
    return dict.fromkeys(l08.LIMIT_KEYS, NAN)


def nan_baseline(table, start_s, end_s):
    return {signal: (NAN, NAN) for signal in l09.SIGNALS}


@pytest.mark.parametrize(
    "check",
    [
        lambda: l07.check_summary(nan_summary, seed=1),
        lambda: l08.check_oee(nan_oee, seed=1, minutes=30),
        lambda: l08.check_limits(nan_limits, seed=1, minutes=60, every_s=180),
        lambda: l09.check_baseline(nan_baseline, seed=1, window_s=(600, 1800), seconds=2400),
    ],
    ids=["l07_summary", "l08_oee", "l08_limits", "l09_baseline"],
)
def test_an_answer_of_nan_fails(check):
    with pytest.raises(CheckFailed):
        check()
