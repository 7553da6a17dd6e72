"""``sflab`` commands, called as a user would: by the venv's full path, without activating it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SFLAB = str(Path(sys.executable).parent / "sflab")


def sflab(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "SFLAB_LANG")}
    env["PATH"] = "/usr/bin:/bin"  # not activated: the venv's bin is not on PATH
    result = subprocess.run([SFLAB, *args], capture_output=True, text=True, env=env, timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_scenes_lists_the_default_scene() -> None:
    assert "sorting-line-v1" in sflab("scenes").stdout


def test_scene_show_prints_the_io_map_with_addresses() -> None:
    out = sflab("scene", "show", "sorting-line-v1").stdout
    assert "start_button" in out and "10001" in out and "시작 버튼" in out
    data = json.loads(sflab("scene", "show", "sorting-line-v1", "--json", "--lang", "en").stdout)
    tags = {row["tag"]: row for row in data["tags"]}
    assert data["address_base"] == 0
    assert tags["pusher_metal_out"]["address"] == 4 and tags["pusher_metal_out"]["number"] == "00005"
    assert tags["height_raw"]["number"] == "30001" and tags["count_metal"]["number"] == "40001"


def test_sim_json_has_the_contracted_keys() -> None:
    out = sflab("sim", "sorting-line-v1", "--controller", "reference", "--minutes", "5", "--seed", "3", "--json").stdout
    data = json.loads(out)
    for key in ("produced", "good", "mis_sorts", "collisions", "jams", "oee", "sim_time_s"):
        assert key in data
    assert data["sim_time_s"] == 300 and data["produced"] > 0 and data["mis_sorts"] == 0


def test_sim_with_faults_and_records(tmp_path: Path) -> None:
    csv_path, db_path = tmp_path / "records.csv", tmp_path / "records.db"
    out = sflab(
        "sim",
        "--minutes",
        "3",
        "--json",
        "--faults",
        "stuck_off:metal_prox",
        "--records-csv",
        str(csv_path),
        "--records-db",
        str(db_path),
    ).stdout
    data = json.loads(out)
    assert data["faults"] == ["stuck_off:metal_prox"]
    assert data["bins"]["bin_metal"]["good"] == 0 and data["mis_sorts"] > 0  # metal goes to the plastic bin
    assert csv_path.read_text(encoding="utf-8-sig").startswith("item_id,lot,material")
    import sqlite3

    with sqlite3.connect(db_path) as db:
        (count,) = db.execute("SELECT COUNT(*) FROM production").fetchone()
    assert count == data["produced"]


def test_student_program_from_a_file(tmp_path: Path) -> None:
    program = tmp_path / "my_line.py"
    program.write_text(
        "def program(io):\n    io.feeder_on = True\n    io.infeed_motor = True\n    io.sorter_forward = 1 / 0\n"
    )
    out = sflab("sim", "--controller", f"{program}:program", "--minutes", "1").stdout
    assert "PLC 정지" in out and "ZeroDivisionError" in out and "4행" in out


@pytest.mark.parametrize(
    ("args", "korean", "english"),
    [
        (("sim", "no-such-scene-v1"), "장면 'no-such-scene-v1'이(가) 없습니다", "No scene 'no-such-scene-v1'"),
        (("sim", "--controller", "magic"), "제어 프로그램 'magic'", "No controller 'magic'"),
        (("sim", "--faults", "stuck_on:nowhere"), "태그 'nowhere'", "no tag 'nowhere'"),
    ],
)
def test_user_errors_are_one_clear_line_in_korean_or_english(args: tuple[str, ...], korean: str, english: str) -> None:
    ko = sflab(*args, check=False)
    assert ko.returncode == 2 and korean in ko.stderr and "Traceback" not in ko.stderr
    en = sflab(*args, "--lang", "en", check=False)
    assert en.returncode == 2 and english in en.stderr


def test_bench_sim_reports_ratios() -> None:
    data = json.loads(sflab("bench", "sim", "--json", "--quick").stdout)
    assert data["realtime_factor"] > 0 and 0 < data["ratio_to_bare_simpy"] < 1
    assert set(data["cost_us_per_scan"]) == {"simpy_timeout", "plant_and_io_refresh", "reference_program"}


@pytest.mark.parametrize("scene", ["branch-line-v1", "buffer-line-v1"])
def test_bench_sim_measures_any_scene_with_the_same_figures(scene: str) -> None:
    data = json.loads(sflab("bench", "sim", "--json", "--quick", "--scene", scene).stdout)
    assert data["scene"] == scene and data["produced"] > 0
    assert data["realtime_factor"] > 0 and 0 < data["ratio_to_bare_simpy"] < 1
    refused = sflab("bench", "grade", "--scene", scene, check=False)
    assert refused.returncode == 2 and "sim" in refused.stderr
