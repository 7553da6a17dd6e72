"""Where the project's data folders are: the checkout's, or the copy a wheel installed.

The built-in scenes (``assets/scenes``) and the lab notebooks (``labs``) are data, not Python
packages. In a checkout (``pip install -e .``, ``make``) they are read where they are. A wheel
(the offline install of a lab PC, ``sflab lab wheels``) puts them under the environment's
``share/smartfactory-lab/`` (``[tool.setuptools.data-files]`` in ``pyproject.toml``).
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The checkout this package sits in (its parent folder).
CHECKOUT = Path(__file__).resolve().parent.parent
#: Where a wheel installs the data folders, below the environment's prefix.
INSTALLED = Path("share") / "smartfactory-lab"


def data_dir(relative: str) -> Path:
    """The folder ``relative`` (e.g. ``"labs"``): the checkout's when it has one, else the installed copy."""
    here = CHECKOUT / relative
    if here.is_dir():
        return here
    return Path(sys.prefix) / INSTALLED / relative
