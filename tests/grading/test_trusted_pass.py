"""The trusted pass's parts, without nbgrader: the wire format, the student's process, the stand-ins."""

from __future__ import annotations

import math
from pathlib import Path

import nbformat
import numpy as np
import pytest

from grading.course import notebook as nbcells
from grading.remote import RemoteSession, StudentError
from grading.student_process import AnswerCell, StudentGone, StudentProcess
from grading.trusted import grade, reference_programs_hidden
from grading.wire import MAX_DEPTH, TAG, WireError, decode_reply, encode, frame, frame_length, parse


@pytest.fixture(params=["fork", "portable"])
def path(request, monkeypatch):
    """Every process test runs on the Linux path and on the portable (Windows-like) path."""
    if request.param == "portable":
        monkeypatch.setenv("SFLAB_PORTABLE", "1")
    return request.param


# ---------------------------------------------------------------- wire
def test_plain_values_and_arrays_cross_unchanged():
    value = {
        "n": 3,
        "x": 1.5,
        "nan": float("nan"),
        "t": (1, "a"),
        "s": {2, 3},
        "k": {(1, 2): "tuple key"},
        "a": np.arange(6, dtype=np.int16).reshape(2, 3),
        "b": b"\x00\x01",
    }
    got = decode_reply(parse(frame(encode(value))[4:]))
    assert got["t"] == (1, "a") and got["s"] == {2, 3} and got["k"] == {(1, 2): "tuple key"}
    assert math.isnan(got["nan"]) and got["b"] == b"\x00\x01"
    assert got["a"].dtype == np.int16 and got["a"].tolist() == [[0, 1, 2], [3, 4, 5]]


@pytest.mark.parametrize(
    "reply",
    [
        {TAG: "dc", "type": "os:system", "fields": {}},  # a class the student names: never imported
        {TAG: "io", "id": 1, "set": {}},
        {TAG: "cb", "id": 1, "methods": []},
        {TAG: "pickle", "data": "gASV"},
        {TAG: "nd", "dtype": "object", "shape": [1], "b64": ""},
        {TAG: "nd", "dtype": "float64", "shape": [3], "b64": "AAAA"},
    ],
)
def test_the_grader_refuses_anything_but_plain_data(reply):
    with pytest.raises(WireError):
        decode_reply(reply)


def test_deep_nesting_and_huge_frames_are_refused():
    deep: list = []
    for _ in range(MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(WireError):
        decode_reply(deep)
    with pytest.raises(WireError):
        frame_length((2**31).to_bytes(4, "big"))


# ---------------------------------------------------------------- the student's process
COUNTER = """
calls = 0

def bump():
    global calls
    calls += 1
    return calls

class Machine:
    def __init__(self, speed):
        self.speed = speed

    def double(self):
        return self.speed * 2
"""


def test_each_check_starts_from_the_state_after_the_answer_cells(path):
    process = StudentProcess([AnswerCell("a", COUNTER)])
    process.start()
    try:
        with RemoteSession(process) as session:
            names = session.names()
            for _ in range(2):
                with session.check(30):
                    assert names["bump"]() == 1  # a global changed by one check is fresh in the next
                    assert names["bump"]() == 2
            with session.check(30):
                machine = names["Machine"](21)
                assert machine.double() == 42 and machine.speed == 21
            assert names["calls"] == 0  # a plain value crosses as a value
    finally:
        process.close()


def test_a_call_that_never_returns_is_killed_by_the_parent(path, monkeypatch):
    monkeypatch.setattr("grading.remote.CALL_LIMIT_S", 1.0)
    process = StudentProcess([AnswerCell("a", "def spin():\n    while True:\n        pass\n")])
    process.start()
    try:
        with RemoteSession(process) as session, session.check(30):
            with pytest.raises(StudentGone):
                session.names()["spin"]()
            assert not process.alive
    finally:
        process.close()


def test_garbage_written_to_the_pipe_fails_only_that_student(path):
    cells = [AnswerCell("a", "import os\n\ndef answer():\n    os.write(4, b'\\xff' * 64)\n    return 1\n")]
    process = StudentProcess(cells)
    process.start()
    try:
        with RemoteSession(process) as session, session.check(30):
            with pytest.raises((StudentGone, WireError)):
                session.names()["answer"]()
    finally:
        process.close()


def test_the_students_error_keeps_its_kind_and_line(path):
    blank = "def classify(io):\n    raise NotImplementedError()\n"
    process = StudentProcess([AnswerCell("l01_classify_answer", blank)])
    process.start()
    try:
        with RemoteSession(process) as session, session.check(30):
            with pytest.raises(NotImplementedError) as caught:
                session.names()["classify"](None)
            assert caught.value.student_frame[:2] == ("l01_classify_answer", 2)
    finally:
        process.close()


# ---------------------------------------------------------------- the pass on a notebook
def _lab(answer: str, test_source: str) -> nbformat.NotebookNode:
    return nbcells.notebook(
        [
            nbcells.given_code("setup", "from simulator.plc import TON"),
            nbcells.solution("answer", answer),
            nbcells.tests("check", 2, test_source),
        ],
        {"id": "T01"},
    )


CHECK = "from grading.labs import l01\nl01.check_classify(classify, every_case=True)"
RIGHT = 'def classify(io):\n    if not (io.inspect_eye and io.part_prox):\n        return "none"\n'
RIGHT += '    return "metal" if io.metal_prox else "plastic"\n'


def test_a_helper_in_a_cell_the_student_added_runs_before_the_answer_that_follows_it():
    """Cells the student added run where they stand; the teacher's demo cells and test copies do not."""
    from grading.trusted import answer_cells

    teacher = _lab(RIGHT, CHECK)
    teacher.cells.insert(1, nbformat.v4.new_code_cell("show_the_plant()"))  # a demo cell of the teacher's
    submission = _lab("def classify(io):\n    return material(io)\n", "pass")
    submission.cells.insert(1, nbformat.v4.new_code_cell(RIGHT.replace("def classify", "def material")))
    submission.cells.append(nbformat.v4.new_code_cell("   "))
    assert [cell.id for cell in answer_cells(teacher, submission)] == ["setup", "added-1", "answer"]
    assert [v.passed for v in grade(teacher, submission)] == [True]


def test_answers_come_from_the_submission_and_tests_from_the_teacher():
    teacher = _lab(RIGHT, CHECK)
    assert [v.passed for v in grade(teacher, teacher)] == [True]
    blank = _lab("def classify(io):\n    raise NotImplementedError()\n", "pass  # the student's copy of the test")
    verdict = grade(teacher, blank)[0]
    assert not verdict.passed and "아직 답을 쓰지 않았습니다" in verdict.ko
    wrong = _lab('def classify(io):\n    return "metal"\n', CHECK)
    assert "맞는 답은" in grade(teacher, wrong)[0].ko


def test_a_student_who_patches_the_grader_patches_only_their_own_process():
    cheat = (
        "import grading.labs.l01, grading.isolation, builtins\n"
        "grading.labs.l01.check_classify = lambda *a, **k: None\n"
        "grading.isolation.run_isolated = lambda *a, **k: 'ok'\n"
        "builtins.AssertionError = type('Nothing', (Exception,), {})\n"
        "def classify(io):\n    raise NotImplementedError()\n"
    )
    teacher = _lab(RIGHT, CHECK)
    assert grade(teacher, _lab(cheat, CHECK))[0].passed is False


def test_student_code_never_sees_the_graders_secrets(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "hub-secret")
    monkeypatch.setenv("SFLAB_DB_PASSWORD", "pw")
    process = StudentProcess([AnswerCell("a", "import os\nseen = sorted(os.environ)\n")])
    process.start()
    try:
        with RemoteSession(process) as session:
            seen = session.names()["seen"]
        assert "JUPYTERHUB_API_TOKEN" not in seen and "SFLAB_DB_PASSWORD" not in seen and "PATH" in seen
    finally:
        process.close()


HOSTILE = """
import os, sys

def exits():
    sys.exit(3)

def dies():
    os._exit(9)

def hog():
    return [bytearray(50_000_000) for _ in range(200)]  # 10 GB
"""


def test_exits_and_memory_hogs_cost_the_student_only_that_answer(path):
    process = StudentProcess([AnswerCell("a", HOSTILE)])
    process.start()
    try:
        with RemoteSession(process) as session:
            names = session.names()
            with session.check(60), pytest.raises(StudentError) as exited:
                names["exits"]()
            assert type(exited.value).__name__ == "SystemExit"
            with session.check(60), pytest.raises(StudentGone):
                names["dies"]()
            with session.check(60), pytest.raises(MemoryError):
                names["hog"]()
    finally:
        process.close()


LOOPING_SCAN = """
class MaterialCounter:
    def scan(self, io):
        io.feeder_on = io.infeed_motor = io.sorter_forward = True
        while io.inspect_eye:
            pass
"""


def test_a_scan_that_never_returns_stops_the_plc_from_outside(path):
    """Where no signal can interrupt a scan (the portable path), the grader's deadline does."""
    teacher = _lab(RIGHT, "from grading.labs import l01\nl01.check_counting(MaterialCounter, seed=1, minutes=0.5)")
    verdict = grade(teacher, _lab(LOOPING_SCAN, ""))[0]
    assert not verdict.passed and "워치독" in verdict.ko


def test_a_copied_deleted_or_relabelled_test_cell_is_flagged_and_the_teachers_cell_graded():
    import copy

    from grading.trusted_nbgrader import restored_tests, tampering

    teacher = _lab(RIGHT, CHECK)
    assert tampering(teacher, copy.deepcopy(teacher)) == []
    copied = copy.deepcopy(teacher)
    fake = copy.deepcopy(copied.cells[2])
    fake.source, fake["id"] = "pass", "check-copy"
    copied.cells.append(fake)
    assert [f.grade_id for f in tampering(teacher, copied)] == ["check"]
    restored = restored_tests(copied.cells, teacher)
    assert [c.source for c in restored if c.metadata.get("nbgrader", {}).get("grade")] == [CHECK]
    relabelled = copy.deepcopy(teacher)
    relabelled.cells[2].metadata.nbgrader["grade"] = False
    assert "metadata" in tampering(teacher, relabelled)[0].en
    deleted = copy.deepcopy(teacher)
    del deleted.cells[2]
    assert "deleted" in tampering(teacher, deleted)[0].en
    assert [c.source for c in restored_tests(deleted.cells, teacher)][-1] == CHECK


LABS_DIR = Path(__file__).resolve().parents[2] / "labs"


@pytest.mark.parametrize("notebook", sorted(LABS_DIR.glob("L*/*.ipynb")), ids=lambda p: p.stem)
def test_restored_test_cells_keep_the_teachers_order(notebook):
    """Each test cell goes back right after the cell before it in the teacher's notebook, demo cells too."""
    from grading.trusted_nbgrader import restored_tests

    teacher = nbformat.read(notebook, as_version=4)
    grading = [c.metadata.get("nbgrader", {}) for c in teacher.cells]
    answers_only = [
        c for c, meta in zip(teacher.cells, grading, strict=True) if not meta.get("grade") or meta.get("solution")
    ]
    restored = restored_tests(answers_only, teacher)
    assert [c.get("id") for c in restored] == [c.get("id") for c in teacher.cells]


def test_the_students_process_cannot_import_the_graders_model_answers():
    """An answer that hands back the grader's own model (``collect = l07.model_table``) would pass every check."""
    cheat = "from grading.labs import l07\ncollect = l07.model_table\n"
    process = StudentProcess([AnswerCell("l07_collect_answer", cheat)])
    try:
        started = process.start()
    finally:
        process.kill()
    assert [e["error"]["type"] for e in started.errors] in (["ModuleNotFoundError"], ["ImportError"])
    assert "collect" not in started.names


def test_the_students_process_sees_no_reference_program_unless_the_lab_hands_one_out():
    """``class Sorter(SortingLineController): pass`` passed L05's sorting check with no code of the student's own."""
    cheat = (
        "from simulator.controllers.reference import SortingLineController\n"
        "class Sorter(SortingLineController):\n    pass\n"
    )
    l05_setup = "from simulator.plant import Plant\n"
    l06_setup = "from simulator.controllers.reference import SortingLineController\n"
    l07_answer = 'plant = Plant("sorting-line-v1", program="reference")\n'
    assert reference_programs_hidden([l06_setup]) == [] and reference_programs_hidden([l05_setup, l07_answer]) == []
    process = StudentProcess([AnswerCell("l05_sorter_answer", cheat)], hidden=reference_programs_hidden([l05_setup]))
    try:
        started = process.start()
    finally:
        process.kill()
    assert [e["error"]["type"] for e in started.errors] in (["ModuleNotFoundError"], ["ImportError"])
    assert "Sorter" not in started.names
