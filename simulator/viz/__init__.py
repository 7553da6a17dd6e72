"""The simulator's pictures: the desktop window, screenshots and notebook images.

Everything here draws from :meth:`Plant.snapshot() <simulator.plant.Plant.snapshot>`
and never changes the plant except through its public controls (``press``, ``inject``,
``force``), as an operator or a teacher would. Start with :mod:`simulator.viz.screen`
(one frame), then :mod:`simulator.viz.app` (the window's logic).

For notebooks::

    from simulator.viz import show, animate
    show(plant)               # a PNG of the plant now
    animate(plant, seconds=5) # a short GIF of the next five simulated seconds
"""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

__all__ = ["animate", "render_png", "show"]


def __getattr__(name: str) -> Any:
    """Import pygame only when a picture is asked for (``sflab --help`` must stay fast)."""
    if name in __all__:
        from simulator.viz import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module 'simulator.viz' has no attribute {name!r}")
