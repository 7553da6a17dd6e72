"""Work stations in the line view: a housing over the belt from the entry gate to the work stop.

The housing's walls enclose the belt section of the station (parts are still seen inside);
its hood above the belt carries the station's name, a status lamp coloured like a stack
light (green working, yellow idle, vermillion broken down — and the state written next
to it, never colour alone), the work time left and the parts done. The entry gate and
the work stop are drawn as barriers across the belt while they hold a part back.
"""

from __future__ import annotations

import pygame

import simulator.viz.theme as theme
from simulator.plant.conveyor.views import StationView
from simulator.viz.draw import Pen
from simulator.viz.fonts import label
from simulator.viz.geometry import LineGeometry
from simulator.viz.text import word

#: Width of the housing's walls and of its hood's status rim, in design pixels.
WALL_PX = 3
#: Thickness of a closed gate or a raised stop across the belt, its stripes, and an open one's posts, in design pixels.
BARRIER_PX = 5
STRIPE_PX = 6
POST_PX = 8


def draw_station(pen: Pen, geo: LineGeometry, station: StationView, lang: str) -> None:
    """Draw ``station``'s walls around its belt section and its hood with name and state (under the parts)."""
    span = geo.station_span(station.gate_m, station.stop_m)
    walls = theme.ALARM if station.state == "broken" else theme.PLATE
    wall = pen.px(WALL_PX)
    surface = pen.surface
    pygame.draw.line(surface, walls, span.topleft, (span.right - 1, span.top), wall)
    pygame.draw.line(surface, walls, (span.left, span.bottom - 1), (span.right - 1, span.bottom - 1), wall)
    _draw_hood(pen, geo.station_hood(station.gate_m, station.stop_m), station, lang)


def draw_barriers(pen: Pen, geo: LineGeometry, station: StationView) -> None:
    """The entry gate and the work stop (over the parts: they stand at part height)."""
    _draw_barrier(pen, geo, geo.x(station.gate_m), station.gate_closed)
    _draw_barrier(pen, geo, geo.x(station.stop_m), station.at_stop)


def _draw_barrier(pen: Pen, geo: LineGeometry, x: int, closed: bool) -> None:
    """A gate or stop just downstream of ``x``: a striped bar across the belt when it holds a part, else two posts.

    Parts held by it end at ``x``, so the bar is drawn beside them, not over them.
    """
    belt = geo.belt
    width = pen.px(BARRIER_PX)
    surface = pen.surface
    post = pen.px(POST_PX)
    if not closed:
        for y in (belt.top, belt.bottom - post):
            rect = pygame.Rect(x, y, width, post)
            pygame.draw.rect(surface, theme.WARNING, rect)
            pygame.draw.rect(surface, theme.BLACK, rect, width=1)
        return
    bar = pygame.Rect(x, belt.top, width, belt.height)
    pygame.draw.rect(surface, theme.WARNING, bar)
    stripe = pen.px(STRIPE_PX)
    for y in range(bar.top + stripe, bar.bottom, 2 * stripe):  # yellow and black, as on a barrier
        pygame.draw.rect(surface, theme.BLACK, (bar.left, y, bar.width, min(stripe, bar.bottom - y)))
    pygame.draw.rect(surface, theme.BLACK, bar, width=1)


def _draw_hood(pen: Pen, hood: pygame.Rect, station: StationView, lang: str) -> None:
    """The hood: name on top; status lamp, state and work left below it, parts done on the right."""
    colour = theme.STATION_STATE[station.state]
    surface = pen.surface
    radius = pen.px(3)
    pygame.draw.rect(surface, theme.CYLINDER, hood, border_radius=radius)
    pygame.draw.rect(surface, colour, hood, width=pen.px(WALL_PX), border_radius=radius)
    pygame.draw.rect(surface, theme.BLACK, hood, width=1, border_radius=radius)
    size = theme.FONT_SMALL_PX
    pad = pen.px(7)
    name = station.en if lang == "en" else station.ko
    top_y = hood.top + pen.px(13)
    pen.text(name, (hood.centerx, top_y), size, bold=True, anchor="center", max_width=hood.width - 2 * pad)
    row_y = hood.bottom - pen.px(14)
    done = f"{word('station_done', lang)} {station.parts_done}"
    done_rect = pen.text(done, (hood.right - pad, row_y), size, anchor="midright")
    lamp_x = hood.left + pad + pen.px(5)
    pen.lamp((lamp_x, row_y), 5, True, colour)
    state = word(f"station_{station.state}", lang)
    if station.at_stop:
        state += f" {station.work_left_s:.1f} s"
    room = done_rect.left - (lamp_x + pen.px(9)) - pen.px(4)
    if label(state, pen.px(size), theme.TEXT, True).get_width() > room:
        state = word(f"station_{station.state}", lang)  # too narrow for the time left: the state only
    pen.text(state, (lamp_x + pen.px(9), row_y), size, bold=True, anchor="midleft", max_width=max(1, room))
