"""``sflab grade report``: a CSV a teacher opens in Excel — points per criterion, total, flags in Korean."""

from __future__ import annotations

import csv

from grading.course import report
from grading.trusted_record import Criterion, Record, disagreement, read_records, write_record

SCORES = {
    "kim": {"L01_sensors/l01_classify": 2.0, "L01_sensors/l01_count": 3.0},
    "lee": {"L01_sensors/l01_classify": 0.0, "L01_sensors/l01_count": 0.0},
}


def test_one_row_per_student_with_points_total_and_flags(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "gradebook_scores", lambda course, assignment: SCORES)
    flag = disagreement("l01_count", kernel_passed=True, trusted_passed=False)
    assert flag is not None
    write_record(tmp_path, Record("lee", "L01", "L01_sensors", [Criterion("l01_count", 3.0, 0.0, True)], [flag]))
    write_record(tmp_path, Record("kim", "L01", "L01_sensors", [Criterion("l01_count", 3.0, 3.0, True)], []))
    path = report.write_report(tmp_path, "L01", tmp_path / "L01.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads Hangul from a UTF-8 file with a BOM
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["학생", "l01_classify", "l01_count", "합계", "플래그"]
    assert rows[1] == ["kim", "2", "3", "5", ""]
    assert rows[2][:4] == ["lee", "0", "0", "0"]
    assert "l01_count" in rows[2][4] and "채점기 판정은 실패" in rows[2][4]
    english = report.report_csv(tmp_path, "L01", lang="en").splitlines()
    assert english[0] == "student,l01_classify,l01_count,total,flags" and "trusted grader failed" in english[2]


def test_an_honest_submission_has_no_flag_and_records_round_trip(tmp_path):
    assert disagreement("l01_count", kernel_passed=True, trusted_passed=True) is None
    assert disagreement("l01_count", kernel_passed=None, trusted_passed=False) is None
    record = Record("kim", "L01", "L01_sensors", [Criterion("l01_count", 3.0, 3.0, True, detail="tb")], [])
    write_record(tmp_path, record)
    assert read_records(tmp_path, "L01") == [record]
