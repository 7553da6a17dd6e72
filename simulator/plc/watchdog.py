"""The scan watchdog's teeth: interrupt a program stuck inside one scan.

A real PLC's watchdog timer stops the CPU when one scan takes too long — a ``while``
loop waiting for a sensor inside the scan is the classic student bug. Measuring each
scan after it returns cannot catch a loop that never returns, so while the plant runs
this module arms a periodic ``SIGPROF`` timer that ticks every half watchdog time of
**CPU time**. When three ticks land inside one program scan, that scan has used more
than the watchdog time of CPU, and the tick raises :class:`ScanOverrun` *inside the
program*; the runtime sends the PLC to STOP as for any other program error.

CPU time, not wall-clock time: on a busy classroom server (or while 30 notebooks are
graded at once) a process can wait for the CPU for a while, and that must not stop a
student's correct program. Ticks cost nothing per scan but two attribute writes.

POSIX only (``signal.setitimer``, not with ``SFLAB_PORTABLE=1``) and only in the main thread — which is where
notebooks, the command line and the desktop window run the plant. Elsewhere the
runtime still flags, after it returns, a scan that took far too long.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from simulator.portable import portable


class ScanOverrun(Exception):
    """Raised inside a program that has overrun its scan's watchdog time."""


class WatchedPlc(Protocol):
    """What the alarm handler needs to know about the PLC."""

    #: True while the program's scan function runs.
    in_program: bool
    #: Alarm ticks counted during the current program scan.
    alarm_ticks: int
    #: CPU time one scan's program may take, in seconds.
    watchdog_s: float


#: Ticks per watchdog time: the alarm period is ``watchdog_s / TICKS_PER_WATCHDOG`` of CPU time.
TICKS_PER_WATCHDOG = 2
#: Shortest alarm period, in CPU seconds.
MIN_ALARM_PERIOD_S = 0.005


def can_interrupt() -> bool:
    """True where a stuck program can be interrupted (POSIX main thread, not the portable path)."""
    return not portable() and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def interrupting_watchdog(plc: WatchedPlc) -> Iterator[None]:
    """While inside the ``with`` block, a program stuck in one scan gets :class:`ScanOverrun`."""
    if not can_interrupt():
        yield
        return

    def on_tick(signum: int, frame: object) -> None:
        if plc.in_program:
            plc.alarm_ticks += 1
            if plc.alarm_ticks > TICKS_PER_WATCHDOG:  # at least watchdog_s of CPU inside this scan
                plc.in_program = False  # interrupt once
                raise ScanOverrun(f"scan used more than {plc.watchdog_s:.3f} s of CPU")

    period_s = max(MIN_ALARM_PERIOD_S, plc.watchdog_s / TICKS_PER_WATCHDOG)
    previous_handler = signal.signal(signal.SIGPROF, on_tick)
    previous_timer = signal.setitimer(signal.ITIMER_PROF, period_s, period_s)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, *previous_timer)
        signal.signal(signal.SIGPROF, previous_handler)
