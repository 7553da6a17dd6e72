"""A program wrapper that watches the student's program scan by scan.

The grader does not change the simulator to see what a program does. It wraps the
student's scan function in :class:`TracingProgram`, a PLC program of its own that

1. starts a per-scan alarm (when the platform allows it) so an endless loop inside the
   scan stops the PLC with the student's line number instead of hanging the grader;
2. calls the student's scan;
3. compares the outputs with the previous scan, records every change, and asks the
   :class:`~grading.rules.RuleBook` whether a rule was broken.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType, TracebackType
from typing import Any

from grading.remote import current_session
from grading.rules import LineLayout, RuleBook
from grading.scan_ahead import ScanAhead, remote_target
from simulator.plc.program import as_scan_function
from simulator.portable import portable

#: Longest CPU time one student scan may run before it is interrupted, in seconds
#: (under the PLC's 0.2 s watchdog, so the student sees the line that was looping).
SCAN_ALARM_S = 0.15
#: Output changes kept in the trace (the rest are counted), so chatter cannot fill memory.
MAX_KEPT_CHANGES = 5000


@dataclass(frozen=True)
class OutputChange:
    """One output switching, at the end of a scan."""

    #: Simulated time, in seconds.
    time_s: float
    tag: str
    value: bool


class ProgramExit(RuntimeError):
    """The student's program called ``sys.exit()`` (or raised another non-error exit)."""


class ScanTooLong(RuntimeError):
    """One scan used more than :data:`SCAN_ALARM_S` of CPU time (an endless loop?).

    Attributes:
        frame: the student's frame that was running when the alarm rang.
    """

    def __init__(self, message: str, frame: FrameType | None = None) -> None:
        super().__init__(message)
        self.frame = frame


class TracingProgram:
    """Runs the student's program and records outputs and broken rules after every scan.

    Args:
        program: the student's function, class or object (see :mod:`simulator.plc.program`).
        alarm: interrupt a scan that runs longer than :data:`SCAN_ALARM_S` (main thread only;
            the handler is installed by :meth:`alarm_installed`).
    """

    def __init__(self, program: object, *, alarm: bool = True) -> None:
        self._student_scan = as_scan_function(program)
        # No alarm where it cannot ring (portable path, other threads) or has nothing to stop: in the
        # trusted pass the student's code runs in another process, timed by the grader.
        self._alarm = (
            alarm
            and not portable()
            and current_session() is None
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        self.changes: list[OutputChange] = []
        self.changes_dropped = 0
        #: The rules, for the plant's layout once :meth:`attach` has run.
        self.rules = RuleBook(LineLayout("", (), {}, ()))
        self._plant: Any = None
        self._names: tuple[str, ...] = ()
        self._last: tuple[bool, ...] = ()
        self._estop = ""

    def attach(self, plant: Any) -> None:
        """Connect to the plant that runs this program (call before ``plant.run``)."""
        self._plant = plant
        self._names = plant.image.output_names
        self._read_outputs = plant.image.read_outputs
        self._last = self._read_outputs(plant.image.io)
        session = current_session()
        if session is not None and remote_target(self._student_scan) is not None:
            self._student_scan = ScanAhead(self._student_scan, plant, session)  # fewer questions, same run
        layout = LineLayout.of_scene(plant.scene)
        self._estop = layout.estop_tag
        self.rules = RuleBook(layout)

    def scan(self, io: Any) -> None:
        """One PLC scan: the student's scan, then the bookkeeping."""
        self._call_student(io)
        outputs = self._read_outputs(io)
        if outputs == self._last:
            estop_pressed = bool(self._estop) and not getattr(io, self._estop)
            if estop_pressed:
                self.rules.after_scan(self._plant.now_s, True, dict(zip(self._names, outputs, strict=True)))
            return
        now = self._plant.now_s
        named = dict(zip(self._names, outputs, strict=True))
        for name, old, new in zip(self._names, self._last, outputs, strict=True):
            if old != new:
                if len(self.changes) < MAX_KEPT_CHANGES:
                    self.changes.append(OutputChange(round(now, 3), name, bool(new)))
                else:
                    self.changes_dropped += 1
                self.rules.on_change(now, name, bool(new), named, self._plant)
        self._last = outputs
        estop_pressed = bool(self._estop) and not getattr(io, self._estop)
        self.rules.after_scan(now, estop_pressed, named)

    @contextmanager
    def alarm_installed(self) -> Iterator[None]:
        """Install the scan alarm's signal handler for the duration of a run."""
        if not self._alarm:
            yield
            return
        previous = signal.signal(signal.SIGVTALRM, _interrupt_scan)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, previous)

    def _call_student(self, io: Any) -> None:
        if self._alarm:
            signal.setitimer(signal.ITIMER_VIRTUAL, SCAN_ALARM_S)
        try:
            self._student_scan(io)
        except ScanTooLong as error:  # point the PLC fault at the student's line, not at the alarm
            raise ScanTooLong(str(error)).with_traceback(_at(error.frame)) from None
        except (SystemExit, GeneratorExit) as error:
            raise ProgramExit(
                f"스캔 안에서 프로그램을 끝내려 했습니다({type(error).__name__}). sys.exit()를 지우세요."
            ).with_traceback(_at(_innermost_frame(error))) from None
        finally:
            if self._alarm:
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)


def _interrupt_scan(signum: int, frame: FrameType | None) -> None:
    raise ScanTooLong(
        f"스캔 한 번이 {SCAN_ALARM_S}초를 넘었습니다 — 스캔 함수 안의 무한 반복(while)을 확인하세요", frame
    )


def _innermost_frame(error: BaseException) -> FrameType | None:
    """The deepest Python frame the exception passed through (the student's ``sys.exit()`` line)."""
    tb = error.__traceback__
    frame = None
    while tb is not None:
        frame, tb = tb.tb_frame, tb.tb_next
    return frame


def _at(frame: FrameType | None) -> TracebackType | None:
    """A one-entry traceback at ``frame``, so the PLC fault names the student's line."""
    if frame is None:
        return None
    return TracebackType(None, frame, frame.f_lasti, frame.f_lineno)
