"""The operator panel (조작반), drawn like the real one on a machine.

- 시작 (start): green, flush push-button, a접점 (NO).
- 정지 (stop): red push-button, b접점 (NC) — its input reads 1 until pressed.
- 리셋 (reset): blue push-button, a접점.
- 비상정지 (e-stop): red mushroom head on a yellow plate; it latches when pressed and is
  twisted out with a second click.
- 모드 (mode): a two-position selector switch, 수동 (manual) ← → 자동 (auto).

Under each control the panel prints its PLC input and value, e.g. ``DI1 = 1``, so
students see a b접점 read 1 at rest. Clicks are turned into :class:`Action` objects.
"""

from __future__ import annotations

import pygame

import simulator.viz.theme as theme
from simulator.plant.snapshot import PlantSnapshot
from simulator.scenes.model import Scene
from simulator.viz.draw import Pen
from simulator.viz.state import Action, ViewState
from simulator.viz.text import word
from simulator.viz.theme import Colour

#: Push-button radius, in design pixels.
BUTTON_RADIUS_PX = 27
#: E-stop mushroom radius and its yellow plate's radius, in design pixels.
ESTOP_RADIUS_PX = (34, 50)

_BUTTONS: tuple[tuple[str, Colour, str], ...] = (
    ("start", theme.BLUISH_GREEN, "NO"),
    ("stop", theme.VERMILLION, "NC"),
    ("reset", theme.BLUE, "NO"),
)


def draw_panel(pen: Pen, scene: Scene, snap: PlantSnapshot, area: pygame.Rect, ui: ViewState) -> None:
    """Draw the panel in ``area`` and register its controls as hotspots."""
    inner = pen.panel(area, word("panel", ui.lang))
    row_y = inner.top + pen.px(36)
    for i, (control, colour, _contact) in enumerate(_BUTTONS):
        x = inner.left + round(inner.width * (2 * i + 1) / 6)
        _push_button(pen, (x, row_y), control, colour, control in ui.held, ui)
        _input_caption(pen, scene, snap, control, (x, row_y + pen.px(BUTTON_RADIUS_PX + 26)))
    estop_centre = (inner.left + round(inner.width * 0.3), inner.top + pen.px(186))
    _estop(pen, estop_centre, latched=not snap.panel.get("estop", True), ui=ui)
    _input_caption(pen, scene, snap, "estop", (estop_centre[0], estop_centre[1] + pen.px(ESTOP_RADIUS_PX[1] + 22)))
    selector_centre = (inner.left + round(inner.width * 0.78), inner.top + pen.px(186))
    _selector(pen, selector_centre, snap.panel.get("auto", True), ui)
    _input_caption(pen, scene, snap, "auto", (selector_centre[0], selector_centre[1] + pen.px(ESTOP_RADIUS_PX[1] + 22)))


def _push_button(pen: Pen, centre: tuple[int, int], control: str, colour: Colour, held: bool, ui: ViewState) -> None:
    r = pen.px(BUTTON_RADIUS_PX)
    surface = pen.surface
    pygame.draw.circle(surface, theme.FRAME, centre, r + pen.px(5))
    pygame.draw.circle(surface, theme.BLACK, centre, r + pen.px(5), width=1)
    face = tuple(max(0, c - 60) for c in colour) if held else colour
    pygame.draw.circle(surface, face, centre, r - (pen.px(3) if held else 0))
    if not held:  # a lighter rim, so the button looks raised
        pygame.draw.circle(surface, _lighter(colour), centre, r, width=pen.px(3))
    pen.text(word(control, ui.lang), centre, theme.FONT_BODY_PX, theme.WHITE, bold=True, anchor="center")
    ui.hotspots.add(pygame.Rect(centre[0] - r, centre[1] - r, 2 * r, 2 * r), Action("panel", control))


def _estop(pen: Pen, centre: tuple[int, int], latched: bool, ui: ViewState) -> None:
    head, plate = (pen.px(r) for r in ESTOP_RADIUS_PX)
    surface = pen.surface
    pygame.draw.circle(surface, theme.YELLOW, centre, plate)
    pygame.draw.circle(surface, theme.BLACK, centre, plate, width=pen.px(2))
    if latched:  # pushed in: smaller, darker, with a ring showing it is held down
        pygame.draw.circle(surface, (150, 40, 20), centre, head - pen.px(4))
        pygame.draw.circle(surface, theme.BLACK, centre, head - pen.px(4), width=pen.px(3))
    else:
        pygame.draw.circle(surface, (90, 30, 10), (centre[0] + pen.px(2), centre[1] + pen.px(3)), head)
        pygame.draw.circle(surface, theme.VERMILLION, centre, head)
        pygame.draw.circle(surface, _lighter(theme.VERMILLION), centre, head, width=pen.px(4))
    pen.text(word("estop", ui.lang), centre, theme.FONT_BODY_PX, theme.WHITE, bold=True, anchor="center")
    if latched:
        pen.text(
            word("estop_latched", ui.lang),
            (centre[0], centre[1] - plate - pen.px(2)),
            theme.FONT_SMALL_PX,
            theme.ALARM,
            bold=True,
            anchor="midbottom",
        )
    ui.hotspots.add(pygame.Rect(centre[0] - plate, centre[1] - plate, 2 * plate, 2 * plate), Action("panel", "estop"))


def _selector(pen: Pen, centre: tuple[int, int], auto: bool, ui: ViewState) -> None:
    """A two-position selector: the handle points to 자동 (right) or 수동 (left)."""
    r = pen.px(30)
    surface = pen.surface
    pygame.draw.circle(surface, theme.FRAME, centre, r + pen.px(6))
    pygame.draw.circle(surface, theme.BLACK, centre, r + pen.px(6), width=1)
    pygame.draw.circle(surface, theme.BLACK, centre, r)
    direction = 1 if auto else -1
    handle = pygame.Rect(0, 0, pen.px(12), 2 * r - pen.px(6))
    handle.center = centre
    rotated = pygame.Surface(handle.size, pygame.SRCALPHA)
    rotated.fill(theme.WHITE)
    rotated = pygame.transform.rotate(rotated, -45 * direction)
    surface.blit(rotated, rotated.get_rect(center=centre))
    pointer = (centre[0] + direction * round(r * 0.55), centre[1] - round(r * 0.55))
    pygame.draw.circle(surface, theme.ALARM, pointer, pen.px(4))
    top = centre[1] - r - pen.px(10)
    for name, x_sign in (("manual", -1), ("auto", 1)):
        active = (name == "auto") == auto
        pen.text(
            word(name, ui.lang),
            (centre[0] + x_sign * pen.px(32), top),
            theme.FONT_BODY_PX,
            theme.TEXT if active else theme.TEXT_DIM,
            bold=active,
            anchor="midbottom",
        )
    ui.hotspots.add(
        pygame.Rect(centre[0] - r - pen.px(6), centre[1] - r - pen.px(6), 2 * r + pen.px(12), 2 * r + pen.px(12)),
        Action("panel", "mode"),
    )


def _input_caption(pen: Pen, scene: Scene, snap: PlantSnapshot, control: str, position: tuple[int, int]) -> None:
    """``DI1 = 1`` under a control: the PLC input it is wired to and its value now."""
    tag = next((t for t in scene.tags if t.signal == f"panel.{control}"), None)
    if tag is None:
        return
    value = int(snap.tags.get(tag.name, 0))
    pen.text(
        f"{tag.area.value}{tag.address} = {value}",
        position,
        theme.FONT_SMALL_PX,
        theme.ON if value else theme.TEXT_DIM,
        bold=True,
        anchor="midtop",
    )


def _lighter(colour: Colour) -> Colour:
    """``colour`` mixed halfway with white (the lit rim of a raised button)."""
    return (colour[0] + 255) // 2, (colour[1] + 255) // 2, (colour[2] + 255) // 2
