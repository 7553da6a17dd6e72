"""Timers: TON, TOF and TP, the IEC 61131-3 standard timer function blocks.

Units: in the standard, ``PT`` (preset time) and ``ET`` (elapsed time) have the
type TIME (``T#2s``). Here they are plain numbers of **seconds** (``PT=2.0``,
``PT=0.5``), and ``ET`` is a float in seconds.

How a timer knows the time: it reads the PLC's clock (``active_clock().now_s``)
each time it is called. The scan-cycle runtime sets that clock at the start of
every scan, so all timers in one scan see the same time. Calling a timer outside
a PLC scan raises :class:`~simulator.plc.clock.NoClockError`.

Create each timer once, outside the scan function, and call it on every scan
with its input ``IN``. A timer starts timing on an edge of ``IN`` (TON and TP on
the rising edge, TOF on the falling edge), found by an R_TRIG or F_TRIG inside
it, so it must see every scan to see every edge.

``PT`` is stored in the timer: give it when you create the timer
(``TON(PT=2.0)``) or on a call (``ton(IN=x, PT=1.5)``), which replaces the
stored value for this and later calls.

A timer is done on the first scan where ``now - start >= PT``. Times in seconds
are floats, and floats round: ten scans of 0.01 s add up to 0.09999999999999999,
not 0.1, and a strict test would end a 0.1 s timer one scan late. So the test
allows :data:`TIME_EPSILON_S` (one nanosecond) of rounding error. That is far
more than such rounding and far less than a scan, so it never ends a timer early.
"""

from __future__ import annotations

from simulator.plc.clock import active_clock
from simulator.plc.edges import F_TRIG, R_TRIG

#: Rounding allowance, in seconds, when comparing elapsed time with ``PT``.
TIME_EPSILON_S = 1e-9


class TON:
    """TON — 온딜레이 타이머 (on-delay timer).

    ``Q`` turns TRUE once ``IN`` has been TRUE without a break for ``PT`` seconds,
    and stays TRUE while ``IN`` stays TRUE. ``ET`` counts the seconds since ``IN``
    turned TRUE and stops at ``PT``. When ``IN`` turns FALSE, ``Q`` and ``ET``
    go back to FALSE and 0 at once, even if ``PT`` was not reached.

    ``PT`` is checked on every call: if you change it while ``IN`` is TRUE, the
    time already elapsed is compared with the new ``PT``.

    Example::

        jam = TON(PT=2.0)                     # once, outside the scan

        io.alarm = jam(IN=io.box_at_sensor)   # every scan: box stuck for 2 s?
    """

    __slots__ = ("ET", "PT", "Q", "_in_rising", "_start_s")

    def __init__(self, PT: float = 0.0) -> None:
        #: Preset time in seconds.
        self.PT: float = PT
        #: TRUE when ``IN`` has been TRUE for at least ``PT`` seconds.
        self.Q: bool = False
        #: Elapsed time in seconds since ``IN`` turned TRUE, at most ``PT``.
        self.ET: float = 0.0
        self._in_rising = R_TRIG()
        self._start_s: float = 0.0

    def __call__(self, *, IN: bool, PT: float | None = None) -> bool:
        """Run the timer for one scan.

        Args:
            IN: The signal to time.
            PT: New preset time in seconds; leave out to keep the stored one.

        Returns:
            ``Q``.
        """
        now_s = active_clock().now_s
        if PT is not None:
            self.PT = PT

        if self._in_rising(IN):  # IN has just turned TRUE: start timing now
            self._start_s = now_s

        if not IN:
            self.Q = False
            self.ET = 0.0
            return False

        elapsed_s = now_s - self._start_s
        if elapsed_s >= self.PT - TIME_EPSILON_S:
            self.Q = True
            self.ET = self.PT
        else:
            self.Q = False
            self.ET = elapsed_s
        return self.Q


class TOF:
    """TOF — 오프딜레이 타이머 (off-delay timer).

    ``Q`` turns TRUE as soon as ``IN`` is TRUE, and stays TRUE for ``PT`` seconds
    after ``IN`` turns FALSE. ``ET`` counts the seconds since ``IN`` turned FALSE,
    stops at ``PT`` and stays there; it goes back to 0 when ``IN`` turns TRUE.
    If ``IN`` turns TRUE again before ``PT`` has passed, ``Q`` simply stays TRUE
    and the delay starts over at the next fall.

    Example::

        fan = TOF(PT=5.0)                    # once, outside the scan

        io.fan = fan(IN=io.motor_running)    # every scan: fan runs 5 s longer
    """

    __slots__ = ("ET", "PT", "Q", "_in_falling", "_start_s")

    def __init__(self, PT: float = 0.0) -> None:
        #: Preset time in seconds.
        self.PT: float = PT
        #: TRUE while ``IN`` is TRUE and for ``PT`` seconds after it turns FALSE.
        self.Q: bool = False
        #: Elapsed time in seconds since ``IN`` turned FALSE, at most ``PT``.
        self.ET: float = 0.0
        self._in_falling = F_TRIG()
        self._start_s: float = 0.0

    def __call__(self, *, IN: bool, PT: float | None = None) -> bool:
        """Run the timer for one scan.

        Args:
            IN: The signal whose end is delayed.
            PT: New preset time in seconds; leave out to keep the stored one.

        Returns:
            ``Q``.
        """
        now_s = active_clock().now_s
        if PT is not None:
            self.PT = PT

        if self._in_falling(IN):  # IN has just turned FALSE: start timing now
            self._start_s = now_s

        if IN:
            self.Q = True
            self.ET = 0.0
            return True

        if not self.Q:  # the delay is over (or IN was never TRUE): nothing to do
            return False

        elapsed_s = now_s - self._start_s
        if elapsed_s >= self.PT - TIME_EPSILON_S:
            self.Q = False
            self.ET = self.PT
        else:
            self.ET = elapsed_s
        return self.Q


class TP:
    """TP — 펄스 타이머 (pulse timer).

    A rising edge of ``IN`` starts a pulse: ``Q`` is TRUE for exactly ``PT``
    seconds, however long ``IN`` stays TRUE. While a pulse runs, new edges of
    ``IN`` are ignored (the pulse cannot be restarted or made longer).

    ``ET`` counts the seconds since the pulse started and stops at ``PT``. After
    the pulse it stays at ``PT`` while ``IN`` is still TRUE, and goes back to 0
    once ``IN`` is FALSE.

    Example::

        stamp = TP(PT=0.3)                     # once, outside the scan

        io.stamp = stamp(IN=io.box_at_press)   # every scan: press for 0.3 s per box
    """

    __slots__ = ("ET", "PT", "Q", "_in_rising", "_start_s")

    def __init__(self, PT: float = 0.0) -> None:
        #: Pulse length in seconds.
        self.PT: float = PT
        #: TRUE during the pulse.
        self.Q: bool = False
        #: Elapsed time in seconds since the pulse started, at most ``PT``.
        self.ET: float = 0.0
        self._in_rising = R_TRIG()
        self._start_s: float = 0.0

    def __call__(self, *, IN: bool, PT: float | None = None) -> bool:
        """Run the timer for one scan.

        Args:
            IN: The trigger; each rising edge starts a pulse unless one is running.
            PT: New pulse length in seconds; leave out to keep the stored one.

        Returns:
            ``Q``.
        """
        now_s = active_clock().now_s
        if PT is not None:
            self.PT = PT

        # The edge detector sees every call, so an edge that comes during a
        # pulse is used up and does not start a second pulse afterwards.
        if self._in_rising(IN) and not self.Q:
            self.Q = True
            self._start_s = now_s

        if self.Q:
            elapsed_s = now_s - self._start_s
            if elapsed_s >= self.PT - TIME_EPSILON_S:
                self.Q = False
                self.ET = self.PT
            else:
                self.ET = elapsed_s

        if not self.Q and not IN:
            self.ET = 0.0
        return self.Q
