"""A tag historian: the values of chosen tags sampled at a fixed period into a table.

What a SCADA historian or a simple data logger does, and the first step from 기초 to
중간1 (실시간 수집): ``plant.log_tags(every_s=1.0)`` starts one; the rows grow as the plant
runs. The values are those of the PLC's process image — what the controller sees.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import simpy


class Historian:
    """Samples ``tags`` of ``io`` every ``every_s`` seconds of simulated time."""

    def __init__(self, env: simpy.Environment, io: Any, tags: Sequence[str], every_s: float = 1.0) -> None:
        if every_s <= 0:
            raise ValueError(f"sampling period must be > 0 s, got {every_s}")
        self.io = io
        self.tags = tuple(tags)
        self.every_s = every_s
        #: Column names: ``time_s`` then the tags.
        self.columns = ("time_s", *self.tags)
        #: One row per sample: (time in seconds, value of each tag).
        self.rows: list[tuple[float | int | bool, ...]] = []
        self._env = env
        env.process(self._sample())

    def _sample(self) -> simpy.events.ProcessGenerator:
        while True:
            io = self.io
            self.rows.append((round(self._env.now, 6), *(getattr(io, tag) for tag in self.tags)))
            yield self._env.timeout(self.every_s)

    def column(self, name: str) -> list[Any]:
        """All samples of one column (``time_s`` or a tag name)."""
        index = self.columns.index(name)
        return [row[index] for row in self.rows]

    def as_columns(self) -> dict[str, list[Any]]:
        """The table as ``{column: values}`` (ready for ``pandas.DataFrame`` if you have it)."""
        return {name: [row[i] for row in self.rows] for i, name in enumerate(self.columns)}

    def to_csv(self, path: str | Path) -> Path:
        """Write the table as UTF-8 CSV (with BOM, so Excel shows Korean correctly)."""
        path = Path(path)
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(self.columns)
            writer.writerows([int(v) if isinstance(v, bool) else v for v in row] for row in self.rows)
        return path
