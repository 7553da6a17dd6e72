"""Bistables: SR and RS, the IEC 61131-3 standard latches (flip-flops).

A bistable remembers one bit. ``S`` (set) turns its output ``Q1`` on and ``R``
(reset) turns it off; with neither, ``Q1`` keeps its value. The two blocks differ
only when set and reset are both TRUE: SR obeys the set, RS obeys the reset.
The input that wins has a ``1`` in its name (``S1`` in SR, ``R1`` in RS).

For a start/stop circuit use RS: stop must win, so a stuck start button can
never keep a machine running.
"""

from __future__ import annotations


class SR:
    """SR — 세트 우선 래치 (set-dominant bistable).

    ``Q1 = S1 OR (NOT R AND Q1)``: ``S1`` turns ``Q1`` on, ``R`` turns it off,
    and if both are TRUE, ``Q1`` is TRUE.

    Example::

        alarm = SR()                                       # once, outside the scan

        io.alarm_lamp = alarm(S1=io.overheat, R=io.ack)    # every scan
    """

    __slots__ = ("Q1",)

    def __init__(self) -> None:
        #: The remembered bit.
        self.Q1: bool = False

    def __call__(self, S1: bool, R: bool) -> bool:
        """Run the latch for one scan.

        Args:
            S1: Set (wins when both inputs are TRUE).
            R: Reset.

        Returns:
            ``Q1``.
        """
        self.Q1 = S1 or (not R and self.Q1)
        return self.Q1


class RS:
    """RS — 리셋 우선 래치 (reset-dominant bistable).

    ``Q1 = NOT R1 AND (S OR Q1)``: ``S`` turns ``Q1`` on, ``R1`` turns it off,
    and if both are TRUE, ``Q1`` is FALSE.

    Example::

        motor = RS()                                             # once, outside the scan

        io.motor = motor(S=io.start_button, R1=io.stop_button)   # every scan
    """

    __slots__ = ("Q1",)

    def __init__(self) -> None:
        #: The remembered bit.
        self.Q1: bool = False

    def __call__(self, S: bool, R1: bool) -> bool:
        """Run the latch for one scan.

        Args:
            S: Set.
            R1: Reset (wins when both inputs are TRUE).

        Returns:
            ``Q1``.
        """
        self.Q1 = not R1 and (S or self.Q1)
        return self.Q1
