"""``sflab``: the command line of Smart Factory Lab.

Each command lives in its own module under :mod:`simulator.commands` (or in the
package it belongs to) and registers itself with :func:`add_command`. Heavy libraries
(pygame, pymodbus, nbgrader) are imported only when their command runs, so
``sflab sim`` starts fast.

Errors a person caused are printed in Korean (``--lang en`` for English) with exit
status 2; they never end in a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from simulator.errors import LabError

#: Modules that register commands, in the order they appear in ``sflab --help``.
COMMAND_MODULES = (
    "simulator.commands.run",
    "simulator.commands.scenes",
    "simulator.commands.sim",
    "simulator.commands.bench",
)
#: Optional command modules, registered when present (each belongs to its own feature).
OPTIONAL_COMMAND_MODULES = (
    "simulator.modbus.command",
    "simulator.viz.command",
    "grading.command",
    "grading.lab_pc",
)

Handler = Callable[[argparse.Namespace], int | None]


def _common_options(default: str | None) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=("ko", "en"),
        default=default,
        help="메시지 언어 / message language (default ko)",
    )
    return common


#: ``--lang`` after the command name; SUPPRESS keeps a ``--lang`` given before the command.
COMMON = _common_options(argparse.SUPPRESS)


def add_command(
    subparsers: argparse._SubParsersAction, name: str, help_text: str, handler: Handler
) -> argparse.ArgumentParser:
    """Add the command ``name`` that runs ``handler(args)``; returns its parser for arguments."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text, parents=[COMMON])
    parser.set_defaults(handler=handler)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The full ``sflab`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="sflab",
        description="스마트공장 실습실 (Smart Factory Lab): 가상 공장과 모의 PLC",
        parents=[_common_options(os.environ.get("SFLAB_LANG", "ko"))],
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    for module_name in OPTIONAL_COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                continue
            raise
        module.register(subparsers)
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


if __name__ == "__main__":
    sys.exit(main())
