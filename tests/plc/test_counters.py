"""CTU, CTD and CTUD: counting edges, priorities of reset and load, and the limits."""

from __future__ import annotations

import pytest

from simulator.plc.counters import CTD, CTU, CTUD, PV_MAX, PV_MIN


def pulse_up(counter: CTU | CTUD, times: int) -> None:
    """Give ``CU`` ``times`` rising edges."""
    for _ in range(times):
        counter(CU=True)
        counter(CU=False)


def pulse_down(counter: CTD | CTUD, times: int) -> None:
    """Give ``CD`` ``times`` rising edges."""
    for _ in range(times):
        counter(CD=True)
        counter(CD=False)


def test_limits_are_those_of_int() -> None:
    assert (PV_MIN, PV_MAX) == (-32768, 32767)


# --- CTU ----------------------------------------------------------------------


def test_ctu_counts_rising_edges_not_scans() -> None:
    ctu = CTU(PV=2)
    cv: list[int] = []
    q: list[bool] = []
    for level in "0111001101":
        q.append(ctu(CU=level == "1"))
        cv.append(ctu.CV)

    assert cv == [0, 1, 1, 1, 1, 1, 2, 2, 2, 3]
    assert q == [False] * 6 + [True] * 4
    assert ctu.Q is True


def test_ctu_reset_sets_cv_to_zero() -> None:
    ctu = CTU(PV=2)
    pulse_up(ctu, 3)

    assert ctu(CU=False, R=True) is False
    assert ctu.CV == 0


def test_ctu_reset_wins_and_uses_up_the_edge() -> None:
    ctu = CTU(PV=5)

    ctu(CU=True, R=True)
    assert ctu.CV == 0
    ctu(CU=True)  # CU still held after the reset: no new edge
    assert ctu.CV == 0
    ctu(CU=False)
    ctu(CU=True)
    assert ctu.CV == 1


def test_ctu_pv_given_on_a_call_is_kept() -> None:
    ctu = CTU(PV=5)
    pulse_up(ctu, 2)

    assert ctu(CU=False, PV=2) is True
    assert ctu.PV == 2
    assert ctu(CU=False) is True


def test_ctu_stops_at_pv_max() -> None:
    ctu = CTU(PV=PV_MAX)
    pulse_up(ctu, PV_MAX + 2)

    assert ctu.CV == PV_MAX
    assert ctu.Q is True


# --- CTD ----------------------------------------------------------------------


def test_ctd_q_is_true_before_the_first_load() -> None:
    ctd = CTD(PV=3)

    assert ctd(CD=False) is True
    assert ctd.CV == 0


def test_ctd_loads_pv_then_counts_down_past_zero() -> None:
    ctd = CTD(PV=2)
    ctd(CD=False, LD=True)
    assert (ctd.CV, ctd.Q) == (2, False)

    cv: list[int] = []
    q: list[bool] = []
    for _ in range(3):
        q.append(ctd(CD=True))
        cv.append(ctd.CV)
        ctd(CD=False)

    assert cv == [1, 0, -1]
    assert q == [False, True, True]


def test_ctd_counts_rising_edges_not_scans() -> None:
    ctd = CTD(PV=5)
    ctd(CD=False, LD=True)

    for _ in range(10):
        ctd(CD=True)

    assert ctd.CV == 4


def test_ctd_load_wins_and_uses_up_the_edge() -> None:
    ctd = CTD(PV=5)

    ctd(CD=True, LD=True)
    assert ctd.CV == 5
    ctd(CD=True)  # CD still held after the load: no new edge
    assert ctd.CV == 5


def test_ctd_stops_at_pv_min() -> None:
    ctd = CTD(PV=PV_MIN + 1)
    ctd(CD=False, LD=True)
    pulse_down(ctd, 2)

    assert ctd.CV == PV_MIN


# --- CTUD ---------------------------------------------------------------------


def test_ctud_counts_both_ways() -> None:
    ctud = CTUD(PV=2)
    pulse_up(ctud, 2)
    assert (ctud.CV, ctud.QU, ctud.QD) == (2, True, False)

    pulse_down(ctud, 1)
    assert (ctud.CV, ctud.QU, ctud.QD) == (1, False, False)

    pulse_down(ctud, 2)
    assert (ctud.CV, ctud.QU, ctud.QD) == (-1, False, True)


def test_ctud_returns_qu() -> None:
    ctud = CTUD(PV=1)

    assert ctud(CU=True) is True
    assert ctud(CD=True) is False  # CV back to 0
    assert ctud.QD is True


@pytest.mark.parametrize(
    ("inputs", "expected_cv"),
    [
        ({"R": True}, 0),
        ({"R": True, "LD": True}, 0),
        ({"R": True, "CU": True}, 0),
        ({"LD": True}, 5),
        ({"LD": True, "CU": True}, 5),
        ({"LD": True, "CD": True}, 5),
        ({"CU": True}, 3),
        ({"CD": True}, 1),
        ({"CU": True, "CD": True}, 2),
        ({}, 2),
    ],
    ids=lambda value: repr(value),
)
def test_ctud_priority_reset_then_load_then_count(inputs: dict[str, bool], expected_cv: int) -> None:
    ctud = CTUD(PV=5)
    pulse_up(ctud, 2)

    ctud(**inputs)

    assert ctud.CV == expected_cv


def test_ctud_stops_at_pv_max_and_pv_min() -> None:
    ctud = CTUD()

    ctud(LD=True, PV=PV_MAX - 1)
    pulse_up(ctud, 2)
    assert ctud.CV == PV_MAX

    ctud(LD=True, PV=PV_MIN + 1)
    pulse_down(ctud, 2)
    assert ctud.CV == PV_MIN
