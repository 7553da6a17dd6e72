"""Hand-in zips from lab PCs: a student's zip imported into a real course and autograded; bad zips refused.

A refused zip must leave the course exactly as it was (the whole tree is hashed before and after).
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from grading.course.autograde import autograde, gradebook_scores
from grading.course.build import build_course
from grading.course.handin import import_handins, write_handin
from grading.course.submissions import read
from sflab.cli import main
from tests.samples.l01 import SAMPLES, sample_notebook

pytestmark = pytest.mark.timeout(600)

STUDENT = "20301"
NOTEBOOK = "L01_sensors.ipynb"


def tree_hash(root: Path) -> str:
    """One hash of every path and file content under ``root``."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    return build_course("common", tmp_path_factory.mktemp("course") / "sflab-common", lab_ids=["L01"]).root


@pytest.fixture(scope="module")
def student_work(course, tmp_path_factory) -> Path:
    """The student's work folder on a lab PC: L01 answered as the "partial" sample."""
    work = tmp_path_factory.mktemp("work")
    nb = sample_notebook("partial", read(course / "source/L01" / NOTEBOOK), read(course / "release/L01" / NOTEBOOK))
    (work / "L01").mkdir()
    import nbformat

    nbformat.write(nb, str(work / "L01" / NOTEBOOK))
    return work


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_handin_command_writes_a_zip_named_lab_and_student(student_work, tmp_path, capsys):
    assert main(["lab", "handin", "L01", "--student", STUDENT, "--dir", str(student_work), "--out", str(tmp_path)]) == 0
    written = tmp_path / f"L01_{STUDENT}.zip"
    assert "제출 파일" in capsys.readouterr().out
    with zipfile.ZipFile(written) as archive:
        assert archive.namelist() == [NOTEBOOK]
        assert archive.read(NOTEBOOK) == (student_work / "L01" / NOTEBOOK).read_bytes()


def test_handin_refuses_a_student_id_that_breaks_the_file_name(student_work, tmp_path, capsys):
    assert main(["lab", "handin", "L01", "--student", "2_03", "--dir", str(student_work), "--out", str(tmp_path)]) == 2
    assert "학번" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_round_trip_zip_imported_and_autograded_to_the_expected_score(course, student_work, tmp_path, capsys):
    zip_path = write_handin(student_work / "L01" / NOTEBOOK, "L01", STUDENT, tmp_path)
    assert main(["grade", "import", str(zip_path), "--course", str(course)]) == 0
    assert "1개를 가져왔습니다" in capsys.readouterr().out
    submitted = course / "submitted" / STUDENT / "L01" / NOTEBOOK
    assert submitted.read_bytes() == (student_work / "L01" / NOTEBOOK).read_bytes()

    results = autograde(course, "L01", jobs=1, students=[STUDENT], show_progress=False)
    assert [r.success for r in results] == [True], results[0].error
    _, expected = SAMPLES["partial"]
    scores = gradebook_scores(course, "L01")[STUDENT]
    assert {key.removeprefix("L01_sensors/"): value for key, value in scores.items()} == expected
    assert results[0].score == sum(expected.values()) == 5.0


def bad_zips(course: Path, good: bytes, folder: Path) -> dict[str, tuple[Path, str, str]]:
    """Each refused case: the zip, words of its Korean error, words of its English error."""
    released = (course / "release/L01" / NOTEBOOK).read_bytes()
    l02 = released.replace(b'"id": "L01"', b'"id": "L02"')
    assert l02 != released
    return {
        "wrong name": (make_zip(folder / "L01-20302.zip", {NOTEBOOK: good}), "파일 이름은", "file name must be"),
        "wrong lab": (make_zip(folder / "L02_20302.zip", {NOTEBOOK: good}), "실습 L02이(가) 없습니다", "no lab L02"),
        "other notebook": (
            make_zip(folder / "L01_20303.zip", {"L02_analog.ipynb": good}),
            "L01_sensors.ipynb 하나만",
            "must hold L01_sensors.ipynb only",
        ),
        "extra file": (
            make_zip(folder / "L01_20304.zip", {NOTEBOOK: good, "cheat.py": b"x = 1"}),
            "하나만",
            "only",
        ),
        "notebook of another lab": (
            make_zip(folder / "L01_20305.zip", {NOTEBOOK: l02}),
            "실습 L02의 노트북",
            "lab L02",
        ),
        "damaged notebook": (
            make_zip(folder / "L01_20306.zip", {NOTEBOOK: good[: len(good) // 2]}),
            "노트북이 손상",
            "notebook is damaged",
        ),
        "damaged zip": (folder / "L01_20307.zip", "zip 파일이 손상", "zip file is damaged"),
    }


def test_bad_zips_get_a_one_line_korean_error_and_leave_the_course_unchanged(course, student_work, tmp_path, capsys):
    good = (student_work / "L01" / NOTEBOOK).read_bytes()
    cases = bad_zips(course, good, tmp_path)
    (tmp_path / "L01_20307.zip").write_bytes(b"PK\x03\x04 not really a zip")
    before = tree_hash(course)
    for case, (zip_path, korean, english) in cases.items():
        assert main(["grade", "import", str(zip_path), "--course", str(course)]) == 2, case
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and err.startswith(zip_path.name) and korean in err, (case, err)
        assert main(["--lang", "en", "grade", "import", str(zip_path), "--course", str(course)]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and english in err, (case, err)
    assert tree_hash(course) == before


def test_one_bad_zip_among_good_ones_imports_nothing(course, student_work, tmp_path, capsys):
    good = (student_work / "L01" / NOTEBOOK).read_bytes()
    fine = make_zip(tmp_path / "L01_20399.zip", {NOTEBOOK: good})
    broken = make_zip(tmp_path / "L01_20398.zip", {NOTEBOOK: b"{not json"})
    before = tree_hash(course)
    assert main(["grade", "import", str(fine), str(broken), "--course", str(course)]) == 2
    assert "L01_20398.zip" in capsys.readouterr().err
    assert tree_hash(course) == before
    assert not (course / "submitted" / "20399").exists()


def test_an_existing_submission_is_replaced_only_with_force(course, student_work, tmp_path, capsys):
    first = make_zip(tmp_path / "L01_20401.zip", {NOTEBOOK: (student_work / "L01" / NOTEBOOK).read_bytes()})
    import_handins([first], course)
    released = (course / "release/L01" / NOTEBOOK).read_bytes()
    (tmp_path / "again").mkdir()
    second = make_zip(tmp_path / "again" / "L01_20401.zip", {NOTEBOOK: released})
    before = tree_hash(course)
    assert main(["grade", "import", str(second), "--course", str(course)]) == 2
    assert "--force" in capsys.readouterr().err
    assert tree_hash(course) == before
    assert main(["grade", "import", str(second), "--course", str(course), "--force"]) == 0
    target = course / "submitted" / "20401" / "L01"
    assert [p.name for p in target.iterdir()] == [NOTEBOOK]
    assert (target / NOTEBOOK).read_bytes() == released
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]


def test_a_folder_that_is_not_a_course_is_refused(tmp_path, student_work, capsys):
    zip_path = write_handin(student_work / "L01" / NOTEBOOK, "L01", STUDENT, tmp_path / "zips")
    assert main(["grade", "import", str(zip_path), "--course", str(tmp_path)]) == 2
    assert "과정 폴더가 아닙니다" in capsys.readouterr().err
