"""A conveyor-line scene file's own sections: belts, feeder, bins, pushers, flap, stations, sensors.

:mod:`simulator.scenes.loader` reads the file's ``id`` and ``kind`` and hands the rest to
:func:`read_conveyor_line`. Every problem is a :class:`SceneError` naming the file, the key
(``sensors[2].range_m``), its line, what was expected and what was there.
"""

from __future__ import annotations

from typing import Any

from simulator.scenes.io_tags import known_signals, read_tags
from simulator.scenes.model import (
    SENSOR_KINDS,
    BinSpec,
    ConveyorSpec,
    DiverterSpec,
    FeederSpec,
    PartSpec,
    PusherSpec,
    Scene,
    SensorSpec,
    StationSpec,
)
from simulator.scenes.reader import (
    Section,
    check_unique,
    count_pair,
    numbers,
    one_of,
    scan_ms,
    share,
    span,
)


def read_conveyor_line(root: Section, scene_id: str, source: str) -> Scene:
    """The rest of a conveyor-line scene file, after its ``id`` and ``kind`` (see :mod:`simulator.scenes.kinds`)."""
    conveyors = tuple(_conveyor(s) for s in root.children("conveyors"))
    bins = tuple(_bin(s) for s in root.children("bins"))
    bin_names = {b.name for b in bins}
    pushers = tuple(_pusher(s, bin_names) for s in root.children("pushers", allow_empty=True))
    end = root.child("end_of_line")
    end_bin = end.get("bin", lambda v: one_of(v, bin_names), "정의된 상자 이름", "a defined bin name")
    diverter = _diverter(end.child("diverter"), bin_names) if "diverter" in end.data else None
    actuators = {p.name for p in pushers} | ({diverter.name} if diverter else set())
    sensors = tuple(_sensor(s, actuators) for s in root.children("sensors"))
    tags, initial = read_tags(root, known_signals(sensors, conveyors, pushers, diverter))
    scene = Scene(
        id=scene_id,
        kind="conveyor_line",
        title_ko=root.text_("title_ko"),
        title_en=root.text_("title_en"),
        scan_period_ms=root.get("scan_period_ms", scan_ms, "1~150 사이의 숫자(ms)", "a number 1..150 (ms)"),
        ideal_cycle_s=root.number("ideal_cycle_s", strict=True),
        jam_after_s=root.number("jam_after_s", strict=True),
        line_end_m=root.number("line_end_m", strict=True),
        conveyors=conveyors,
        feeder=_feeder(root.child("feeder")),
        bins=bins,
        pushers=pushers,
        end_bin=end_bin,
        end_diverter=diverter,
        sensors=sensors,
        tags=tags,
        initial_values=initial,
        source=source,
        stations=tuple(_station(s) for s in root.children("stations", allow_empty=True)),
    )
    check_unique(root, "conveyors", [c.name for c in conveyors])
    check_unique(root, "stations", [s.name for s in scene.stations])
    check_unique(root, "sensors", [s.name for s in sensors])
    check_unique(root, "tags", [t.name for t in tags])
    return scene


def _conveyor(s: Section) -> ConveyorSpec:
    return ConveyorSpec(
        name=s.name(),
        ko=s.text_("ko"),
        en=s.text_("en"),
        start_m=s.number("start_m"),
        length_m=s.number("length_m", strict=True),
        speed_m_per_s=s.number("speed_m_per_s", strict=True),
        motor_power_w=s.number("motor_power_w"),
        reversible=s.flag("reversible", False),
        rated_speed_m_per_s=s.number("rated_speed_m_per_s", default=0.0),
        no_load_power_share=s.get(
            "no_load_power_share", share, "0~1 사이의 비율", "a share between 0 and 1", default=1.0
        ),
        gentle_contact_m_per_s=s.number("gentle_contact_m_per_s", default=0.0),
    )


def _station(s: Section) -> StationSpec:
    gate_m = s.number("gate_m")
    stop_m = s.number("stop_m")
    if stop_m <= gate_m:
        raise s.fail("stop_m", f"입구 게이트 gate_m={gate_m}보다 큰 위치", f"a position beyond gate_m={gate_m}", stop_m)
    return StationSpec(
        name=s.name(),
        ko=s.text_("ko"),
        en=s.text_("en"),
        gate_m=gate_m,
        stop_m=stop_m,
        process_s=s.number("process_s", strict=True),
        busy_power_w=s.number("busy_power_w", default=0.0),
        idle_power_w=s.number("idle_power_w", default=0.0),
        mtbf_min=s.number("mtbf_min", default=0.0),
        mttr_min=s.number("mttr_min", default=0.0),
    )


def _part(s: Section) -> PartSpec:
    return PartSpec(
        material=s.get(
            "material",
            lambda v: one_of(v, ("metal", "plastic", "wood")),
            "metal/plastic/wood",
            "metal/plastic/wood",
        ),
        share=s.number("share", strict=True),
        height_mm=s.number("height_mm", strict=True),
        height_sd_mm=s.number("height_sd_mm", default=0.0),
        length_mm=s.number("length_mm", strict=True),
        weight_g=s.number("weight_g", strict=True),
    )


def _feeder(s: Section) -> FeederSpec:
    min_gap_s = s.number("min_gap_s", strict=True)
    return FeederSpec(
        ko=s.text_("ko"),
        en=s.text_("en"),
        position_m=s.number("position_m"),
        mean_gap_s=s.number("mean_gap_s", minimum=min_gap_s),
        min_gap_s=min_gap_s,
        mtbf_min=s.number("mtbf_min", strict=True),
        mttr_min=s.number("mttr_min", strict=True),
        lot_size=int(s.number("lot_size", minimum=1)),
        defect_share=s.get("defect_share", share, "0~1 사이의 비율", "a share between 0 and 1"),
        defect_heights_mm=s.get("defect_heights_mm", numbers, "숫자의 목록", "a list of numbers"),
        parts=tuple(_part(p) for p in s.children("parts")),
        height_tolerance_mm=s.number("height_tolerance_mm", default=5.0, strict=True),
    )


def _bin(s: Section) -> BinSpec:
    return BinSpec(name=s.name(), ko=s.text_("ko"), en=s.text_("en"), accepts=s.text_("accepts"))


def _pusher(s: Section, bin_names: set[str]) -> PusherSpec:
    return PusherSpec(
        name=s.name(),
        ko=s.text_("ko"),
        en=s.text_("en"),
        position_m=s.number("position_m"),
        width_m=s.number("width_m", strict=True),
        extend_s=s.number("extend_s", strict=True),
        retract_s=s.number("retract_s", strict=True),
        bin=s.get("bin", lambda v: one_of(v, bin_names), "정의된 상자 이름", "a defined bin name"),
    )


def _diverter(s: Section, bin_names: set[str]) -> DiverterSpec:
    return DiverterSpec(
        name=s.name(),
        ko=s.text_("ko"),
        en=s.text_("en"),
        extend_s=s.number("extend_s", strict=True),
        retract_s=s.number("retract_s", strict=True),
        bin=s.get("bin", lambda v: one_of(v, bin_names), "정의된 상자 이름", "a defined bin name"),
    )


def _sensor(s: Section, actuator_names: set[str]) -> SensorSpec:
    kind = s.get("kind", lambda v: one_of(v, SENSOR_KINDS), f"{SENSOR_KINDS} 중 하나", f"one of {SENSOR_KINDS}")
    common: dict[str, Any] = {"name": s.name(), "kind": kind, "ko": s.text_("ko"), "en": s.text_("en")}
    if kind == "limit_switch":
        return SensorSpec(
            **common,
            actuator=s.get(
                "actuator",
                lambda v: one_of(v, actuator_names),
                "정의된 푸셔·분기기 이름",
                "a defined pusher or diverter",
            ),
            at=s.get(
                "at",
                lambda v: one_of(v, ("retracted", "extended")),
                "retracted/extended",
                "retracted/extended",
            ),
        )
    if kind == "analog_distance":
        counts = s.get("raw_counts", count_pair, "[최소, 최대] 정수 카운트 (0~65535)", "[low, high] counts 0..65535")
        return SensorSpec(
            **common,
            position_m=s.number("position_m"),
            mount_height_mm=s.number("mount_height_mm", strict=True),
            span_mm=s.get("span_mm", span, "[최소, 최대] 거리(mm)", "[low, high] distance in mm"),
            signal=s.get(
                "signal",
                lambda v: one_of(v, ("4-20mA", "0-10V")),
                "'4-20mA' 또는 '0-10V'",
                "'4-20mA' or '0-10V'",
            ),
            raw_counts=counts,
            noise_mm=s.number("noise_mm", default=0.0),
            lag_s=s.number("lag_s", default=0.0),
        )
    range_m = s.number("range_m", strict=True)
    distance_m = s.number("distance_m")
    if distance_m > range_m:
        raise s.fail("distance_m", f"감지거리 range_m={range_m} 이하", f"at most range_m={range_m}", distance_m)
    return SensorSpec(**common, position_m=s.number("position_m"), range_m=range_m, distance_m=distance_m)
