"""Scene variants: settings change belt speeds and lengths within physical ranges, with Korean errors."""

from __future__ import annotations

import pytest

from simulator.plant import Plant, check_scene
from simulator.scenes import get_scene
from simulator.scenes.variants import SettingsError, setting_ranges, settings_of, with_settings


def test_every_conveyor_has_a_speed_and_a_length_setting() -> None:
    scene = get_scene("buffer-line-v1")
    assert set(setting_ranges(scene)) == {
        f"{c.name}_{what}" for c in scene.conveyors for what in ("speed_m_s", "length_m")
    }
    assert settings_of(scene)["station_speed_m_s"] == pytest.approx(0.20)


def test_a_speed_setting_changes_only_that_belt() -> None:
    scene = get_scene("buffer-line-v1")
    faster = with_settings(scene, station_speed_m_s=0.3)
    assert settings_of(faster) == {**settings_of(scene), "station_speed_m_s": 0.3}
    assert faster.id == scene.id and "station_speed_m_s=0.3" in faster.source
    assert scene.conveyors[2].speed_m_per_s == pytest.approx(0.20)  # the original is untouched


def test_a_longer_buffer_moves_everything_downstream_with_its_end() -> None:
    scene = get_scene("buffer-line-v1")
    longer = with_settings(scene, {"buffer_length_m": 2.0})
    delta = 2.0 - scene.conveyors[1].length_m
    assert longer.line_end_m == pytest.approx(scene.line_end_m + delta)
    assert longer.conveyors[2].start_m == pytest.approx(scene.conveyors[2].start_m + delta)
    assert longer.stations[0].stop_m == pytest.approx(scene.stations[0].stop_m + delta)
    assert longer.sensor("exit_eye").position_m == pytest.approx(scene.sensor("exit_eye").position_m + delta)
    assert longer.sensor("buffer_full_eye").position_m == scene.sensor("buffer_full_eye").position_m  # upstream
    check_scene(longer, smoke_run=False)


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"station_speed_m_s": 0.9}, "'station_speed_m_s'"),
        ({"buffer_length_m": 0.1}, "0.5~3 m"),
        ({"belt_speed": 0.2}, "설정 'belt_speed'은(는) 없습니다"),
        ({"infeed_speed_m_s": "빠르게"}, "허용 범위"),
    ],
)
def test_a_bad_setting_names_itself_and_the_allowed_range(settings: dict, says: str) -> None:
    with pytest.raises(SettingsError) as caught:
        with_settings(get_scene("buffer-line-v1"), settings)
    assert says in caught.value.ko
    assert caught.value.en


def test_settings_work_on_the_other_scenes_too() -> None:
    scene = with_settings(get_scene("sorting-line-v1"), infeed_length_m=1.5, sorter_speed_m_s=0.3)
    assert scene.pushers[0].position_m == pytest.approx(get_scene("sorting-line-v1").pushers[0].position_m + 0.3)
    check_scene(scene, smoke_run=False)


def test_the_plant_builds_the_variant_from_its_settings() -> None:
    plant = Plant("buffer-line-v1", seed=1, program="reference", settings={"buffer_length_m": 2.5})
    assert plant.scene.conveyors[1].length_m == 2.5
