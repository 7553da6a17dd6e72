"""Things drawn over the screen: the top bar, the F1 help, and the PLC fault banner."""

from __future__ import annotations

import pygame

import simulator.viz.theme as theme
from simulator.plant.snapshot import PlantSnapshot
from simulator.realtime import SPEEDS
from simulator.viz.controls import KEYS, key_name
from simulator.viz.draw import Pen
from simulator.viz.fonts import label
from simulator.viz.state import Action, ViewState
from simulator.viz.text import word


def draw_top_bar(pen: Pen, snap: PlantSnapshot, area: pygame.Rect, ui: ViewState, plc_internal: bool) -> None:
    """Time, time controls, PLC state and mode, Modbus status and the help hint."""
    pygame.draw.rect(pen.surface, theme.PANEL, area)
    pygame.draw.line(pen.surface, theme.PANEL_EDGE, area.bottomleft, area.bottomright)
    lang, cy = ui.lang, area.centery
    x = area.left + pen.px(10)
    total_s = snap.time_s
    clock = f"{int(total_s // 3600):02d}:{int(total_s // 60 % 60):02d}:{total_s % 60:05.2f}"
    x = pen.text(word("time", lang), (x, cy), theme.FONT_SMALL_PX, theme.TEXT_DIM, anchor="midleft").right + pen.px(6)
    x = pen.text(clock, (x, cy), theme.FONT_TITLE_PX, bold=True, anchor="midleft").right + pen.px(14)
    height = area.height - pen.px(12)
    for speed in SPEEDS:
        rect = pygame.Rect(x, cy - height // 2, pen.px(40), height)
        pen.button(rect, f"×{speed:g}", selected=ui.speed == speed and not ui.paused)
        ui.hotspots.add(rect, Action("speed", f"{speed:g}"))
        x = rect.right + pen.px(3)
    rect = pygame.Rect(x + pen.px(6), cy - height // 2, pen.px(84), height)
    pen.button(rect, ("▶ " + word("resume", lang)) if ui.paused else ("|| " + word("pause", lang)), selected=ui.paused)
    ui.hotspots.add(rect, Action("pause"))
    rect = pygame.Rect(rect.right + pen.px(3), rect.top, pen.px(62), height)
    pen.button(rect, word("step", lang))
    ui.hotspots.add(rect, Action("step"))
    x = rect.right + pen.px(16)
    state = snap.kpis.plc_state
    x = pen.text("PLC", (x, cy), theme.FONT_SMALL_PX, theme.TEXT_DIM, anchor="midleft").right + pen.px(5)
    badge = pygame.Rect(x, cy - pen.px(11), pen.px(48), pen.px(22))
    pygame.draw.rect(pen.surface, theme.ON if state == "RUN" else theme.ALARM, badge, border_radius=pen.px(4))
    pen.text(state, badge.center, theme.FONT_BODY_PX, theme.WHITE, bold=True, anchor="center")
    mode = word("internal" if plc_internal else "remote", lang)
    x = pen.text(mode, (badge.right + pen.px(6), cy), theme.FONT_SMALL_PX, anchor="midleft").right + pen.px(16)
    right = area.right - pen.px(8)
    buttons = [("help_hint", Action("help"), ui.show_help)]
    if ui.teacher:
        buttons.insert(0, ("teacher_hint", Action("teacher"), ui.teacher_open))
    for key, action, selected in reversed(buttons):
        rect = pygame.Rect(0, cy - height // 2, pen.px(76), height)
        rect.right = right
        pen.button(rect, word(key, lang), selected=selected, size=theme.FONT_SMALL_PX)
        ui.hotspots.add(rect, action)
        right = rect.left - pen.px(4)
    _modbus_status(pen, x, cy, ui, right - pen.px(8))


def _modbus_status(pen: Pen, x: int, cy: int, ui: ViewState, right: int) -> None:
    """Modbus address, clients, time since the last request and (remote mode) the watchdog, up to ``right``."""
    lang, status = ui.lang, ui.modbus
    x = pen.text(word("modbus", lang), (x, cy), theme.FONT_SMALL_PX, theme.TEXT_DIM, anchor="midleft").right + pen.px(5)
    if status is None:
        pen.text(word("modbus_none", lang), (x, cy), theme.FONT_SMALL_PX, anchor="midleft")
        return
    last = status.get("last_request_s")
    ago = "—" if last is None else (f"{float(last):.1f} s ago" if lang == "en" else f"{float(last):.1f}초 전")
    text = (
        f"{status.get('host')}:{status.get('port')} · {word('modbus_clients', lang)} {status.get('clients', 0)}"
        f" · {word('modbus_last', lang)} {ago}"
    )
    tripped = bool(status.get("watchdog_tripped"))
    watchdog = ""
    if status.get("watchdog_s") is not None:  # remote mode: the comm-loss watchdog
        watchdog = word("modbus_watchdog" if tripped else "modbus_ok", lang)
    watchdog_w = label(watchdog, pen.px(theme.FONT_SMALL_PX), theme.TEXT, bold=True).get_width() if watchdog else 0
    x = pen.text(text, (x, cy), theme.FONT_SMALL_PX, anchor="midleft", max_width=right - x - watchdog_w).right
    if watchdog:
        colour = theme.ALARM if tripped else theme.ON
        pen.text(watchdog, (x + pen.px(6), cy), theme.FONT_SMALL_PX, colour, bold=True, anchor="midleft")


def draw_banner(pen: Pen, message: str, area: pygame.Rect, colour: theme.Colour = theme.ALARM) -> None:
    """A message across the bottom of ``area``: the PLC's STOP reason (a student's bug, a watchdog …)."""
    if not message:
        return
    banner = pygame.Rect(area.left + pen.px(8), area.bottom - pen.px(34), area.width - pen.px(16), pen.px(28))
    pygame.draw.rect(pen.surface, colour, banner, border_radius=pen.px(4))
    pen.text(
        message,
        (banner.left + pen.px(10), banner.centery),
        theme.FONT_BODY_PX,
        theme.WHITE,
        bold=True,
        anchor="midleft",
        max_width=banner.width - pen.px(20),
    )


def draw_help(pen: Pen, size: tuple[int, int], lang: str) -> None:
    """The F1 screen: every keyboard shortcut (and the mouse)."""
    dim = pygame.Surface(size, pygame.SRCALPHA)
    dim.fill((0, 0, 0, 140))
    pen.surface.blit(dim, (0, 0))
    row = pen.px(24)
    box = pygame.Rect(0, 0, pen.px(560), row * (len(KEYS) + 3))
    box.center = (size[0] // 2, size[1] // 2)
    inner = pen.panel(box, word("help_title", lang))
    y = inner.top + pen.px(4)
    for key, _action, ko, en in KEYS:
        pen.text(key_name(key), (inner.left + pen.px(10), y), theme.FONT_BODY_PX, theme.BLUE, bold=True)
        pen.text(en if lang == "en" else ko, (inner.left + pen.px(90), y), theme.FONT_BODY_PX)
        y += row
    mouse = (
        "Mouse: click the panel's buttons; wheel scrolls the I/O monitor"
        if lang == "en"
        else "마우스: 조작반 버튼 클릭, 휠로 입출력 모니터 스크롤"
    )
    pen.text(mouse, (inner.left + pen.px(10), y + pen.px(4)), theme.FONT_SMALL_PX, theme.TEXT_DIM)
