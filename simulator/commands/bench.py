"""``sflab bench sim|modbus|render|grade [--json]``: benchmarks as ratios against a bare baseline.

Each benchmark lives with the code it measures and exposes ``run(args) -> dict``; the
baseline is always measured in the same process, in the same run, so the ratios mean
the same on a slow school PC and a fast laptop.
"""

from __future__ import annotations

import argparse
import importlib
import json

from simulator.cli import add_command
from simulator.errors import LabError

#: Benchmark name → module with ``run(args) -> dict`` (and optionally ``add_arguments(parser)``).
BENCHMARKS = {
    "sim": "simulator.bench.sim",
    "modbus": "simulator.modbus.bench",
    "render": "simulator.viz.bench",
    "grade": "grading.bench",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``bench``."""
    bench = add_command(subparsers, "bench", "성능 측정 / benchmarks", _bench)
    bench.add_argument("which", choices=tuple(BENCHMARKS), help="무엇을 잴지 / what to measure")
    bench.add_argument("--json", action="store_true", help="JSON 한 개로 출력 / print one JSON object")
    bench.add_argument("--quick", action="store_true", help="짧게 (테스트용) / short run (for tests)")


def _bench(args: argparse.Namespace) -> int:
    try:
        module = importlib.import_module(BENCHMARKS[args.which])
    except ModuleNotFoundError as error:
        raise LabError(
            f"'{args.which}' 벤치마크를 쓸 수 없습니다: {error}",
            f"benchmark '{args.which}' is unavailable: {error}",
        ) from None
    result = module.run(args)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")
    return 0
