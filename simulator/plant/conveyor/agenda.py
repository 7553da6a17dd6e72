"""When the next thing happens on the line: the agenda of the next event, and the times it is made of.

Between two events every part moves in a straight line in time (``x = x0 + v·t``), so the
moment a part's edge reaches a sensor zone, its centre reaches the end of its belt, or it
touches the part ahead is a division, not a search. The line offers every such moment to an
:class:`Agenda`, which keeps only the earliest one and what to do then; events closer
together than :data:`SAME_TIME_S` are handled together, in the order they were offered
(the order matters for the recorded results to stay the same, bit for bit).

The functions here only compute times; *what* happens at those times is the line's business
(:mod:`simulator.plant.conveyor.transport`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

from simulator.plant.conveyor.items import Item
from simulator.scenes.model import ConveyorSpec

#: Events closer together than this are handled together, in seconds.
SAME_TIME_S = 1e-9


class Agenda:
    """The earliest event offered so far and the actions due then."""

    def __init__(self) -> None:
        #: Time of the earliest event offered, in seconds (inf: nothing will happen).
        self.next_s = math.inf
        #: What to do at ``next_s``, in the order it was offered.
        self.due: list[Callable[[], None]] = []

    def consider(self, t_s: float, action: Callable[[], None]) -> None:
        """Offer ``action`` to run at ``t_s``; it is kept if nothing earlier has been offered."""
        if t_s < self.next_s - SAME_TIME_S:
            self.next_s, self.due = t_s, [action]
        elif t_s <= self.next_s + SAME_TIME_S:
            self.due.append(action)


def zone_crossings(
    item: Item, v: float, now_s: float, zone_positions_m: Sequence[float], inside: set[int]
) -> Iterator[tuple[float, int, bool]]:
    """When ``item``, moving at ``v`` m/s from ``now_s``, next enters or leaves each zone.

    Yields ``(time_s, zone, entering)`` in zone order; ``inside`` are the zones the part covers now.
    """
    back, front = item.back_m, item.front_m
    for zone, x in enumerate(zone_positions_m):
        if zone in inside:
            yield now_s + ((x - back) / v if v > 0 else (front - x) / -v), zone, False
        elif v > 0 and front < x:
            yield now_s + (x - front) / v, zone, True
        elif v < 0 and back > x:
            yield now_s + (back - x) / -v, zone, True


def belt_end(item: Item, v: float, now_s: float, conveyors: Sequence[ConveyorSpec]) -> tuple[float, int]:
    """When ``item``, moving at ``v`` m/s from ``now_s``, reaches the end of its belt, and which way.

    Returns ``(time_s, direction)``: +1 when its centre crosses onto the next belt (or off the
    last one), -1 onto the belt behind, 0 when its back edge reaches the start of the line.
    """
    conveyor = conveyors[item.conveyor]
    if v > 0:
        return now_s + max(0.0, conveyor.end_m - item.x_m) / v, +1
    if item.conveyor > 0:
        return now_s + max(0.0, item.x_m - conveyor.start_m) / -v, -1
    start_m = conveyor.start_m
    return now_s + max(0.0, item.back_m - start_m) / -v, 0


def contact_s(item: Item, ahead: Item, now_s: float) -> float | None:
    """When ``item`` touches the part ``ahead`` of it, or ``None`` when they are not closing in.

    Parts already pressed against each other (``held_by`` ``"part"`` / ``"part_behind"``) do not touch again.
    """
    closing = item.v_m_per_s - ahead.v_m_per_s
    if closing > 1e-12 and item.held_by != "part" and ahead.held_by != "part_behind":
        gap = max(0.0, ahead.back_m - item.front_m)
        return now_s + gap / closing
    return None
