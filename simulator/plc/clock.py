"""The PLC's clock: the simulated time that timers and edge blocks read.

A real PLC's timer instructions read the controller's system clock without being
passed it. Here the scan-cycle runtime owns a :class:`ScanClock`, updates
``now_s`` at the start of every scan, and makes it the *active* clock while it
runs the program, so a student can write ``ton(IN=io.part_at_entry, PT=2.0)``
without passing the time around.

Tests (and notebooks that try a block on its own) can supply a clock by hand::

    clock = ScanClock()
    with using_clock(clock):
        clock.now_s = 0.5
        ton(IN=True, PT=1.0)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class ScanClock:
    """Simulated controller time in seconds, advanced by the scan-cycle runtime."""

    __slots__ = ("now_s",)

    def __init__(self, now_s: float = 0.0) -> None:
        #: Simulated time at the start of the current scan, in seconds.
        self.now_s = now_s


_active_clock: ContextVar[ScanClock | None] = ContextVar("sflab_active_clock", default=None)


class NoClockError(RuntimeError):
    """Raised when a timer is called outside a PLC scan and no clock was supplied."""


def active_clock() -> ScanClock:
    """Return the clock of the PLC that is running now.

    Raises:
        NoClockError: when called outside a PLC scan or a :func:`using_clock` block.
    """
    clock = _active_clock.get()
    if clock is None:
        raise NoClockError(
            "타이머/에지 블록은 PLC 스캔 안에서만 쓸 수 있습니다 (시간이 필요합니다). "
            "Timer blocks need a running PLC scan or `with using_clock(ScanClock()):`."
        )
    return clock


def active_time_s() -> float | None:
    """Simulated time of the PLC that is running now, or None outside a scan (never raises)."""
    clock = _active_clock.get()
    return None if clock is None else clock.now_s


@contextmanager
def using_clock(clock: ScanClock) -> Iterator[ScanClock]:
    """Make ``clock`` the active clock inside the ``with`` block."""
    token = _active_clock.set(clock)
    try:
        yield clock
    finally:
        _active_clock.reset(token)
