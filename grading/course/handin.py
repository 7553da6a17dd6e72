"""Hand-in files for lab PCs without a server: ``L01_20301.zip`` in, ``submitted/20301/L01/`` out.

A lab PC has no nbgrader exchange. The student runs ``sflab lab handin L01 --student 20301``
and gives the teacher one zip (USB stick, shared folder, messenger); the teacher runs
``sflab grade import *.zip --course DIR`` and then ``sflab grade autograde L01``.

Everything is checked before anything is written, so a bad file never touches the course:
the name must be ``<lab>_<student>.zip``, the lab must be one of the course's, the zip must
hold exactly that lab's notebook and nothing else, and the notebook must parse. An existing
submission is replaced only with ``--force``.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from grading.course.environment import CONFIG_FILE
from simulator.errors import LabError

#: A hand-in file's name: lab id, underscore, student number (``L01_20301.zip``).
HANDIN_NAME = re.compile(r"^(?P<lab>[A-Za-z][A-Za-z0-9]*)_(?P<student>[A-Za-z0-9-]{1,32})\.zip$")
#: A student id: letters, digits and ``-`` (no ``_``: it separates lab and student in the file name).
STUDENT_ID = re.compile(r"^[A-Za-z0-9-]{1,32}$")
#: The largest notebook accepted, in bytes (plots and outputs included; a zip bomb is refused).
MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Handin:
    """One checked hand-in file, ready to be written into a course."""

    zip_path: Path
    lab: str
    student: str
    #: The notebook's file name, the same as in the course's ``source/<lab>/``.
    notebook_name: str
    content: bytes


def handin_name(lab_id: str, student: str) -> str:
    """``L01_20301.zip`` for lab ``L01`` and student ``20301``."""
    return f"{lab_id}_{student}.zip"


def check_student_id(student: str) -> None:
    """Refuse a student id that cannot be part of a hand-in file name.

    Raises:
        LabError: when ``student`` has other characters than letters, digits and ``-``.
    """
    if not STUDENT_ID.match(student):
        raise LabError(
            f"학번 '{student}'을(를) 쓸 수 없습니다: 영문자·숫자·'-'만 (예: 20301).",
            f"Student id '{student}' is not allowed: letters, digits and '-' only (e.g. 20301).",
        )


def write_handin(notebook: str | Path, lab_id: str, student: str, out_dir: str | Path) -> Path:
    """Zip the student's ``notebook`` as ``out_dir/<lab>_<student>.zip`` and return its path.

    The notebook is parsed first, so a student learns at once that the file is damaged,
    not a week later from the teacher. A previous hand-in of the same lab is replaced.

    Raises:
        LabError: when the student id is not allowed, or the notebook is missing or damaged.
    """
    check_student_id(student)
    path = Path(notebook)
    if not path.is_file():
        raise LabError(f"{path}: 노트북이 없습니다.", f"{path}: no such notebook.")
    content = path.read_bytes()
    problem = _notebook_problem(content, lab_id)
    if problem:
        raise LabError(f"{path}: {problem[0]}", f"{path}: {problem[1]}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / handin_name(lab_id, student)
    handle, temporary = tempfile.mkstemp(suffix=".zip", dir=out)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(path.name, content)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def read_handin(zip_path: str | Path, course_dir: str | Path) -> Handin:
    """Check one hand-in file against the course in ``course_dir``.

    Raises:
        LabError: one line naming the file and what is wrong with it.
    """
    path = Path(zip_path)

    def fail(ko: str, en: str) -> LabError:
        return LabError(f"{path.name}: {ko}", f"{path.name}: {en}")

    match = HANDIN_NAME.match(path.name)
    if not match:
        raise fail(
            "파일 이름은 '실습_학번.zip' (예: L01_20301.zip)이어야 합니다.",
            "the file name must be '<lab>_<student>.zip' (e.g. L01_20301.zip).",
        )
    lab, student = match["lab"], match["student"]
    notebook_name = course_notebook_name(course_dir, lab)
    if notebook_name is None:
        known = ", ".join(course_labs(course_dir)) or "-"
        raise fail(f"과정에 실습 {lab}이(가) 없습니다 (있는 실습: {known}).", f"the course has no lab {lab} ({known}).")
    if not path.is_file():
        raise fail("파일이 없습니다.", "no such file.")
    try:
        with zipfile.ZipFile(path) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            names = [info.filename for info in members]
            if names != [notebook_name]:
                raise fail(
                    f"zip에는 {notebook_name} 하나만 있어야 합니다 (들어 있는 것: {', '.join(names) or '없음'}).",
                    f"the zip must hold {notebook_name} only (it holds: {', '.join(names) or 'nothing'}).",
                )
            if members[0].file_size > MAX_NOTEBOOK_BYTES:
                raise fail("노트북이 너무 큽니다.", "the notebook is too large.")
            content = archive.read(members[0])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError) as error:
        raise fail(f"zip 파일이 손상되었습니다 ({error}).", f"the zip file is damaged ({error}).") from None
    problem = _notebook_problem(content, lab)
    if problem:
        raise fail(problem[0], problem[1])
    return Handin(path, lab, student, notebook_name, content)


def import_handins(zip_paths: Sequence[str | Path], course_dir: str | Path, *, force: bool = False) -> list[Path]:
    """Put every hand-in file into ``course_dir/submitted/<student>/<lab>/``; returns the notebooks written.

    All files are checked first; when any is wrong nothing is written at all.

    Raises:
        LabError: one line per wrong file (or per submission that exists, without ``force``).
    """
    root = Path(course_dir).resolve()
    if not (root / CONFIG_FILE).is_file():
        raise LabError(
            f"{root}은(는) 과정 폴더가 아닙니다 ({CONFIG_FILE} 없음). --course를 확인하세요.",
            f"{root} is not a course directory (no {CONFIG_FILE}); check --course.",
        )
    handins: list[Handin] = []
    errors: list[LabError] = []
    seen: dict[tuple[str, str], Path] = {}
    for zip_path in zip_paths:
        try:
            handin = read_handin(zip_path, root)
        except LabError as error:
            errors.append(error)
            continue
        key = (handin.student, handin.lab)
        target = root / "submitted" / handin.student / handin.lab
        if key in seen:
            errors.append(_error(handin, f"{seen[key].name}와(과) 같은 제출물입니다.", f"same as {seen[key].name}."))
        elif target.exists() and not force:
            errors.append(
                _error(
                    handin,
                    f"{target}에 이미 제출물이 있습니다. 바꾸려면 --force를 주세요.",
                    f"{target} already holds a submission; use --force to replace it.",
                )
            )
        seen[key] = handin.zip_path
        handins.append(handin)
    if errors:
        raise LabError("\n".join(e.ko for e in errors), "\n".join(e.en for e in errors))
    return [_write(root, handin) for handin in handins]


def course_labs(course_dir: str | Path) -> list[str]:
    """The lab ids of a course (folders of ``source/``), sorted."""
    source = Path(course_dir) / "source"
    return sorted(p.name for p in source.iterdir() if p.is_dir()) if source.is_dir() else []


def course_notebook_name(course_dir: str | Path, lab: str) -> str | None:
    """The notebook file name of ``lab`` in the course (``L01_sensors.ipynb``), or None without that lab."""
    folder = Path(course_dir) / "source" / lab
    if lab not in course_labs(course_dir):
        return None
    notebooks = sorted(p.name for p in folder.glob("*.ipynb"))
    return notebooks[0] if len(notebooks) == 1 else None


def _notebook_problem(content: bytes, lab: str) -> tuple[str, str] | None:
    """Why ``content`` is not a readable notebook of ``lab`` (Korean, English), or None when it is."""
    import nbformat

    try:
        nb = nbformat.reads(content.decode("utf-8"), as_version=4)
        nbformat.validate(nb)
    except Exception as error:  # nbformat raises many kinds for a damaged file
        reason = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
        return f"노트북이 손상되어 열 수 없습니다 ({reason}).", f"the notebook is damaged ({reason})."
    found = nb.metadata.get("sflab", {}).get("id")
    if found and found != lab:
        return f"실습 {found}의 노트북입니다 ({lab}이(가) 아님).", f"it is the notebook of lab {found}, not {lab}."
    return None


def _error(handin: Handin, ko: str, en: str) -> LabError:
    return LabError(f"{handin.zip_path.name}: {ko}", f"{handin.zip_path.name}: {en}")


def _write(root: Path, handin: Handin) -> Path:
    """Write one checked hand-in: a new folder renamed into place, so a half-written submission never shows."""
    student_dir = root / "submitted" / handin.student
    student_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{handin.lab}.", dir=student_dir))
    (staging / handin.notebook_name).write_bytes(handin.content)
    target = student_dir / handin.lab
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{handin.lab}.old.", dir=student_dir))
        old.rmdir()
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old)
    else:
        staging.rename(target)
    return target / handin.notebook_name
