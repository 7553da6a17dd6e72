"""``sflab screenshot PATH``: save a picture of the simulator without opening a window."""

from __future__ import annotations

import argparse

from sflab.arguments import add_command
from simulator.scenes import DEFAULT_SCENE_ID


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``screenshot``."""
    shot = add_command(
        subparsers, "screenshot", "시뮬레이터 화면을 PNG로 저장 / save a screenshot (no display needed)", _screenshot
    )
    shot.add_argument("path", nargs="?", default="docs/images/simulator.png", help="저장할 PNG 경로 / PNG path")
    shot.add_argument("--scene", default=DEFAULT_SCENE_ID, help="장면 ID / scene id")
    shot.add_argument("--seed", type=int, default=3, help="난수 시드 / random seed")
    shot.add_argument("--at", type=float, default=None, help="찍을 모의 시각(초) / simulated time of the picture")
    shot.add_argument("--size", default="1280x720", help="크기 / size, e.g. 1920x1080")


def _screenshot(args: argparse.Namespace) -> int:
    from simulator.viz.screenshot import DEFAULT_AT_S, take_screenshot
    from simulator.viz.window import parse_size

    at_s = DEFAULT_AT_S if args.at is None else args.at
    path = take_screenshot(args.path, args.scene, seed=args.seed, at_s=at_s, size=parse_size(args.size), lang=args.lang)
    print(path)
    return 0
