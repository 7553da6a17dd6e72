"""Reference controller for ``buffer-line-v1``: keep the buffer from overflowing onto the infeed.

1. 운전 자기유지 (run latch): see :mod:`simulator.controllers.run_latch`; every belt runs with it.
2. 버퍼 만재 (buffer full): when the queue in front of the station reaches the buffer-full eye,
   the eye stays covered; covered for ``buffer_full_s`` seconds (HR register, 2 s; a passing part
   covers it for at most 1.2 s) means the buffer is full: the feeder stops (the yellow lamp shows it)
   until the queue has moved on. The parts still on the infeed fit behind the eye.
3. 계수 (counting): each part leaving the station (exit eye's rising edge) adds one to ``count_out``.

The work station runs on its own; the PLC only brings parts and takes them away.
"""

from __future__ import annotations

from typing import Any

from simulator.controllers.run_latch import RunLatch
from simulator.plc.timers import TON


class BufferLineController:
    """Runs the belts, stops the feeder while the buffer is full, counts parts out."""

    def __init__(self) -> None:
        self.latch = RunLatch()
        self.full_timer = TON(PT=2.0)
        self.prev_exit = False

    def scan(self, io: Any) -> None:
        """One PLC scan."""
        run = self.latch.scan(io)
        buffer_full = self.full_timer(IN=io.buffer_full_eye, PT=float(io.buffer_full_s))
        io.feeder_on = run and not buffer_full
        io.infeed_motor = run
        io.buffer_motor = run
        io.station_motor = run
        if io.exit_eye and not self.prev_exit:
            io.count_out += 1
        self.prev_exit = io.exit_eye
        self.latch.show_status(io)
        io.lamp_yellow = io.lamp_yellow or (run and buffer_full)
