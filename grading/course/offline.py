r"""``sflab lab wheels DIR``: the folder of wheels a lab PC without internet installs from.

On a PC with internet (same OS and Python version as the lab PCs), from a checkout::

    sflab lab wheels wheels

writes the project's own wheel (with the scenes and the lab notebooks: :mod:`simulator.data_files`)
and a wheel of everything it needs, the Korean language pack included (the ``all`` extra).
Copied to the lab PC (USB, a shared folder), it installs with no network at all::

    py -m venv .venv
    .venv\Scripts\python -m pip install --no-index --find-links wheels "smartfactory-lab[all]"

This is ``pip wheel`` and nothing more: pip resolves the same versions the project pins.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from simulator.data_files import CHECKOUT
from simulator.errors import LabError

#: What the wheel folder holds: the project with every optional part a lab PC uses.
REQUIREMENT_EXTRA = "all"
#: The distribution's name, as ``pip install`` takes it.
DISTRIBUTION = "smartfactory-lab"


def install_command(folder: Path, *, windows: bool) -> str:
    """The command that installs from ``folder`` into a new ``.venv`` with no network."""
    pip = r".venv\Scripts\python -m pip" if windows else ".venv/bin/python -m pip"
    return f'{pip} install --no-index --find-links "{folder}" "{DISTRIBUTION}[{REQUIREMENT_EXTRA}]"'


def build_wheel_folder(folder: Path, *, python: str = sys.executable) -> list[Path]:
    """Write the project's wheel and all its dependencies' wheels into ``folder``; returns the wheels there.

    Raises:
        LabError: when this is not a checkout (no ``pyproject.toml``) or pip fails (its output is shown).
    """
    if not (CHECKOUT / "pyproject.toml").is_file():
        raise LabError(
            f"{CHECKOUT}는 프로젝트 폴더(pyproject.toml이 있는 곳)가 아닙니다. "
            "휠 폴더는 프로젝트를 받은(git clone) PC에서 만드세요.",
            f"{CHECKOUT} is not a checkout (no pyproject.toml): build the wheel folder from a clone of the project.",
        )
    folder.mkdir(parents=True, exist_ok=True)
    command = [python, "-m", "pip", "wheel", "--wheel-dir", str(folder), f"{CHECKOUT}[{REQUIREMENT_EXTRA}]"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise LabError(
            f"휠 폴더를 만들지 못했습니다 (pip wheel 종료 코드 {done.returncode}). 인터넷 연결을 확인하세요.\n"
            f"{done.stderr[-2000:]}",
            f"Could not build the wheel folder (pip wheel exit status {done.returncode}); check the network.\n"
            f"{done.stderr[-2000:]}",
        )
    return sorted(folder.glob("*.whl"))
