"""``sflab scenes`` and ``sflab scene show SCENE``: list scenes and print a scene's I/O map."""

from __future__ import annotations

import argparse
import json

from simulator.cli import add_command
from simulator.plc.tags import Tag, model_number
from simulator.scenes import DEFAULT_SCENE_ID, get_scene, scene_ids

_AREA_KO = {
    "DI": "디지털 입력",
    "DO": "디지털 출력",
    "M": "내부 릴레이",
    "AI": "아날로그 입력",
    "HR": "데이터 레지스터",
}
_AREA_EN = {"DI": "digital in", "DO": "digital out", "M": "memory bit", "AI": "analog in", "HR": "register"}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``scenes`` and ``scene show``."""
    add_command(subparsers, "scenes", "장면 목록 / list scenes", _list)
    scene = add_command(subparsers, "scene", "장면 정보 / scene information", _show)
    scene.add_argument("action", choices=("show",), help="show: I/O 맵 출력 / print the I/O map")
    scene.add_argument("scene", nargs="?", default=DEFAULT_SCENE_ID, help="장면 ID 또는 .toml 경로")
    scene.add_argument("--json", action="store_true", help="JSON으로 출력 / print JSON")


def _list(args: argparse.Namespace) -> int:
    for scene_id in scene_ids():
        scene = get_scene(scene_id)
        default = " (기본)" if args.lang == "ko" and scene_id == DEFAULT_SCENE_ID else ""
        default = " (default)" if args.lang == "en" and scene_id == DEFAULT_SCENE_ID else default
        print(f"{scene_id:24} {scene.title(args.lang)}{default}")
    return 0


def io_map_rows(tags: tuple[Tag, ...], lang: str) -> list[dict[str, str | int]]:
    """One row per tag: name, area, Modbus table, 0-based address, traditional number, description."""
    areas = _AREA_EN if lang == "en" else _AREA_KO
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


def _show(args: argparse.Namespace) -> int:
    scene = get_scene(args.scene)
    rows = io_map_rows(scene.tags, args.lang)
    if args.json:
        print(json.dumps({"scene": scene.id, "address_base": 0, "tags": rows}, ensure_ascii=False, indent=1))
        return 0
    print(f"{scene.id} — {scene.title(args.lang)}")
    if args.lang == "en":
        print("Addresses are 0-based Modbus protocol addresses; 'number' is the traditional 1-based reference.")
        header = ("tag", "area", "Modbus table", "addr", "number", "description")
    else:
        print("주소는 0부터 시작하는 Modbus 프로토콜 주소입니다.")
        print("'번호'는 관례적인 1 기반 표기(00001/10001/30001/40001)입니다.")
        header = ("태그", "영역", "Modbus 테이블", "주소", "번호", "설명")
    widths = (22, 16, 16, 5, 6)
    print("  ".join(_pad(h, w) for h, w in zip(header, widths, strict=False)) + "  " + header[-1])
    for row in rows:
        cells = (row["tag"], row["area"], row["table"], row["address"], row["number"])
        print("  ".join(_pad(str(c), w) for c, w in zip(cells, widths, strict=True)) + "  " + str(row["description"]))
    return 0


def _pad(text: str, width: int) -> str:
    """Pad for a terminal where Hangul takes two columns."""
    shown = sum(2 if "\uac00" <= ch <= "\ud7a3" else 1 for ch in text)
    return text + " " * max(0, width - shown)
