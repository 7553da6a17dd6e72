"""One frame of the simulator: every view drawn from one snapshot, in order.

:func:`draw_screen` is the renderer used by the window, the screenshot command, the
notebook images and the tests; it touches no plant, only the snapshot, the scene and
the view state, and it does not need a display (a plain ``pygame.Surface`` is fine).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import pygame

import simulator.viz.theme as theme
from simulator.plant.snapshot import PlantSnapshot
from simulator.plc.tags import Area
from simulator.scenes.model import Scene
from simulator.viz.draw import Pen, finish
from simulator.viz.io_view import draw_io
from simulator.viz.kinds import draw_kpi_panel, plant_area_steps
from simulator.viz.layout import Layout, layout
from simulator.viz.overlays import draw_banner, draw_help, draw_top_bar
from simulator.viz.panel_view import draw_panel
from simulator.viz.state import Hotspots, Trend, ViewState
from simulator.viz.teacher_view import draw_teacher
from simulator.viz.trend_view import draw_trend, sensor_full_scale


@dataclass(frozen=True)
class Frame:
    """Where the last frame put things (for clicks and for tests)."""

    layout: Layout
    #: The geometry the kind's renderer used for the plant area
    #: (a :class:`~simulator.viz.geometry.LineGeometry` for a conveyor line).
    line: Any


def new_view_state(scene: Scene, lang: str = "ko", teacher: bool = False) -> ViewState:
    """A fresh view state for ``scene``, with a trend of its first analog input."""
    analog = next((t for t in scene.tags if t.area is Area.AI), None)
    return ViewState(lang=lang, teacher=teacher, trend=Trend(analog.name) if analog else None)


def draw_screen(surface: pygame.Surface, scene: Scene, snap: PlantSnapshot, ui: ViewState) -> Frame:
    """Draw the whole simulator screen for ``snap`` on ``surface`` (any size)."""
    return finish(draw_steps(surface, scene, snap, ui))


def draw_steps(
    surface: pygame.Surface, scene: Scene, snap: PlantSnapshot, ui: ViewState
) -> Generator[None, None, Frame]:
    """Draw the screen one view at a time, pausing (``yield``) after each view.

    The window awaits ``asyncio.sleep(0)`` at each pause, so the Modbus server can answer
    a request between two views instead of waiting for the whole frame. The picture is
    still one moment: every view draws from the same snapshot. Returns the :class:`Frame`.
    """
    ui.hotspots = Hotspots()
    where = layout(surface.get_size())
    pen = Pen(surface, where.k)
    surface.fill(theme.BACKGROUND)
    if ui.trend is not None:
        ui.trend.add(snap.time_s, int(snap.tags.get(ui.trend.tag, 0)))
    line = yield from plant_area_steps(pen, scene, snap, where.line, ui.lang)
    draw_banner(pen, snap.kpis.plc_fault, where.line)
    if ui.notice and not snap.kpis.plc_fault:
        draw_banner(pen, ui.notice, where.line, theme.BLUE)
    yield
    draw_panel(pen, scene, snap, where.panel, ui)
    draw_kpi_panel(pen, snap, where.kpis, ui.lang)
    yield
    trend_tag = next((t for t in scene.tags if ui.trend and t.name == ui.trend.tag), None)
    draw_trend(pen, ui.trend, trend_tag, sensor_full_scale(scene, trend_tag), where.trend, ui.lang)
    yield
    draw_io(pen, scene, snap, snap.forced, where.io, ui)
    if ui.teacher and ui.teacher_open:
        area = where.kpis.union(where.io)
        draw_teacher(pen, scene, snap.active_faults, area, ui)
    yield
    draw_top_bar(pen, snap, where.top_bar, ui, snap.plc_internal)
    if ui.show_help:
        draw_help(pen, surface.get_size(), ui.lang)
    return Frame(where, line)
