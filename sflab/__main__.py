"""``python -m sflab …``: the same as the ``sflab`` console script, for a venv without its scripts."""

from __future__ import annotations

import sys

from sflab.cli import main

if __name__ == "__main__":
    sys.exit(main())
