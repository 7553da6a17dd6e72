"""Edge detection: R_TRIG and F_TRIG, the IEC 61131-3 standard edge detectors.

An *edge* is the moment a signal changes. A sensor that sees a box stays TRUE for
as long as the box is in front of it, but "a new box arrived" happens once: on
the rising edge, when the signal goes from FALSE to TRUE.

Each detector remembers the value ``CLK`` had on the previous call, so create the
instance once, outside the scan function, and call it on every scan. Calling it
only on some scans makes it miss edges.
"""

from __future__ import annotations


class R_TRIG:  # noqa: N801  (IEC 61131-3 name, as in XG5000 and GX Works)
    """R_TRIG — 상승 에지 검출 (rising edge detector).

    ``Q`` is TRUE for exactly one call: the call on which ``CLK`` is TRUE after
    being FALSE on the call before. As in the standard, the memory starts FALSE,
    so a first call with ``CLK`` TRUE already counts as a rising edge.

    Example::

        new_box = R_TRIG()              # once, outside the scan

        if new_box(CLK=io.box_sensor):  # every scan
            boxes += 1
    """

    __slots__ = ("Q", "_previous_clk")

    def __init__(self) -> None:
        #: TRUE for the one call on which ``CLK`` went from FALSE to TRUE.
        self.Q: bool = False
        self._previous_clk: bool = False

    def __call__(self, CLK: bool) -> bool:
        """Look at ``CLK`` once (call every scan).

        Args:
            CLK: The signal to watch.

        Returns:
            ``Q``: TRUE if ``CLK`` rose since the previous call.
        """
        self.Q = CLK and not self._previous_clk
        self._previous_clk = CLK
        return self.Q


class F_TRIG:  # noqa: N801  (IEC 61131-3 name, as in XG5000 and GX Works)
    """F_TRIG — 하강 에지 검출 (falling edge detector).

    ``Q`` is TRUE for exactly one call: the call on which ``CLK`` is FALSE after
    being TRUE on the call before. The memory starts FALSE ("``CLK`` was FALSE"),
    so a first call with ``CLK`` FALSE does not fire: there was no falling edge.

    Note:
        IEC 61131-3 (2nd edition) declares F_TRIG's memory ``M`` with initial value 1
        (``Q := NOT CLK AND NOT M; M := NOT CLK;``), so a first call with ``CLK`` FALSE
        does not fire; this block does the same. Some runtimes start ``M`` at 0 and
        do fire there.

    Example::

        box_left = F_TRIG()               # once, outside the scan

        if box_left(CLK=io.box_sensor):   # every scan
            io.stamp = False
    """

    __slots__ = ("Q", "_previous_clk")

    def __init__(self) -> None:
        #: TRUE for the one call on which ``CLK`` went from TRUE to FALSE.
        self.Q: bool = False
        self._previous_clk: bool = False

    def __call__(self, CLK: bool) -> bool:
        """Look at ``CLK`` once (call every scan).

        Args:
            CLK: The signal to watch.

        Returns:
            ``Q``: TRUE if ``CLK`` fell since the previous call.
        """
        self.Q = self._previous_clk and not CLK
        self._previous_clk = CLK
        return self.Q
