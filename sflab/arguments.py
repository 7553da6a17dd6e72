"""What every ``sflab`` command shares: the ``--lang`` option and :func:`add_command`.

The command modules import this module, never :mod:`sflab.cli`: the command line imports
its commands, so a command importing the command line back would make a cycle.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

#: What a command runs: its exit status (None means 0).
Handler = Callable[[argparse.Namespace], int | None]


def common_options(default: str | None) -> argparse.ArgumentParser:
    """The options every command takes (``--lang``), with ``default`` as the language's default."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=("ko", "en"),
        default=default,
        help="메시지 언어 / message language (default ko)",
    )
    return common


#: ``--lang`` after the command name; SUPPRESS keeps a ``--lang`` given before the command.
COMMON = common_options(argparse.SUPPRESS)


def add_command(
    subparsers: argparse._SubParsersAction, name: str, help_text: str, handler: Handler
) -> argparse.ArgumentParser:
    """Add the command ``name`` that runs ``handler(args)``; returns its parser for arguments."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text, parents=[COMMON])
    parser.set_defaults(handler=handler)
    return parser
