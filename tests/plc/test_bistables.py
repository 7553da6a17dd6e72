"""SR and RS: the full truth tables, including which input wins when both are TRUE."""

from __future__ import annotations

import pytest

from simulator.plc.bistables import RS, SR

# (Q1 before, set, reset) -> Q1 after
SR_TABLE = [
    (False, False, False, False),
    (False, False, True, False),
    (False, True, False, True),
    (False, True, True, True),  # set wins
    (True, False, False, True),  # remembers
    (True, False, True, False),
    (True, True, False, True),
    (True, True, True, True),  # set wins
]
RS_TABLE = [
    (False, False, False, False),
    (False, False, True, False),
    (False, True, False, True),
    (False, True, True, False),  # reset wins
    (True, False, False, True),  # remembers
    (True, False, True, False),
    (True, True, False, True),
    (True, True, True, False),  # reset wins
]


@pytest.mark.parametrize(("q1_before", "set_", "reset", "q1_after"), SR_TABLE)
def test_sr_is_set_dominant(q1_before: bool, set_: bool, reset: bool, q1_after: bool) -> None:
    sr = SR()
    sr(S1=q1_before, R=not q1_before)
    assert sr.Q1 is q1_before

    assert sr(S1=set_, R=reset) is q1_after
    assert sr.Q1 is q1_after


@pytest.mark.parametrize(("q1_before", "set_", "reset", "q1_after"), RS_TABLE)
def test_rs_is_reset_dominant(q1_before: bool, set_: bool, reset: bool, q1_after: bool) -> None:
    rs = RS()
    rs(S=q1_before, R1=not q1_before)
    assert rs.Q1 is q1_before

    assert rs(S=set_, R1=reset) is q1_after
    assert rs.Q1 is q1_after


@pytest.mark.parametrize("latch_class", [SR, RS])
def test_latch_accepts_positional_inputs(latch_class: type[SR | RS]) -> None:
    latch = latch_class()

    assert latch(True, False) is True
    assert latch(False, False) is True
    assert latch(False, True) is False


@pytest.mark.parametrize("latch_class", [SR, RS])
def test_latch_starts_off(latch_class: type[SR | RS]) -> None:
    assert latch_class().Q1 is False
