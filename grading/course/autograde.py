"""``sflab grade autograde``: nbgrader autograde for many students at once.

nbgrader grades one submission after another. Grading a notebook mostly waits for its
kernel, so on a machine with several cores this runs ``jobs`` worker processes, each
calling nbgrader's own ``NbGraderAPI.autograde`` for one student at a time — the same
code path as ``nbgrader autograde``, writing the same gradebook. SQLite lets one writer
in at a time; the workers' connections wait for each other (busy timeout) instead of
failing, and no worker holds a write lock while a notebook runs.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grading.course.environment import gradebook_url, nbgrader_api, prepare_environment
from grading.course.progress import Progress
from simulator.errors import LabError

#: Seconds a worker waits for another worker's gradebook write before giving up.
GRADEBOOK_BUSY_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class Graded:
    """One student's autograde result."""

    student: str
    success: bool
    score: float
    max_score: float
    #: Wall-clock seconds this student took.
    seconds: float
    error: str = ""


def submitted_students(course_dir: str | Path, assignment: str) -> list[str]:
    """Students with a submission of ``assignment`` (folders ``submitted/<student>/<assignment>``)."""
    submitted = Path(course_dir) / "submitted"
    return sorted(p.parent.name for p in submitted.glob(f"*/{assignment}") if p.is_dir())


def autograde(
    course_dir: str | Path,
    assignment: str,
    *,
    jobs: int | None = None,
    students: list[str] | None = None,
    show_progress: bool = True,
) -> list[Graded]:
    """Autograde every submission of ``assignment`` (or ``students``) with ``jobs`` workers.

    Raises:
        LabError: when the course, the assignment or the submissions are missing.
    """
    prepare_environment()
    root = Path(course_dir).resolve()
    _check_assignment(root, assignment)
    students = students or submitted_students(root, assignment)
    if not students:
        raise LabError(
            f"{root / 'submitted'}에 {assignment} 제출물이 없습니다 (submitted/<학생>/{assignment}/).",
            f"No submissions of {assignment} in {root / 'submitted'} (submitted/<student>/{assignment}/).",
        )
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(students)))
    progress = Progress(len(students)) if show_progress else None
    results = []
    # fork: workers start with nbgrader already imported (spawn re-imports it, seconds per worker)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(_grade_student, str(root), assignment, student) for student in students]
        for future in as_completed(futures):
            graded = future.result()
            results.append(graded)
            if progress:
                mark = f"{graded.score:g}/{graded.max_score:g}점" if graded.success else "실패"
                progress.advance(f"{graded.student} {mark}")
    return sorted(results, key=lambda g: g.student)


def _check_assignment(root: Path, assignment: str) -> None:
    from nbgrader.api import Gradebook, MissingEntry

    if not (root / "source" / assignment).is_dir():
        raise LabError(
            f"{root}에 source/{assignment}가 없습니다. sflab course build로 과정을 만드세요.",
            f"{root} has no source/{assignment}; build the course with sflab course build.",
        )
    api = nbgrader_api(root)
    with Gradebook(gradebook_url(root), api.coursedir.course_id) as gradebook:
        try:
            gradebook.find_assignment(assignment)
        except MissingEntry:
            raise LabError(
                f"성적부에 {assignment}가 없습니다. 먼저 nbgrader generate_assignment {assignment}를 실행하세요.",
                f"{assignment} is not in the gradebook; run nbgrader generate_assignment {assignment} first.",
            ) from None


_api_cache: dict[str, Any] = {}

#: Tries per student when the notebook's kernel fails to start (two parallel workers can race
#: for the same free port between choosing it and binding it).
KERNEL_START_ATTEMPTS = 3
#: What nbgrader's log says when a kernel could not start.
_KERNEL_START_FAILURES = ("Address already in use", "Kernel died before replying", "Kernel didn't respond")


def _kernel_failed_to_start(result: dict[str, Any]) -> bool:
    text = str(result.get("error") or "") + str(result.get("log") or "")
    return any(marker in text for marker in _KERNEL_START_FAILURES)


def _grade_student(root: str, assignment: str, student: str) -> Graded:
    """Autograde one student (runs in a worker process)."""
    import warnings

    from nbgrader.api import Gradebook
    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning)  # nbgrader's own session notices
    started = time.perf_counter()
    if root not in _api_cache:
        _api_cache[root] = nbgrader_api(root, db_url=gradebook_url(root, GRADEBOOK_BUSY_TIMEOUT_S))
    api = _api_cache[root]
    for _attempt in range(KERNEL_START_ATTEMPTS):
        result = api.autograde(assignment, student, force=True, create=True)
        if result["success"] or not _kernel_failed_to_start(result):
            break
    score = max_score = 0.0
    if result["success"]:
        with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
            submission = gradebook.find_submission(assignment, student)
            score, max_score = float(submission.score), float(submission.max_score)
    return Graded(
        student=student,
        success=bool(result["success"]),
        score=score,
        max_score=max_score,
        seconds=round(time.perf_counter() - started, 2),
        error="" if result["success"] else str(result.get("error") or result.get("log", ""))[-2000:],
    )


def gradebook_scores(course_dir: str | Path, assignment: str) -> dict[str, dict[str, float]]:
    """Every student's score per grade cell: student → ``notebook/grade_id`` → points."""
    from nbgrader.api import Gradebook

    root = Path(course_dir).resolve()
    api = nbgrader_api(root)
    scores: dict[str, dict[str, float]] = {}
    with Gradebook(gradebook_url(root), api.coursedir.course_id) as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            cells = scores.setdefault(submission.student.id, {})
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    cells[f"{notebook.name}/{grade.name}"] = float(grade.score)
    return scores
