"""Production records exported to CSV and SQLite: the plant's traceability (이력 추적).

"Which bin did lot A-17 go to, and when?" — one row per part answers it.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable
from dataclasses import astuple
from pathlib import Path

from simulator.plant.conveyor.items import RECORD_COLUMNS, ProductionRecord

_SQL_TYPES = {
    "item_id": "INTEGER PRIMARY KEY",
    "defect": "INTEGER",
    "height_mm": "REAL",
    "weight_g": "REAL",
    "placed_s": "REAL",
    "finished_s": "REAL",
}


def write_csv(records: Iterable[ProductionRecord], path: str | Path) -> Path:
    """Write the records as UTF-8 CSV (with BOM, so Excel shows Korean correctly)."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(RECORD_COLUMNS)
        for record in records:
            writer.writerow(astuple(record))
    return path


def write_sqlite(records: Iterable[ProductionRecord], path: str | Path, table: str = "production") -> Path:
    """Write the records into table ``table`` of an SQLite database (replacing it)."""
    path = Path(path)
    columns = ", ".join(f"{name} {_SQL_TYPES.get(name, 'TEXT')}" for name in RECORD_COLUMNS)
    placeholders = ", ".join("?" for _ in RECORD_COLUMNS)
    with sqlite3.connect(path) as db:
        db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute(f"CREATE TABLE {table} ({columns})")
        db.executemany(f"INSERT INTO {table} VALUES ({placeholders})", (astuple(r) for r in records))
    return path
