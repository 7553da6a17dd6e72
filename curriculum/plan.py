"""The teacher's plan of a track: each lab's hours, smart-factory level and learning goals.

``sflab course plan`` prints it; ``python -m curriculum.plan > docs/curriculum.md`` writes the
Korean page teachers read (a test checks the committed page equals this module's output).
"""

from __future__ import annotations

import sys

from curriculum.loader import load_track, track_ids
from curriculum.model import LEVELS, Track

#: Column headings of the plan table, per language.
HEADINGS = {
    "ko": ("실습", "제목", "수준", "차시", "학습 목표"),
    "en": ("lab", "title", "level", "hours", "learning goals (Korean)"),
}


def plan_markdown(track: Track, lang: str = "ko") -> str:
    """The plan of ``track`` as a markdown table, labs in order, with the hours added up per level."""
    heading = HEADINGS[lang]
    lines = [f"| {' | '.join(heading)} |", "|" + "---|" * len(heading)]
    for lab in track.labs:
        title = lab.title_ko if lang == "ko" else (lab.title_en or lab.title_ko)
        goals = "<br>".join(f"{number}. {goal}" for number, goal in enumerate(lab.goals, start=1))
        lines.append(f"| {lab.id} | {title} | {lab.level} | {lab.hours} | {goals} |")
    total = sum(lab.hours for lab in track.labs)
    per_level = ", ".join(
        f"{level} {sum(lab.hours for lab in track.labs if lab.level == level)}"
        for level in LEVELS
        if any(lab.level == level for lab in track.labs)
    )
    summary = f"합계 {total}차시 ({per_level})" if lang == "ko" else f"Total {total} lesson hours ({per_level})"
    return "\n".join(lines) + f"\n\n{summary}\n"


def page() -> str:
    """``docs/curriculum.md``: every track's plan, in Korean."""
    parts = [
        "# 교육 과정 (curriculum)\n",
        "> 이 페이지는 `python -m curriculum.plan > docs/curriculum.md`로 만듭니다. 직접 고치지 마세요.",
        "> 원본은 `curriculum/tracks/*.toml`, 실습은 `labs/`에 있습니다. 1차시 = 45분.\n",
        "스마트공장 수준: **기초** (생산 실적 자동 수집·로트 추적) → **중간1** (설비 데이터 실시간 수집·분석)"
        " → **중간2** (설비 제어 자동화·실시간 제어) → **고도** (빅데이터 진단, AI 감시 → 제어 → 최적화).\n",
    ]
    for track_id in track_ids():
        track = load_track(track_id)
        parts.append(f"## {track.title_ko} ({track.title_en}) — `{track.id}`\n")
        parts.append(f"nbgrader 과정 id: `{track.course_id}` · 만들기: `sflab course build --track {track.id}`\n")
        parts.append(plan_markdown(track))
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(page())
