"""Load and check tracks: ``load_track("common")`` reads ``curriculum/tracks/common.toml``.

The checks catch what would otherwise surface in the middle of a class: a lab folder
that does not exist, a notebook without nbgrader cells, a level that is not a
smart-factory level, or a notebook whose header disagrees with the track.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from curriculum.model import LEVELS, LabRef, Track
from simulator.data_files import data_dir
from simulator.errors import LabError

#: Where the track files live.
TRACKS_DIR = Path(__file__).resolve().parent / "tracks"
#: Where the labs live (the checkout's ``labs/`` folder, or the copy a wheel installed).
LABS_DIR = data_dir("labs")


def track_ids() -> list[str]:
    """Ids of every track file, sorted."""
    return sorted(p.stem for p in TRACKS_DIR.glob("*.toml"))


def load_track(track_id: str) -> Track:
    """Read a track by id.

    Raises:
        LabError: when the track does not exist or its file is malformed.
    """
    path = TRACKS_DIR / f"{track_id}.toml"
    if not path.is_file():
        raise LabError(
            f"과정 '{track_id}'이(가) 없습니다. 있는 과정: {', '.join(track_ids())}",
            f"No track '{track_id}'. Tracks: {', '.join(track_ids())}",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        labs = tuple(_lab_ref(entry) for entry in data.get("labs", []))
        return Track(
            id=str(data["id"]),
            title_ko=str(data["title_ko"]),
            title_en=str(data["title_en"]),
            course_id=str(data["course_id"]),
            labs=labs,
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise LabError(
            f"{path}: 과정 파일을 읽을 수 없습니다: {error!r}", f"{path}: bad track file: {error!r}"
        ) from None


def _lab_ref(entry: dict) -> LabRef:
    """One ``[[labs]]`` entry of a track file."""
    goals = entry.get("goals", [])
    if not isinstance(goals, list):
        raise TypeError(f"{entry.get('id')}: goals must be a list of strings")
    return LabRef(
        id=str(entry["id"]),
        folder=str(entry["folder"]),
        hours=int(entry["hours"]),
        level=str(entry["level"]),
        title_ko=str(entry.get("title_ko", "")),
        title_en=str(entry.get("title_en", "")),
        goals=tuple(str(goal) for goal in goals),
    )


def notebook_path(lab: LabRef, labs_dir: Path = LABS_DIR) -> Path:
    """The source notebook of ``lab``."""
    return labs_dir / lab.folder / f"{lab.folder}.ipynb"


def check_track(track: Track, labs_dir: Path = LABS_DIR) -> list[str]:
    """Problems with ``track`` (empty when it is fine), each in Korean."""
    problems = []
    seen: set[str] = set()
    for lab in track.labs:
        if lab.id in seen:
            problems.append(f"{lab.id}: 실습 id가 두 번 나옵니다")
        seen.add(lab.id)
        if lab.level not in LEVELS:
            problems.append(f"{lab.id}: 수준 '{lab.level}'은(는) {', '.join(LEVELS)} 중 하나여야 합니다")
        path = notebook_path(lab, labs_dir)
        if not path.is_file():
            problems.append(f"{lab.id}: 노트북이 없습니다: {path}")
            continue
        problems += [f"{lab.id}: {p}" for p in check_notebook(path, lab)]
    return problems


def check_notebook(path: Path, lab: LabRef) -> list[str]:
    """Problems with a lab's source notebook (the lab format of ``labs/README.md``)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    meta = nb.get("metadata", {}).get("sflab", {})
    for key in ("id", "title_ko", "level", "minutes", "scene"):
        if key not in meta:
            problems.append(f"metadata.sflab.{key}가 없습니다")
    if meta.get("id") not in (None, lab.id):
        problems.append(f"노트북의 id {meta.get('id')}가 과정의 id {lab.id}와 다릅니다")
    if meta.get("level") not in (None, lab.level):
        problems.append(f"노트북의 수준 {meta.get('level')}이(가) 과정의 수준 {lab.level}과 다릅니다")
    if lab.title_ko and meta.get("title_ko") not in (None, lab.title_ko):
        problems.append(f"노트북의 제목 '{meta.get('title_ko')}'이(가) 과정의 제목 '{lab.title_ko}'과 다릅니다")
    if meta.get("minutes") not in (None, lab.minutes):
        problems.append(
            f"노트북의 소요 시간 {meta.get('minutes')}분이 과정의 {lab.hours}차시({lab.minutes}분)와 다릅니다"
        )
    cells = nb.get("cells", [])
    if any(c.get("outputs") or c.get("execution_count") for c in cells if c.get("cell_type") == "code"):
        problems.append("출력이 저장되어 있습니다 (출력 없이 커밋하세요)")
    graded = [c for c in cells if c.get("metadata", {}).get("nbgrader", {}).get("grade")]
    if not graded:
        problems.append("채점 셀(nbgrader grade)이 없습니다")
    header = "".join(cells[0].get("source", "")) if cells else ""
    for word in ("학습 목표", "스마트공장 수준", "소요 시간", "장면"):
        if word not in header:
            problems.append(f"첫 셀 머리말에 '{word}'가 없습니다")
    for goal in lab.goals:
        if goal not in header:
            problems.append(f"과정의 학습 목표 '{goal}'가 노트북 머리말에 없습니다")
    return problems
