"""What the renderer draws, checked on the pixels: beams, pushed parts, bins, lamps, forcing."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from simulator.plant import Fault, Plant, PlantSnapshot
from simulator.scenes import get_scene, scene_ids
from simulator.viz import theme
from simulator.viz.screen import Frame, draw_screen, new_view_state
from tests.viz.helpers import run_until, started_plant

SIZES = ((1280, 720), (1920, 1080))


def render(
    plant: Plant, path: Path, size: tuple[int, int] = (1280, 720), lang: str = "ko"
) -> tuple[pygame.Surface, Frame]:
    """Draw ``plant`` now, save the PNG at ``path`` and return the surface and frame."""
    surface = pygame.Surface(size)
    ui = new_view_state(plant.scene, lang=lang, teacher=True)
    frame = draw_screen(surface, plant.scene, plant.snapshot(), ui)
    pygame.image.save(surface, str(path))
    return surface, frame


def colour_at(surface: pygame.Surface, point: tuple[int, int]) -> tuple[int, int, int]:
    r, g, b, _a = surface.get_at(point)
    return (r, g, b)


def count_colour(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> int:
    """Pixels of exactly ``colour`` inside ``rect``."""
    return sum(
        1
        for x in range(rect.left, rect.right)
        for y in range(rect.top, rect.bottom)
        if colour_at(surface, (x, y)) == colour
    )


@pytest.mark.parametrize("scene", [s for s in scene_ids() if get_scene(s).kind == "conveyor_line"])
@pytest.mark.parametrize("at_s", [0.0, 15.0, 45.0])
def test_every_conveyor_scene_renders_at_several_moments(scene: str, at_s: float, tmp_path: Path) -> None:
    plant = started_plant(scene)
    plant.run_until(at_s)
    for size in SIZES:
        path = tmp_path / f"{scene}-{at_s:g}s-{size[0]}.png"
        surface, frame = render(plant, path, size)
        assert path.stat().st_size > 10_000
        assert pygame.image.load(str(path)).get_size() == size
        assert frame.line.belt.width > size[0] * 0.6  # the line fills the view at every size
        belt = frame.line.belt
        assert colour_at(surface, (belt.left + 3, belt.centery)) in (theme.BELT, theme.BELT_STRIPE)


def _beam_point(frame: Frame, snap: PlantSnapshot, name: str) -> tuple[int, int]:
    """A point on the beam of sensor ``name`` (between its head below the belt and the belt)."""
    sensor = next(s for s in snap.equipment.sensors if s.name == name)
    sensors = snap.equipment.sensors
    group = [s for s in sensors if s.kind != "limit_switch" and abs(s.position_m - sensor.position_m) < 0.03]
    x = frame.line.sensor_x(sensor.position_m, group.index(sensor), len(group))
    belt = frame.line.belt
    return x, belt.bottom - 2


def test_an_active_sensor_beam_is_drawn_in_the_beam_colour(tmp_path: Path) -> None:
    plant = started_plant()
    snap = run_until(plant, lambda s: s.tags["entry_eye"] and not s.tags["exit_eye"])
    surface, frame = render(plant, tmp_path / "entry-eye-on.png")
    assert colour_at(surface, _beam_point(frame, snap, "entry_eye")) == theme.BEAM_ON

    snap = run_until(plant, lambda s: not s.tags["entry_eye"])
    surface, frame = render(plant, tmp_path / "entry-eye-off.png")
    assert colour_at(surface, _beam_point(frame, snap, "entry_eye")) != theme.BEAM_ON


def test_a_pushed_metal_part_is_drawn_inside_the_metal_bin(tmp_path: Path) -> None:
    plant = started_plant()
    snap = run_until(plant, lambda s: any(i.pushed > 0.9 and i.material == "metal" for i in s.equipment.items))
    item = next(i for i in snap.equipment.items if i.pushed > 0.9)
    surface, frame = render(plant, tmp_path / "pushed.png")
    footprint = frame.line.item_rect(item)
    metal_bin = frame.line.bin_rect("bin_metal")
    assert metal_bin.contains(footprint)
    assert not frame.line.bin_rect("bin_ng").colliderect(footprint)
    front_face = (footprint.left + 2, footprint.bottom - 2)
    assert colour_at(surface, front_face) == theme.MATERIAL_SHADE["metal"]


def test_bins_fill_and_count_the_parts_they_received(tmp_path: Path) -> None:
    plant = started_plant()
    run_until(plant, lambda s: s.kpis.bins["bin_metal"].good >= 3, step_s=0.5)
    surface, frame = render(plant, tmp_path / "bins.png")
    metal_bin = frame.line.bin_rect("bin_metal")
    inside_bottom = (metal_bin.left + 5, metal_bin.bottom - 5)  # a corner: no text there
    assert colour_at(surface, inside_bottom) == theme.BIN_FILL  # filled from the bottom
    empty_bin = frame.line.bin_rect("bin_ng")
    if plant.kpis().bins["bin_ng"].good + plant.kpis().bins["bin_ng"].defective == 0:
        assert colour_at(surface, (empty_bin.left + 5, empty_bin.bottom - 5)) == theme.BIN_INSIDE


def test_the_stack_light_shows_green_while_running_and_red_after_an_estop(tmp_path: Path) -> None:
    plant = started_plant()
    plant.run(5.0)
    assert plant.snapshot().signals["green"]
    surface, frame = render(plant, tmp_path / "green.png")
    area = frame.layout.line
    assert count_colour(surface, pygame.Rect(area.right - 60, area.top, 60, 130), theme.BLUISH_GREEN) > 100
    plant.press("estop")
    plant.run(1.0)
    surface, frame = render(plant, tmp_path / "estop.png")
    assert count_colour(surface, pygame.Rect(area.right - 60, area.top, 60, 130), theme.BLUISH_GREEN) < 20


def test_a_jammed_pusher_and_blocked_parts_are_marked_in_the_alarm_colour(tmp_path: Path) -> None:
    plant = started_plant()
    plant.run(10.0)
    plant.inject(Fault("jam", "sorter_forward", start_s=plant.now_s))
    snap = run_until(plant, lambda s: any(i.jammed for i in s.equipment.items), step_s=0.25)
    item = next(i for i in snap.equipment.items if i.jammed)
    surface, frame = render(plant, tmp_path / "jam.png")
    around = frame.line.item_rect(item).inflate(20, 80)
    assert count_colour(surface, around, theme.ALARM) > 30


def test_a_forced_tag_is_marked_in_the_io_monitor(tmp_path: Path) -> None:
    plant = started_plant()
    plant.run(1.0)
    surface, frame = render(plant, tmp_path / "not-forced.png")
    assert count_colour(surface, frame.layout.io, theme.FORCED) == 0
    plant.plc.force("entry_eye", True)
    plant.run(0.05)
    surface, frame = render(plant, tmp_path / "forced.png")
    assert count_colour(surface, frame.layout.io, theme.FORCED) > 100


def test_english_labels_render_too(tmp_path: Path) -> None:
    plant = started_plant()
    plant.run(20.0)
    path = tmp_path / "english.png"
    render(plant, path, lang="en")
    assert path.stat().st_size > 10_000


def test_the_diverter_flap_is_drawn_where_its_stroke_puts_it(tmp_path: Path) -> None:
    plant = started_plant("branch-line-v1")
    snap = run_until(plant, lambda s: bool(s.equipment.diverters) and s.equipment.diverters[0].stroke >= 1.0)
    surface, frame = render(plant, tmp_path / "flap-turned.png")
    hinge, tip = frame.line.flap_line(snap.equipment.diverters[0].stroke)
    middle = ((hinge[0] + tip[0]) // 2, (hinge[1] + tip[1]) // 2)
    assert colour_at(surface, middle) == theme.PLATE
    _, rest_tip = frame.line.flap_line(0.0)
    assert colour_at(surface, ((hinge[0] + rest_tip[0]) // 2 + 8, hinge[1])) != theme.PLATE
