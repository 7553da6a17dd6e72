"""A one-line progress bar for the terminal (a line per step when output goes to a file)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

#: Width of the bar, in characters.
BAR_WIDTH = 24


class Progress:
    """Counts finished steps out of ``total`` and redraws the bar after each."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def advance(self, note: str) -> None:
        """One more step finished; ``note`` says which (e.g. ``"s03 9/10점"``)."""
        self.done += 1
        filled = BAR_WIDTH * self.done // max(self.total, 1)
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        elapsed = time.perf_counter() - self.started
        line = f"[{bar}] {self.done}/{self.total}  {elapsed:5.0f}초  {note}"
        if self._tty:
            end = "\n" if self.done == self.total else ""
            self.stream.write(f"\r\033[K{line}{end}")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
