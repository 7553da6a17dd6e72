"""Load a scene file (TOML) into validated frozen dataclasses.

Every problem is reported as a :class:`SceneError` naming the file, the key (as a
path such as ``sensors[2].range_m``), the line where the key stands when it can be
found, what was expected and what was there.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from simulator.errors import LabError
from simulator.plc.tags import REGISTER_MAX, Area, Tag
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

T = TypeVar("T")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SCENE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*-v[0-9]+$")


class SceneError(LabError):
    """A scene file is broken: says which file, key and line, and what was expected."""

    def __init__(self, source: str, key: str, expected_ko: str, expected_en: str, got: Any, line: int = 0):
        where = f"{source}:{line}" if line else source
        got_text = "(없음)" if got is _MISSING else repr(got)
        got_text_en = "(missing)" if got is _MISSING else repr(got)
        super().__init__(
            f"{where}: '{key}' — {expected_ko}이어야 합니다. 받은 값: {got_text}",
            f"{where}: '{key}' — expected {expected_en}, got {got_text_en}",
        )
        self.source = source
        self.key = key
        self.line = line


_MISSING = object()


class _Section:
    """Typed, located access to one table of the TOML document."""

    def __init__(self, data: dict[str, Any], path: str, source: str, text: str) -> None:
        self.data = data
        self.path = path
        self.source = source
        self.text = text

    def _key(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, expected_ko: str, expected_en: str, got: Any = _MISSING) -> SceneError:
        """An error about ``key`` of this section."""
        path = self._key(key)
        return SceneError(self.source, path, expected_ko, expected_en, got, _line_of(self.text, path))

    def get(self, key: str, kind: Callable[[Any], T], ko: str, en: str, default: Any = _MISSING) -> T:
        """Read ``key`` converted by ``kind``; a missing key uses ``default`` or fails."""
        value = self.data.get(key, default)
        if value is _MISSING:
            raise self.fail(key, ko, en)
        try:
            return kind(value)
        except (TypeError, ValueError):
            raise self.fail(key, ko, en, value) from None

    def text_(self, key: str, default: Any = _MISSING) -> str:
        """A non-empty string."""
        return self.get(key, _nonempty_str, "비어 있지 않은 문자열", "a non-empty string", default)

    def name(self, key: str = "name") -> str:
        """A Python identifier (tags and components are named so programs can use them)."""
        return self.get(key, _identifier, "영문자로 시작하는 이름(영문·숫자·_)", "an identifier (letters, digits, _)")

    def number(self, key: str, minimum: float = 0.0, default: Any = _MISSING, strict: bool = False) -> float:
        """A number >= minimum (> minimum when ``strict``)."""
        sign = ">" if strict else ">="
        return self.get(
            key,
            lambda v: _number(v, minimum, strict),
            f"{minimum} {'초과' if strict else '이상'}의 숫자",
            f"a number {sign} {minimum}",
            default,
        )

    def flag(self, key: str, default: bool) -> bool:
        """A boolean."""
        return self.get(key, _bool, "true 또는 false", "true or false", default)

    def child(self, key: str) -> _Section:
        """A sub-table."""
        value = self.data.get(key, _MISSING)
        if not isinstance(value, dict):
            raise self.fail(key, "표([섹션])", "a table ([section])", value)
        return _Section(value, self._key(key), self.source, self.text)

    def children(self, key: str, allow_empty: bool = False) -> list[_Section]:
        """An array of tables (``[[key]]``); with ``allow_empty`` it may be absent."""
        value = self.data.get(key, [] if allow_empty else _MISSING)
        if not isinstance(value, list) or (not value and not allow_empty):
            raise self.fail(key, "표의 배열([[섹션]])", "an array of tables ([[section]])", value)
        sections = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"{key}[{index}]", "표", "a table", item)
            sections.append(_Section(item, f"{self._key(key)}[{index}]", self.source, self.text))
        return sections


def _nonempty_str(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(value)
    return value


def _identifier(value: Any) -> str:
    if not isinstance(value, str) or not _IDENTIFIER.match(value):
        raise ValueError(value)
    return value


def _number(value: Any, minimum: float, strict: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(value)
    if value < minimum or (strict and value == minimum):
        raise ValueError(value)
    return float(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def _line_of(text: str, key_path: str) -> int:
    """Line (1-based) where ``key_path`` (e.g. ``tags[18].address``) stands in the file, 0 if not found."""
    array = re.match(r"^(?P<table>[\w.]+)\[(?P<index>\d+)\](\.(?P<key>\w+))?$", key_path)
    if array:
        headers = list(re.finditer(rf"^[ \t]*\[\[{re.escape(array['table'])}\]\]", text, re.MULTILINE))
        index = int(array["index"])
        if index >= len(headers):
            return 0
        start, key = headers[index].end(), array["key"]
        if key is None:
            return text.count("\n", 0, headers[index].start()) + 1
    elif "." in key_path:
        table, key = key_path.rsplit(".", 1)
        header = re.search(rf"^[ \t]*\[{re.escape(table)}\]", text, re.MULTILINE)
        if header is None:
            return 0
        start = header.end()
    else:
        start, key = 0, key_path
    next_header = re.compile(r"^[ \t]*\[", re.MULTILINE).search(text, start)
    end = next_header.start() if next_header else len(text)
    match = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE).search(text, start, end)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def load_scene(path: str | Path) -> Scene:
    """Read and validate the scene file at ``path``.

    Raises:
        SceneError: naming the file, key, line and expectation when the file is broken.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SceneError(str(path), "(file)", "읽을 수 있는 장면 파일", "a readable scene file", str(error)) from None
    return parse_scene(text, str(path))


def parse_scene(text: str, source: str = "<scene>") -> Scene:
    """Validate scene TOML ``text``; ``source`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"at line (\d+)", str(error))
        line = int(where.group(1)) if where else 0
        raise SceneError(source, "(TOML)", "올바른 TOML 문법", "valid TOML syntax", str(error), line) from None
    root = _Section(data, "", source, text)
    scene_id = root.get("id", _scene_id, "'이름-v1' 형식의 장면 ID", "a scene id like 'name-v1'")
    conveyors = tuple(_conveyor(s) for s in root.children("conveyors"))
    bins = tuple(_bin(s) for s in root.children("bins"))
    bin_names = {b.name for b in bins}
    pushers = tuple(_pusher(s, bin_names) for s in root.children("pushers", allow_empty=True))
    end = root.child("end_of_line")
    end_bin = end.get("bin", lambda v: _one_of(v, bin_names), "정의된 상자 이름", "a defined bin name")
    diverter = _diverter(end.child("diverter"), bin_names) if "diverter" in end.data else None
    actuators = {p.name for p in pushers} | ({diverter.name} if diverter else set())
    sensors = tuple(_sensor(s, actuators) for s in root.children("sensors"))
    tags, initial = _tags(root, sensors, conveyors, pushers, diverter)
    scene = Scene(
        id=scene_id,
        title_ko=root.text_("title_ko"),
        title_en=root.text_("title_en"),
        scan_period_ms=root.get("scan_period_ms", _scan_ms, "1~150 사이의 숫자(ms)", "a number 1..150 (ms)"),
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
    _check_unique(root, "conveyors", [c.name for c in conveyors])
    _check_unique(root, "stations", [s.name for s in scene.stations])
    _check_unique(root, "sensors", [s.name for s in sensors])
    _check_unique(root, "tags", [t.name for t in tags])
    return scene


def _scene_id(value: Any) -> str:
    if not isinstance(value, str) or not _SCENE_ID.match(value):
        raise ValueError(value)
    return value


def _scan_ms(value: Any) -> float:
    number = _number(value, 1.0, False)
    if number > 150:
        raise ValueError(value)
    return number


def _one_of(value: Any, allowed: set[str] | tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(value)
    return str(value)


def _check_unique(root: _Section, key: str, names: list[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise root.fail(key, f"서로 다른 이름들 ('{name}' 중복)", f"unique names ('{name}' repeats)", name)
        seen.add(name)


def _conveyor(s: _Section) -> ConveyorSpec:
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
            "no_load_power_share", _share, "0~1 사이의 비율", "a share between 0 and 1", default=1.0
        ),
        gentle_contact_m_per_s=s.number("gentle_contact_m_per_s", default=0.0),
    )


def _station(s: _Section) -> StationSpec:
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


def _part(s: _Section) -> PartSpec:
    return PartSpec(
        material=s.get(
            "material",
            lambda v: _one_of(v, ("metal", "plastic", "wood")),
            "metal/plastic/wood",
            "metal/plastic/wood",
        ),
        share=s.number("share", strict=True),
        height_mm=s.number("height_mm", strict=True),
        height_sd_mm=s.number("height_sd_mm", default=0.0),
        length_mm=s.number("length_mm", strict=True),
        weight_g=s.number("weight_g", strict=True),
    )


def _feeder(s: _Section) -> FeederSpec:
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
        defect_share=s.get("defect_share", _share, "0~1 사이의 비율", "a share between 0 and 1"),
        defect_heights_mm=s.get("defect_heights_mm", _numbers, "숫자의 목록", "a list of numbers"),
        parts=tuple(_part(p) for p in s.children("parts")),
        height_tolerance_mm=s.number("height_tolerance_mm", default=5.0, strict=True),
    )


def _share(value: Any) -> float:
    number = _number(value, 0.0, False)
    if number > 1:
        raise ValueError(value)
    return number


def _numbers(value: Any) -> tuple[float, ...]:
    if not isinstance(value, list) or not value:
        raise TypeError(value)
    return tuple(_number(v, 0.0, False) for v in value)


def _bin(s: _Section) -> BinSpec:
    return BinSpec(name=s.name(), ko=s.text_("ko"), en=s.text_("en"), accepts=s.text_("accepts"))


def _pusher(s: _Section, bin_names: set[str]) -> PusherSpec:
    return PusherSpec(
        name=s.name(),
        ko=s.text_("ko"),
        en=s.text_("en"),
        position_m=s.number("position_m"),
        width_m=s.number("width_m", strict=True),
        extend_s=s.number("extend_s", strict=True),
        retract_s=s.number("retract_s", strict=True),
        bin=s.get("bin", lambda v: _one_of(v, bin_names), "정의된 상자 이름", "a defined bin name"),
    )


def _diverter(s: _Section, bin_names: set[str]) -> DiverterSpec:
    return DiverterSpec(
        name=s.name(),
        ko=s.text_("ko"),
        en=s.text_("en"),
        extend_s=s.number("extend_s", strict=True),
        retract_s=s.number("retract_s", strict=True),
        bin=s.get("bin", lambda v: _one_of(v, bin_names), "정의된 상자 이름", "a defined bin name"),
    )


def _sensor(s: _Section, actuator_names: set[str]) -> SensorSpec:
    kind = s.get("kind", lambda v: _one_of(v, SENSOR_KINDS), f"{SENSOR_KINDS} 중 하나", f"one of {SENSOR_KINDS}")
    common: dict[str, Any] = {"name": s.name(), "kind": kind, "ko": s.text_("ko"), "en": s.text_("en")}
    if kind == "limit_switch":
        return SensorSpec(
            **common,
            actuator=s.get(
                "actuator",
                lambda v: _one_of(v, actuator_names),
                "정의된 푸셔·분기기 이름",
                "a defined pusher or diverter",
            ),
            at=s.get(
                "at",
                lambda v: _one_of(v, ("retracted", "extended")),
                "retracted/extended",
                "retracted/extended",
            ),
        )
    if kind == "analog_distance":
        counts = s.get("raw_counts", _count_pair, "[최소, 최대] 정수 카운트 (0~65535)", "[low, high] counts 0..65535")
        return SensorSpec(
            **common,
            position_m=s.number("position_m"),
            mount_height_mm=s.number("mount_height_mm", strict=True),
            span_mm=s.get("span_mm", _span, "[최소, 최대] 거리(mm)", "[low, high] distance in mm"),
            signal=s.get(
                "signal",
                lambda v: _one_of(v, ("4-20mA", "0-10V")),
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


def _span(value: Any) -> tuple[float, float]:
    low, high = _numbers(value)
    if high <= low:
        raise ValueError(value)
    return (low, high)


def _count_pair(value: Any) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, int) for v in value):
        raise TypeError(value)
    low, high = value
    if not 0 <= low < high <= REGISTER_MAX:
        raise ValueError(value)
    return (low, high)


def _tags(
    root: _Section,
    sensors: tuple[SensorSpec, ...],
    conveyors: tuple[ConveyorSpec, ...],
    pushers: tuple[PusherSpec, ...],
    diverter: DiverterSpec | None,
) -> tuple[tuple[Tag, ...], dict[str, int]]:
    signals = known_signals(sensors, conveyors, pushers, diverter)
    tags: list[Tag] = []
    initial: dict[str, int] = {}
    used: dict[tuple[str, int], str] = {}
    for s in root.children("tags"):
        area = s.get("area", lambda v: Area(v), "DI/DO/M/AI/HR 중 하나", "one of DI/DO/M/AI/HR")
        address = int(s.get("address", _address, "0~65535 정수 주소", "an integer address 0..65535"))
        table_key = (area.modbus_table.name, address)
        name = s.name()
        if table_key in used:
            raise s.fail(
                "address",
                f"겹치지 않는 주소 ('{used[table_key]}'와 같음)",
                f"a free address (same as '{used[table_key]}')",
                address,
            )
        used[table_key] = name
        signal = s.data.get("signal", "")
        wanted = signals.get(signal)
        if area in (Area.DI, Area.DO, Area.AI) and (wanted is None or wanted is not area):
            raise s.fail(
                "signal",
                f"{area.value} 영역의 플랜트 신호 ({_signals_of(signals, area)})",
                f"a plant signal of area {area.value}",
                signal,
            )
        if "initial" in s.data:
            initial[name] = int(s.get("initial", _address, "0~65535 정수", "an integer 0..65535"))
        tags.append(Tag(name=name, area=area, address=address, ko=s.text_("ko"), en=s.text_("en"), signal=signal))
    if "memory" in root.data:
        memory = root.child("memory")
        tags += _memory_tags(memory, used)
    return tuple(tags), initial


def _memory_tags(memory: _Section, used: dict[tuple[str, int], str]) -> list[Tag]:
    """Generic memory: bits M0.. on coils and words D0.. on holding registers, as on an XGT."""
    tags = []
    for prefix, area, count_key, base_key, ko, en in (
        ("M", Area.M, "bits", "bits_address", "내부 릴레이", "internal relay"),
        ("D", Area.HR, "words", "words_address", "데이터 레지스터", "data register"),
    ):
        count = int(memory.number(count_key, default=0))
        base = int(memory.number(base_key, default=0))
        for index in range(count):
            key = (area.modbus_table.name, base + index)
            if key in used:
                raise memory.fail(
                    base_key,
                    f"다른 태그와 겹치지 않는 주소 ('{used[key]}')",
                    f"addresses free of '{used[key]}'",
                    base,
                )
            used[key] = f"{prefix}{index}"
            tags.append(Tag(f"{prefix}{index}", area, base + index, f"{ko} {prefix}{index}", f"{en} {prefix}{index}"))
    return tags


def _address(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= REGISTER_MAX:
        raise ValueError(value)
    return value


def known_signals(
    sensors: tuple[SensorSpec, ...],
    conveyors: tuple[ConveyorSpec, ...],
    pushers: tuple[PusherSpec, ...],
    diverter: DiverterSpec | None = None,
) -> dict[str, Area]:
    """Every plant signal a tag may be wired to, with the area it belongs in."""
    signals = {f"panel.{b}": Area.DI for b in ("start", "stop", "estop", "reset", "auto")}
    signals["feeder.ready"] = Area.DI
    signals["feeder.enable"] = Area.DO
    for s in sensors:
        signals[f"sensor.{s.name}"] = Area.AI if s.kind == "analog_distance" else Area.DI
    for c in conveyors:
        signals[f"conveyor.{c.name}.forward"] = Area.DO
        for quantity in ("current", "temperature", "vibration"):
            signals[f"motor.{c.name}.{quantity}"] = Area.AI
        if c.reversible:
            signals[f"conveyor.{c.name}.reverse"] = Area.DO
    for p in pushers:
        signals[f"pusher.{p.name}.extend"] = Area.DO
    if diverter is not None:
        signals[f"diverter.{diverter.name}.turn"] = Area.DO
    for light in ("green", "yellow", "red"):
        signals[f"light.{light}"] = Area.DO
    signals["buzzer"] = Area.DO
    return signals


def _signals_of(signals: dict[str, Area], area: Area) -> str:
    names = [name for name, a in signals.items() if a is area]
    return ", ".join(names[:6]) + (" …" if len(names) > 6 else "")
