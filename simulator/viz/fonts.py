"""NanumGothic for Korean text, and a cache of rendered labels.

koreanize-matplotlib ships the NanumGothic fonts, so the lab needs no font installed
system-wide. Rendering text is the slowest thing a frame does, and most labels do not
change from one frame to the next, so rendered labels are kept and reused.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pygame

from simulator.viz.theme import Colour

#: Rendered labels kept at most; the cache is emptied when it grows past this.
MAX_CACHED_LABELS = 4000


@cache
def font_path(bold: bool = False) -> Path | None:
    """Path of NanumGothic (or NanumGothicBold) from koreanize-matplotlib, None if missing."""
    spec = importlib.util.find_spec("koreanize_matplotlib")  # found, not imported: no matplotlib start-up
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "fonts"
    path = folder / ("NanumGothicBold.ttf" if bold else "NanumGothic.ttf")
    return path if path.is_file() else None


@cache
def font(size_px: int, bold: bool = False) -> pygame.font.Font:
    """A NanumGothic font of ``size_px`` pixels (pygame's default font if NanumGothic is missing)."""
    if not pygame.font.get_init():
        pygame.font.init()
    return pygame.font.Font(font_path(bold), max(6, size_px))


_labels: dict[tuple[str, int, bool, Colour], pygame.Surface] = {}


def label(text: str, size_px: int, colour: Colour, bold: bool = False) -> pygame.Surface:
    """``text`` rendered anti-aliased in ``colour`` (cached)."""
    key = (text, size_px, bold, colour)
    surface = _labels.get(key)
    if surface is None:
        if len(_labels) > MAX_CACHED_LABELS:
            _labels.clear()
        surface = font(size_px, bold).render(text, True, colour)
        _labels[key] = surface
    return surface


@cache
def fit(text: str, size_px: int, max_width_px: int, bold: bool = False) -> str:
    """``text`` shortened with "…" so it fits in ``max_width_px`` (cached: labels repeat every frame)."""
    f = font(size_px, bold)
    if f.size(text)[0] <= max_width_px:
        return text
    while text and f.size(text + "…")[0] > max_width_px:
        text = text[:-1]
    return text + "…"
