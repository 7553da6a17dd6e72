"""A stopwatch on simulated time: how long something has been on, in total."""

from __future__ import annotations


class Stopwatch:
    """Accumulates the simulated seconds during which a condition was true."""

    __slots__ = ("_on", "_since_s", "_total_s")

    def __init__(self) -> None:
        self._on = False
        self._since_s = 0.0
        self._total_s = 0.0

    def set(self, on: bool, now_s: float) -> None:
        """The condition becomes ``on`` at ``now_s``."""
        if on == self._on:
            return
        if self._on:
            self._total_s += now_s - self._since_s
        self._on, self._since_s = on, now_s

    def total_s(self, now_s: float) -> float:
        """Seconds the condition has been true up to ``now_s``."""
        return self._total_s + (now_s - self._since_s if self._on else 0.0)

    @property
    def on(self) -> bool:
        """Whether the condition is true now."""
        return self._on
