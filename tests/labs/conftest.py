"""One nbgrader course for the whole session: built, handed in and graded with the real commands.

What the course holds, for every lab of the track (the rule: every check of every lab meets a
correct, a blank, a partly right and a cheating submission, graded by real nbgrader in one course):

- the model answer (student ``source-<lab>``) and the blank released notebook (``release-<lab>``);
  a samples module's ``full`` and ``blank`` are these two, graded once and checked against the
  sample's points (``tests/labs/samples_index.py``);
- every other prepared sample of the lab (``tests/samples/lNN.py``: partly right work with
  the exact points it must get), as ``<lab>-<sample>``;
- the lab's own attacks (for L01: :func:`adversarial` and :data:`HONEST_HELPER`);
- generic attacks of :mod:`tests.labs.adversarial`: they attack the grading mechanism (kernel,
  trusted pass, files), which is the same for every lab, so each runs against two labs, not
  all: the first lab (L01) gets the whole catalogue, and attack ``i`` also goes to the
  ``i``-th other lab in turn (three to five attacks of two families or more per lab); the
  file-writing ones go, together, to L01 and L06 (:func:`tests.labs.adversarial.attack_labs`).

Each lab is graded in one ``sflab grade autograde`` (the file-writing attacks in a round of their
own afterwards, then their victims), then its feedback is generated. Two labs are graded at a
time, each by one nbgrader worker, the longest first (:data:`GRADING_S`): no core waits for the
last notebook of a lab, and no lane is left alone with a long lab at the end.

Every ``sflab`` call runs by the venv's full path with a ``PATH`` that does not contain the
venv (as from a never-activated environment), so the tests also prove nbgrader finds
``alembic`` and the kernel's ``python`` there.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import nbformat
import pytest
from nbformat import NotebookNode

from grading.course.autograde import gradebook_scores
from grading.course.submissions import fill, read, source_answers, submit
from tests.labs.adversarial import (
    Attack,
    attack_notebook,
    attacks_for,
    refused_by_nbgrader,
    student_id,
    victims,
)
from tests.labs.attacks_files import PACKAGE_CANARY
from tests.labs.samples_index import GRADED_AS, lab_samples, lab_selected, sample_student, selected_labs
from tests.samples.l01 import NO_DEBOUNCE, POINTS

SFLAB = Path(sys.executable).parent / "sflab"
#: Seconds a notebook cell may run in the test course (an endless top-level loop costs this;
#: the slowest honest cell, L06's sorting over Modbus, takes about 15 s).
TEST_CELL_TIMEOUT_S = 30
#: Labs of the session's course graded at the same time, each by one nbgrader worker. Alone on a
#: quiet 2-core machine two labs at a time used 0.7 of the cores; but beside the rest of the suite
#: (the other xdist worker) the machine is busy anyway (no idle time measured), and a third lane
#: only made everything slower (CI 1485 s against 1396 s).
PARALLEL_LABS = 2
#: Seconds each lab's grading took (main round, file-writing round and feedback) when the course
#: was graded alone on a quiet 2-core machine (2026-12-07; L06, L09 and L10 estimated from their
#: samples' cost since their costly steps were cut). Only the order of grading depends on them:
#: the longest first, so no lane is left with a long lab at the end (a lab not listed counts as
#: :data:`UNKNOWN_LAB_S`).
GRADING_S = {"L01": 239, "L08": 161, "L06": 150, "L10": 140, "L09": 130, "L05": 122, "L07": 111, "L04": 83}
UNKNOWN_LAB_S = 70
#: Seconds the portable L01 course takes on the same machine (estimated for its attack families).
PORTABLE_COURSE_S = 50


def clean_env() -> dict[str, str]:
    """An environment whose PATH lacks the venv, with short check limits for the hostile notebooks."""
    return {
        "HOME": os.environ.get("HOME", "/tmp"),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "SFLAB_CHECK_TIMEOUT_S": "20",
        # an answer cell only defines things; 10 s is plenty on a loaded machine, and the endless loop
        # of an attacker's answer cell burns a core until then (the default is 30 s)
        "SFLAB_TRUSTED_CELL_TIMEOUT_S": "10",
        "SFLAB_CHECK_MEMORY_MB": "400",
    }


def sflab(*args: str | Path, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``sflab`` by its full path; fails the test with its output when it fails."""
    done = subprocess.run(
        [str(SFLAB), *map(str, args)], env={**clean_env(), **(env or {})}, capture_output=True, text=True
    )
    assert done.returncode == 0, f"sflab {' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}"
    return done


def autograde(
    root: Path,
    lab_id: str,
    *,
    students: Iterable[str] = (),
    may_fail: Iterable[str] = (),
    env: Mapping[str, str] | None = None,
    jobs: int = 2,
) -> tuple[str, set[str]]:
    """``sflab grade autograde`` (of ``students``, or everyone): its output and the students it could not grade.

    Only the students in ``may_fail`` may fail (notebooks nbgrader itself refuses); any other
    failure fails the test with the whole output.
    """
    only = [arg for student in students for arg in ("--student", student)]
    command = [str(SFLAB), "grade", "autograde", lab_id, "--course", str(root), "--jobs", str(jobs), *only]
    done = subprocess.run(command, env={**clean_env(), **(env or {})}, capture_output=True, text=True)
    failed = {line.split("\t")[0] for line in done.stdout.splitlines() if line.split("\t")[1:2] == ["FAILED"]}
    unexpected = failed - set(may_fail)
    assert done.returncode in (0, 1) and not unexpected and (done.returncode == 0) == (not failed), (
        f"sflab grade autograde {lab_id} failed for {sorted(unexpected)}:\n{done.stdout}\n{done.stderr}"
    )
    return done.stdout, failed


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


#: An honest L01 student who wrote a helper function in a cell of their own (nbgrader lets students add cells).
HONEST_HELPER = "L01-honest-helper-cell"


def helper_in_own_cell(released: NotebookNode, answers: dict[str, str]) -> NotebookNode:
    """The model L01 answers, but ``classify`` calls a helper the student wrote in a new cell just above it."""
    nb = fill(released, {**answers, "l01_classify_answer": "def classify(io):\n    return material(io)"})
    index = next(
        i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == "l01_classify_answer"
    )
    helper = _RIGHT_CLASSIFY.replace("def classify(io):", "def material(io):").strip()
    nb.cells.insert(index, nbformat.v4.new_code_cell(helper))
    return nb


@dataclass(frozen=True)
class Attacker:
    """A student of :mod:`tests.labs.adversarial`: which lab, which attack, which test cells it tampered with."""

    lab_id: str
    attack: Attack
    tampered: tuple[str, ...]


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
    #: student → the attack they handed in (tests/labs/adversarial.py).
    attackers: dict[str, Attacker] = field(default_factory=dict)
    #: Students nbgrader could not autograde (only attacks it refuses may be here).
    failed: set[str] = field(default_factory=set)
    #: lab id → what the file-writing attacks changed outside their own folder (empty: nothing).
    tampered_files: dict[str, list[str]] = field(default_factory=dict)
    #: victim → (lab id, ``blank`` or ``source``): graded after the file-writing attacks.
    victims: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: The small L01 course graded the Windows way (:func:`grade_portable_course`): student → points.
    portable: dict[str, dict[str, float]] = field(default_factory=dict)


def course_fingerprint(root: Path, lab_id: str, students: Iterable[str]) -> dict[str, str]:
    """What no student may change: configuration, teacher's notebooks, gradebook schema, the students' own
    submissions, and the installed ``grading`` package (no file added next to the lab's checks)."""
    import grading.labs

    files = [
        root / "nbgrader_config.py",
        *sorted(root.glob("source/*/*.ipynb")),
        *sorted(root.glob("release/*/*.ipynb")),
    ]
    files += [path for student in students for path in sorted((root / "submitted" / student / lab_id).glob("*"))]
    found = {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}
    with closing(sqlite3.connect(root / "gradebook.db")) as db:
        for kind, name, sql in db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"):
            found[f"gradebook.db {kind} {name}"] = str(sql)
    canary = Path(grading.labs.__file__).parent / PACKAGE_CANARY.format(lab=lab_id.lower())
    found[f"grading package: {canary.name}"] = "present" if canary.exists() else "absent"
    return found


def _remove_canaries(lab_ids: Iterable[str]) -> None:
    import grading.labs

    for lab_id in lab_ids:
        (Path(grading.labs.__file__).parent / PACKAGE_CANARY.format(lab=lab_id.lower())).unlink(missing_ok=True)


@dataclass
class _LabRound:
    """What one lab of the course grades after the hand-in: the writers (handed in later) and their victims."""

    lab_id: str
    name: str
    students: int
    #: (student, notebook) of the file-writing attacks.
    writers: list[tuple[str, NotebookNode]] = field(default_factory=list)
    #: victim → ``blank`` or ``source``.
    victims: dict[str, str] = field(default_factory=dict)


@pytest.fixture(scope="session")
def graded_course(tmp_path_factory: pytest.TempPathFactory) -> GradedCourse:
    """The course of the module's docstring, graded, with its feedback."""
    root = tmp_path_factory.mktemp("sflab") / "course"
    labs_to_grade = selected_labs()
    only = [arg for lab in labs_to_grade for arg in ("--lab", lab.id)]
    sflab("course", "build", "--track", "common", "--out", root, "--cell-timeout", TEST_CELL_TIMEOUT_S, *only)
    course = GradedCourse(root, scores={}, expected={}, labs=[], autograde_output="", notebook_of={})
    lock = threading.Lock()

    def hand_in(student: str, lab_id: str, nb: NotebookNode, name: str) -> None:
        submit(root, student, lab_id, nb, name)
        with lock:
            course.notebook_of[student] = name

    rounds = []
    for lab in labs_to_grade:
        name = lab.folder
        course.labs.append((lab.id, name))
        source = read(root / "source" / lab.id / f"{name}.ipynb")
        released = read(root / "release" / lab.id / f"{name}.ipynb")
        hand_in(f"source-{lab.id}", lab.id, source, name)
        hand_in(f"release-{lab.id}", lab.id, released, name)
        samples = lab_samples(lab.id)
        for sample, (_, points) in (samples.SAMPLES if samples is not None else {}).items():
            student = sample_student(lab.id, sample)
            course.expected[student] = points
            if sample not in GRADED_AS:
                hand_in(student, lab.id, samples.sample_notebook(sample, source, released), name)
        if lab.id == "L01":
            answers = source_answers(source)
            for student, (override, replace, delete, points) in adversarial(answers).items():
                hand_in(student, lab.id, fill(released, {**answers, **override}, replace=replace, delete=delete), name)
                course.expected[student] = points
            hand_in(HONEST_HELPER, lab.id, helper_in_own_cell(released, answers), name)
        lab_round = _LabRound(lab.id, name, 0)
        for attack in attacks_for(lab.id):
            student = student_id(lab.id, attack)
            nb, tampered = attack_notebook(attack, released, source, lab.id, course=str(root), student=student)
            course.attackers[student] = Attacker(lab.id, attack, tuple(tampered))
            if attack.writes:  # graded apart, after every other student of the lab: they try to change the course
                lab_round.writers.append((student, nb))
            else:
                hand_in(student, lab.id, nb, name)
        if lab_round.writers:
            lab_round.victims = victims(lab.id)
            course.victims.update({victim: (lab.id, kind) for victim, kind in lab_round.victims.items()})
        lab_round.students = sum(1 for notebook in course.notebook_of.values() if notebook == name)
        rounds.append(lab_round)
    refused = [student for student, attacker in course.attackers.items() if refused_by_nbgrader(attacker.attack)]
    outputs: list[str] = []

    def grade(lab_id: str, students: Iterable[str] = (), may_fail: Iterable[str] = ()) -> None:
        output, not_graded = autograde(root, lab_id, students=students, may_fail=[*refused, *may_fail], jobs=1)
        graded = gradebook_scores(root, lab_id)
        with lock:
            outputs.append(output)
            course.failed.update(not_graded)
            for student, cells in graded.items():
                if not students or student in students:
                    course.scores.setdefault(student, {}).update(cells)

    def grade_lab(lab_round: _LabRound) -> None:
        lab_id, name = lab_round.lab_id, lab_round.name
        grade(lab_id)
        if lab_round.writers:
            writers = [student for student, _ in lab_round.writers]
            for student, nb in lab_round.writers:
                hand_in(student, lab_id, nb, name)
            before = course_fingerprint(root, lab_id, writers)
            grade(lab_id, writers, may_fail=writers)  # a failure is reported by the tests, not here
            for victim, kind in lab_round.victims.items():
                folder = "release" if kind == "blank" else "source"
                hand_in(victim, lab_id, read(root / folder / lab_id / f"{name}.ipynb"), name)
            grade(lab_id, lab_round.victims, may_fail=lab_round.victims)
            after = course_fingerprint(root, lab_id, writers)
            changed = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
            with lock:
                course.tampered_files[lab_id] = changed
        sflab("grade", "feedback", lab_id, "--course", root)

    def grade_portable() -> None:
        course.portable = grade_portable_course(tmp_path_factory.mktemp("sflab-portable") / "course")

    # Longest first (GRADING_S); the portable L01 course takes its place among them by its own length.
    jobs = [(GRADING_S.get(r.lab_id, UNKNOWN_LAB_S), partial(grade_lab, r)) for r in rounds]
    if lab_selected("L01"):
        jobs.append((PORTABLE_COURSE_S, grade_portable))
    jobs.sort(key=lambda job: -job[0])
    try:
        with ThreadPoolExecutor(max_workers=PARALLEL_LABS) as pool:  # tasks start in the order they are submitted
            for done in [pool.submit(job) for _, job in jobs]:
                done.result()
    finally:
        _remove_canaries(lab_round.lab_id for lab_round in rounds if lab_round.writers)  # no forged module stays
    course.autograde_output = "".join(outputs)
    return course


#: Attack families the portable course grades: their code runs in the student's process of the trusted
#: pass, which is what the portable path changes (a fresh interpreter per check instead of a fork, limits
#: without signals). The other families meet the same code on both paths: IPython hooks live only in the
#: notebook's kernel, and a tampered notebook structure is undone by nbgrader's preprocessors before any
#: student code runs.
PORTABLE_FAMILIES = frozenset({"modules", "trace", "messages", "files"})


def grade_portable_course(root: Path) -> dict[str, dict[str, float]]:
    """A small L01 course graded the Windows way: source, blank and the L01 attacks of :data:`PORTABLE_FAMILIES`.

    ``SFLAB_PORTABLE=1`` forces the portable path (no fork, no signals) in the grader, the
    trusted pass and the notebook's checks. Returns student → ``notebook/grade_id`` → points.
    Graded by :func:`graded_course` alongside its labs (one nbgrader worker), so no core waits.
    File-writing attacks are left out: the main course grades them in rounds of their own.
    """
    sflab("course", "build", "--track", "common", "--out", root, "--cell-timeout", TEST_CELL_TIMEOUT_S, "--lab", "L01")
    name = next(lab.folder for lab in selected_labs() if lab.id == "L01")
    source = read(root / "source" / "L01" / f"{name}.ipynb")
    released = read(root / "release" / "L01" / f"{name}.ipynb")
    submit(root, "source-L01", "L01", source, name)
    submit(root, "release-L01", "L01", released, name)
    refused = []
    for attack in attacks_for("L01"):
        if attack.writes or attack.family not in PORTABLE_FAMILIES:
            continue
        student = student_id("L01", attack)
        submit(root, student, "L01", attack_notebook(attack, released, source, "L01", course=str(root))[0], name)
        if refused_by_nbgrader(attack):
            refused.append(student)
    autograde(root, "L01", may_fail=refused, env={"SFLAB_PORTABLE": "1"}, jobs=1)
    return gradebook_scores(root, "L01")


@pytest.fixture(scope="session")
def portable_course(graded_course: GradedCourse) -> dict[str, dict[str, float]]:
    """The L01 course graded the Windows way (:func:`grade_portable_course`): student → points per cell."""
    return graded_course.portable


@pytest.fixture
def run_sflab():
    """``sflab`` by its full path, from an environment whose PATH lacks the venv."""
    return lambda *args: subprocess.run([str(SFLAB), *map(str, args)], env=clean_env(), capture_output=True, text=True)
