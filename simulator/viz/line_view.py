"""The line view: conveyors with moving belts, parts, sensors, pushers, stations, bins and the stack light.

Drawn only from a :class:`~simulator.plant.snapshot.PlantSnapshot` and the scene's static
layout. Order matters: belts first, then beams, then parts (they pass over beams),
then pushers (their plates push the parts), then labels on top.
"""

from __future__ import annotations

from collections.abc import Generator

import pygame

import simulator.viz.theme as theme
from simulator.plant.conveyor.line_kpis import as_line_kpis
from simulator.plant.conveyor.views import (
    ConveyorLineView,
    ConveyorView,
    DiverterView,
    ItemView,
    PusherView,
    SensorView,
    line_view,
)
from simulator.plant.snapshot import PlantSnapshot
from simulator.scenes.model import Scene
from simulator.viz.draw import Pen
from simulator.viz.fonts import label
from simulator.viz.geometry import LineGeometry
from simulator.viz.station_view import draw_barriers, draw_station
from simulator.viz.text import material, short, word

#: Spacing of the stripes that show the belt moving, in metres.
STRIPE_SPACING_M = 0.05
#: Sensors closer together than this along the line share one label box, in metres.
SAME_SPOT_M = 0.03
#: Part counts at which a bin is drawn full.
BIN_CAPACITY = 40


def line_steps(
    pen: Pen, scene: Scene, snap: PlantSnapshot, area: pygame.Rect, lang: str
) -> Generator[None, None, LineGeometry]:
    """Draw the whole line view into ``area`` in three steps (machine, moving parts, labels), pausing in between.

    Returns the geometry used (for tests and clicks). :mod:`simulator.viz.kinds` lists it as the
    conveyor line's renderer.
    """
    geo = LineGeometry(scene, area, pen.k)
    view = line_view(snap)
    pen.panel(area, f"{scene.title(lang)}  ·  {scene.id}")
    for conveyor in view.conveyors:
        _draw_conveyor(pen, geo, conveyor, lang)
    for bin_spec in scene.bins:
        _draw_bin(pen, geo, snap, bin_spec.name, bin_spec.en if lang == "en" else bin_spec.ko, lang)
    _draw_feeder(pen, geo, view, lang)
    for station in view.stations:
        draw_station(pen, geo, station, lang)
    yield
    groups = _sensor_groups([s for s in view.sensors if s.kind != "limit_switch"])
    for group in groups:
        for i, sensor in enumerate(group):
            _draw_sensor(pen, geo, sensor, geo.sensor_x(sensor.position_m, i, len(group)))
    limit = {s.name: s for s in view.sensors if s.kind == "limit_switch"}
    for pusher in view.pushers:
        _draw_pusher(pen, geo, scene, pusher, limit, lang)
    for diverter in view.diverters:
        _draw_diverter(pen, geo, diverter, limit, lang)
    for item in sorted(view.items, key=lambda it: it.pushed):
        _draw_item(pen, geo, item, lang)
    for station in view.stations:
        draw_barriers(pen, geo, station)
    _draw_jam_labels(pen, geo, [item for item in view.items if item.jammed], lang)
    yield
    hoods = [geo.station_hood(station.gate_m, station.stop_m) for station in view.stations]
    _draw_callouts(pen, geo, groups, lang, hoods)
    _draw_stack_light(pen, geo, snap, lang)
    _draw_legend(pen, geo, lang)
    return geo


# ---------------------------------------------------------------- conveyors and bins
def _draw_conveyor(pen: Pen, geo: LineGeometry, conveyor: ConveyorView, lang: str) -> None:
    belt = geo.belt
    left, right = geo.x(conveyor.start_m), geo.x(conveyor.end_m)
    rect = pygame.Rect(left, belt.top, right - left, belt.height)
    surface = pen.surface
    pygame.draw.rect(surface, theme.FRAME, rect.inflate(0, pen.px(8)))
    pygame.draw.rect(surface, theme.BELT, rect)
    direction = -1.0 if conveyor.speed_m_per_s < 0 else 1.0
    spacing_px = STRIPE_SPACING_M * geo.px_per_m
    x = left + (direction * conveyor.travel_m % STRIPE_SPACING_M) * geo.px_per_m
    stripe_px = pen.px(2)
    while x < right:  # stripes across the belt, moved by the distance the belt has travelled
        pygame.draw.line(surface, theme.BELT_STRIPE, (x, rect.top + 2), (x, rect.bottom - 3), stripe_px)
        x += spacing_px
    pygame.draw.line(surface, theme.BLACK, (right, rect.top - pen.px(4)), (right, rect.bottom + pen.px(4)), 1)
    running = conveyor.speed_m_per_s != 0.0
    arrow = "◀" if conveyor.speed_m_per_s < 0 else "▶"
    name = conveyor.en if lang == "en" else conveyor.ko
    state = f"{arrow} {abs(conveyor.speed_m_per_s):.2f} m/s" if running else "■ 0 m/s"
    x, y = left + pen.px(8), rect.bottom + pen.px(21)
    tag = pen.text(name, (x, y), theme.FONT_SMALL_PX, bold=True)
    pen.text(state, (tag.right + pen.px(6), y), theme.FONT_SMALL_PX, theme.ON if running else theme.TEXT_DIM, bold=True)


def _draw_bin(pen: Pen, geo: LineGeometry, snap: PlantSnapshot, name: str, title: str, lang: str) -> None:
    """A bin filling up from the bottom, with its count: total, and good / defective parts in it."""
    rect = geo.bin_rect(name)
    count = as_line_kpis(snap.kpis).bins.get(name)
    good, bad = (count.good, count.defective) if count else (0, 0)
    surface = pen.surface
    pygame.draw.rect(surface, theme.BIN_INSIDE, rect)
    fill_px = round(rect.height * min(1.0, (good + bad) / BIN_CAPACITY))
    if fill_px > 0:
        pygame.draw.rect(surface, theme.BIN_FILL, (rect.left, rect.bottom - fill_px, rect.width, fill_px))
    pygame.draw.rect(surface, theme.BIN, rect, width=pen.px(3))
    title_at = (rect.centerx, rect.bottom + pen.px(3))
    pen.text(title, title_at, theme.FONT_SMALL_PX, anchor="midtop", max_width=rect.width + pen.px(30))
    total_at = (rect.centerx, rect.centery + pen.px(4))
    pen.text(f"{good + bad}", total_at, theme.FONT_BIG_PX, bold=True, anchor="midbottom")
    good_text = f"{word('good', lang)} {good} · "
    bad_text = f"{word('ng_short', lang)} {bad}"
    width = sum(label(t, pen.px(theme.FONT_SMALL_PX), theme.TEXT).get_width() for t in (good_text, bad_text))
    x, y = rect.centerx - width // 2, rect.bottom - pen.px(13)
    x = pen.text(good_text, (x, y), theme.FONT_SMALL_PX, anchor="midleft").right
    pen.text(bad_text, (x, y), theme.FONT_SMALL_PX, theme.ALARM if bad else theme.TEXT, bold=bad > 0, anchor="midleft")


def _draw_feeder(pen: Pen, geo: LineGeometry, view: ConveyorLineView, lang: str) -> None:
    belt = geo.belt
    x = geo.x(geo.scene.feeder.position_m)
    box = pygame.Rect(0, 0, pen.px(46), pen.px(34))
    box.midbottom = (x, belt.top - pen.px(6))
    colour = theme.CYLINDER if view.feeder_ready else theme.ALARM
    pygame.draw.rect(pen.surface, colour, box, border_radius=pen.px(3))
    pygame.draw.rect(pen.surface, theme.BLACK, box, width=1, border_radius=pen.px(3))
    pen.lamp((box.centerx, box.centery), 6, view.feeder_enabled, theme.ON)
    caption = word("feeder", lang) if view.feeder_ready else f"{word('feeder', lang)} {word('feeder_down', lang)}"
    pen.text(
        caption,
        (box.centerx, box.top - pen.px(2)),
        theme.FONT_SMALL_PX,
        theme.TEXT if view.feeder_ready else theme.ALARM,
        bold=True,
        anchor="midbottom",
    )


# ---------------------------------------------------------------- sensors
def _sensor_groups(sensors: list[SensorView]) -> list[list[SensorView]]:
    """Sensors grouped by spot along the line (one label box per group), left to right."""
    groups: list[list[SensorView]] = []
    for sensor in sorted(sensors, key=lambda s: s.position_m):
        if groups and abs(groups[-1][0].position_m - sensor.position_m) < SAME_SPOT_M:
            groups[-1].append(sensor)
        else:
            groups.append([sensor])
    return groups


def _draw_sensor(pen: Pen, geo: LineGeometry, sensor: SensorView, x: int) -> None:
    """A sensor head below the belt and its beam or zone across it, orange and thick when active."""
    belt = geo.belt
    surface = pen.surface
    colour = theme.BEAM_ON if sensor.active else theme.BEAM_OFF
    width = pen.px(4) if sensor.active else pen.px(1.5)
    head = pygame.Rect(0, 0, pen.px(10), pen.px(10))
    if sensor.kind == "analog_distance":
        head.midbottom = (x, belt.top - pen.px(6))
        pygame.draw.rect(surface, theme.BLUE, head)
        pen.dashed_line((x, head.bottom), (x, belt.centery), colour, pen.px(2), pen.px(3))  # the laser spot
        return
    head.midtop = (x, belt.bottom + pen.px(5))
    if sensor.kind in ("inductive", "capacitive"):
        zone = pen.px(12)
        pygame.draw.circle(
            surface,
            colour,
            (x, belt.bottom),
            zone,
            width=0 if sensor.active else pen.px(1.5),
            draw_top_left=True,
            draw_top_right=True,
        )
        pygame.draw.circle(surface, theme.BLACK, head.center, head.width // 2 + 1)
        pen.lamp(head.center, 4, sensor.active, theme.BEAM_ON)
        return
    end_y = belt.centery if sensor.kind == "diffuse" else belt.top - pen.px(3)
    if sensor.active:
        pygame.draw.line(surface, colour, (x, head.top), (x, end_y), width)
    else:
        pen.dashed_line((x, head.top), (x, end_y), colour, width, pen.px(4))
    if sensor.kind != "diffuse":  # receiver (through-beam) or reflector (retro-reflective) across the belt
        far = pygame.Rect(0, 0, pen.px(10), pen.px(6))
        far.midbottom = (x, belt.top - pen.px(1))
        pygame.draw.rect(surface, theme.BLACK, far)
    pygame.draw.rect(surface, theme.BLACK, head)
    pen.lamp(head.center, 3.5, sensor.active, theme.BEAM_ON)


def _callout_lines(sensor: SensorView, lang: str) -> str:
    name = short(sensor.en if lang == "en" else sensor.ko)
    if sensor.kind == "analog_distance":
        return f"{name}: {sensor.raw}"  # raw counts, as the PLC reads them (scaling is the students' job)
    return name


def _draw_callouts(
    pen: Pen, geo: LineGeometry, groups: list[list[SensorView]], lang: str, hoods: list[pygame.Rect]
) -> None:
    """Label boxes above the line, one per group of sensors, left to right, each moved right of the one before.

    A sensor inside a work station is pointed at down to the station's hood (``hoods``), not across it.
    """
    size = theme.FONT_SMALL_PX
    line_h = pen.px(17)
    gap = pen.px(8)
    previous_right = geo.area.left + pen.px(60)  # leave room for the feeder's label
    for group in groups:
        lines = [_callout_lines(s, lang) for s in group]
        width = max(label(text, pen.px(size), theme.TEXT).get_width() for text in lines) + pen.px(26)
        box = pygame.Rect(0, geo.area.top + pen.px(34), width, line_h * len(lines) + pen.px(6))
        box.centerx = geo.x(group[0].position_m)
        box.left = max(box.left, previous_right + gap)
        previous_right = box.right
        sensors_x = sum(geo.sensor_x(s.position_m, i, len(group)) for i, s in enumerate(group)) // len(group)
        leader_top = (min(max(sensors_x, box.left + gap), box.right - gap), box.bottom)
        leader_end = geo.belt.top - gap
        for hood in hoods:
            if hood.left <= sensors_x < hood.right and hood.top > box.bottom:
                leader_end = min(leader_end, hood.top)
        pen.dashed_line(leader_top, (sensors_x, leader_end), theme.TEXT_DIM, 1, pen.px(3))
        pygame.draw.rect(pen.surface, theme.WHITE, box, border_radius=pen.px(3))
        pygame.draw.rect(pen.surface, theme.PANEL_EDGE, box, width=1, border_radius=pen.px(3))
        for row, (sensor, text) in enumerate(zip(group, lines, strict=True)):
            y = box.top + pen.px(3) + row * line_h + line_h // 2
            pen.lamp((box.left + pen.px(10), y), 5, sensor.active, theme.BEAM_ON)
            pen.text(text, (box.left + pen.px(19), y), size, anchor="midleft")


# ---------------------------------------------------------------- parts
def _draw_item(pen: Pen, geo: LineGeometry, item: ItemView, lang: str) -> None:
    """A part as a box: front face (its real height) below, top face raised by the height."""
    foot = geo.item_rect(item)
    rise = geo.height_px(item.height_mm)
    top = foot.move(0, -rise)
    front = pygame.Rect(foot.left, top.bottom, foot.width, foot.bottom - top.bottom)
    surface = pen.surface
    pygame.draw.rect(surface, theme.MATERIAL_SHADE[item.material], front)
    pygame.draw.rect(surface, theme.MATERIAL_COLOURS[item.material], top)
    pygame.draw.rect(surface, theme.BLACK, top.union(front), width=1)
    pygame.draw.line(surface, theme.BLACK, top.bottomleft, (top.right - 1, top.bottom), 1)
    letter = material(item.material, lang)[0].upper()
    pen.text(letter, top.center, theme.FONT_SMALL_PX, theme.BLACK, bold=True, anchor="center")
    if item.defect:  # out of specification: a thin vermillion rim (the sensors must find it, you can see it)
        pygame.draw.rect(surface, theme.ALARM, top.union(front), width=pen.px(2))
    if item.jammed:
        pygame.draw.rect(surface, theme.ALARM, top.union(front).inflate(pen.px(6), pen.px(6)), width=pen.px(3))
    elif item.blocked:
        pen.dashed_line(top.topleft, top.topright, theme.ALARM, pen.px(2), pen.px(3))
        pen.dashed_line(front.bottomleft, front.bottomright, theme.ALARM, pen.px(2), pen.px(3))


def _draw_jam_labels(pen: Pen, geo: LineGeometry, jammed: list[ItemView], lang: str) -> None:
    """One "잼!" label above each pile of jammed parts (not one per part, which would overlap)."""
    piles: list[pygame.Rect] = []
    for item in sorted(jammed, key=lambda it: it.x_m):
        foot = geo.item_rect(item)
        box = foot.union(foot.move(0, -geo.height_px(item.height_mm)))
        if piles and piles[-1].inflate(pen.px(12), 0).colliderect(box):
            piles[-1] = piles[-1].union(box)
        else:
            piles.append(box)
    for pile in piles:
        position = (pile.centerx, pile.top - pen.px(5))
        pen.text(word("jam", lang), position, theme.FONT_BODY_PX, theme.ALARM, bold=True, anchor="midbottom")


# ---------------------------------------------------------------- pushers and stack light
def _draw_pusher(
    pen: Pen, geo: LineGeometry, scene: Scene, pusher: PusherView, limit: dict[str, SensorView], lang: str
) -> None:
    """Cylinder body above the belt; rod and plate move across it with the real stroke."""
    spec = next(p for p in scene.pushers if p.name == pusher.name)
    belt = geo.belt
    x = geo.x(pusher.position_m)
    body = pygame.Rect(0, 0, pen.px(22), pen.px(58))
    body.midbottom = (x, belt.top - pen.px(10))
    surface = pen.surface
    plate_y = geo.plate_y(pusher.stroke, spec.bin)
    plate_w = round(pusher.width_m * geo.px_per_m)
    pygame.draw.line(surface, theme.FRAME, (x, body.bottom), (x, plate_y), pen.px(6))
    plate = pygame.Rect(0, 0, plate_w, pen.px(7))
    plate.midbottom = (x, plate_y)
    pygame.draw.rect(surface, theme.ALARM if pusher.jammed else theme.PLATE, plate)
    pygame.draw.rect(surface, theme.ALARM if pusher.jammed else theme.CYLINDER, body, border_radius=pen.px(3))
    pygame.draw.rect(surface, theme.BLACK, body, width=1, border_radius=pen.px(3))
    back, front = _limit_switches(scene, pusher.name, limit)
    for sensor, y in ((back, body.top + pen.px(9)), (front, body.bottom - pen.px(9))):
        if sensor is not None:
            pen.lamp((body.centerx, y), 5, sensor.active, theme.ON)
    if pusher.jammed:
        pen.text(
            word("jam", lang),
            (body.right + pen.px(4), body.centery),
            theme.FONT_BODY_PX,
            theme.ALARM,
            bold=True,
            anchor="midleft",
        )


def _limit_switches(
    scene: Scene, actuator: str, limit: dict[str, SensorView]
) -> tuple[SensorView | None, SensorView | None]:
    """The (retracted, extended) limit switches of ``actuator``, when it has them."""
    ends: dict[str, SensorView] = {}
    for spec in scene.sensors:
        if spec.kind == "limit_switch" and spec.actuator == actuator and spec.name in limit:
            ends[spec.at] = limit[spec.name]
    return ends.get("retracted"), ends.get("extended")


def _draw_diverter(
    pen: Pen, geo: LineGeometry, diverter: DiverterView, limit: dict[str, SensorView], lang: str
) -> None:
    """The end-of-line flap: along the belt's edge at rest, swung across the parts' path when turned."""
    hinge, tip = geo.flap_line(diverter.stroke)
    colour = theme.ALARM if diverter.jammed else theme.PLATE
    pygame.draw.line(pen.surface, colour, hinge, tip, pen.px(7))
    pygame.draw.circle(pen.surface, theme.BLACK, hinge, pen.px(7))
    rest, turned = _limit_switches(geo.scene, diverter.name, limit)
    for i, sensor in enumerate((rest, turned)):
        if sensor is not None:
            pen.lamp((hinge[0] - pen.px(10) + i * pen.px(20), hinge[1] - pen.px(14)), 5, sensor.active, theme.ON)
    name = short(diverter.en if lang == "en" else diverter.ko)
    pen.text(name, (hinge[0], hinge[1] - pen.px(24)), theme.FONT_SMALL_PX, anchor="midbottom")
    if diverter.jammed:
        pen.text(
            word("jam", lang),
            (tip[0] + pen.px(4), tip[1]),
            theme.FONT_BODY_PX,
            theme.ALARM,
            bold=True,
            anchor="midleft",
        )


def _draw_stack_light(pen: Pen, geo: LineGeometry, snap: PlantSnapshot, lang: str) -> None:
    """Red, yellow and green lamps on a pole at the end of the line, and the buzzer."""
    x = geo.area.right - pen.px(34)
    top = geo.area.top + pen.px(30)
    radius = 10
    pygame.draw.line(pen.surface, theme.FRAME, (x, top), (x, top + pen.px(86)), pen.px(5))
    lamps = (("red", theme.VERMILLION), ("yellow", theme.YELLOW), ("green", theme.BLUISH_GREEN))
    for i, (name, colour) in enumerate(lamps):
        y = top + pen.px(12) + i * pen.px(2 * radius + 4)
        pygame.draw.circle(pen.surface, theme.BLACK, (x, y), pen.px(radius + 3))
        pen.lamp((x, y), radius, snap.signals.get(name, False), colour)
    caption_y = top + pen.px(88)
    pen.text(word("stack_light", lang), (x, caption_y), theme.FONT_SMALL_PX, anchor="midtop")
    buzzing = snap.signals.get("buzzer", False)
    pen.text(
        ("♪ " if buzzing else "") + word("buzzer", lang),
        (x, caption_y + pen.px(17)),
        theme.FONT_SMALL_PX,
        theme.ALARM if buzzing else theme.TEXT_DIM,
        bold=buzzing,
        anchor="midtop",
    )


def _draw_legend(pen: Pen, geo: LineGeometry, lang: str) -> None:
    """What the colours and letters mean, in the line view's bottom-left corner."""
    x, y = geo.area.left + pen.px(12), geo.area.bottom - pen.px(14)
    size = theme.FONT_SMALL_PX
    pen.lamp((x + pen.px(5), y), 5, True, theme.BEAM_ON)
    x = pen.text(word("legend_sensed", lang), (x + pen.px(14), y), size, anchor="midleft").right + pen.px(12)
    pen.lamp((x + pen.px(5), y), 5, False, theme.BEAM_ON)
    x = pen.text(word("legend_off", lang), (x + pen.px(14), y), size, anchor="midleft").right + pen.px(12)
    letters = "  ".join(f"{material(m, lang)[0].upper()}={material(m, lang)}" for m in theme.MATERIAL_COLOURS)
    x = pen.text(letters, (x, y), size, anchor="midleft").right + pen.px(12)
    pen.text(word("legend_defect", lang), (x, y), size, theme.ALARM, anchor="midleft")
