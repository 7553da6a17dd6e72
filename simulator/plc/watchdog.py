"""The scan watchdog's teeth: interrupt a program stuck inside one scan.

A real PLC's watchdog timer stops the CPU when one scan takes too long — a ``while``
loop waiting for a sensor inside the scan is the classic student bug. Measuring each
scan after it returns (as :class:`~simulator.plc.runtime.PlcRuntime` does) cannot catch
a loop that never returns, so while the plant runs this module arms a periodic
``SIGALRM`` timer: when the program has been inside one scan for longer than the
watchdog time, the alarm raises :class:`ScanOverrun` *inside the program*, and the
runtime sends the PLC to STOP as it does for any other program error.

POSIX only (``signal.setitimer``) and only in the main thread — which is where
notebooks, the command line and the desktop window run the plant. Elsewhere the
watchdog still flags overruns after the scan returns.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class ScanOverrun(Exception):
    """Raised inside a program that has overrun its scan's watchdog time."""


class WatchedPlc(Protocol):
    """What the alarm handler needs to know about the PLC."""

    #: ``time.perf_counter()`` when the running program's scan started; None outside the program.
    program_started_s: float | None
    #: Longest wall-clock time one scan's program may take, in seconds.
    watchdog_s: float


#: Shortest alarm period, in seconds (the alarm checks at half the watchdog time).
MIN_ALARM_PERIOD_S = 0.01


def can_interrupt() -> bool:
    """True where a stuck program can be interrupted (POSIX main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def interrupting_watchdog(plc: WatchedPlc) -> Iterator[None]:
    """While inside the ``with`` block, a program stuck in one scan gets :class:`ScanOverrun`."""
    if not can_interrupt():
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        started = plc.program_started_s
        if started is not None and time.perf_counter() - started > plc.watchdog_s:
            plc.program_started_s = None  # interrupt once
            raise ScanOverrun(f"scan overran {plc.watchdog_s:.3f} s")

    period_s = max(MIN_ALARM_PERIOD_S, plc.watchdog_s / 2)
    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    previous_timer = signal.setitimer(signal.ITIMER_REAL, period_s, period_s)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, *previous_timer)
        signal.signal(signal.SIGALRM, previous_handler)
