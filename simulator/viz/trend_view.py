"""A trend chart of one analog input (the height sensor's raw counts), like an HMI's trend screen."""

from __future__ import annotations

import pygame

import simulator.viz.theme as theme
from simulator.plc.tags import Tag
from simulator.scenes.model import Scene
from simulator.viz.draw import Pen
from simulator.viz.state import Trend
from simulator.viz.text import word

#: Horizontal grid lines of the chart.
GRID_LINES = 4


def sensor_full_scale(scene: Scene, tag: Tag | None) -> int | None:
    """Top of the A/D card's range when ``tag`` reads a scene sensor (``height_raw`` → 32000), else None."""
    if tag is None or not tag.signal.startswith("sensor."):
        return None
    sensor = next((s for s in scene.sensors if s.name == tag.signal.partition(".")[2]), None)
    return sensor.raw_counts[1] if sensor is not None and sensor.raw_counts[1] > 0 else None


def nice_ceiling(value: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, 100 … that is at least ``value`` (a round top for the axis)."""
    decade = 1
    while True:
        for step in (1, 2, 5):
            if decade * step >= value:
                return decade * step
        decade *= 10


def draw_trend(
    pen: Pen, trend: Trend | None, tag: Tag | None, full_scale: int | None, area: pygame.Rect, lang: str
) -> None:
    """Draw ``trend`` over the last ``trend.window_s`` seconds in ``area``.

    The axis runs from 0 to ``full_scale`` (the A/D card's range), or to a round number
    above the largest value shown when the range is not known (None).
    """
    title = f"{word('trend', lang)}: {tag.name}" if tag else word("trend", lang)
    inner = pen.panel(area, title)
    if trend is None or tag is None:
        none = "No analog input in this scene" if lang == "en" else "이 장면에는 아날로그 입력이 없습니다"
        pen.text(none, inner.center, theme.FONT_SMALL_PX, theme.TEXT_DIM, anchor="center")
        return
    pen.text(
        tag.description(lang),
        (inner.left, inner.top - pen.px(4)),
        theme.FONT_SMALL_PX,
        theme.TEXT_DIM,
        max_width=inner.width,
    )
    if full_scale is None:
        full_scale = nice_ceiling(max((v for _t, v in trend.samples), default=1) * 1.2)
    chart = pygame.Rect(
        inner.left + pen.px(44), inner.top + pen.px(18), inner.width - pen.px(46), inner.height - pen.px(40)
    )
    surface = pen.surface
    pygame.draw.rect(surface, theme.WHITE, chart)
    for i in range(GRID_LINES + 1):
        y = chart.bottom - round(chart.height * i / GRID_LINES)
        pygame.draw.line(surface, theme.GRID, (chart.left, y), (chart.right, y))
        pen.text(
            f"{full_scale * i // GRID_LINES}",
            (chart.left - pen.px(4), y),
            theme.FONT_SMALL_PX - 2,
            theme.TEXT_DIM,
            anchor="midright",
        )
    pygame.draw.rect(surface, theme.PANEL_EDGE, chart, width=1)
    if not trend.samples:
        return
    end_s = trend.samples[-1][0]
    start_s = end_s - trend.window_s
    points = [
        (
            chart.left + round((t - start_s) / trend.window_s * chart.width),
            chart.bottom - round(min(full_scale, v) / full_scale * chart.height),
        )
        for t, v in trend.samples
        if t >= start_s
    ]
    if len(points) > 1:
        pygame.draw.lines(surface, theme.BLUE, False, points, pen.px(2))
    latest = trend.samples[-1][1]
    pen.text(
        f"{latest}",
        (chart.right - pen.px(4), chart.top + pen.px(3)),
        theme.FONT_BODY_PX,
        theme.BLUE,
        bold=True,
        anchor="topright",
    )
    seconds = f"-{trend.window_s:.0f} s"
    pen.text(seconds, (chart.left, chart.bottom + pen.px(3)), theme.FONT_SMALL_PX - 2, theme.TEXT_DIM)
    pen.text("0 s", (chart.right, chart.bottom + pen.px(3)), theme.FONT_SMALL_PX - 2, theme.TEXT_DIM, anchor="topright")
