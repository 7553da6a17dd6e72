"""``sflab``: the command line of Smart Factory Lab, every command in one parser.

Each command lives in its own module of :mod:`sflab.commands`, imported here by name and
registered in the order ``sflab --help`` lists them. Heavy libraries (pygame, pymodbus,
nbgrader, JupyterLab) are imported only when their command runs, so ``sflab sim`` starts fast.

Errors a person caused are printed in Korean (``--lang en`` for English) with exit
status 2; they never end in a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from sflab.arguments import common_options
from sflab.commands import bench, course, lab, plc, run, scenes, screenshot, sim
from simulator.errors import LabError

#: Each command's ``register(subparsers)``, in the order they appear in ``sflab --help``.
COMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    run.register,
    scenes.register,
    sim.register,
    bench.register,
    plc.register,
    screenshot.register,
    course.register,
    lab.register,
)


def build_parser() -> argparse.ArgumentParser:
    """The full ``sflab`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="sflab",
        description="스마트공장 실습실 (Smart Factory Lab): 가상 공장과 모의 PLC",
        parents=[common_options(os.environ.get("SFLAB_LANG", "ko"))],
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sflab`` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except LabError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
