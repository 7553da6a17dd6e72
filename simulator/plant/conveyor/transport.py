"""Moving parts along the line: belts, contacts, pushers and sensor zones, event by event.

Between two events every part moves at a constant speed, so the time of the next thing
that can happen — a part's edge reaching a sensor, its centre crossing onto the next
belt, two parts touching, a pusher reaching its end — is computed, not searched for.
The PLC scans every 10 ms, but the line only does work when an event is due or an
actuator changes: that is what lets the plant run thousands of times faster than real
time.

Simplifications (stated so students know the model's limits): parts ride in one lane
and cannot overtake; the belt under a part's centre carries it; a pusher captures a part
whose centre is in front of its plate when it starts to extend and drops it in its bin at
full stroke; a plate that is not fully back blocks the lane.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from simulator.plant.conveyor.cylinder import Cylinder
from simulator.plant.conveyor.items import Item
from simulator.plant.conveyor.station import Station
from simulator.scenes.model import Scene

#: Parts closing in on each other faster than this count as a collision, in m/s.
COLLISION_SPEED_M_PER_S = 0.02
#: Events closer together than this are handled together, in seconds.
SAME_TIME_S = 1e-9


@dataclass
class LineCounters:
    """What went wrong on the line, counted since the start."""

    collisions: int = 0
    jams: int = 0


class Line:
    """All parts on the conveyors, the pushers, and the sensor zones they cover.

    ``zone_positions_m`` are points along the line where sensors look; for each zone the
    line keeps the parts covering it (their ids), so sensors never scan all parts.
    """

    def __init__(
        self,
        scene: Scene,
        zone_positions_m: list[float],
        on_finished: Callable[[Item, str, float], None],
        on_zone_change: Callable[[int, float], None],
    ) -> None:
        self.scene = scene
        self.conveyors = scene.conveyors
        self.belt_speed_m_per_s = [0.0] * len(self.conveyors)
        self.cylinders = [Cylinder(spec) for spec in scene.pushers]
        self.pushers = scene.pushers
        #: The flap at the end of the line, if the scene has one.
        self.diverter = Cylinder(scene.end_diverter) if scene.end_diverter else None
        #: Automatic work stations (they hold parts at their gate and work stop).
        self.stations = [Station(spec, lambda: self.now_s, self._stopped_at_station) for spec in scene.stations]
        self.zone_positions_m = zone_positions_m
        #: Parts covering each zone, by id.
        self.zone_items: list[dict[int, Item]] = [{} for _ in zone_positions_m]
        #: Parts on the line, leading part first (largest position).
        self.items: list[Item] = []
        self._inside: dict[int, set[int]] = {}
        #: Parts held by each cylinder's plate, by cylinder index.
        self._captured: dict[int, list[Item]] = {i: [] for i in range(len(self.cylinders))}
        self._on_finished = on_finished
        self._on_zone_change = on_zone_change
        self.counters = LineCounters()
        #: Time the stored positions are valid for, in seconds.
        self.now_s = 0.0
        #: Time of the next event, in seconds; nothing changes before it.
        self.next_event_s = math.inf
        self._due: list[Callable[[], None]] = []
        #: Increases whenever something a digital sensor sees has changed.
        self.version = 0

    # ------------------------------------------------------------------ public
    def advance_to(self, t_s: float) -> None:
        """Process every event due up to ``t_s``.

        Positions stay at the last event (they are straight lines in time until the next
        one); :meth:`position_of` tells where a part is at any moment in between.
        """
        while self.next_event_s <= t_s:
            self._move_to(self.next_event_s)
            for action in self._due:
                action()
            self._plan()

    def _sync(self, t_s: float) -> None:
        """Process events up to ``t_s`` and move every part to ``t_s`` (before a change)."""
        self.advance_to(t_s)
        self._move_to(t_s)

    def set_belt(self, index: int, speed_m_per_s: float, now_s: float) -> None:
        """Drive belt ``index`` at ``speed_m_per_s`` (negative: reverse) from ``now_s``."""
        self._sync(now_s)
        self.belt_speed_m_per_s[index] = speed_m_per_s
        self._plan()

    def command_cylinder(self, index: int, extend: bool, now_s: float) -> None:
        """Energise or release the solenoid of cylinder ``index`` at ``now_s``."""
        self._sync(now_s)
        cylinder = self.cylinders[index]
        starting_out = extend and not cylinder.commanded_out and cylinder.position_at(now_s) <= 0.0
        cylinder.command(extend, now_s)
        if starting_out and not cylinder.jammed:
            self._capture(index)
        if not extend:
            self._release(index)
        self.version += 1
        self._plan()

    def set_cylinder_faults(self, index: int, jammed: bool, slowness: float, now_s: float) -> None:
        """Jam or slow cylinder ``index`` (-1: the diverter) from ``now_s``."""
        self._sync(now_s)
        cylinder = self.diverter if index < 0 else self.cylinders[index]
        if cylinder is not None:
            cylinder.set_faults(jammed, slowness, now_s)
        self.version += 1
        self._plan()

    def set_station_broken(self, index: int, broken: bool, now_s: float) -> None:
        """Station ``index`` breaks down (``True``) or is repaired at ``now_s``."""
        self._sync(now_s)
        self.stations[index].set_broken(broken)
        self._plan()

    def command_diverter(self, turn: bool, now_s: float) -> None:
        """Swing the end-of-line flap to its turned position (``True``) or back to rest."""
        if self.diverter is None:
            return
        self._sync(now_s)
        self.diverter.command(turn, now_s)
        self.version += 1
        self._plan()

    def space_free(self, centre_m: float, length_m: float, now_s: float) -> bool:
        """True when a part of ``length_m`` centred at ``centre_m`` would touch no other part at ``now_s``."""
        half = length_m / 2
        for item in self.items:
            x = self.position_of(item, now_s)
            if not (x + item.length_m / 2 < centre_m - half or x - item.length_m / 2 > centre_m + half):
                return False
        return True

    def place(self, item: Item, now_s: float) -> None:
        """Put ``item`` on the belt at ``item.x_m`` at ``now_s`` (the feeder does this)."""
        self._sync(now_s)
        item.conveyor = self._conveyor_at(item.x_m)
        self.items.append(item)
        self.items.sort(key=lambda it: -it.x_m)
        self._inside[item.id] = set()
        for zone, x in enumerate(self.zone_positions_m):
            if item.back_m <= x <= item.front_m:
                self._enter(item, zone)
        self._plan()

    def captured_by_pusher(self) -> dict[int, list[Item]]:
        """Parts held by each pusher's plate right now, by pusher index."""
        return {index: list(items) for index, items in self._captured.items()}

    def position_of(self, item: Item, now_s: float) -> float:
        """Centre of ``item`` at ``now_s`` without processing events (for drawing)."""
        return item.x_m + item.v_m_per_s * (now_s - self.now_s)

    # ------------------------------------------------------------------ motion
    def _move_to(self, t_s: float) -> None:
        dt = t_s - self.now_s
        if dt > 0:
            for item in self.items:
                if item.v_m_per_s:
                    item.x_m += item.v_m_per_s * dt
            self.now_s = t_s

    def _conveyor_at(self, x_m: float) -> int:
        for index, conveyor in enumerate(self.conveyors):
            if x_m < conveyor.end_m:
                return index
        return len(self.conveyors) - 1

    def _resolve_speeds(self) -> None:
        """Each part's speed: its belt's, unless what holds it back still does."""
        items = self.items
        for item in items:
            item.v_m_per_s = 0.0 if item.captured else self.belt_speed_m_per_s[item.conveyor]
        # Front to back: a part pressed forward goes no faster than what is ahead of it.
        ahead: Item | None = None
        for item in items:
            held_by = item.held_by
            if held_by == "part" and ahead is not None and max(ahead.v_m_per_s, 0.0) < item.v_m_per_s:
                item.v_m_per_s = max(ahead.v_m_per_s, 0.0)
            elif held_by == "plate" and item.v_m_per_s > 0 and self._plate_ahead(item) is not None:
                item.v_m_per_s = 0.0
            elif held_by == "joint" and self._joint_opposes(item):
                item.v_m_per_s = 0.0
            elif held_by == "stop" and any(station.holds(item) for station in self.stations):
                item.v_m_per_s = 0.0
            elif held_by in ("part", "plate", "joint", "stop"):
                self._unblock(item)
            ahead = item
        # Back to front: a part pressed backward goes no faster than what is behind it.
        behind: Item | None = None
        for item in reversed(items):
            if item.held_by == "part_behind" and behind is not None and min(behind.v_m_per_s, 0.0) > item.v_m_per_s:
                item.v_m_per_s = min(behind.v_m_per_s, 0.0)
            elif item.held_by == "start" and item.v_m_per_s < 0:
                item.v_m_per_s = 0.0
            elif item.held_by in ("part_behind", "start"):
                self._unblock(item)
            behind = item

    def _plate_ahead(self, item: Item) -> Cylinder | None:
        """The cylinder whose plate (not fully back) stands just ahead of ``item``."""
        for index, cylinder in enumerate(self.cylinders):
            a, _ = self._plate_edges_m(index)
            if self._plate_out(cylinder) and abs(item.front_m - a) <= 1e-6:
                return cylinder
        return None

    def _plate_edges_m(self, index: int) -> tuple[float, float]:
        """Upstream and downstream edges of pusher ``index``'s plate along the line, in metres."""
        pusher = self.pushers[index]
        return pusher.position_m - pusher.width_m / 2, pusher.position_m + pusher.width_m / 2

    def _plate_out(self, cylinder: Cylinder) -> bool:
        return cylinder.position_at(self.now_s) > 0.0 or cylinder.rate_per_s > 0

    def _joint_opposes(self, item: Item) -> bool:
        """True while the belt beyond the joint a stalled part sits at pushes it back."""
        direction = item.joint_direction
        own = self.belt_speed_m_per_s[item.conveyor]
        nxt = self.belt_speed_m_per_s[item.conveyor + direction]
        return own * direction > 0 and nxt * direction < 0

    def _unblock(self, item: Item) -> None:
        item.held_by = ""
        item.jammed = False

    # ------------------------------------------------------------------ planning
    def _plan(self) -> None:
        """Work out speeds and the next event; remember what to do when it comes."""
        self._resolve_speeds()
        best = math.inf
        due: list[Callable[[], None]] = []

        def consider(t: float, action: Callable[[], None]) -> None:
            nonlocal best, due
            if t < best - SAME_TIME_S:
                best, due = t, [action]
            elif t <= best + SAME_TIME_S:
                due.append(action)

        now = self.now_s
        for item in self.items:
            v = item.v_m_per_s
            if v == 0:
                continue
            self._plan_zones(item, v, now, consider)
            self._plan_transfer(item, v, now, consider)
            if v > 0:
                self._plan_walls(item, v, now, consider)
        for ahead, item in zip(self.items, self.items[1:], strict=False):
            closing = item.v_m_per_s - ahead.v_m_per_s
            if closing > 1e-12 and item.held_by != "part" and ahead.held_by != "part_behind":
                gap = max(0.0, ahead.back_m - item.front_m)
                consider(now + gap / closing, partial(self._contact, item, ahead))
        for index, cylinder in enumerate(self.cylinders):
            arrival = cylinder.arrival_s()
            if arrival < math.inf:
                consider(arrival, partial(self._cylinder_arrives, index))
        if self.diverter is not None and self.diverter.arrival_s() < math.inf:
            consider(self.diverter.arrival_s(), self._diverter_arrives)
        for station in self.stations:
            station.plan(self.items, now, consider)
        jam_after_s = self.scene.jam_after_s
        for item in self.items:
            if (
                item.held_by
                and not item.jammed
                and self.belt_speed_m_per_s[item.conveyor] != 0
                and not self._queued(item)
            ):
                consider(item.blocked_since_s + jam_after_s, partial(self._jam, item))
        self.next_event_s, self._due = best, due

    def _plan_zones(self, item: Item, v: float, now: float, consider: Callable) -> None:
        inside = self._inside[item.id]
        back, front = item.back_m, item.front_m
        for zone, x in enumerate(self.zone_positions_m):
            if zone in inside:
                t = now + ((x - back) / v if v > 0 else (front - x) / -v)
                consider(t, partial(self._exit, item, zone))
            elif v > 0 and front < x:
                consider(now + (x - front) / v, partial(self._enter, item, zone))
            elif v < 0 and back > x:
                consider(now + (back - x) / -v, partial(self._enter, item, zone))

    def _plan_transfer(self, item: Item, v: float, now: float, consider: Callable) -> None:
        conveyor = self.conveyors[item.conveyor]
        if v > 0:
            consider(now + max(0.0, conveyor.end_m - item.x_m) / v, partial(self._cross, item, +1))
        elif item.conveyor > 0:
            consider(now + max(0.0, item.x_m - conveyor.start_m) / -v, partial(self._cross, item, -1))
        else:
            start_m = conveyor.start_m
            consider(now + max(0.0, item.back_m - start_m) / -v, partial(self._block, item, "start"))

    def _plan_walls(self, item: Item, v: float, now: float, consider: Callable) -> None:
        for index, cylinder in enumerate(self.cylinders):
            a, _ = self._plate_edges_m(index)
            if self._plate_out(cylinder) and item.front_m < a - 1e-9 and not item.captured:
                consider(now + (a - item.front_m) / v, partial(self._hit_plate, item))

    # ------------------------------------------------------------------ events
    def _enter(self, item: Item, zone: int) -> None:
        inside = self._inside.get(item.id)
        if inside is None:  # the part left the line in an event handled at the same time
            return
        inside.add(zone)
        self.zone_items[zone][item.id] = item
        self.version += 1
        self._on_zone_change(zone, self.now_s)

    def _exit(self, item: Item, zone: int) -> None:
        inside = self._inside.get(item.id)
        if inside is None:
            return
        inside.discard(zone)
        self.zone_items[zone].pop(item.id, None)
        self.version += 1
        self._on_zone_change(zone, self.now_s)

    def _cross(self, item: Item, direction: int) -> None:
        """The part's centre reaches the end of its belt."""
        if item.id not in self._inside:
            return
        nxt = item.conveyor + direction
        if nxt >= len(self.conveyors):
            self._fall_off_the_end(item)
            return
        if self.belt_speed_m_per_s[nxt] * direction < 0:
            own = self.conveyors[item.conveyor]
            item.x_m = own.end_m if direction > 0 else own.start_m
            item.joint_direction = direction
            self._block(item, "joint")  # the next belt pushes back: the part stalls at the joint
            return
        item.conveyor = nxt
        item.route.append(self.conveyors[nxt].name)

    def _contact(self, item: Item, ahead: Item) -> None:
        """``item`` touches the part ahead of it; the faster one is held back."""
        closing = item.v_m_per_s - ahead.v_m_per_s
        item.x_m = min(item.x_m, ahead.back_m - item.length_m / 2)
        if closing > self._harmless_m_per_s(item):
            self.counters.collisions += 1
        if item.v_m_per_s > 0:
            self._block(item, "part")
        if ahead.v_m_per_s < 0:
            self._block(ahead, "part_behind")

    def _harmless_m_per_s(self, item: Item) -> float:
        """Fastest contact that does not harm ``item``: faster on an accumulation belt, in m/s."""
        return max(COLLISION_SPEED_M_PER_S, self.conveyors[item.conveyor].gentle_contact_m_per_s)

    def _queued(self, item: Item) -> bool:
        """True when ``item`` waits in a queue by design (at a station, or on an accumulation belt)."""
        if item.held_by == "stop":
            return True
        return item.held_by == "part" and self.conveyors[item.conveyor].gentle_contact_m_per_s > 0

    def _stopped_at_station(self, item: Item) -> None:
        """A station's gate or work stop stops ``item``; too fast a part is knocked (a collision)."""
        if item.v_m_per_s > self._harmless_m_per_s(item):
            self.counters.collisions += 1
        self._block(item, "stop")

    def _hit_plate(self, item: Item) -> None:
        self.counters.collisions += 1
        self._block(item, "plate")

    def _block(self, item: Item, held_by: str) -> None:
        if not item.held_by:
            item.blocked_since_s = self.now_s
        item.held_by = held_by
        item.v_m_per_s = 0.0

    def _jam(self, item: Item) -> None:
        item.jammed = True
        self.counters.jams += 1

    def _capture(self, index: int) -> None:
        """A plate starting out takes the part whose centre is in front of it."""
        spec = self.pushers[index]
        a, b = self._plate_edges_m(index)
        for item in self.items:
            if item.captured or item.front_m < a or item.back_m > b:
                continue
            if a <= item.x_m <= b:
                if item.back_m < a - 1e-9 or item.front_m > b + 1e-9:
                    self.counters.collisions += 1  # the plate caught the part's edge
                item.captured = True
                item.route.append(spec.name)
                self._captured[index].append(item)
            else:
                self.counters.collisions += 1  # the plate struck a part passing by

    def _release(self, index: int) -> None:
        """A plate going back before full stroke drops what it held back on the belt."""
        for item in self._captured[index]:
            item.captured = False
            item.route.append(f"{self.pushers[index].name}:dropped")
        self._captured[index] = []

    def _cylinder_arrives(self, index: int) -> None:
        cylinder = self.cylinders[index]
        extending = cylinder.rate_per_s > 0
        cylinder.arrive(self.now_s)
        self.version += 1
        if extending:
            for item in self._captured[index]:
                self._finish(item, self.pushers[index].bin, None)
            self._captured[index] = []

    def _fall_off_the_end(self, item: Item) -> None:
        """The part drops off the last belt: into the end bin, or where the flap sends it."""
        flap = self.diverter
        if flap is None or self.scene.end_diverter is None:
            self._finish(item, self.scene.end_bin, "end_of_line")
            return
        stroke = flap.position_at(self.now_s)
        if 0.0 < stroke < 1.0:
            self.counters.collisions += 1  # the part hit the flap while it was swinging
        turned = stroke >= 0.5
        self._finish(item, self.scene.end_diverter.bin if turned else self.scene.end_bin, flap.spec.name)

    def _diverter_arrives(self) -> None:
        if self.diverter is not None:
            self.diverter.arrive(self.now_s)
            self.version += 1

    def _finish(self, item: Item, bin_name: str, step: str | None) -> None:
        if step:
            item.route.append(step)
        for zone in list(self._inside.pop(item.id, ())):
            self.zone_items[zone].pop(item.id, None)
            self._on_zone_change(zone, self.now_s)
        self.items.remove(item)
        for station in self.stations:
            station.forget(item)
        self.version += 1
        self._on_finished(item, bin_name, self.now_s)
