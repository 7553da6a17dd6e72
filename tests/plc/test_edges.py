"""R_TRIG and F_TRIG: one call of Q per edge, and what happens on the first call."""

from __future__ import annotations

import pytest

from simulator.plc.edges import F_TRIG, R_TRIG


def run_calls(trigger: R_TRIG | F_TRIG, clk_diagram: str) -> str:
    """Call ``trigger`` once per character of ``clk_diagram`` ("1" TRUE, "0" FALSE).

    Returns the diagram of ``Q``.
    """
    return "".join("1" if trigger(CLK=level == "1") else "0" for level in clk_diagram)


@pytest.mark.parametrize(
    ("trigger_class", "q_diagram"),
    [
        #                    CLK: "0110111001"
        pytest.param(R_TRIG, "0100100001", id="R_TRIG"),
        pytest.param(F_TRIG, "0001000100", id="F_TRIG"),
    ],
)
def test_trigger_diagram(trigger_class: type[R_TRIG | F_TRIG], q_diagram: str) -> None:
    assert run_calls(trigger_class(), "0110111001") == q_diagram


@pytest.mark.parametrize(
    ("trigger_class", "first_clk", "first_q"),
    [
        (R_TRIG, True, True),
        (R_TRIG, False, False),
        (F_TRIG, False, False),
        (F_TRIG, True, False),
    ],
)
def test_trigger_first_call(trigger_class: type[R_TRIG | F_TRIG], first_clk: bool, first_q: bool) -> None:
    assert trigger_class()(first_clk) is first_q


def test_f_trig_fires_once_clk_has_been_true() -> None:
    assert run_calls(F_TRIG(), "0010") == "0001"


@pytest.mark.parametrize("trigger_class", [R_TRIG, F_TRIG])
def test_trigger_q_attribute_matches_the_result(trigger_class: type[R_TRIG | F_TRIG]) -> None:
    trigger = trigger_class()

    for level in (True, False, True, True, False):
        assert trigger(level) is trigger.Q
