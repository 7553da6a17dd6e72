"""Reference controller for ``sorting-line-v1``: sorts every part into its bin.

Tests, benchmarks and ``sflab run`` use it; teachers can read it as a model answer.
It is written the way the labs teach, as a scan function:

1. 운전 자기유지 (self-holding run latch): see :mod:`simulator.controllers.run_latch` —
   start sets it; stop, e-stop or the manual mode clear it; after an e-stop, reset must
   be pressed before start works again.
2. 검사 (inspection): while the inspection eye sees a part, remember the part's greatest
   height and whether the inductive sensor saw metal; when the part has passed, decide
   its bin and queue the decision (a shift register, as in a real sorting line).
3. 분류 (sorting): when a part reaches a pusher's eye, take its decision from the queue
   and fire the pusher if the part is for that bin; the solenoid is held until the
   extended switch is made, then released.

Scaling the height sensor: 4–20 mA spans 50–250 mm of distance and 0–32000 counts, so
distance_mm = 50 + counts × 200 / 32000, and the lens is 200 mm above the belt, so
height_mm = 200 − distance_mm.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from simulator.controllers.run_latch import RunLatch

#: Height sensor scaling: distance at 0 counts (4 mA), and millimetres per count (200 mm over 32000).
DISTANCE_AT_ZERO_MM = 50.0
MM_PER_COUNT = 200.0 / 32000.0
#: Distance from the sensor lens to the belt, in millimetres.
MOUNT_HEIGHT_MM = 200.0


class SortingLineController:
    """Sorts parts by height (defects to the reject bin) and material (metal to its bin)."""

    def __init__(self) -> None:
        self.latch = RunLatch()
        self.prev_inspect = False
        self.prev_metal_eye = False
        self.prev_ng_eye = False
        # What the inspection point has seen of the part in front of it.
        self.max_height_mm = 0.0
        self.saw_metal = False
        # Decisions travelling with the parts: "ng", "metal" or "plastic".
        self.to_metal_pusher: deque[str] = deque()
        self.to_ng_pusher: deque[str] = deque()
        self.fire_metal = False
        self.fire_ng = False

    def scan(self, io: Any) -> None:
        """One PLC scan."""
        run = self.latch.scan(io)
        self._inspect(io)
        self._sort(io)
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = run
        io.sorter_reverse = False
        self.latch.show_status(io)

    def _inspect(self, io: Any) -> None:
        part_here = io.inspect_eye
        if part_here:
            height_mm = MOUNT_HEIGHT_MM - (DISTANCE_AT_ZERO_MM + io.height_raw * MM_PER_COUNT)
            if height_mm > self.max_height_mm:
                self.max_height_mm = height_mm
            if io.metal_prox:
                self.saw_metal = True
        elif self.prev_inspect:  # the part has just passed: decide where it goes
            in_spec = io.height_limit_low_mm <= self.max_height_mm <= io.height_limit_high_mm
            if not in_spec:
                decision = "ng"
            else:
                decision = "metal" if self.saw_metal else "plastic"
            self.to_metal_pusher.append(decision)
            self.max_height_mm, self.saw_metal = 0.0, False
        self.prev_inspect = part_here

    def _sort(self, io: Any) -> None:
        if io.metal_eye and not self.prev_metal_eye and self.to_metal_pusher:
            decision = self.to_metal_pusher.popleft()
            if decision == "metal":
                self.fire_metal = True
                io.count_metal += 1
            else:
                self.to_ng_pusher.append(decision)
        self.prev_metal_eye = io.metal_eye
        if io.ng_eye and not self.prev_ng_eye and self.to_ng_pusher:
            decision = self.to_ng_pusher.popleft()
            if decision == "ng":
                self.fire_ng = True
                io.count_ng += 1
            else:
                io.count_plastic += 1
        self.prev_ng_eye = io.ng_eye
        # Hold each solenoid until its cylinder reports the extended end.
        self.fire_metal = self.fire_metal and not io.pusher_metal_front
        self.fire_ng = self.fire_ng and not io.pusher_ng_front
        io.pusher_metal_out = self.fire_metal
        io.pusher_ng_out = self.fire_ng
