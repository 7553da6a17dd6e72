"""The curriculum: every lab of the common track has its hours, level and goals, and the notebooks agree."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from curriculum import LEVELS, check_track, load_track
from curriculum.loader import check_notebook, notebook_path
from curriculum.plan import page, plan_markdown
from grading.course.build import only_labs
from simulator.errors import LabError

TRACK = load_track("common")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "curriculum.md"


def test_common_track_has_l01_to_l10_in_order():
    assert [lab.id for lab in TRACK.labs] == [f"L{number:02d}" for number in range(1, 11)]


@pytest.mark.parametrize("lab", TRACK.labs, ids=lambda lab: lab.id)
def test_every_lab_has_hours_level_title_and_goals(lab):
    assert 1 <= lab.hours <= 4 and lab.level in LEVELS
    assert lab.title_ko and lab.title_en
    assert len(lab.goals) >= 2 and all(goal.strip() for goal in lab.goals)


def test_track_starts_at_basics_and_ends_at_the_advanced_level():
    assert TRACK.labs[0].level == "기초" and TRACK.labs[-1].level == "고도"


def test_a_goal_missing_from_the_notebook_header_is_reported():
    lab = TRACK.labs[0]
    changed = dataclasses.replace(lab, goals=(*lab.goals, "로봇 팔을 조립한다"))
    problems = check_notebook(notebook_path(lab), changed)
    assert problems == ["과정의 학습 목표 '로봇 팔을 조립한다'가 노트북 머리말에 없습니다"]


def test_a_title_or_time_that_disagrees_with_the_notebook_is_reported(tmp_path):
    lab = TRACK.labs[0]
    nb = json.loads(notebook_path(lab).read_text(encoding="utf-8"))
    nb["metadata"]["sflab"]["minutes"] = 135
    nb["metadata"]["sflab"]["title_ko"] = "다른 제목"
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    problems = check_notebook(path, lab)
    assert any("다른 제목" in p for p in problems) and any("135분" in p for p in problems)


def test_plan_lists_every_lab_with_the_total_hours():
    text = plan_markdown(TRACK)
    for lab in TRACK.labs:
        assert f"| {lab.id} | {lab.title_ko} | {lab.level} | {lab.hours} |" in text
    assert f"합계 {sum(lab.hours for lab in TRACK.labs)}차시" in text
    assert "lesson hours" in plan_markdown(TRACK, "en")


def test_committed_curriculum_page_is_up_to_date():
    assert DOCS.read_text(encoding="utf-8") == page(), "regenerate: python -m curriculum.plan > docs/curriculum.md"


def test_only_labs_keeps_track_order_and_rejects_unknown_ids():
    assert [lab.id for lab in only_labs(TRACK, ["L05", "L02"]).labs] == ["L02", "L05"]
    assert only_labs(TRACK, None) is TRACK
    with pytest.raises(LabError, match="L99"):
        only_labs(TRACK, ["L99"])


def test_the_common_track_validates():
    assert check_track(TRACK) == []
