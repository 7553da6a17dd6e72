"""The pushers: plates that take a part off the belt, and block the lane while they are out.

A pusher is a cylinder standing beside the belt with a plate on its rod. The model keeps it
simple (students can check it by hand):

- when the plate starts to extend it *captures* the part whose centre is in front of it
  (a part only half in front is caught by its edge: a collision; a part passing by that
  the plate strikes without holding it: a collision too);
- a captured part leaves the belt and drops into the pusher's bin at full stroke;
- a plate released before full stroke drops what it held back on the belt;
- a plate that is not fully back is a wall across the lane: a part running into it stops.

:class:`Pushers` holds the cylinders and what each plate holds; the line asks it where the
plates are and tells it when a cylinder starts, stops or arrives.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from simulator.plant.conveyor.cylinder import Cylinder
from simulator.plant.conveyor.items import Item
from simulator.scenes.model import PusherSpec


class Pushers:
    """The pushers of a line: their cylinders (same order as ``specs``) and the parts their plates hold."""

    def __init__(self, specs: Sequence[PusherSpec]) -> None:
        self.specs = specs
        self.cylinders = [Cylinder(spec) for spec in specs]
        #: Parts held by each cylinder's plate, by cylinder index.
        self.captured: dict[int, list[Item]] = {i: [] for i in range(len(self.cylinders))}

    def edges_m(self, index: int) -> tuple[float, float]:
        """Upstream and downstream edges of pusher ``index``'s plate along the line, in metres."""
        pusher = self.specs[index]
        return pusher.position_m - pusher.width_m / 2, pusher.position_m + pusher.width_m / 2

    @staticmethod
    def plate_out(cylinder: Cylinder, now_s: float) -> bool:
        """True when ``cylinder``'s plate is not fully back at ``now_s`` (it blocks the lane)."""
        return cylinder.position_at(now_s) > 0.0 or cylinder.rate_per_s > 0

    def plate_ahead(self, item: Item, now_s: float) -> Cylinder | None:
        """The cylinder whose plate (not fully back) stands just ahead of ``item``."""
        for index, cylinder in enumerate(self.cylinders):
            a, _ = self.edges_m(index)
            if self.plate_out(cylinder, now_s) and abs(item.front_m - a) <= 1e-6:
                return cylinder
        return None

    def walls_reached_s(self, item: Item, v: float, now_s: float) -> Iterator[float]:
        """When ``item``, moving forward at ``v`` m/s from ``now_s``, would reach each plate that is out."""
        for index, cylinder in enumerate(self.cylinders):
            a, _ = self.edges_m(index)
            if self.plate_out(cylinder, now_s) and item.front_m < a - 1e-9 and not item.captured:
                yield now_s + (a - item.front_m) / v

    def capture(self, index: int, items: list[Item]) -> int:
        """Plate ``index`` starts out: it takes the part whose centre is in front of it.

        Returns the number of collisions (a part caught by its edge, or struck while passing by).
        """
        collisions = 0
        spec = self.specs[index]
        a, b = self.edges_m(index)
        for item in items:
            if item.captured or item.front_m < a or item.back_m > b:
                continue
            if a <= item.x_m <= b:
                if item.back_m < a - 1e-9 or item.front_m > b + 1e-9:
                    collisions += 1  # the plate caught the part's edge
                item.captured = True
                item.route.append(spec.name)
                self.captured[index].append(item)
            else:
                collisions += 1  # the plate struck a part passing by
        return collisions

    def release(self, index: int) -> None:
        """Plate ``index`` goes back before full stroke: it drops what it held back on the belt."""
        for item in self.captured[index]:
            item.captured = False
            item.route.append(f"{self.specs[index].name}:dropped")
        self.captured[index] = []

    def arrive(self, index: int, now_s: float) -> list[Item]:
        """Cylinder ``index`` reaches its end position at ``now_s``.

        Returns the parts to drop into its bin (those its plate held, at full stroke), in order.
        """
        cylinder = self.cylinders[index]
        extending = cylinder.rate_per_s > 0
        cylinder.arrive(now_s)
        if not extending:
            return []
        delivered, self.captured[index] = self.captured[index], []
        return delivered
