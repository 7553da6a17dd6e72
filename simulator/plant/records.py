"""Production records exported to CSV and SQLite: the plant's traceability (이력 추적).

"Which bin did lot A-17 go to, and when?" — one row per product answers it. A kind's
records are frozen dataclasses of one type (its ``record_type``); their fields are the
columns, in order, and their Python types the SQLite column types.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable
from dataclasses import Field, astuple, fields
from pathlib import Path
from typing import Any

#: SQLite column type for each Python field type.
_SQL_TYPES = {"int": "INTEGER", "bool": "INTEGER", "float": "REAL"}


def _type_name(field: Field[Any]) -> str:
    """``"int"`` for a field annotated ``int`` (a string under ``from __future__ import annotations``, or the type)."""
    return field.type if isinstance(field.type, str) else getattr(field.type, "__name__", str(field.type))


def columns_of(record_type: type) -> tuple[str, ...]:
    """The column names of ``record_type``'s records: its dataclass fields, in order."""
    return tuple(f.name for f in fields(record_type))


def write_csv(records: Iterable[Any], path: str | Path, record_type: type) -> Path:
    """Write the records as UTF-8 CSV (with BOM, so Excel shows Korean correctly)."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns_of(record_type))
        for record in records:
            writer.writerow(astuple(record))
    return path


def write_sqlite(
    records: Iterable[Any], path: str | Path, record_type: type, table: str = "production", *, keyed: bool = True
) -> Path:
    """Write the records into table ``table`` of an SQLite database (replacing it).

    With ``keyed``, the first field is the primary key when it is an integer (the conveyor line's
    ``item_id``); a detail table (many rows per product) is written with ``keyed=False``.
    """
    path = Path(path)
    columns = []
    for index, field in enumerate(fields(record_type)):
        type_name = _type_name(field)
        key = " PRIMARY KEY" if keyed and index == 0 and type_name == "int" else ""
        sql_type = _SQL_TYPES.get(type_name, "TEXT")
        columns.append(f"{field.name} {sql_type}{key}")
    placeholders = ", ".join("?" for _ in columns)
    with sqlite3.connect(path) as db:
        db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
        db.executemany(f"INSERT INTO {table} VALUES ({placeholders})", (astuple(r) for r in records))
    return path
