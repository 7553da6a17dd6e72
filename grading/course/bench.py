"""``sflab bench grade``: parallel autograde against plain ``nbgrader autograde``, same run.

Builds a course with lab L01 of the ``common`` track in a temporary folder, hands in
:data:`FULL_SUBMISSIONS` L01 notebooks made from the lab's own notebook — the model answer
(full marks) and the blank released notebook (zero), in turn — grades one copy with plain
serial ``nbgrader autograde`` and another with ``sflab grade autograde --jobs N``, and
reports both times, the speed-up, and whether the two gradebooks agree cell by cell and
match the expected scores.

The partly right submissions the tests grade live with the tests (``tests/samples/``), which
are not installed: the benchmark needs nothing but the lab.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from grading.course.autograde import autograde, gradebook_scores
from grading.course.build import build_course
from grading.course.environment import prepare_environment, venv_bin
from grading.course.notebook import grade_cells
from grading.course.submissions import fill, read, source_answers, submit

#: Submissions in the full benchmark, and with ``--quick`` (for the test suite).
FULL_SUBMISSIONS = 30
QUICK_SUBMISSIONS = 2
ASSIGNMENT = "L01"
NOTEBOOK = "L01_sensors"


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run the benchmark; returns the JSON-ready result."""
    prepare_environment()
    count = QUICK_SUBMISSIONS if args.quick else FULL_SUBMISSIONS
    jobs = max(2, os.cpu_count() or 2)
    with tempfile.TemporaryDirectory(prefix="sflab-bench-grade-") as tmp:
        base = build_course("common", Path(tmp) / "base", lab_ids=[ASSIGNMENT]).root
        expected = hand_in(base, count)
        serial, parallel = Path(tmp) / "serial", Path(tmp) / "parallel"
        shutil.copytree(base, serial)
        shutil.copytree(base, parallel)

        started = time.perf_counter()
        plain = subprocess.run(
            [str(venv_bin() / "nbgrader"), "autograde", ASSIGNMENT], cwd=serial, capture_output=True, text=True
        )
        serial_s = time.perf_counter() - started
        started = time.perf_counter()
        results = autograde(parallel, ASSIGNMENT, jobs=jobs, show_progress=not args.json)
        parallel_s = time.perf_counter() - started

        serial_scores = gradebook_scores(serial, ASSIGNMENT)
        parallel_scores = gradebook_scores(parallel, ASSIGNMENT)
    totals = {student: sum(cells.values()) for student, cells in parallel_scores.items()}
    return {
        "submissions": count,
        "jobs": jobs,
        "wall_seconds": round(parallel_s, 2),
        "serial_nbgrader_seconds": round(serial_s, 2),
        "speedup": round(serial_s / parallel_s, 2) if parallel_s else 0.0,
        "identical_scores": serial_scores == parallel_scores and len(serial_scores) == count,
        "expected_scores": totals == expected,
        "serial_exit_status": plain.returncode,
        "failed_students": sorted(r.student for r in results if not r.success),
        "mean_score": round(sum(totals.values()) / max(len(totals), 1), 2),
    }


def hand_in(course: Path, count: int) -> dict[str, float]:
    """Submit ``count`` L01 notebooks, the model answer and the blank one in turn; returns student → expected total."""
    source = read(course / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    released = read(course / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    kinds = [(fill(released, source_answers(source)), sum(grade_cells(source).values())), (fill(released, {}), 0.0)]
    expected = {}
    for index in range(count):
        notebook, total = kinds[index % len(kinds)]
        student = f"s{index + 1:02d}"
        submit(course, student, ASSIGNMENT, notebook, NOTEBOOK)
        expected[student] = total
    return expected
