"""Small drawing helpers shared by every view: panels, text, lamps and buttons.

All sizes are in pixels at the design size (1280×720) and multiplied by a scale factor
``k`` so the same code draws a sharp 1920×1080 window.
"""

from __future__ import annotations

import asyncio
from collections.abc import Generator
from typing import TypeVar

import pygame

import simulator.viz.theme as theme
from simulator.viz.fonts import fit, label
from simulator.viz.theme import Colour

T = TypeVar("T")


def finish(steps: Generator[None, None, T]) -> T:
    """Run a drawing made of steps (a generator that pauses with ``yield``) to its end; returns its result.

    The window instead awaits ``asyncio.sleep(0)`` at each pause, so Modbus requests are
    answered between the steps of a frame.
    """
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: T = done.value
            return result


#: Turns of the asyncio loop given away at each pause of a drawing. A Modbus request takes a
#: few turns (read, handle, write); giving several lets it finish before the next step.
LOOP_TURNS_PER_PAUSE = 4


async def finish_in_turns(steps: Generator[None, None, T], turns: int = LOOP_TURNS_PER_PAUSE) -> T:
    """Like :func:`finish`, but hands the asyncio loop ``turns`` turns at every pause."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: T = done.value
            return result
        for _ in range(turns):
            await asyncio.sleep(0)


class Pen:
    """Draws on one surface at one scale (``k`` = window size / 1280×720)."""

    def __init__(self, surface: pygame.Surface, k: float) -> None:
        self.surface = surface
        self.k = k

    def px(self, value: float) -> int:
        """A design-size length in window pixels (at least 1)."""
        return max(1, round(value * self.k))

    def text(
        self,
        text: str,
        position: tuple[float, float],
        size: float = theme.FONT_BODY_PX,
        colour: Colour = theme.TEXT,
        *,
        bold: bool = False,
        anchor: str = "topleft",
        max_width: int | None = None,
    ) -> pygame.Rect:
        """Draw ``text``; ``anchor`` is a pygame.Rect attribute (``"center"``, ``"midleft"`` …)."""
        size_px = self.px(size)
        if max_width is not None:
            text = fit(text, size_px, max_width, bold)
        surface = label(text, size_px, colour, bold)
        rect = surface.get_rect(**{anchor: (round(position[0]), round(position[1]))})
        self.surface.blit(surface, rect)
        return rect

    def panel(self, rect: pygame.Rect, title: str = "", fill: Colour = theme.PANEL) -> pygame.Rect:
        """A framed panel with an optional title; returns the area inside, below the title."""
        pygame.draw.rect(self.surface, fill, rect, border_radius=self.px(6))
        pygame.draw.rect(self.surface, theme.PANEL_EDGE, rect, width=1, border_radius=self.px(6))
        inner = rect.inflate(-self.px(16), -self.px(12))
        if title:
            self.text(title, inner.topleft, theme.FONT_TITLE_PX, bold=True)
            inner.top += self.px(26)
            inner.height -= self.px(26)
        return inner

    def lamp(self, centre: tuple[float, float], radius: float, on: bool, colour: Colour) -> None:
        """A round lamp: filled and bright when on, hollow grey ring when off."""
        r = self.px(radius)
        if on:
            pygame.draw.circle(self.surface, colour, centre, r)
            pygame.draw.circle(self.surface, theme.BLACK, centre, r, width=max(1, self.px(1.5)))
        else:
            pygame.draw.circle(self.surface, theme.WHITE, centre, r)
            pygame.draw.circle(self.surface, theme.BEAM_OFF, centre, r, width=max(1, self.px(2)))

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        *,
        selected: bool = False,
        fill: Colour = theme.WHITE,
        size: float = theme.FONT_BODY_PX,
    ) -> None:
        """A flat rectangular button; selected ones are filled blue with white text."""
        colour = theme.SELECTED if selected else fill
        pygame.draw.rect(self.surface, colour, rect, border_radius=self.px(4))
        pygame.draw.rect(self.surface, theme.PANEL_EDGE, rect, width=1, border_radius=self.px(4))
        ink = theme.WHITE if selected else theme.TEXT
        self.text(text, rect.center, size, ink, anchor="center", max_width=rect.width - self.px(4))

    def dashed_line(
        self, start: tuple[float, float], end: tuple[float, float], colour: Colour, width: int, dash: int
    ) -> None:
        """A dashed straight line (dash and gap ``dash`` pixels long)."""
        (x0, y0), (x1, y1) = start, end
        length = max(1.0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
        steps = int(length // (2 * dash)) + 1
        for i in range(steps):
            a = min(1.0, 2 * i * dash / length)
            b = min(1.0, (2 * i + 1) * dash / length)
            pygame.draw.line(
                self.surface,
                colour,
                (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
                width,
            )
