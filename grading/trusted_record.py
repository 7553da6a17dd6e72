"""What the trusted pass decided for one submission, kept for the teacher, and the flags it raised.

A flag tells the teacher that a submission's own notebook run and the trusted pass disagree,
or that a test cell was deleted, edited or had its grading metadata changed. The trusted
verdict is always the one the gradebook records; the flag says where to look. An honest
submission never gets one.

Records live in the course folder, which student code never sees::

    <course>/sflab_trusted/<assignment>/<student>/<notebook>.json
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

#: Folder of the records inside the course folder.
RECORDS_DIR = "sflab_trusted"


@dataclass(frozen=True)
class Flag:
    """One thing the teacher should look at, naming the criterion (Korean, English)."""

    grade_id: str
    ko: str
    en: str

    def text(self, lang: str = "ko") -> str:
        """The flag in ``lang`` (``ko`` or ``en``)."""
        return self.en if lang == "en" else self.ko


@dataclass(frozen=True)
class Criterion:
    """One criterion of one submission: the trusted verdict and what the kernel said."""

    grade_id: str
    points: float
    #: Points the gradebook records (the trusted verdict).
    score: float
    #: The notebook's own run: True passed, False failed, None the cell was not there.
    kernel_passed: bool | None
    message_ko: str = ""
    message_en: str = ""
    #: The grader's and the student's tracebacks, for the teacher only.
    detail: str = ""


@dataclass(frozen=True)
class Record:
    """The trusted pass on one notebook of one submission."""

    student: str
    assignment: str
    notebook: str
    criteria: list[Criterion] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def record_path(course_root: str | Path, assignment: str, student: str, notebook: str) -> Path:
    """Where the record of one notebook of one submission is kept."""
    return Path(course_root) / RECORDS_DIR / assignment / student / f"{notebook}.json"


def write_record(course_root: str | Path, record: Record) -> Path:
    """Save ``record`` (replacing an earlier grading of the same notebook)."""
    path = record_path(course_root, record.assignment, record.student, record.notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(record), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read_records(course_root: str | Path, assignment: str, student: str | None = None) -> list[Record]:
    """Every saved record of ``assignment`` (of one ``student``), sorted by student and notebook."""
    base = Path(course_root) / RECORDS_DIR / assignment
    pattern = f"{student}/*.json" if student else "*/*.json"
    return [_load(path) for path in sorted(base.glob(pattern))]


def _load(path: Path) -> Record:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Record(
        student=data["student"],
        assignment=data["assignment"],
        notebook=data["notebook"],
        criteria=[Criterion(**c) for c in data.get("criteria", [])],
        flags=[Flag(**f) for f in data.get("flags", [])],
    )


def disagreement(grade_id: str, kernel_passed: bool | None, trusted_passed: bool) -> Flag | None:
    """The flag for a criterion whose notebook run and trusted verdict differ (None when they agree)."""
    if kernel_passed is None or kernel_passed == trusted_passed:
        return None
    said_ko, said_en = ("통과", "passed") if kernel_passed else ("실패", "failed")
    got_ko, got_en = ("통과", "passed") if trusted_passed else ("실패", "failed")
    return Flag(
        grade_id,
        f"{grade_id}: 노트북 실행은 {said_ko}인데 채점기 판정은 {got_ko}입니다 — 채점기 판정을 점수로 씁니다. "
        "노트북의 시험 셀 결과를 조작하는 코드가 있는지 보세요.",
        f"{grade_id}: the notebook's own run {said_en} but the trusted grader {got_en}; the trusted verdict is "
        "the score. Look for code that tampers with how the test cells ran.",
    )
