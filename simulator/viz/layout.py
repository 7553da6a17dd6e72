"""Where each part of the screen goes, for any window size.

The screen is designed at 1280×720 and scaled by ``k``; at other aspect ratios the
extra width goes to the line view and the I/O monitor::

    ┌──────────────────────── top bar: time, speed, PLC, Modbus ────────────────────────┐
    │                         line view: conveyors, parts, sensors                       │
    ├───────────────┬──────────────────────────────┬─────────────────────────────────────┤
    │ operator panel│ KPIs          │ trend chart  │ I/O monitor (every tag, forcing)    │
    └───────────────┴──────────────────────────────┴─────────────────────────────────────┘
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from simulator.viz.theme import BASE_SIZE_PX

#: Gap between regions at the design size, in pixels.
GAP_PX = 6


@dataclass(frozen=True)
class Layout:
    """Rectangles of the screen's regions, in window pixels, and the scale ``k``."""

    k: float
    size: tuple[int, int]
    top_bar: pygame.Rect
    line: pygame.Rect
    panel: pygame.Rect
    kpis: pygame.Rect
    trend: pygame.Rect
    io: pygame.Rect


def layout(size: tuple[int, int]) -> Layout:
    """The layout of a window of ``size`` pixels (width, height)."""
    width, height = size
    k = min(width / BASE_SIZE_PX[0], height / BASE_SIZE_PX[1])
    gap = max(2, round(GAP_PX * k))
    top_h = round(40 * k)
    line_h = round(318 * k) + (height - round(BASE_SIZE_PX[1] * k)) // 2
    bottom_y = top_h + line_h + 2 * gap
    bottom_h = height - bottom_y - gap
    panel_w = round(300 * k)
    kpi_w = round(250 * k)
    trend_w = round(250 * k)
    x = gap
    panel = pygame.Rect(x, bottom_y, panel_w, bottom_h)
    x += panel_w + gap
    kpis = pygame.Rect(x, bottom_y, kpi_w, bottom_h)
    x += kpi_w + gap
    trend = pygame.Rect(x, bottom_y, trend_w, bottom_h)
    x += trend_w + gap
    io = pygame.Rect(x, bottom_y, width - x - gap, bottom_h)
    return Layout(
        k=k,
        size=size,
        top_bar=pygame.Rect(0, 0, width, top_h),
        line=pygame.Rect(gap, top_h + gap, width - 2 * gap, line_h),
        panel=panel,
        kpis=kpis,
        trend=trend,
        io=io,
    )
