"""``sflab grade report ASSIGNMENT``: one CSV row per student — points per criterion, total, flags.

The points come from the gradebook (what nbgrader records: the trusted verdict), the flags
from the trusted pass's records (:mod:`grading.trusted_record`). The file is UTF-8 with a
byte-order mark, so Excel on a Korean Windows opens it with the Hangul intact.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from grading.course.autograde import gradebook_scores
from grading.trusted_record import read_records


@dataclass(frozen=True)
class Row:
    """One student's line of the report."""

    student: str
    #: ``grade_id`` → points, in notebook order.
    points: dict[str, float]
    total: float
    flags: tuple[str, ...]


def report_rows(course_dir: str | Path, assignment: str, lang: str = "ko") -> tuple[list[str], list[Row]]:
    """The criteria (column order) and a row per graded student of ``assignment``."""
    scores = gradebook_scores(course_dir, assignment)
    criteria: list[str] = []
    for cells in scores.values():
        for key in cells:
            grade_id = key.split("/", 1)[-1]
            if grade_id not in criteria:
                criteria.append(grade_id)
    flags: dict[str, list[str]] = {}
    for record in read_records(course_dir, assignment):
        flags.setdefault(record.student, []).extend(flag.text(lang) for flag in record.flags)
    rows = []
    for student in sorted(scores):
        points = {key.split("/", 1)[-1]: value for key, value in scores[student].items()}
        rows.append(Row(student, points, sum(points.values()), tuple(flags.get(student, []))))
    return criteria, rows


def report_csv(course_dir: str | Path, assignment: str, lang: str = "ko") -> str:
    """The report as CSV text (without the byte-order mark)."""
    criteria, rows = report_rows(course_dir, assignment, lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    head = ("student", "total", "flags") if lang == "en" else ("학생", "합계", "플래그")
    writer.writerow([head[0], *criteria, head[1], head[2]])
    for row in rows:
        cells = [f"{row.points.get(c, 0.0):g}" for c in criteria]
        writer.writerow([row.student, *cells, f"{row.total:g}", " / ".join(row.flags)])
    return out.getvalue()


def write_report(course_dir: str | Path, assignment: str, path: str | Path, lang: str = "ko") -> Path:
    """Write the report to ``path`` (UTF-8 with BOM, for Excel)."""
    target = Path(path)
    target.write_text(report_csv(course_dir, assignment, lang), encoding="utf-8-sig")
    return target
