"""One nbgrader course for the whole session: built, handed in and graded with the real commands.

Every ``sflab`` call runs by the venv's full path with a ``PATH`` that does not contain the
venv (as from a never-activated environment), so the tests also prove nbgrader finds
``alembic`` and the kernel's ``python`` there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from grading.autograde import gradebook_scores
from grading.labs.l01_samples import NO_DEBOUNCE, POINTS
from grading.submissions import fill, read, source_answers, submit
from tests.labs.samples_index import lab_samples, selected_labs

SFLAB = Path(sys.executable).parent / "sflab"
#: Seconds a notebook cell may run in the test course (an endless top-level loop costs this;
#: the slowest honest cell, L06's sorting over Modbus, takes about 15 s).
TEST_CELL_TIMEOUT_S = 30


def clean_env() -> dict[str, str]:
    """An environment whose PATH lacks the venv, with short check limits for the hostile notebooks."""
    return {
        "HOME": os.environ.get("HOME", "/tmp"),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "SFLAB_CHECK_TIMEOUT_S": "20",
        "SFLAB_CHECK_MEMORY_MB": "400",
    }


def sflab(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``sflab`` by its full path; fails the test with its output when it fails."""
    done = subprocess.run([str(SFLAB), *map(str, args)], env=clean_env(), capture_output=True, text=True)
    assert done.returncode == 0, f"sflab {' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}"
    return done


_RIGHT_CLASSIFY = """
def classify(io):
    if not (io.inspect_eye and io.part_prox):
        return "none"
    return "metal" if io.metal_prox else "plastic"
"""
_COUNTS_NOTHING = """
class {name}:
    def scan(self, io):
        run = io.estop_ok
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = run
"""
_PATCHES = """
import sys, types
import grading.isolation
import grading.labs.l01
import simulator.plant.plant
grading.labs.l01.check_counting = lambda *args, **kwargs: None
grading.labs.l01.check_debounce = lambda *args, **kwargs: None
grading.isolation.run_isolated = lambda *args, **kwargs: "ok"
simulator.plant.plant.Plant.run = lambda self, *args, **kwargs: self
fake = types.ModuleType("grading.labs.l01")
fake.check_counting = fake.check_debounce = fake.check_safety = lambda *args, **kwargs: None
sys.modules["grading.labs.l01"] = fake
"""


def _after_edge(counter: str, extra: str) -> str:
    """The model counter with ``extra`` added at the end of its scan."""
    edge = "self.part_was_here = io.inspect_eye"
    assert edge in counter
    return counter.replace(edge, f"{edge}\n        {extra}")


def adversarial(answers: dict[str, str]) -> dict[str, tuple[dict, dict, tuple, dict[str, float]]]:
    """Hostile L01 submissions: name → (answers, replaced cells, deleted cells, expected points)."""
    counter, debounced = answers["l01_count_answer"], answers["l01_debounce_answer"]
    return {
        "adv_loop": (
            {
                "l01_classify_answer": "while True:\n    pass\n" + _RIGHT_CLASSIFY,
                "l01_count_answer": _after_edge(counter, "while True:\n            pass"),
            },
            {},
            (),
            {**POINTS, "l01_classify": 0.0, "l01_count": 0.0},
        ),
        "adv_exit": (
            {
                "l01_classify_answer": "import sys\n\ndef classify(io):\n    sys.exit()\n",
                "l01_count_answer": counter + "\n\nimport sys\nsys.exit('그만')\n",
                "l01_debounce_answer": debounced.replace("run = io.estop_ok", "run = io.estop_ok\n        sys.exit()"),
            },
            {},
            (),
            {**POINTS, "l01_classify": 0.0, "l01_debounce": 0.0, "l01_safety": 0.0},
        ),
        "adv_test_edited": (
            {"l01_count_answer": _COUNTS_NOTHING.format(name="MaterialCounter")},
            {"l01_count": "pass"},
            (),
            {**POINTS, "l01_count": 0.0},
        ),
        "adv_test_deleted": (
            {"l01_debounce_answer": NO_DEBOUNCE},
            {},
            ("l01_debounce",),
            {**POINTS, "l01_debounce": 0.0},
        ),
        "adv_patch": (
            {
                "l01_count_answer": _PATCHES + _COUNTS_NOTHING.format(name="MaterialCounter"),
                "l01_debounce_answer": _COUNTS_NOTHING.format(name="DebouncedCounter"),
            },
            {},
            (),
            {**POINTS, "l01_count": 0.0, "l01_debounce": 0.0},
        ),
        "adv_print": (
            {
                "l01_classify_answer": 'print("부품" * 2_000_000)\nfor i in range(100_000):\n    print(i, "출력")\n'
                + _RIGHT_CLASSIFY,
                "l01_debounce_answer": debounced.replace("run = io.estop_ok", "run = io.estop_ok\n        print(io)"),
            },
            {},
            (),
            dict(POINTS),
        ),
        "adv_memory": (
            {
                "l01_classify_answer": "hog = bytearray(10**14)\n" + _RIGHT_CLASSIFY,
                "l01_count_answer": _after_edge(
                    counter, "self.hog = getattr(self, 'hog', []) + [bytearray(50_000_000)]"
                ),
            },
            {},
            (),
            {**POINTS, "l01_classify": 0.0, "l01_count": 0.0},
        ),
    }


@dataclass
class GradedCourse:
    """The session's course after autograde and feedback."""

    root: Path
    #: student → ``notebook/grade_id`` → points, from the gradebook.
    scores: dict[str, dict[str, float]]
    #: student → expected points per grade id (for the prepared submissions).
    expected: dict[str, dict[str, float]]
    #: (lab id, notebook name) of every lab in the track.
    labs: list[tuple[str, str]]
    autograde_output: str
    #: student → the notebook they handed in.
    notebook_of: dict[str, str]


@pytest.fixture(scope="session")
def graded_course(tmp_path_factory: pytest.TempPathFactory) -> GradedCourse:
    root = tmp_path_factory.mktemp("sflab") / "course"
    labs_to_grade = selected_labs()
    only = [arg for lab in labs_to_grade for arg in ("--lab", lab.id)]
    sflab("course", "build", "--track", "common", "--out", root, "--cell-timeout", TEST_CELL_TIMEOUT_S, *only)
    expected: dict[str, dict[str, float]] = {}
    notebook_of: dict[str, str] = {}
    labs = []

    def hand_in(student: str, lab_id: str, nb: object, name: str) -> None:
        submit(root, student, lab_id, nb, name)
        notebook_of[student] = name

    for lab in labs_to_grade:
        name = lab.folder
        labs.append((lab.id, name))
        source = read(root / "source" / lab.id / f"{name}.ipynb")
        released = read(root / "release" / lab.id / f"{name}.ipynb")
        hand_in(f"source-{lab.id}", lab.id, source, name)
        hand_in(f"release-{lab.id}", lab.id, released, name)
        samples = lab_samples(lab.id)
        if samples is not None:
            for sample, (_, points) in samples.SAMPLES.items():
                hand_in(f"{lab.id}-{sample}", lab.id, samples.sample_notebook(sample, source, released), name)
                expected[f"{lab.id}-{sample}"] = points
        if lab.id == "L01":
            answers = source_answers(source)
            for student, (override, replace, delete, points) in adversarial(answers).items():
                hand_in(student, lab.id, fill(released, {**answers, **override}, replace=replace, delete=delete), name)
                expected[student] = points
    scores: dict[str, dict[str, float]] = {}
    outputs = []
    for lab_id, _ in labs:
        outputs.append(sflab("grade", "autograde", lab_id, "--course", root, "--jobs", "2").stdout)
        sflab("grade", "feedback", lab_id, "--course", root)
        for student, cells in gradebook_scores(root, lab_id).items():
            scores.setdefault(student, {}).update(cells)
    return GradedCourse(root, scores, expected, labs, "".join(outputs), notebook_of)


@pytest.fixture
def run_sflab():
    """``sflab`` by its full path, from an environment whose PATH lacks the venv."""
    return lambda *args: subprocess.run([str(SFLAB), *map(str, args)], env=clean_env(), capture_output=True, text=True)
