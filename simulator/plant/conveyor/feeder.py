"""The part feeder: a station that places parts on the belt, and sometimes breaks down.

Parts arrive with a random gap (a minimum plus an exponential remainder), of a random
kind from the scene's part mix, some of them defective. The feeder places a part only
when it is switched on by the PLC, is not broken down, and has room on the belt.

Breakdowns follow the scene's MTBF (mean time between failures) and MTTR (mean time to
repair), both exponential, drawn from the plant's seeded random streams — so the same
seed gives the same breakdowns at the same moments.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

import numpy as np
import simpy

from simulator.plant.conveyor.items import Item
from simulator.plant.conveyor.shifts import SHIFT_LETTERS, SHIFT_S
from simulator.plant.conveyor.transport import Line
from simulator.plant.stopwatch import Stopwatch
from simulator.scenes.model import FeederSpec, Scene

#: How often a waiting feeder looks again for room on the belt, in seconds.
RETRY_S = 0.1
#: Free space kept on each side of a new part, in metres.
CLEARANCE_M = 0.02


class Feeder:
    """Creates parts and places them on the line."""

    def __init__(
        self,
        env: simpy.Environment,
        scene: Scene,
        line: Line,
        parts_rng: np.random.Generator,
        failure_rng: np.random.Generator,
        on_change: Callable[[], None],
        height_offset_mm: Callable[[float], float] = lambda now_s: 0.0,
    ) -> None:
        self.env = env
        self.spec: FeederSpec = scene.feeder
        self.scene = scene
        self.line = line
        self._parts_rng = parts_rng
        self._failure_rng = failure_rng
        self._on_change = on_change
        #: Drift of the upstream process: added to every new part's height at time t, in mm.
        self._height_offset_mm = height_offset_mm
        #: Switched on by the PLC output wired to ``feeder.enable``.
        self.enabled = False
        #: False while broken down.
        self.ready = True
        #: Parts created so far.
        self.made = 0
        #: Parts placed on the belt so far.
        self.placed = 0
        #: Breakdowns so far.
        self.breakdowns = 0
        #: Time spent making parts (the gap timer running), waiting with a part (no room, or switched
        #: off: blocked) and broken down — one of the three at any moment.
        self.working = Stopwatch()
        self.blocked = Stopwatch()
        self.down = Stopwatch()
        self._holding_part = False
        self.working.set(True, 0.0)
        self._shift = -1
        self._made_in_shift = 0
        self._shares = np.array([p.share for p in self.spec.parts]) / sum(p.share for p in self.spec.parts)
        env.process(self._produce())
        env.process(self._break_down())

    def _produce(self) -> Generator[simpy.Event, Any, None]:
        spec, rng = self.spec, self._parts_rng
        while True:
            gap_s = spec.min_gap_s + rng.exponential(spec.mean_gap_s - spec.min_gap_s)
            yield self.env.timeout(gap_s)
            item = self._next_item()
            self._holding(True)
            while not (self.enabled and self.ready and self._room_for(item)):
                yield self.env.timeout(RETRY_S)
            self._holding(False)
            item.placed_s = self.env.now
            item.x_m = spec.position_m
            item.route.append("feeder")
            item.route.append(self.scene.conveyors[0].name)
            self.line.place(item, self.env.now)
            self.placed += 1

    def _holding(self, holding: bool) -> None:
        """The feeder has a part it cannot place yet (``True``), or is making the next one."""
        self._holding_part = holding
        self._note_state()

    def _note_state(self) -> None:
        now = self.env.now
        self.down.set(not self.ready, now)
        self.blocked.set(self.ready and self._holding_part, now)
        self.working.set(self.ready and not self._holding_part, now)

    def _room_for(self, item: Item) -> bool:
        return self.line.space_free(self.spec.position_m, item.length_m + 2 * CLEARANCE_M, self.env.now)

    def _next_item(self) -> Item:
        spec, rng = self.spec, self._parts_rng
        part = spec.parts[int(rng.choice(len(spec.parts), p=self._shares))]
        faulty = bool(rng.random() < spec.defect_share)  # made at a wrong height upstream
        nominal_mm = float(rng.choice(spec.defect_heights_mm)) if faulty else part.height_mm
        height_mm = nominal_mm + part.height_sd_mm * float(rng.standard_normal()) + self._height_offset_mm(self.env.now)
        self.made += 1
        item = Item(
            id=self.made,
            lot=self._lot_code(),
            material=part.material,
            height_mm=round(height_mm, 2),
            length_m=part.length_mm / 1000.0,
            weight_g=part.weight_g,
            defect=self._out_of_tolerance(height_mm, part.height_mm),
            correct_bin="",
            placed_s=0.0,
        )
        item.correct_bin = correct_bin(self.scene, item)
        return item

    def _out_of_tolerance(self, height_mm: float, nominal_mm: float) -> bool:
        """A part is defective when its height is outside the tolerance around the nominal height."""
        return abs(height_mm - nominal_mm) > self.spec.height_tolerance_mm

    def _lot_code(self) -> str:
        """Lot code like ``A-03``: shift letter (A, B, C by 8-hour shift) and lot number in the shift."""
        shift = int(self.env.now // SHIFT_S)
        if shift != self._shift:
            self._shift, self._made_in_shift = shift, 0
        self._made_in_shift += 1
        letter = SHIFT_LETTERS[shift % len(SHIFT_LETTERS)]
        return f"{letter}-{(self._made_in_shift - 1) // self.spec.lot_size + 1:02d}"

    def _break_down(self) -> Generator[simpy.Event, Any, None]:
        rng = self._failure_rng
        while True:
            yield self.env.timeout(rng.exponential(self.spec.mtbf_min * 60.0))
            self.ready = False
            self.breakdowns += 1
            self._note_state()
            self._on_change()
            yield self.env.timeout(rng.exponential(self.spec.mttr_min * 60.0))
            self.ready = True
            self._note_state()
            self._on_change()


def correct_bin(scene: Scene, item: Item) -> str:
    """The bin ``item`` belongs in: the first bin whose rule accepts it."""
    for bin_spec in scene.bins:
        accepts = bin_spec.accepts
        if (accepts == "defect" and item.defect) or accepts == item.material or accepts == "any":
            return bin_spec.name
    return scene.end_bin
