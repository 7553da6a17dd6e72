"""Scene variants: the same line with other belt speeds and conveyor lengths (튜닝, tuning).

An engineer tuning a line changes a few settings — the inverter's frequency sets a belt's
speed, a longer buffer conveyor holds more parts — and keeps the rest::

    from simulator.scenes import get_scene
    from simulator.scenes.variants import settings_of, with_settings

    scene = with_settings(get_scene("buffer-line-v1"), station_speed_m_s=0.3, buffer_length_m=2.0)
    settings_of(scene)      # {"infeed_speed_m_s": 0.25, ..., "buffer_length_m": 2.0, ...}

Each conveyor ``NAME`` of the scene has two settings:

- ``NAME_speed_m_s``: belt speed, :data:`SPEED_RANGE_M_S` (a small belt conveyor with an inverter);
- ``NAME_length_m``: belt length, :data:`LENGTH_RANGE_M`. Everything downstream of the belt
  (later belts, sensors, pushers, stations, the line's end) moves along with its end.

A variant keeps the scene's id (the same reference controller runs it); its ``source`` lists
the settings. ``Plant(scene, settings={...})`` builds the variant for you.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from simulator.errors import LabError
from simulator.scenes.model import Scene

#: Allowed belt speeds, in m/s (inverter from about 6 Hz to 70 Hz on a typical 0.5 m/s small conveyor).
SPEED_RANGE_M_S = (0.05, 0.60)
#: Allowed conveyor lengths, in metres.
LENGTH_RANGE_M = (0.5, 3.0)
#: Positions closer than this to a belt's end count as downstream of it, in metres.
SAME_PLACE_M = 1e-9


class SettingsError(LabError):
    """A setting is unknown or out of its allowed range; the message names it and the range."""


def setting_ranges(scene: Scene) -> dict[str, tuple[float, float]]:
    """Every setting of ``scene`` with its (lowest, highest) allowed value."""
    ranges: dict[str, tuple[float, float]] = {}
    for conveyor in scene.conveyors:
        ranges[f"{conveyor.name}_speed_m_s"] = SPEED_RANGE_M_S
        ranges[f"{conveyor.name}_length_m"] = LENGTH_RANGE_M
    return ranges


def settings_of(scene: Scene) -> dict[str, float]:
    """The current value of every setting of ``scene``."""
    values: dict[str, float] = {}
    for conveyor in scene.conveyors:
        values[f"{conveyor.name}_speed_m_s"] = conveyor.speed_m_per_s
        values[f"{conveyor.name}_length_m"] = conveyor.length_m
    return values


def with_settings(scene: Scene, settings: Mapping[str, float] | None = None, **more: float) -> Scene:
    """A copy of ``scene`` with the given settings (as a mapping, keywords, or both).

    Raises:
        SettingsError: naming the setting and its allowed range when a setting is unknown,
            not a number or out of range, or when the changed line no longer fits together.
    """
    wanted = {**(settings or {}), **more}
    ranges = setting_ranges(scene)
    for name, value in wanted.items():
        _check(name, value, ranges)
    if not wanted:
        return scene
    for conveyor in scene.conveyors:
        speed = wanted.get(f"{conveyor.name}_speed_m_s")
        if speed is not None:
            scene = _set_speed(scene, conveyor.name, float(speed))
        length = wanted.get(f"{conveyor.name}_length_m")
        if length is not None:
            scene = _resize(scene, conveyor.name, float(length))
    described = ", ".join(f"{name}={float(value):g}" for name, value in sorted(wanted.items()))
    scene = dataclasses.replace(scene, source=f"{scene.source} [{described}]")
    _check_fits(scene, wanted)
    return scene


def _check(name: str, value: object, ranges: dict[str, tuple[float, float]]) -> None:
    if name not in ranges:
        known = ", ".join(ranges)
        raise SettingsError(
            f"설정 '{name}'은(는) 없습니다. 이 장면의 설정: {known}",
            f"No setting '{name}'. This scene's settings: {known}",
        )
    low, high = ranges[name]
    unit = "m/s" if name.endswith("_m_s") else "m"
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise SettingsError(
            f"설정 '{name}'이(가) {value!r}입니다. 허용 범위는 {low:g}~{high:g} {unit}입니다.",
            f"Setting '{name}' is {value!r}; the allowed range is {low:g}..{high:g} {unit}.",
        )


def _set_speed(scene: Scene, name: str, speed_m_per_s: float) -> Scene:
    """``scene`` with conveyor ``name`` running at ``speed_m_per_s``."""
    conveyors = tuple(
        dataclasses.replace(c, speed_m_per_s=speed_m_per_s) if c.name == name else c for c in scene.conveyors
    )
    return dataclasses.replace(scene, conveyors=conveyors)


def _resize(scene: Scene, name: str, length_m: float) -> Scene:
    """``scene`` with conveyor ``name`` ``length_m`` long; everything downstream moves with its end."""
    conveyor = next(c for c in scene.conveyors if c.name == name)
    old_end_m, delta_m = conveyor.end_m, length_m - conveyor.length_m

    def moved(x_m: float) -> float:
        return x_m + delta_m if x_m >= old_end_m - SAME_PLACE_M else x_m

    conveyors = tuple(
        dataclasses.replace(c, length_m=length_m)
        if c.name == name
        else dataclasses.replace(c, start_m=moved(c.start_m))
        for c in scene.conveyors
    )
    sensors = tuple(
        s if s.kind == "limit_switch" else dataclasses.replace(s, position_m=moved(s.position_m)) for s in scene.sensors
    )
    pushers = tuple(dataclasses.replace(p, position_m=moved(p.position_m)) for p in scene.pushers)
    stations = tuple(dataclasses.replace(s, gate_m=moved(s.gate_m), stop_m=moved(s.stop_m)) for s in scene.stations)
    return dataclasses.replace(
        scene,
        conveyors=conveyors,
        sensors=sensors,
        pushers=pushers,
        stations=stations,
        line_end_m=moved(scene.line_end_m),
    )


def _check_fits(scene: Scene, wanted: Mapping[str, float]) -> None:
    from simulator.scenes.check import scene_problems

    problems = scene_problems(scene)
    if problems:
        names = ", ".join(wanted)
        raise SettingsError(
            f"설정 ({names})으로 바꾼 라인이 맞지 않습니다: " + "; ".join(ko for ko, _ in problems),
            f"With the settings ({names}) the line no longer fits: " + "; ".join(en for _, en in problems),
        )
