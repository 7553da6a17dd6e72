"""Several PLC scans in one question to the student's process, with the same result as one at a time.

Why: in the trusted pass every PLC scan of the student's program is a question and an
answer over a pipe — 96,000 of them for one lab's checks, each costing far more than the
scan itself, and on a server grading two notebooks at once the two processes of each pair
keep waking each other up. Most scans change nothing: the belt runs, no part reaches a
sensor, the program writes the same outputs again.

So the grader asks for the next scans together. The plant knows when its next event is
due (:meth:`~simulator.plant.Plant.quiet_until_s`): until then no input can change unless
an output does. The grader sends the times of the scans before that event and their
inputs (noisy ones read ahead, :mod:`simulator.plant.lookahead`); the student's process
runs its scan for each in turn and stops at the first scan that changes a tag or raises,
or after a few milliseconds, and says how many ran (``ran``).

Nothing changes for the checks. The grader's PLC still scans every 10 ms and calls this
object each time; the scans the student's process has already run are *replayed* here: the
grader checks the time and the inputs are those that were sent, and hands over the last
scan's changes or error at that scan's own time, so the plant, the rules and the PLC fault
see exactly what scanning one at a time would have given.

One difference remains: a scan that never returns is stopped by the grader's deadline as
before, but if it was sent ahead, the PLC's STOP names the time of the first scan of that
message (at most half a second early). The student's process learns no more than that the
plant has no event for the scans it was sent (at most :data:`MAX_SCANS_AHEAD`), and it can
only answer for its own program, as always.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from grading.presets import WithPresets, apply_presets
from grading.remote import RemoteFunction, RemoteMethod, RemoteRef, RemoteSession
from grading.wire import WireError
from simulator.plant.lookahead import InputRow

#: Most scans sent in one question (half a second of a 10 ms PLC).
MAX_SCANS_AHEAD = 50


class LookaheadOutOfStep(RuntimeError):
    """The PLC scanned at another time or with other inputs than were sent ahead (a grader bug)."""


class ScanAhead:
    """The student's remote scan function, asked for several scans at once where the plant allows.

    Args:
        scan: the student's scan as the grader holds it (a remote function or bound method).
        plant: the plant whose PLC calls this object every scan.
        session: the trusted pass's session with the student's process.
    """

    def __init__(self, scan: Any, plant: Any, session: RemoteSession) -> None:
        self._scan = scan
        self._target = remote_target(scan)
        self._presets = scan.presets if isinstance(scan, WithPresets) else None
        self._plant = plant
        self._session = session
        self._input_names = plant.image.input_names + plant.image.analog_names
        self._n_digital = len(plant.image.input_names)
        self._read_inputs = _tuple_getter(self._input_names)
        self._period_s = plant.plc.scan_period_s
        #: (time, inputs) of each scan the student's process ran ahead, not yet replayed.
        self._sent: list[tuple[float, tuple[Any, ...]]] = []
        self._next = 0
        self._reply: dict[str, Any] = {}

    def __call__(self, io: Any) -> Any:
        """One PLC scan of the student's program."""
        if self._next < len(self._sent):
            return self._replay(io)
        times = self._plan()
        if not times or self._target is None:
            return self._scan(io)
        rows = self._full_rows(io, self._plant.read_inputs_ahead(times))
        ref, attr = self._target
        ahead = {"times": times, "rows": self._row_changes(io, rows)}
        if self._presets is not None:
            apply_presets(io, self._presets)  # this scan's, as WithPresets would; the process applies the rest
            ahead["presets"] = self._presets
        reply = self._session.ask_call(ref, attr, (io,), {}, ahead=ahead)
        ran = reply.get("ran", 1)
        if type(ran) is not int or not 1 <= ran <= len(times) + 1:
            raise WireError(f"the student's process says it ran {ran!r} scans of {len(times) + 1}")
        if ran == 1:
            return self._session.finish_call(reply)
        # This scan and the next ran-2 changed nothing; the last one's changes wait for its own time.
        self._sent = list(zip(times[: ran - 1], rows[: ran - 1], strict=True))
        self._next = 0
        self._reply = reply
        return None

    def _plan(self) -> list[float]:
        """The times of the scans that follow this one before the plant's next event (empty: none)."""
        plant = self._plant
        if self._session.process.callbacks or plant.plc.forced:
            return []  # a call back to the grader, or a forced tag, must happen at its own scan
        until_s = plant.quiet_until_s()
        times: list[float] = []
        now_s, period_s = plant.now_s, self._period_s
        while len(times) < MAX_SCANS_AHEAD:
            now_s = now_s + period_s  # as the PLC's timeout adds it, so the times are the same floats
            if now_s >= until_s:
                break
            times.append(now_s)
        return times

    def _full_rows(self, io: Any, rows: list[InputRow]) -> list[tuple[Any, ...]]:
        """Each scan's inputs in image order (digital ones the PLC does not read again stay as they are)."""
        digital = self._read_inputs(io)[: self._n_digital]
        full = []
        for new_digital, analog in rows:
            digital = new_digital if new_digital is not None else digital
            full.append(tuple(digital) + tuple(analog))
        return full

    def _row_changes(self, io: Any, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
        """Each scan's inputs as the tags that differ from the scan before."""
        changes, before = [], self._read_inputs(io)
        for row in rows:
            changes.append({n: v for n, v, b in zip(self._input_names, row, before, strict=True) if v != b})
            before = row
        return changes

    def _replay(self, io: Any) -> Any:
        if self._presets is not None:
            apply_presets(io, self._presets)  # as WithPresets does before every scan
        time_s, inputs = self._sent[self._next]
        now_s = self._plant.now_s
        if now_s != time_s or self._read_inputs(io) != inputs:
            raise LookaheadOutOfStep(f"scan at {now_s!r} s, sent ahead for {time_s!r} s with inputs {inputs}")
        self._next += 1
        if self._next < len(self._sent):
            return None
        self._sent, self._next = [], 0
        self._session.known_now(io)
        return self._session.finish_call(self._reply)


def _tuple_getter(names: tuple[str, ...]) -> Any:
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda io: (one(io),)
    return lambda io: ()


def remote_target(scan: Any) -> tuple[RemoteRef, str | None] | None:
    """Which student object and method a remote scan calls (None for anything else)."""
    if isinstance(scan, WithPresets):
        return remote_target(scan.student_scan)
    if isinstance(scan, RemoteMethod):
        return scan.ref, scan.__name__
    if isinstance(scan, RemoteFunction):
        return scan.__sflab_ref__, None
    return None
