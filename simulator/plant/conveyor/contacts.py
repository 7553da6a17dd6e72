"""What holds a part back, and how fast each part moves until the next event.

A part normally rides at the speed of the belt under its centre. Something may hold it
back instead — the part ahead of it, a pusher's plate, a belt beyond a joint running the
other way, a station's gate or work stop, the start of the line — and the part keeps that
reason (``Item.held_by``) until it no longer applies. Every time something changes, the
line works out all speeds again here, before it plans the next event: that is why a queue
of parts starts moving again, one behind the other, as soon as the first one is let go.

The rules are module functions taking what they need as arguments, so they can be read
(and tested) without a running line.
"""

from __future__ import annotations

from collections.abc import Sequence

from simulator.plant.conveyor.items import Item
from simulator.plant.conveyor.pushers import Pushers
from simulator.plant.conveyor.station import Station
from simulator.scenes.model import ConveyorSpec

#: Parts closing in on each other faster than this count as a collision, in m/s.
COLLISION_SPEED_M_PER_S = 0.02


def resolve_speeds(
    items: list[Item],
    belt_speed_m_per_s: list[float],
    pushers: Pushers,
    stations: Sequence[Station],
    now_s: float,
) -> None:
    """Set each part's speed: its belt's, unless what holds it back still does.

    ``items`` are ordered leading part first; ``now_s`` is the time the positions are valid for.
    """
    for item in items:
        item.v_m_per_s = 0.0 if item.captured else belt_speed_m_per_s[item.conveyor]
    # Front to back: a part pressed forward goes no faster than what is ahead of it.
    ahead: Item | None = None
    for item in items:
        held_by = item.held_by
        if held_by == "part" and ahead is not None and max(ahead.v_m_per_s, 0.0) < item.v_m_per_s:
            item.v_m_per_s = max(ahead.v_m_per_s, 0.0)
        elif held_by == "plate" and item.v_m_per_s > 0 and pushers.plate_ahead(item, now_s) is not None:
            item.v_m_per_s = 0.0
        elif held_by == "joint" and joint_opposes(item, belt_speed_m_per_s):
            item.v_m_per_s = 0.0
        elif held_by == "stop" and any(station.holds(item) for station in stations):
            item.v_m_per_s = 0.0
        elif held_by in ("part", "plate", "joint", "stop"):
            unblock(item)
        ahead = item
    # Back to front: a part pressed backward goes no faster than what is behind it.
    behind: Item | None = None
    for item in reversed(items):
        if item.held_by == "part_behind" and behind is not None and min(behind.v_m_per_s, 0.0) > item.v_m_per_s:
            item.v_m_per_s = min(behind.v_m_per_s, 0.0)
        elif item.held_by == "start" and item.v_m_per_s < 0:
            item.v_m_per_s = 0.0
        elif item.held_by in ("part_behind", "start"):
            unblock(item)
        behind = item


def joint_opposes(item: Item, belt_speed_m_per_s: list[float]) -> bool:
    """True while the belt beyond the joint a stalled part sits at pushes it back."""
    direction = item.joint_direction
    own = belt_speed_m_per_s[item.conveyor]
    nxt = belt_speed_m_per_s[item.conveyor + direction]
    return own * direction > 0 and nxt * direction < 0


def block(item: Item, held_by: str, now_s: float) -> None:
    """Stop ``item`` at ``now_s`` because of ``held_by`` (the clock for a jam starts at the first reason)."""
    if not item.held_by:
        item.blocked_since_s = now_s
    item.held_by = held_by
    item.v_m_per_s = 0.0


def unblock(item: Item) -> None:
    """Nothing holds ``item`` back any more: it rides its belt again."""
    item.held_by = ""
    item.jammed = False


def harmless_m_per_s(conveyor: ConveyorSpec) -> float:
    """Fastest contact that does not harm a part on ``conveyor``: faster on an accumulation belt, in m/s."""
    return max(COLLISION_SPEED_M_PER_S, conveyor.gentle_contact_m_per_s)


def queued(item: Item, conveyor: ConveyorSpec) -> bool:
    """True when ``item`` (on ``conveyor``) waits in a queue by design: at a station, or on an accumulation belt.

    A queued part is never counted as a jam, however long it waits.
    """
    if item.held_by == "stop":
        return True
    return item.held_by == "part" and conveyor.gentle_contact_m_per_s > 0
