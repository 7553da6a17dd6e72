"""``sflab bench grade --quick``: parallel and serial autograde agree, in the same run."""

from __future__ import annotations

import json


def test_bench_grade_quick_gives_identical_and_expected_scores(run_sflab):
    done = run_sflab("bench", "grade", "--quick", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["submissions"] == 2
    assert result["identical_scores"] is True
    assert result["expected_scores"] is True
    assert result["failed_students"] == []
    assert {"jobs", "wall_seconds", "serial_nbgrader_seconds", "speedup"} <= set(result)
