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

This module is the line itself: its state, what the plant asks of it, and what happens at
each event. The rules it uses live beside it, one idea each: what holds a part back and how
fast it moves (:mod:`~simulator.plant.conveyor.contacts`), when the next event is
(:mod:`~simulator.plant.conveyor.agenda`), and the pushers' plates
(:mod:`~simulator.plant.conveyor.pushers`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from simulator.plant.conveyor.agenda import Agenda, belt_end, contact_s, zone_crossings
from simulator.plant.conveyor.contacts import block, harmless_m_per_s, queued, resolve_speeds
from simulator.plant.conveyor.cylinder import Cylinder
from simulator.plant.conveyor.items import Item
from simulator.plant.conveyor.pushers import Pushers
from simulator.plant.conveyor.station import Station
from simulator.scenes.model import Scene


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
        self._pushers = Pushers(scene.pushers)
        self.cylinders = self._pushers.cylinders
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
        #: Zones each part on the line covers, by part id.
        self._inside: dict[int, set[int]] = {}
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
            self.counters.collisions += self._pushers.capture(index, self.items)
        if not extend:
            self._pushers.release(index)
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
        return {index: list(items) for index, items in self._pushers.captured.items()}

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

    # ------------------------------------------------------------------ planning
    def _plan(self) -> None:
        """Work out speeds and the next event; remember what to do when it comes."""
        resolve_speeds(self.items, self.belt_speed_m_per_s, self._pushers, self.stations, self.now_s)
        agenda = Agenda()
        consider = agenda.consider
        now = self.now_s
        for item in self.items:
            v = item.v_m_per_s
            if v == 0:
                continue
            for t, zone, entering in zone_crossings(item, v, now, self.zone_positions_m, self._inside[item.id]):
                consider(t, partial(self._enter if entering else self._exit, item, zone))
            t, direction = belt_end(item, v, now, self.conveyors)
            consider(t, partial(self._cross, item, direction) if direction else partial(self._block, item, "start"))
            if v > 0:
                for t in self._pushers.walls_reached_s(item, v, now):
                    consider(t, partial(self._hit_plate, item))
        for ahead, item in zip(self.items, self.items[1:], strict=False):
            t_contact = contact_s(item, ahead, now)
            if t_contact is not None:
                consider(t_contact, partial(self._contact, item, ahead))
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
                and not queued(item, self.conveyors[item.conveyor])
            ):
                consider(item.blocked_since_s + jam_after_s, partial(self._jam, item))
        self.next_event_s, self._due = agenda.next_s, agenda.due

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
        if closing > harmless_m_per_s(self.conveyors[item.conveyor]):
            self.counters.collisions += 1
        if item.v_m_per_s > 0:
            self._block(item, "part")
        if ahead.v_m_per_s < 0:
            self._block(ahead, "part_behind")

    def _stopped_at_station(self, item: Item) -> None:
        """A station's gate or work stop stops ``item``; too fast a part is knocked (a collision)."""
        if item.v_m_per_s > harmless_m_per_s(self.conveyors[item.conveyor]):
            self.counters.collisions += 1
        self._block(item, "stop")

    def _hit_plate(self, item: Item) -> None:
        self.counters.collisions += 1
        self._block(item, "plate")

    def _block(self, item: Item, held_by: str) -> None:
        block(item, held_by, self.now_s)

    def _jam(self, item: Item) -> None:
        item.jammed = True
        self.counters.jams += 1

    def _cylinder_arrives(self, index: int) -> None:
        """Pusher ``index`` reaches its end position; at full stroke what it held drops into its bin."""
        delivered = self._pushers.arrive(index, self.now_s)
        self.version += 1
        for item in delivered:
            self._finish(item, self.pushers[index].bin, None)

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
