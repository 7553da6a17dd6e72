"""The I/O monitor: every tag with its Modbus address, Korean name and live value.

Tabs split the tags by area of the process image (DI, DO, AI and data words, M). A
forced tag is shown as a PLC's monitor shows it: a coloured row and an ``F`` mark. In
teacher mode a click on a value cycles the force: 1 → 0 → released (words: force the
value they have now → released).
"""

from __future__ import annotations

import pygame

import simulator.viz.theme as theme
from simulator.plant.snapshot import PlantSnapshot
from simulator.plc.tags import Area, Tag, model_number
from simulator.scenes.model import Scene
from simulator.viz.draw import Pen
from simulator.viz.state import Action, ViewState
from simulator.viz.text import word

#: Tabs of the monitor: name → areas listed.
TABS: dict[str, tuple[Area, ...]] = {
    "DI": (Area.DI,),
    "DO": (Area.DO,),
    "AI·AO·HR": (Area.AI, Area.AO, Area.HR),
    "M": (Area.M,),
}
#: Row height, in design pixels.
ROW_PX = 19
#: Light background of a forced row.
FORCED_ROW = (240, 214, 229)


def tab_tags(scene: Scene, tab: str) -> list[Tag]:
    """Tags listed under ``tab``, in address order."""
    areas = TABS[tab]
    return sorted((t for t in scene.tags if t.area in areas), key=lambda t: (areas.index(t.area), t.address))


def visible_rows(area: pygame.Rect, k: float) -> int:
    """How many rows fit in the monitor drawn in ``area``."""
    return max(1, (area.height - round(98 * k)) // max(1, round(ROW_PX * k)))


def draw_io(
    pen: Pen, scene: Scene, snap: PlantSnapshot, forced: dict[str, bool | int], area: pygame.Rect, ui: ViewState
) -> None:
    """Draw the monitor in ``area``; tabs and (for teachers) values become hotspots."""
    inner = pen.panel(area, word("io_monitor", ui.lang))
    tab_w = pen.px(62)
    for i, tab in enumerate(TABS):
        rect = pygame.Rect(inner.right - (len(TABS) - i) * (tab_w + pen.px(3)), area.top + pen.px(6), tab_w, pen.px(24))
        pen.button(rect, tab, selected=tab == ui.io_tab, size=theme.FONT_SMALL_PX)
        ui.hotspots.add(rect, Action("tab", tab))
    tags = tab_tags(scene, ui.io_tab)
    rows = visible_rows(area, pen.k)
    ui.io_scroll = max(0, min(ui.io_scroll, len(tags) - rows))
    columns = (inner.left, inner.left + pen.px(86), inner.left + pen.px(206), inner.right - pen.px(60))
    header_y = inner.top
    for x, key in zip(columns, ("address", "tag", "description", "value"), strict=True):
        pen.text(word(key, ui.lang), (x, header_y), theme.FONT_SMALL_PX, theme.TEXT_DIM, bold=True)
    row_h = pen.px(ROW_PX)
    y = header_y + pen.px(20)
    pygame.draw.line(pen.surface, theme.PANEL_EDGE, (inner.left, y - 2), (inner.right, y - 2))
    for tag in tags[ui.io_scroll : ui.io_scroll + rows]:
        _row(pen, tag, snap.tags.get(tag.name, 0), forced, columns, pygame.Rect(inner.left, y, inner.width, row_h), ui)
        y += row_h
    hint = word("force_hint", ui.lang) if ui.teacher else ""
    if len(tags) > rows:
        hint = f"{ui.io_scroll + 1}–{ui.io_scroll + rows} / {len(tags)} (PgUp/PgDn)  {hint}"
    pen.text(
        hint,
        (inner.left, area.bottom - pen.px(8)),
        theme.FONT_SMALL_PX - 1,
        theme.TEXT_DIM,
        anchor="bottomleft",
        max_width=inner.width,
    )


def _row(
    pen: Pen,
    tag: Tag,
    value: bool | int,
    forced: dict[str, bool | int],
    columns: tuple[int, ...],
    rect: pygame.Rect,
    ui: ViewState,
) -> None:
    is_forced = tag.name in forced
    if is_forced:
        pygame.draw.rect(pen.surface, FORCED_ROW, rect)
    if tag.area is Area.AI:  # click an analog input to show its trend; the trended one is marked
        name_cell = pygame.Rect(columns[1], rect.top, columns[3] - columns[1], rect.height)
        ui.hotspots.add(name_cell, Action("trend", tag.name))
        if ui.trend is not None and ui.trend.tag == tag.name:
            pygame.draw.rect(pen.surface, theme.BLUE, (rect.left - pen.px(6), rect.top + 2, pen.px(4), rect.height - 4))
    cy = rect.centery
    address = f"{tag.area.value}{tag.address} ({model_number(tag)})"
    pen.text(address, (columns[0], cy), theme.FONT_SMALL_PX - 1, theme.TEXT_DIM, anchor="midleft")
    pen.text(
        tag.name, (columns[1], cy), theme.FONT_SMALL_PX, anchor="midleft", max_width=columns[2] - columns[1] - pen.px(4)
    )
    pen.text(
        tag.description(ui.lang),
        (columns[2], cy),
        theme.FONT_SMALL_PX,
        anchor="midleft",
        max_width=columns[3] - columns[2] - pen.px(6),
    )
    x = columns[3]
    if tag.is_bit:
        on = bool(value)
        pen.lamp((x + pen.px(7), cy), 6, on, theme.FORCED if is_forced else theme.ON)
        pen.text("1" if on else "0", (x + pen.px(18), cy), theme.FONT_BODY_PX, theme.TEXT, bold=on, anchor="midleft")
    else:
        pen.text(f"{int(value)}", (x, cy), theme.FONT_BODY_PX, theme.TEXT, bold=True, anchor="midleft")
    if is_forced:
        badge = pygame.Rect(0, 0, pen.px(16), pen.px(15))
        badge.midright = (rect.right, cy)
        pygame.draw.rect(pen.surface, theme.FORCED, badge, border_radius=pen.px(3))
        pen.text("F", badge.center, theme.FONT_SMALL_PX, theme.WHITE, bold=True, anchor="center")
    if ui.teacher:
        ui.hotspots.add(
            pygame.Rect(x - pen.px(4), rect.top, rect.right - x + pen.px(4), rect.height), Action("force", tag.name)
        )
