"""Reference controller for ``branch-line-v1``: metal parts to the metal bin by the flap.

1. 운전 자기유지 (run latch): see :mod:`simulator.controllers.run_latch`.
2. 판별 (identification): the capacitive sensor sees every part, the inductive one only
   metal. While a part is in front of them, remember whether it is metal; when it has
   passed (the capacitive sensor's falling edge), queue the decision — a shift register.
3. 분기 (diverting): at the exit eye's rising edge take the oldest decision and turn the
   flap for a metal part or rest it for the others. The part needs 0.65 s from the eye
   to the end of the belt; the flap needs 0.35 s to swing.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from simulator.controllers.run_latch import RunLatch


class BranchLineController:
    """Turns the flap for metal parts, keeps it at rest for the others."""

    def __init__(self) -> None:
        self.latch = RunLatch()
        self.saw_metal = False
        self.prev_part = False
        self.prev_exit = False
        #: Decisions of the parts between the sensors and the exit eye (True: metal).
        self.decisions: deque[bool] = deque()

    def scan(self, io: Any) -> None:
        """One PLC scan."""
        run = self.latch.scan(io)
        if io.part_prox and io.metal_prox:
            self.saw_metal = True
        if self.prev_part and not io.part_prox:  # the part has passed the sensors
            self.decisions.append(self.saw_metal)
            self.saw_metal = False
        self.prev_part = io.part_prox
        if io.exit_eye and not self.prev_exit and self.decisions:
            is_metal = self.decisions.popleft()
            io.flap_turn = is_metal
            if is_metal:
                io.count_metal += 1
            else:
                io.count_other += 1
        self.prev_exit = io.exit_eye
        io.feeder_on = run
        io.belt_motor = run
        self.latch.show_status(io)
