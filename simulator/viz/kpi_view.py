"""Live KPIs of any plant kind: what it produced, how well (OEE), and what went wrong (the kind's problems)."""

from __future__ import annotations

import pygame

import simulator.viz.theme as theme
from simulator.plant.kpis import Kpis
from simulator.viz.draw import Pen
from simulator.viz.text import word

#: Row height of the KPI list, in design pixels.
ROW_PX = 21


def draw_kpis(pen: Pen, kpis: Kpis, area: pygame.Rect, lang: str) -> None:
    """Draw the KPI panel in ``area``."""
    inner = pen.panel(area, word("kpis", lang))
    y = inner.top
    row = pen.px(ROW_PX)

    def line(name: str, value: str, alarm: bool = False) -> None:
        nonlocal y
        colour = theme.ALARM if alarm else theme.TEXT
        pen.text(name, (inner.left, y), theme.FONT_BODY_PX, theme.TEXT_DIM)
        pen.text(value, (inner.right, y), theme.FONT_BODY_PX, colour, bold=True, anchor="topright")
        y += row

    line(word("produced", lang), f"{kpis.produced}")
    line(word("good", lang), f"{kpis.good}")
    line(word("defective", lang), f"{kpis.defective}")
    line(word("throughput", lang), f"{kpis.throughput_per_h:.0f} {word('per_hour', lang)}")
    y += pen.px(4)
    pen.text(word("oee", lang), (inner.left, y), theme.FONT_BODY_PX, theme.TEXT_DIM)
    pen.text(f"{kpis.oee:.0%}", (inner.right, y - pen.px(5)), theme.FONT_BIG_PX, bold=True, anchor="topright")
    y += row + pen.px(2)
    for key, value in (
        ("availability", kpis.availability),
        ("performance", kpis.performance),
        ("quality", kpis.quality),
    ):
        _bar(pen, inner, y, word(key, lang), value)
        y += pen.px(18)
    y += pen.px(6)
    shown, rest = kpis.problems(), []
    room = max(1, (inner.bottom - y) // row - 1)  # one row stays for the energy
    if len(shown) > room:  # what went wrong first; the rest counted together on the last row
        ordered = sorted(shown, key=lambda p: p.count == 0)
        shown, rest = ordered[: room - 1], ordered[room - 1 :]
    for problem in shown:
        line(problem.name(lang), f"{problem.count}", problem.count > 0)
    if rest:
        others = sum(p.count for p in rest)
        name = f"그 밖의 문제 {len(rest)}가지" if lang == "ko" else f"{len(rest)} other problems"
        line(name, f"{others}", others > 0)
    line(word("energy", lang), f"{kpis.energy_kwh * 1000:.1f} Wh")


def _bar(pen: Pen, inner: pygame.Rect, y: int, name: str, value: float) -> None:
    """A thin labelled bar for one OEE factor."""
    pen.text(name, (inner.left + pen.px(8), y), theme.FONT_SMALL_PX, theme.TEXT_DIM)
    bar = pygame.Rect(inner.left + pen.px(98), y + pen.px(3), inner.width - pen.px(144), pen.px(10))
    pygame.draw.rect(pen.surface, theme.WHITE, bar)
    pygame.draw.rect(
        pen.surface, theme.BLUE, (bar.left, bar.top, round(bar.width * max(0.0, min(1.0, value))), bar.height)
    )
    pygame.draw.rect(pen.surface, theme.PANEL_EDGE, bar, width=1)
    pen.text(f"{value:.0%}", (inner.right, y), theme.FONT_SMALL_PX, anchor="topright")
