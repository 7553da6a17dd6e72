"""A scene's I/O map as rows: tag, area, Modbus table, address, traditional number, description.

``sflab scene show`` prints these rows and the Modbus page (:mod:`simulator.modbus.docs`)
writes them, so the two can never disagree. They are read from the scene alone: its tags
and the numbering the PLC's tags define.
"""

from __future__ import annotations

from simulator.plc.tags import Tag, model_number

#: Each memory area's name, by its short code.
AREA_KO = {
    "DI": "디지털 입력",
    "DO": "디지털 출력",
    "M": "내부 릴레이",
    "AI": "아날로그 입력",
    "AO": "아날로그 출력",
    "HR": "데이터 레지스터",
}
AREA_EN = {
    "DI": "digital in",
    "DO": "digital out",
    "M": "memory bit",
    "AI": "analog in",
    "AO": "analog out",
    "HR": "register",
}


def io_map_rows(tags: tuple[Tag, ...], lang: str) -> list[dict[str, str | int]]:
    """One row per tag: name, area, Modbus table, 0-based address, traditional number, description."""
    areas = AREA_EN if lang == "en" else AREA_KO
    return [
        {
            "tag": tag.name,
            "area": f"{tag.area.value} {areas[tag.area.value]}",
            "table": tag.area.modbus_table.name.lower() if lang == "en" else tag.area.modbus_table.korean,
            "address": tag.address,
            "number": model_number(tag),
            "description": tag.description(lang),
        }
        for tag in tags
    ]
