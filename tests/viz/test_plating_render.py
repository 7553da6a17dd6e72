"""The plating line is drawn: tanks with their liquids, the hoist over them, a rack moving with it.

Screenshots of the same moments are saved as PNG (``tmp_path``) and checked by colour, at
the window's two common sizes and in Korean and English.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

import simulator.viz.theme as theme
from simulator.viz.plating_view import LIQUID
from tests.viz.helpers import started_plant
from tests.viz.test_render import SIZES, colour_at, render

SCENE = "plating-line-v1"


def count_colour(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> int:
    """Pixels of exactly ``colour`` inside ``rect`` (numpy: a full-HD frame has two million)."""
    pixels = pygame.surfarray.pixels3d(surface)[rect.left : rect.right, rect.top : rect.bottom]
    return int(np.all(pixels == np.array(colour, dtype=pixels.dtype), axis=-1).sum())


@pytest.mark.parametrize("at_s", [0.0, 75.0, 1500.0])
def test_the_plating_line_renders_its_tanks_hoist_and_racks(at_s: float, tmp_path: Path) -> None:
    plant = started_plant(SCENE)
    plant.run_until(at_s)
    for size in SIZES:
        for lang in ("ko", "en"):
            path = tmp_path / f"plating-{at_s:g}s-{size[0]}-{lang}.png"
            surface, frame = render(plant, path, size, lang)
            assert path.stat().st_size > 10_000 and pygame.image.load(str(path)).get_size() == size
            tanks = frame.line
            assert isinstance(tanks, pygame.Rect) and tanks.width > size[0] * 0.6
            for role in ("degrease", "rinse", "zinc", "chromate"):
                assert count_colour(surface, tanks, LIQUID[role]) > 100, role
            assert count_colour(surface, surface.get_rect(), theme.BLUE) > 200  # the hoist's carriage


def test_the_rack_in_the_zinc_tank_is_drawn_in_its_tank(tmp_path: Path) -> None:
    plant = started_plant(SCENE)
    plant.run_until(1500.0)  # the first rack is plating (60 s loading + about 800 s of cleaning)
    view = plant.snapshot().equipment
    zinc = next(t for t in view.tanks if t.role == "zinc")
    assert zinc.rack is not None and zinc.rack.thickness_um > 0 and view.rectifier_a > 0
    surface, frame = render(plant, tmp_path / "zinc.png")
    tanks = frame.line
    rack_colours = {colour_at(surface, (x, tanks.centery)) for x in range(tanks.left, tanks.right)}
    assert (196, 204, 214) in rack_colours or (110, 116, 124) in rack_colours  # zinc-plated or bare steel
