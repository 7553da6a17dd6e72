"""TON, TOF and TP against the timing diagrams of IEC 61131-3, scan by scan.

A diagram is a string with one character per 10 ms scan: "1" is TRUE, "0" FALSE.
Scan ``i`` runs at ``now_s = i * 0.01`` (added up scan by scan, as floats).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from simulator.plc.clock import NoClockError, ScanClock, using_clock
from simulator.plc.timers import TOF, TON, TP

SCAN_S = 0.01

Timer = TON | TOF | TP


@pytest.fixture
def clock() -> Iterator[ScanClock]:
    with using_clock(ScanClock()) as clock:
        yield clock


def run_scans(clock: ScanClock, timer: Timer, in_diagram: str) -> tuple[str, list[float]]:
    """Call ``timer`` once per scan with ``IN`` from ``in_diagram``.

    Returns the diagram of ``Q`` and the value of ``ET`` after each scan.
    """
    q_diagram = ""
    et_s: list[float] = []
    for level in in_diagram:
        q = timer(IN=level == "1")
        q_diagram += "1" if q else "0"
        et_s.append(timer.ET)
        clock.now_s += SCAN_S
    return q_diagram, et_s


# --- TON ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("in_diagram", "q_diagram"),
    [
        pytest.param(
            "0111111111000",
            "0000001111000",
            id="on after PT, off with IN",
        ),
        pytest.param(
            "0111011111100",
            "0000000000100",
            id="interrupted before PT starts over",
        ),
        pytest.param(
            "0111100000000",
            "0000000000000",
            id="IN shorter than PT never fires",
        ),
    ],
)
def test_ton_diagram(clock: ScanClock, in_diagram: str, q_diagram: str) -> None:
    assert run_scans(clock, TON(PT=0.05), in_diagram)[0] == q_diagram


def test_ton_et_counts_up_stops_at_pt_and_resets_when_in_falls(clock: ScanClock) -> None:
    _, et_s = run_scans(clock, TON(PT=0.05), "0111111111000")

    assert et_s[0] == 0.0
    assert et_s[1] == 0.0  # IN just turned TRUE
    assert et_s[3] == pytest.approx(0.02)
    assert et_s[5] == pytest.approx(0.04)
    assert et_s[6:10] == [0.05, 0.05, 0.05, 0.05]  # clamped to exactly PT
    assert et_s[10:] == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("pt_s", [0.01, 0.05, 0.1, 0.3, 1.0])
def test_ton_fires_on_the_scan_where_pt_is_reached(clock: ScanClock, pt_s: float) -> None:
    # Ten scans of 0.01 s add up to 0.09999999999999999: without the rounding
    # allowance, PT=0.1 would fire one scan late.
    q_diagram, _ = run_scans(clock, TON(PT=pt_s), "1" * 150)

    assert q_diagram.index("1") == round(pt_s / SCAN_S)


def test_ton_shorter_pt_while_timing_fires_at_once(clock: ScanClock) -> None:
    ton = TON(PT=1.0)
    run_scans(clock, ton, "1" * 10)  # scans at 0.00 .. 0.09 s

    assert ton(IN=True, PT=0.05) is True  # scan at 0.10 s
    assert ton.ET == 0.05


def test_ton_longer_pt_after_q_waits_for_the_new_pt(clock: ScanClock) -> None:
    ton = TON(PT=0.05)
    q_diagram, _ = run_scans(clock, ton, "111111")
    assert q_diagram == "000001"

    assert ton(IN=True, PT=0.1) is False  # scan at 0.06 s
    assert ton.ET == pytest.approx(0.06)
    clock.now_s += SCAN_S
    q_diagram, _ = run_scans(clock, ton, "11111")  # scans at 0.07 .. 0.11 s
    assert q_diagram == "00011"


def test_ton_pt_given_on_a_call_is_kept(clock: ScanClock) -> None:
    ton = TON(PT=1.0)
    ton(IN=False, PT=0.03)
    assert ton.PT == 0.03

    assert run_scans(clock, ton, "11111")[0] == "00011"


# --- TOF ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("in_diagram", "q_diagram"),
    [
        pytest.param(
            "0011110000000",
            "0011111110000",
            id="on with IN, off PT after the fall",
        ),
        pytest.param(
            "011100110000000",
            "011111111110000",
            id="IN back during the delay restarts it",
        ),
        pytest.param(
            "0000000",
            "0000000",
            id="off at power-up",
        ),
    ],
)
def test_tof_diagram(clock: ScanClock, in_diagram: str, q_diagram: str) -> None:
    assert run_scans(clock, TOF(PT=0.03), in_diagram)[0] == q_diagram


def test_tof_et_counts_after_the_fall_and_holds_pt_until_in(clock: ScanClock) -> None:
    _, et_s = run_scans(clock, TOF(PT=0.03), "0011110000011")

    assert et_s[:7] == [0.0] * 7  # before and while IN, and the scan it falls
    assert et_s[7] == pytest.approx(0.01)
    assert et_s[8] == pytest.approx(0.02)
    assert et_s[9:11] == [0.03, 0.03]  # delay over: held at exactly PT
    assert et_s[11:] == [0.0, 0.0]  # IN is back


def test_tof_et_resets_when_in_comes_back_during_the_delay(clock: ScanClock) -> None:
    _, et_s = run_scans(clock, TOF(PT=0.03), "1001")

    assert et_s[2] == pytest.approx(0.01)
    assert et_s[3] == 0.0


# --- TP -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("in_diagram", "q_diagram"),
    [
        pytest.param(
            "0111111111100",
            "0111110000000",
            id="IN longer than PT",
        ),
        pytest.param(
            "0110000000",
            "0111110000",
            id="IN shorter than PT",
        ),
        pytest.param(
            "010101000100000000",
            "011111000111110000",
            id="edges during a pulse are ignored",
        ),
        pytest.param(
            "0101111111000",
            "0111110000000",
            id="IN rising again during a pulse gives no second pulse",
        ),
    ],
)
def test_tp_diagram(clock: ScanClock, in_diagram: str, q_diagram: str) -> None:
    assert run_scans(clock, TP(PT=0.05), in_diagram)[0] == q_diagram


def test_tp_et_holds_pt_while_in_stays_true(clock: ScanClock) -> None:
    _, et_s = run_scans(clock, TP(PT=0.05), "0111111111100")

    assert et_s[1] == 0.0
    assert et_s[3] == pytest.approx(0.02)
    assert et_s[6:11] == [0.05] * 5  # pulse over, IN still TRUE
    assert et_s[11:] == [0.0, 0.0]


def test_tp_et_resets_when_the_pulse_ends_with_in_false(clock: ScanClock) -> None:
    _, et_s = run_scans(clock, TP(PT=0.05), "0110000000")

    assert et_s[5] == pytest.approx(0.04)
    assert et_s[6:] == [0.0] * 4


def test_tp_fires_on_the_first_call_with_in_true(clock: ScanClock) -> None:
    assert run_scans(clock, TP(PT=0.02), "1111")[0] == "1100"


# --- all timers ---------------------------------------------------------------


@pytest.mark.parametrize("timer_class", [TON, TOF, TP])
@pytest.mark.parametrize("level", [True, False])
def test_timer_without_a_clock_says_so(timer_class: type[Timer], level: bool) -> None:
    timer = timer_class(PT=1.0)

    with pytest.raises(NoClockError, match="PLC"):
        timer(IN=level)
