"""Reading the inputs of the next few scans ahead, and taking them back if the plant changes.

Why: the trusted grader asks the student's process for one PLC scan at a time over a pipe,
and a question and its answer cost far more than the scan itself. Between two events of the
plant (a part reaching a sensor, a button, a breakdown) nothing changes what a sensor
reports unless the program changes an output, so the grader may send the program the next
few scans in one message: "these are your inputs for the scans at t₁, t₂, …; stop at the
first scan that changes an output". For that it needs those scans' inputs now, and some
are random: an analog reading takes the next sample of the sensor's seeded noise, and a
chattering sensor (a ``noise`` fault) flips with the fault stream's next number.

:class:`InputLookahead` reads them ahead, then hands each row out again when the PLC
reaches its time. If anything changes first (an output, an event), the rows not used are
taken back: every random stream goes back to where it stood after the last row the PLC
used, so the run goes on exactly as if nothing had been read ahead — same seed, same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

#: One scan's inputs: the digital ones (None when the PLC would not read them again) and the analog ones.
InputRow = tuple[tuple[bool, ...] | None, tuple[int, ...]]


class InputLookahead:
    """Rows of inputs read ahead for future scan times.

    Args:
        read_row: the inputs the PLC would read at a time (taking random numbers as a real read does).
        bookmark: where every random stream the reads use stands now.
        restore: put every random stream back to a bookmark.
    """

    def __init__(
        self,
        read_row: Callable[[float], InputRow],
        bookmark: Callable[[], Any],
        restore: Callable[[Any], None],
    ) -> None:
        self._read_row = read_row
        self._bookmark = bookmark
        self._restore = restore
        self._times: list[float] = []
        self._rows: list[InputRow] = []
        #: Where the random streams stood before each row (and after the last).
        self._bookmarks: list[Any] = []
        self._used = 0
        self._stamp: object = None
        #: True while rows read ahead wait to be taken.
        self.pending = False

    def read_ahead(self, times_s: Sequence[float], stamp: object) -> list[InputRow]:
        """Read the rows for ``times_s`` now; they hold while ``stamp`` (outputs, event counts) stays the same."""
        self.give_back()
        self._times = list(times_s)
        self._bookmarks = [self._bookmark()]
        self._rows = []
        for time_s in self._times:
            self._rows.append(self._read_row(time_s))
            self._bookmarks.append(self._bookmark())
        self._used = 0
        self._stamp = stamp
        self.pending = bool(self._rows)
        return list(self._rows)

    def peek(self, now_s: float, stamp: object) -> InputRow | None:
        """The row read ahead for ``now_s`` without taking it, or None (the rest given back) when it no longer holds."""
        if self._used < len(self._rows) and self._times[self._used] == now_s and stamp == self._stamp:
            return self._rows[self._used]
        self.give_back()
        return None

    def take(self, now_s: float, stamp: object) -> InputRow | None:
        """Like :meth:`peek`, and the row is used: the next call is for the next scan."""
        row = self.peek(now_s, stamp)
        if row is not None:
            self._used += 1
            self.pending = self._used < len(self._rows)
        return row

    def give_back(self) -> None:
        """Put the random streams back to just after the last row used, and forget the rest."""
        if self._used < len(self._rows):
            self._restore(self._bookmarks[self._used])
        self._times, self._rows, self._bookmarks, self._used = [], [], [], 0
        self.pending = False
