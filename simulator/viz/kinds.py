"""Which drawing module draws which plant kind: its equipment, and its KPI panel.

The window, the notebook pictures, the animations and ``sflab screenshot`` all draw the
plant area of the screen through :func:`plant_area_steps`, and the KPI panel through
:func:`kpi_panel_for`; the other panels (operator panel, trend, I/O monitor, teacher
controls) are drawn from the frame's part of the snapshot and are the same for every kind.
A new kind adds its drawing module and one line in :data:`RENDERERS` (see
:mod:`simulator.plant.kind` for the whole contract).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass

import pygame

from simulator.errors import LabError
from simulator.plant.snapshot import PlantSnapshot
from simulator.scenes.model import Scene
from simulator.viz.draw import Pen, finish
from simulator.viz.kpi_view import draw_kpis
from simulator.viz.line_view import line_steps
from simulator.viz.plating_view import plating_steps

#: Draws a kind's equipment into an area in a few steps (pausing with ``yield`` between them),
#: returning the geometry it used (for clicks and tests).
Steps = Callable[[Pen, Scene, PlantSnapshot, pygame.Rect, str], Generator[None, None, object]]
#: Draws a snapshot's KPIs into the KPI panel's area.
KpiPanel = Callable[[Pen, PlantSnapshot, pygame.Rect, str], None]


def standard_kpis(pen: Pen, snap: PlantSnapshot, area: pygame.Rect, lang: str) -> None:
    """The KPI panel every kind gets unless it draws its own.

    Production, OEE and its three factors, the kind's problems (``Kpis.problems()``: mis-sorts,
    jams … in red when not 0), energy.
    """
    draw_kpis(pen, snap.kpis, area, lang)


@dataclass(frozen=True)
class Renderer:
    """How one plant kind is drawn."""

    #: The plant area: the kind's machines and products.
    steps: Steps
    #: The KPI panel (the standard one unless the kind draws its own).
    kpis: KpiPanel = standard_kpis


RENDERERS: dict[str, Renderer] = {
    "conveyor_line": Renderer(steps=line_steps),
    "plating_line": Renderer(steps=plating_steps),
}


def renderer_for(kind: str) -> Renderer:
    """How plant kind ``kind`` is drawn."""
    try:
        return RENDERERS[kind]
    except KeyError:
        raise LabError(
            f"플랜트 종류 '{kind}'를 그리는 모듈이 없습니다 (simulator/viz/kinds.py)",
            f"Nothing draws plant kind '{kind}' (simulator/viz/kinds.py)",
        ) from None


def plant_area_steps(
    pen: Pen, scene: Scene, snap: PlantSnapshot, area: pygame.Rect, lang: str
) -> Generator[None, None, object]:
    """Draw the snapshot's equipment into ``area`` with its kind's renderer, step by step."""
    return renderer_for(snap.kind).steps(pen, scene, snap, area, lang)


def draw_plant_area(pen: Pen, scene: Scene, snap: PlantSnapshot, area: pygame.Rect, lang: str) -> object:
    """Draw the snapshot's equipment into ``area`` at once; returns the renderer's geometry."""
    return finish(plant_area_steps(pen, scene, snap, area, lang))


def draw_kpi_panel(pen: Pen, snap: PlantSnapshot, area: pygame.Rect, lang: str) -> None:
    """Draw the snapshot's KPIs into ``area`` with its kind's KPI panel."""
    renderer_for(snap.kind).kpis(pen, snap, area, lang)
