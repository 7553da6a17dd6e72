"""Drawing the plating line: tanks with their liquid and temperature, the hoist and its rack, the stations.

Side view, left to right as on the floor: the load station, the tanks (liquid coloured by
what the tank does, a heated tank's temperature and heater lamp, the rack inside with the
seconds it has spent against the tank's window), the unload station with the gauge's last
reading. Above them the hoist's rail and carriage; its hook hangs as low as the lift is, with
the rack it carries. A strip under the tanks shows the rectifier and the zinc bath's chemistry.
"""

from __future__ import annotations

from collections.abc import Callable, Generator

import pygame

import simulator.viz.theme as theme
from simulator.plant.plating.views import PlatingView, RackView, TankView
from simulator.plant.snapshot import PlantSnapshot
from simulator.scenes.model import Scene
from simulator.viz.draw import Pen

#: Liquid colour by tank role.
LIQUID: dict[str, theme.Colour] = {
    "degrease": (214, 190, 120),
    "rinse": (150, 200, 235),
    "pickle": (235, 170, 150),
    "zinc": (160, 170, 185),
    "chromate": (230, 205, 90),
    "dry": (235, 225, 215),
}
#: A rack's colour: steel before plating, zinc once plated, red when a defect was found.
RACK_STEEL, RACK_ZINC = (110, 116, 124), (196, 204, 214)


def plating_steps(
    pen: Pen, scene: Scene, snap: PlantSnapshot, area: pygame.Rect, lang: str
) -> Generator[None, None, pygame.Rect]:
    """The line in three steps (tanks, stations and hoist, the rectifier strip); returns the tanks' area."""
    view = snap.equipment
    if not isinstance(view, PlatingView):
        raise TypeError(f"a plating-line renderer got {type(view).__name__}")
    inner = pen.panel(area, f"{scene.title(lang)}  ·  {scene.id}")
    first, last = view.stations_m[0], view.stations_m[-1]
    margin = pen.px(40)
    scale = (inner.width - 2 * margin) / (last - first)

    def x_px(x_m: float) -> int:
        return round(inner.left + margin + (x_m - first) * scale)

    rail_y = inner.top + pen.px(18)
    tank_top = inner.top + round(inner.height * 0.42)
    tank_bottom = inner.top + round(inner.height * 0.82)
    tank_w = round(scale * 1.2)
    for tank in view.tanks:
        _tank(
            pen, tank, pygame.Rect(x_px(tank.position_m) - tank_w // 2, tank_top, tank_w, tank_bottom - tank_top), lang
        )
    yield
    _station(pen, view.load, x_px(first), tank_bottom, "투입" if lang == "ko" else "load", "")
    gauge = f"{view.last_measured_um:.2f} µm" if view.last_measured_um else ""
    _station(pen, view.unload, x_px(last), tank_bottom, "하역" if lang == "ko" else "unload", gauge)
    _hoist(pen, view, x_px(view.hoist_x_m), rail_y, tank_top, x_px)
    yield
    _rectifier_strip(pen, view, pygame.Rect(inner.left, tank_bottom + pen.px(30), inner.width, pen.px(22)), lang)
    return pygame.Rect(inner.left, tank_top, inner.width, tank_bottom - tank_top)


def _tank(pen: Pen, tank: TankView, box: pygame.Rect, lang: str) -> None:
    liquid = box.inflate(-pen.px(4), 0)
    liquid.top = box.top + pen.px(10)
    liquid.height = box.bottom - liquid.top
    pygame.draw.rect(pen.surface, LIQUID.get(tank.role, theme.GRID), liquid)
    pygame.draw.rect(pen.surface, theme.FRAME, box, width=pen.px(3))
    name = tank.en if lang == "en" else tank.ko
    pen.text(name, (box.centerx, box.bottom + pen.px(4)), theme.FONT_SMALL_PX, anchor="midtop", max_width=box.width + 8)
    if tank.temperature_c is not None:
        low, high = tank.window_c
        colour = theme.TEXT if low <= tank.temperature_c <= high else theme.ALARM
        pen.text(f"{tank.temperature_c:.1f} °C", (box.centerx, box.top - pen.px(4)), 13, colour, anchor="midbottom")
        pen.lamp((box.right - pen.px(9), box.bottom - pen.px(9)), 5, tank.heater > 0, theme.ORANGE)
    if tank.rack is not None:
        _rack(
            pen,
            tank.rack,
            pygame.Rect(
                box.centerx - box.width // 4, liquid.top + pen.px(8), box.width // 2, liquid.height - pen.px(18)
            ),
        )
        late = tank.in_s > tank.max_s
        colour = theme.ALARM if late else (theme.ON if tank.in_s >= tank.min_s else theme.TEXT)
        pen.text(
            f"{tank.in_s:.0f}/{tank.min_s:.0f}–{tank.max_s:.0f}s",
            (box.centerx, box.bottom + pen.px(20)),
            12,
            colour,
            anchor="midtop",
        )


def _rack(pen: Pen, rack: RackView, box: pygame.Rect) -> None:
    colour = theme.ALARM if rack.flawed else (RACK_ZINC if rack.thickness_um > 1 else RACK_STEEL)
    pygame.draw.rect(pen.surface, colour, box, border_radius=pen.px(2))
    pygame.draw.rect(pen.surface, theme.BLACK, box, width=1, border_radius=pen.px(2))
    pen.text(f"#{rack.rack_id}", (box.centerx, box.centery), 12, theme.BLACK, anchor="center")


def _station(pen: Pen, rack: RackView | None, x: int, floor: int, label: str, reading: str) -> None:
    stand = pygame.Rect(x - pen.px(22), floor - pen.px(8), pen.px(44), pen.px(8))
    pygame.draw.rect(pen.surface, theme.PLATE, stand)
    pen.text(label, (x, floor + pen.px(4)), theme.FONT_SMALL_PX, anchor="midtop")
    if reading:
        pen.text(reading, (x, floor + pen.px(20)), 12, theme.TEXT_DIM, anchor="midtop")
    if rack is not None:
        _rack(pen, rack, pygame.Rect(x - pen.px(14), floor - pen.px(70), pen.px(28), pen.px(60)))


def _hoist(
    pen: Pen,
    view: PlatingView,
    x: int,
    rail_y: int,
    tank_top: int,
    x_px: Callable[[float], int],
) -> None:
    pygame.draw.line(
        pen.surface,
        theme.FRAME,
        (x_px(view.stations_m[0]) - pen.px(20), rail_y),
        (x_px(view.stations_m[-1]) + pen.px(20), rail_y),
        pen.px(4),
    )
    carriage = pygame.Rect(x - pen.px(20), rail_y - pen.px(10), pen.px(40), pen.px(20))
    pygame.draw.rect(pen.surface, theme.BLUE, carriage, border_radius=pen.px(3))
    lowest, highest = tank_top + pen.px(18), rail_y + pen.px(40)
    hook_y = round(lowest + (highest - lowest) * view.hoist_lift)
    pygame.draw.line(pen.surface, theme.BLACK, (x, carriage.bottom), (x, hook_y), pen.px(2))
    if view.carrying is not None:
        _rack(pen, view.carrying, pygame.Rect(x - pen.px(14), hook_y, pen.px(28), pen.px(60)))


def _rectifier_strip(pen: Pen, view: PlatingView, strip: pygame.Rect, lang: str) -> None:
    if lang == "en":
        text = (
            f"Rectifier {view.rectifier_a:.0f} A (setpoint {view.setpoint_a:.0f} A)"
            f"   ·   zinc {view.zinc_g_per_l:.1f} g/L   ·   racks finished {view.records}"
            f"   ·   hoist rules broken {view.rule_breaks}"
        )
    else:
        text = (
            f"정류기 {view.rectifier_a:.0f} A (설정 {view.setpoint_a:.0f} A)   ·   아연 {view.zinc_g_per_l:.1f} g/L"
            f"   ·   완료 랙 {view.records}   ·   호이스트 규칙 위반 {view.rule_breaks}"
        )
    colour = theme.ALARM if view.rule_breaks else theme.TEXT
    pen.text(text, strip.topleft, theme.FONT_BODY_PX, colour, max_width=strip.width)
