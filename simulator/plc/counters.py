"""Counters: CTU, CTD and CTUD, the IEC 61131-3 standard counter function blocks.

A counter counts *rising edges* of its count input, not scans: a box that keeps a
sensor TRUE for 200 scans is one box. Each counter has its own R_TRIG inside for
this, as in the standard, so create the counter once, outside the scan function,
and call it on every scan.

``CV`` (current value) is an integer. It stops at :data:`PV_MAX` going up and at
:data:`PV_MIN` going down instead of overflowing: these are the limits of INT,
the 16-bit integer type ``CV`` has in the standard.

``PV`` (preset value) is stored in the counter: give it when you create the
counter (``CTU(PV=5)``) or on a call (``ctu(CU=x, PV=10)``), which replaces the
stored value for this and later calls. The other inputs are FALSE on a call that
leaves them out.
"""

from __future__ import annotations

from simulator.plc.edges import R_TRIG

#: Highest value ``CV`` counts up to (the largest INT).
PV_MAX = 32767
#: Lowest value ``CV`` counts down to (the smallest INT).
PV_MIN = -32768


class CTU:
    """CTU — 업 카운터 (up counter, 가산 카운터).

    Each rising edge of ``CU`` adds 1 to ``CV``. ``Q`` is TRUE when ``CV >= PV``.
    ``R`` (reset) sets ``CV`` back to 0 and wins over ``CU``.

    Example::

        boxes = CTU(PV=5)                       # once, outside the scan

        io.tray_full = boxes(CU=io.box_sensor,  # every scan
                             R=io.tray_removed)
    """

    __slots__ = ("CV", "PV", "Q", "_cu_rising")

    def __init__(self, PV: int = 0) -> None:
        #: Preset value: ``Q`` turns TRUE when ``CV`` reaches it.
        self.PV: int = PV
        #: Current value.
        self.CV: int = 0
        #: TRUE when ``CV >= PV``.
        self.Q: bool = False
        self._cu_rising = R_TRIG()

    def __call__(self, *, CU: bool, R: bool = False, PV: int | None = None) -> bool:
        """Run the counter for one scan.

        Args:
            CU: Count up on each rising edge.
            R: Reset ``CV`` to 0 (wins over ``CU``).
            PV: New preset value; leave out to keep the stored one.

        Returns:
            ``Q``.
        """
        if PV is not None:
            self.PV = PV

        cu_rose = self._cu_rising(CU)  # every call, so an edge during R is used up
        if R:
            self.CV = 0
        elif cu_rose and self.CV < PV_MAX:
            self.CV += 1

        self.Q = self.CV >= self.PV
        return self.Q


class CTD:
    """CTD — 다운 카운터 (down counter, 감산 카운터).

    ``LD`` (load) sets ``CV`` to ``PV``. Each rising edge of ``CD`` then takes 1
    from ``CV``. ``Q`` is TRUE when ``CV <= 0``. ``LD`` wins over ``CD``.

    ``CV`` starts at 0, so ``Q`` is TRUE until the first load.

    Example::

        left = CTD(PV=12)                          # once, outside the scan

        io.box_empty = left(CD=io.part_taken,      # every scan
                            LD=io.new_box_loaded)
    """

    __slots__ = ("CV", "PV", "Q", "_cd_rising")

    def __init__(self, PV: int = 0) -> None:
        #: Preset value: the value ``LD`` loads into ``CV``.
        self.PV: int = PV
        #: Current value.
        self.CV: int = 0
        #: TRUE when ``CV <= 0``.
        self.Q: bool = False
        self._cd_rising = R_TRIG()

    def __call__(self, *, CD: bool, LD: bool = False, PV: int | None = None) -> bool:
        """Run the counter for one scan.

        Args:
            CD: Count down on each rising edge.
            LD: Load ``PV`` into ``CV`` (wins over ``CD``).
            PV: New preset value; leave out to keep the stored one.

        Returns:
            ``Q``.
        """
        if PV is not None:
            self.PV = PV

        cd_rose = self._cd_rising(CD)  # every call, so an edge during LD is used up
        if LD:
            self.CV = self.PV
        elif cd_rose and self.CV > PV_MIN:
            self.CV -= 1

        self.Q = self.CV <= 0
        return self.Q


class CTUD:
    """CTUD — 업다운 카운터 (up-down counter, 가감산 카운터).

    Each rising edge of ``CU`` adds 1 to ``CV`` and each rising edge of ``CD``
    takes 1 away; if both rise on the same call, ``CV`` does not change.
    ``R`` sets ``CV`` to 0 and ``LD`` sets it to ``PV``. Priority, highest first:
    ``R``, then ``LD``, then counting.

    ``QU`` is TRUE when ``CV >= PV`` and ``QD`` is TRUE when ``CV <= 0``.

    Example::

        buffer = CTUD(PV=8)                   # once, outside the scan

        io.buffer_full = buffer(CU=io.box_in, CD=io.box_out)  # every scan
        io.buffer_empty = buffer.QD
    """

    __slots__ = ("CV", "PV", "QD", "QU", "_cd_rising", "_cu_rising")

    def __init__(self, PV: int = 0) -> None:
        #: Preset value: ``QU`` turns TRUE when ``CV`` reaches it; ``LD`` loads it.
        self.PV: int = PV
        #: Current value.
        self.CV: int = 0
        #: TRUE when ``CV >= PV``.
        self.QU: bool = False
        #: TRUE when ``CV <= 0``.
        self.QD: bool = False
        self._cu_rising = R_TRIG()
        self._cd_rising = R_TRIG()

    def __call__(
        self,
        *,
        CU: bool = False,
        CD: bool = False,
        R: bool = False,
        LD: bool = False,
        PV: int | None = None,
    ) -> bool:
        """Run the counter for one scan.

        Args:
            CU: Count up on each rising edge.
            CD: Count down on each rising edge.
            R: Reset ``CV`` to 0 (wins over everything).
            LD: Load ``PV`` into ``CV`` (wins over counting).
            PV: New preset value; leave out to keep the stored one.

        Returns:
            ``QU``.
        """
        if PV is not None:
            self.PV = PV

        cu_rose = self._cu_rising(CU)  # every call, so edges during R or LD are used up
        cd_rose = self._cd_rising(CD)
        if R:
            self.CV = 0
        elif LD:
            self.CV = self.PV
        elif cu_rose and not cd_rose:
            if self.CV < PV_MAX:
                self.CV += 1
        elif cd_rose and not cu_rose:
            if self.CV > PV_MIN:
                self.CV -= 1

        self.QU = self.CV >= self.PV
        self.QD = self.CV <= 0
        return self.QU
