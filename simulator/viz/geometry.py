"""Where things of the line are drawn: metres along the line → pixels on the screen.

The line view is a plan (top-down) view with parts drawn as small boxes whose front
face shows their real height, so a 76 mm defect stands taller than a 60 mm part. The
same scale is used along the line and for heights (``px_per_m``), so sizes are true.

Everything a test needs to find on a picture — where a sensor's beam is, where a bin
is — is computed here, once, and used by both the drawing and the tests.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import pygame

from simulator.plant.conveyor.views import ItemView
from simulator.scenes.model import Scene

#: Room left of the line for the feeder, in design pixels.
LEFT_MARGIN_PX = 40
#: Room right of the line for the end bin and the stack light, in design pixels.
RIGHT_MARGIN_PX = 190
#: Width of the belt as drawn (its depth in the plan view), in design pixels.
BELT_WIDTH_PX = 62
#: Distance from the top of the line view to the belt's upper edge, in design pixels.
BELT_TOP_PX = 146
#: Gap between the belt and the bins below it, in design pixels.
BIN_GAP_PX = 14
#: Bin size, in design pixels.
BIN_SIZE_PX = (104, 66)
#: Length of an end-of-line diverter flap, in design pixels, and how far it swings, in degrees.
FLAP_LENGTH_PX = 56
FLAP_SWING_DEG = 40.0
#: Height of a work station's hood above the belt, and the gap left between them, in design pixels.
STATION_HOOD_PX = 46
STATION_HOOD_GAP_PX = 8


@dataclass(frozen=True)
class LineGeometry:
    """Pixel positions of the line's parts inside the line view ``area``."""

    scene: Scene
    area: pygame.Rect
    k: float

    @cached_property
    def px_per_m(self) -> float:
        """Pixels per metre (along the line and for part heights)."""
        usable = self.area.width - (LEFT_MARGIN_PX + RIGHT_MARGIN_PX) * self.k
        return usable / self.scene.line_end_m

    def x(self, position_m: float) -> int:
        """Screen x of ``position_m`` along the line."""
        return round(self.area.left + LEFT_MARGIN_PX * self.k + position_m * self.px_per_m)

    @cached_property
    def belt(self) -> pygame.Rect:
        """The belt's band, from the start of the first conveyor to the end of the line."""
        top = self.area.top + round(BELT_TOP_PX * self.k)
        return pygame.Rect(self.x(0.0), top, self.x(self.scene.line_end_m) - self.x(0.0), self.belt_width)

    @cached_property
    def belt_width(self) -> int:
        """Width of the belt as drawn, in pixels."""
        return round(BELT_WIDTH_PX * self.k)

    def bin_rect(self, name: str) -> pygame.Rect:
        """The bin ``name``: below its pusher, or after the end of the line for the end bin."""
        w, h = round(BIN_SIZE_PX[0] * self.k), round(BIN_SIZE_PX[1] * self.k)
        belt = self.belt
        pusher = next((p for p in self.scene.pushers if p.bin == name), None)
        if pusher is not None:
            return pygame.Rect(self.x(pusher.position_m) - w // 2, belt.bottom + round(BIN_GAP_PX * self.k), w, h)
        diverter = self.scene.end_diverter
        if diverter is None:
            return pygame.Rect(belt.right + round(10 * self.k), belt.centery - h // 3, w, h)
        left = belt.right + round((FLAP_LENGTH_PX - 16) * self.k)  # beyond the flap's reach
        rest = pygame.Rect(left, belt.top, w, h)
        if name == diverter.bin:  # the flap turned: parts are steered down into the lower bin
            return rest.move(0, h + round(22 * self.k))
        return rest

    def flap_line(self, stroke: float) -> tuple[tuple[int, int], tuple[int, int]]:
        """Hinge and tip of the end-of-line flap at ``stroke`` (0 at rest, along the belt … 1 turned across it)."""
        belt = self.belt
        hinge = (belt.right, belt.top)
        angle = math.radians(FLAP_SWING_DEG * stroke)
        length = FLAP_LENGTH_PX * self.k
        return hinge, (round(hinge[0] + length * math.cos(angle)), round(hinge[1] + length * math.sin(angle)))

    def station_span(self, gate_m: float, stop_m: float) -> pygame.Rect:
        """The belt section a work station encloses, from its entry gate to its work stop (with the belt's frame)."""
        belt = self.belt
        left, right = self.x(gate_m), self.x(stop_m)
        return pygame.Rect(left, belt.top, right - left, belt.height).inflate(0, round(8 * self.k))

    def station_hood(self, gate_m: float, stop_m: float) -> pygame.Rect:
        """A work station's housing above the belt, gate to stop (its name, status lamp and count are drawn in it)."""
        span = self.station_span(gate_m, stop_m)
        height = round(STATION_HOOD_PX * self.k)
        bottom = self.belt.top - round(STATION_HOOD_GAP_PX * self.k)
        return pygame.Rect(span.left, bottom - height, span.width, height)

    def item_y(self, item: ItemView) -> int:
        """Centre of ``item`` across the belt: on the belt, or moved towards its pusher's bin."""
        centre = self.belt.centery
        if item.pushed <= 0.0 or not self.scene.pushers:
            return centre
        pusher = min(self.scene.pushers, key=lambda p: abs(p.position_m - item.x_m))
        target = self.bin_rect(pusher.bin).centery
        return round(centre + item.pushed * (target - centre))

    def item_rect(self, item: ItemView) -> pygame.Rect:
        """The part's footprint (its top face is drawn raised above it by its height)."""
        length = max(4, round(item.length_m * self.px_per_m))
        rect = pygame.Rect(0, 0, length, length)  # square footprint, true scale
        rect.center = (self.x(item.x_m), self.item_y(item))
        return rect

    def height_px(self, height_mm: float) -> int:
        """A part's height in pixels, at the same scale as the line."""
        return round(height_mm / 1000.0 * self.px_per_m)

    def plate_y(self, stroke: float, pusher_bin: str) -> int:
        """Screen y of a pusher plate's front face at ``stroke`` (0 retracted … 1 extended)."""
        belt = self.belt
        retracted = belt.top + round(4 * self.k)
        extended = self.bin_rect(pusher_bin).centery - round(12 * self.k)
        return round(retracted + stroke * (extended - retracted))

    def sensor_x(self, position_m: float, index_in_group: int, group_size: int) -> int:
        """Screen x of a sensor; sensors at one spot are spread a little so each is seen."""
        spread = round(14 * self.k)
        return self.x(position_m) + round((index_in_group - (group_size - 1) / 2) * spread)
