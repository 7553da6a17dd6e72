"""A PLC program wrapper that records chosen tags every scan, for tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from simulator.plc.clock import active_clock


class Recorder:
    """Runs ``program`` and records ``(time_s, {tag: value})`` after every scan."""

    def __init__(self, program: Callable[[Any], None], tags: tuple[str, ...]) -> None:
        self.program = program
        self.tags = tags
        self.rows: list[tuple[float, dict[str, Any]]] = []

    def scan(self, io: Any) -> None:
        self.program(io)
        self.rows.append((active_clock().now_s, {tag: getattr(io, tag) for tag in self.tags}))

    def first_time(self, tag: str, value: Any = True) -> float:
        """Time of the first scan where ``tag`` had ``value``."""
        return next(t for t, row in self.rows if row[tag] == value)

    def values(self, tag: str) -> list[Any]:
        return [row[tag] for _, row in self.rows]

    def edges(self, tag: str) -> int:
        """How many times ``tag`` changed."""
        values = self.values(tag)
        return sum(1 for a, b in zip(values, values[1:], strict=False) if a != b)
