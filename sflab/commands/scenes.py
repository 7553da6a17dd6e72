"""``sflab scenes`` and ``sflab scene show SCENE``: list scenes and print a scene's I/O map."""

from __future__ import annotations

import argparse
import json

from sflab.arguments import add_command
from simulator.scenes import DEFAULT_SCENE_ID, get_scene, scene_ids
from simulator.scenes.io_map import io_map_rows


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
