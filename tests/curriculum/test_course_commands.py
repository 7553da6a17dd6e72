"""``sflab course plan`` and ``sflab course build --lab``, run as a teacher runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SFLAB = Path(sys.executable).parent / "sflab"


def sflab(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SFLAB), *map(str, args)], capture_output=True, text=True)


def test_plan_prints_the_korean_table_and_english_on_request():
    korean = sflab("course", "plan")
    assert korean.returncode == 0 and "| L05 |" in korean.stdout and "학습 목표" in korean.stdout
    english = sflab("course", "plan", "--lang", "en")
    assert english.returncode == 0 and "learning goals" in english.stdout


def test_build_with_lab_writes_only_those_labs(tmp_path):
    done = sflab("course", "build", "--out", tmp_path / "c", "--no-release", "--lab", "L03", "--lab", "L01")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "c" / "source").iterdir()) == ["L01", "L03"]


def test_build_with_an_unknown_lab_says_so_in_korean_and_writes_nothing(tmp_path):
    done = sflab("course", "build", "--out", tmp_path / "c", "--no-release", "--lab", "L42")
    assert done.returncode != 0 and "L42" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "c").exists()
