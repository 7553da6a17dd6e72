"""Every registered scene passes check_scene; a broken scene file gets an error naming file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.errors import LabError
from simulator.plant import check_scene
from simulator.scenes import SceneError, get_scene, load_scene, scene_ids
from simulator.scenes.registry import scenes_dir

DEFAULT = scenes_dir() / "sorting-line-v1.toml"


@pytest.mark.parametrize("scene_id", scene_ids())
def test_every_scene_passes_check_scene(scene_id: str) -> None:
    scene = get_scene(scene_id)
    assert scene.id == scene_id  # registered under its own versioned id
    check_scene(scene)


def test_scene_is_frozen() -> None:
    scene = get_scene("sorting-line-v1")
    with pytest.raises(AttributeError):
        scene.scan_period_ms = 5  # type: ignore[misc]


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = DEFAULT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of_replacement(old: str, new: str) -> int:
    """Line of the last line of ``new`` where it replaced the first ``old``."""
    text = DEFAULT.read_text(encoding="utf-8")
    return text[: text.index(old)].count("\n") + new.count("\n") + 1


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("old", "new", "key", "expected_en"),
    [
        ("speed_m_per_s = 0.25", 'speed_m_per_s = "fast"', "conveyors[0].speed_m_per_s", "a number > 0.0"),
        ('kind = "diffuse"', 'kind = "laser"', "sensors[0].kind", "one of"),
        ("scan_period_ms = 10", "scan_period_ms = 500", "scan_period_ms", "1..150"),
        ('bin = "bin_metal"', 'bin = "bin_gold"', "pushers[0].bin", "a defined bin name"),
        ('area = "DO"\naddress = 1', 'area = "DO"\naddress = 0', "tags[18].address", "a free address"),
        ('signal = "sensor.exit_eye"', 'signal = "sensor.exit_eyes"', "tags[11].signal", "a plant signal"),
        ("distance_m = 0.12", "distance_m = 0.5", "sensors[0].distance_m", "at most range_m"),
    ],
)
def test_broken_scene_names_file_key_line_and_expectation(
    tmp_path: Path, old: str, new: str, key: str, expected_en: str
) -> None:
    path = broken(tmp_path, old, new)
    with pytest.raises(SceneError) as caught:
        load_scene(path)
    error = caught.value
    assert error.key == key
    assert str(path) in error.ko and key in error.ko and "이어야 합니다" in error.ko
    assert expected_en in error.message("en")
    assert f"{path}:{error.line}" in error.ko
    assert error.line == line_of_replacement(old, new)


def test_missing_key_is_reported(tmp_path: Path) -> None:
    path = broken(tmp_path, "ideal_cycle_s = 3.0", "")
    with pytest.raises(SceneError, match="ideal_cycle_s") as caught:
        load_scene(path)
    assert "(없음)" in caught.value.ko and "(missing)" in caught.value.en


def test_toml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = broken(tmp_path, "jam_after_s = 2.0", "jam_after_s = = 2.0")
    with pytest.raises(SceneError) as caught:
        load_scene(path)
    assert caught.value.line == line_of(path, "jam_after_s")


def test_physical_inconsistency_is_caught_by_check_scene(tmp_path: Path) -> None:
    path = broken(tmp_path, "start_m = 1.2", "start_m = 1.3")
    scene = load_scene(path)
    with pytest.raises(LabError, match="맞닿지 않습니다"):
        check_scene(scene, smoke_run=False)


def test_unknown_scene_id_lists_the_known_ones() -> None:
    with pytest.raises(LabError, match="sorting-line-v1"):
        get_scene("sorting-line-v9")
