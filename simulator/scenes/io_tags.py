"""A scene's I/O map: the ``[[tags]]`` that wire plant signals to PLC addresses, and its generic memory.

Every tag names a plant signal of its area (a sensor on a DI, a motor on a DO …); the signals a
scene offers follow from its components (:func:`known_signals`). Addresses may not overlap in a
Modbus table; ``[memory]`` adds the M bits and D words of an XGT-style PLC.
"""

from __future__ import annotations

from simulator.plc.tags import Area, Tag
from simulator.scenes.model import ConveyorSpec, DiverterSpec, PusherSpec, SensorSpec
from simulator.scenes.reader import Section, register_address

#: Areas whose tags are wired to a plant signal (the others are the PLC's memory).
WIRED_AREAS = (Area.DI, Area.DO, Area.AI, Area.AO)


def read_tags(root: Section, signals: dict[str, Area]) -> tuple[tuple[Tag, ...], dict[str, int]]:
    """The ``[[tags]]`` of ``root`` (and its ``[memory]``), and the initial values some of them set.

    ``signals``: every plant signal a tag may name, with its area — the frame's
    (:func:`frame_signals`) and the kind's own.
    """
    tags: list[Tag] = []
    initial: dict[str, int] = {}
    used: dict[tuple[str, int], str] = {}
    for s in root.children("tags"):
        area = s.get("area", lambda v: Area(v), "DI/DO/M/AI/AO/HR 중 하나", "one of DI/DO/M/AI/AO/HR")
        address = int(s.get("address", register_address, "0~65535 정수 주소", "an integer address 0..65535"))
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
        if area in WIRED_AREAS and (wanted is None or wanted is not area):
            raise s.fail(
                "signal",
                f"{area.value} 영역의 플랜트 신호 ({_signals_of(signals, area)})",
                f"a plant signal of area {area.value}",
                signal,
            )
        if "initial" in s.data:
            initial[name] = int(s.get("initial", register_address, "0~65535 정수", "an integer 0..65535"))
        tags.append(Tag(name=name, area=area, address=address, ko=s.text_("ko"), en=s.text_("en"), signal=signal))
    if "memory" in root.data:
        memory = root.child("memory")
        tags += _memory_tags(memory, used)
    return tuple(tags), initial


def _memory_tags(memory: Section, used: dict[tuple[str, int], str]) -> list[Tag]:
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


def known_signals(
    sensors: tuple[SensorSpec, ...],
    conveyors: tuple[ConveyorSpec, ...],
    pushers: tuple[PusherSpec, ...],
    diverter: DiverterSpec | None = None,
) -> dict[str, Area]:
    """Every plant signal a conveyor line's tag may be wired to, with the area it belongs in."""
    signals = frame_signals()
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
    return signals


def frame_signals() -> dict[str, Area]:
    """The signals every plant has, whatever its kind: the operator panel and the stack light."""
    signals = {f"panel.{b}": Area.DI for b in ("start", "stop", "estop", "reset", "auto")}
    for light in ("green", "yellow", "red"):
        signals[f"light.{light}"] = Area.DO
    signals["buzzer"] = Area.DO
    return signals


def _signals_of(signals: dict[str, Area], area: Area) -> str:
    names = [name for name, a in signals.items() if a is area]
    return ", ".join(names[:6]) + (" …" if len(names) > 6 else "")
