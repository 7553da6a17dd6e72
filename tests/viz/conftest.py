"""Fixtures for the renderer tests: no display needed (SDL's dummy video driver)."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def pygame_display() -> Iterator[None]:
    """pygame's display (dummy driver), for the event queue and window tests."""
    pygame.display.init()
    yield
    pygame.display.quit()
