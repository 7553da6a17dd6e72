"""``sflab bench sim|modbus|render|grade [--json]``: benchmarks as ratios against a bare baseline.

Each benchmark lives with the code it measures and exposes ``run(args) -> dict``; the
baseline is always measured in the same process, in the same run, so the ratios mean
the same on a slow school PC and a fast laptop. A benchmark's module is imported only
when it runs (``render`` needs pygame, ``grade`` nbgrader), by an ordinary import, so
the project's import graph sees which module measures what.
"""

from __future__ import annotations

import argparse
import json
from types import ModuleType

from sflab.arguments import add_command
from simulator.errors import LabError

#: The benchmarks, in the order ``sflab bench --help`` lists them.
BENCHMARKS = ("sim", "modbus", "render", "grade")


def benchmark_module(name: str) -> ModuleType:
    """The module that measures ``name`` (one of :data:`BENCHMARKS`), with its ``run(args) -> dict``.

    Raises:
        ModuleNotFoundError: when a library the benchmark needs is not installed.
        KeyError: when ``name`` is not a benchmark.
    """
    if name == "sim":
        import simulator.bench.sim

        return simulator.bench.sim
    if name == "modbus":
        import simulator.modbus.bench

        return simulator.modbus.bench
    if name == "render":
        import simulator.viz.bench

        return simulator.viz.bench
    if name == "grade":
        import grading.course.bench

        return grading.course.bench
    raise KeyError(name)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``bench``."""
    bench = add_command(subparsers, "bench", "성능 측정 / benchmarks", _bench)
    bench.add_argument("which", choices=BENCHMARKS, help="무엇을 잴지 / what to measure")
    bench.add_argument("--json", action="store_true", help="JSON 한 개로 출력 / print one JSON object")
    bench.add_argument("--quick", action="store_true", help="짧게 (테스트용) / short run (for tests)")
    bench.add_argument(
        "--scene", default=None, help="sim: 이 장면으로 (기본 sorting-line-v1) / sim: measure this scene"
    )


def _bench(args: argparse.Namespace) -> int:
    if args.scene is not None and args.which != "sim":
        raise LabError("--scene은 sim 벤치마크에만 씁니다.", "--scene applies to the sim benchmark only.")
    try:
        module = benchmark_module(args.which)
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
