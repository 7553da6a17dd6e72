"""The teacher panel (F2, only with ``--teacher``): inject the plant's faults live, repair, reset.

Pick a fault kind, then click a tag: the fault starts now and lasts until repaired.
A ``swapped`` fault needs two tags of the same area: the first click picks the first
tag, the second click the tag it is swapped with. Students see the symptoms on the
line and in the I/O monitor, not the fault itself — finding it is their exercise.
"""

from __future__ import annotations

import pygame

import simulator.viz.theme as theme
from simulator.plant.faults import FAULT_KINDS, Fault, FaultError, check_fault
from simulator.plc.tags import Area, Tag
from simulator.scenes.model import Scene
from simulator.viz.draw import Pen
from simulator.viz.state import Action, ViewState
from simulator.viz.text import fault_name, word

#: Severity of faults injected from this panel, by kind (meanings in :mod:`simulator.plant.faults`);
#: chosen so the symptom shows within a minute or two of simulated time.
TEACHER_SEVERITY = {"noise": 0.05, "dropout": 0.1, "drift": 20.0, "slow": 1.0, "wear": 20.0, "process_drift": 120.0}
#: Extra noise of an analog input, in millimetres (digital noise is a probability).
ANALOG_NOISE_MM = 5.0


def teacher_fault(kind: str, tag: Tag, other: str = "", start_s: float = 0.0) -> Fault:
    """The fault the panel injects for ``kind`` on ``tag``, with the panel's severity."""
    severity = ANALOG_NOISE_MM if kind == "noise" and tag.area is Area.AI else TEACHER_SEVERITY.get(kind, 1.0)
    return Fault(kind, tag.name, start_s=start_s, severity=severity, other=other)


def fault_targets(scene: Scene, kind: str) -> list[Tag]:
    """Tags a fault of ``kind`` may be put on, as the plant's own fault check decides."""
    tags = {tag.name: tag for tag in scene.tags}
    targets = []
    for tag in scene.tags:
        other = ""
        if kind == "swapped":  # any partner of the same area will do for the check
            other = next((t.name for t in scene.tags if t.area is tag.area and t.name != tag.name), "")
        try:
            check_fault(teacher_fault(kind, tag, other), tags, "")
        except FaultError:
            continue
        targets.append(tag)
    return targets


def draw_teacher(pen: Pen, scene: Scene, active_faults: tuple[str, ...], area: pygame.Rect, ui: ViewState) -> None:
    """Draw the teacher panel over ``area``."""
    inner = pen.panel(area, word("teacher_panel", ui.lang), fill=(246, 236, 243))
    lang = ui.lang
    y = inner.top
    pen.text(word("fault_kind", lang), (inner.left, y), theme.FONT_SMALL_PX, theme.TEXT_DIM, bold=True)
    y += pen.px(18)
    width = (inner.width - pen.px(3) * (len(FAULT_KINDS) - 1)) // len(FAULT_KINDS)
    for i, kind in enumerate(FAULT_KINDS):
        rect = pygame.Rect(inner.left + i * (width + pen.px(3)), y, width, pen.px(26))
        pen.button(rect, fault_name(kind, lang), selected=kind == ui.fault_kind, size=theme.FONT_SMALL_PX)
        ui.hotspots.add(rect, Action("fault_kind", kind))
    y += pen.px(34)
    step = word("fault_other", lang) if ui.fault_first else word("fault_target", lang)
    pen.text(step, (inner.left, y), theme.FONT_SMALL_PX, theme.TEXT_DIM, bold=True)
    y += pen.px(18)
    targets = fault_targets(scene, ui.fault_kind)
    if ui.fault_first:
        first_area = next(t.area for t in scene.tags if t.name == ui.fault_first)
        targets = [t for t in targets if t.area is first_area and t.name != ui.fault_first]
    columns = 5
    cell_w = (inner.width - pen.px(3) * (columns - 1)) // columns
    cell_h = pen.px(24)
    for i, tag in enumerate(targets):
        rect = pygame.Rect(
            inner.left + (i % columns) * (cell_w + pen.px(3)), y + (i // columns) * (cell_h + pen.px(3)), cell_w, cell_h
        )
        pen.button(rect, tag.name, size=theme.FONT_SMALL_PX)
        ui.hotspots.add(rect, Action("fault_target", tag.name))
    y += ((len(targets) + columns - 1) // columns) * (cell_h + pen.px(3)) + pen.px(8)
    faults = ", ".join(active_faults) if active_faults else word("no_faults", lang)
    pen.text(
        f"{word('active_faults', lang)}: {faults}",
        (inner.left, y),
        theme.FONT_SMALL_PX,
        theme.ALARM if active_faults else theme.TEXT_DIM,
        bold=True,
        max_width=inner.width,
    )
    buttons = (("clear_faults", Action("clear_faults")), ("reset_scene", Action("reset_scene")))
    for i, (key, action) in enumerate(buttons):
        rect = pygame.Rect(inner.right - (2 - i) * pen.px(134), area.bottom - pen.px(40), pen.px(128), pen.px(30))
        pen.button(rect, word(key, lang), fill=theme.YELLOW if key == "clear_faults" else theme.WHITE)
        ui.hotspots.add(rect, action)
