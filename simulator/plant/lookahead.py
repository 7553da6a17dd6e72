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

import numpy as np

from simulator.plant.sensors import AnalogDistanceSensor

#: Where the random streams stand: each sensor's place in its noise block, then the states of the
#: noise, fault and motor streams (None for a stream no read can use now).
Bookmark = tuple[list[tuple[list[float], int]], Any, Any, Any]
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


class RandomStreams:
    """Every random stream a read of the inputs takes numbers from, bookmarked and restored together.

    Args:
        noise_rng: the stream the analog sensors draw their blocks of noise from.
        sensors: those sensors.
        fault_rng: the stream of faulty sensors (chatter, dropouts).
        motor_rng: the stream of motor signals' extra noise (a noise fault on a motor input).
    """

    def __init__(
        self,
        noise_rng: np.random.Generator,
        sensors: Sequence[AnalogDistanceSensor],
        fault_rng: np.random.Generator,
        motor_rng: np.random.Generator,
    ) -> None:
        self._noise_rng, self._fault_rng, self._motor_rng = noise_rng, fault_rng, motor_rng
        self._sensors = list(sensors)
        #: The sensors' blocks of noise when the noise stream's state was last taken, and that state.
        self._noise_state: tuple[tuple[list[float], ...], object] | None = None

    def bookmark(self, sensor_faults: bool, analog_faults: bool) -> Bookmark:
        """Where the streams stand; the fault and motor streams only while faults can draw from them."""
        positions = [sensor.noise_position() for sensor in self._sensors]
        blocks = tuple(block for block, _ in positions)
        known = self._noise_state
        if known is None or any(a is not b for a, b in zip(known[0], blocks, strict=True)):
            # The noise stream moves only when a sensor draws a new block: taking its state once per block is enough.
            self._noise_state = known = (blocks, self._noise_rng.bit_generator.state)
        return (
            positions,
            known[1],
            self._fault_rng.bit_generator.state if sensor_faults else None,
            self._motor_rng.bit_generator.state if analog_faults else None,
        )

    def restore(self, bookmark: Bookmark) -> None:
        """Put every stream back where :meth:`bookmark` found it."""
        positions, noise_state, fault_state, motor_state = bookmark
        for sensor, position in zip(self._sensors, positions, strict=True):
            sensor.set_noise_position(position)
        self._noise_rng.bit_generator.state = noise_state
        self._noise_state = None
        if fault_state is not None:
            self._fault_rng.bit_generator.state = fault_state
        if motor_state is not None:
            self._motor_rng.bit_generator.state = motor_state
