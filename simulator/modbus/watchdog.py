"""The comm-loss watchdog of remote mode: no master, no motion.

Remote I/O on a real line (an I/O coupler driven by a PLC over Modbus TCP) has a
watchdog: if the controlling master falls silent, the coupler switches its outputs to
the safe state, because an actuator left on by a crashed master is dangerous. The
simulated PLC does the same in remote mode:

- A **master** is a connection that has sent at least one write request. A client that only reads
  (an HMI, mbpoll watching) never arms the watchdog.
- The watchdog is **armed** by an accepted write. It **trips** when no master has sent
  any request for ``timeout_s`` seconds, or when a master's connection closes.
- Tripping puts every digital output off — in the process image too, so a master that
  reads the coils sees what the actuators do — and holds them off
  (``plc.outputs_forced_safe``, which the operator panel shows).
- Outputs resume only when a master **writes again**; coils it has not rewritten stay off.

Without a watchdog (``watchdog_s=None`` or ``sflab plc --watchdog 0``) none of this
happens: handy for trying single writes with ``mbpoll``, which disconnects after each.

Times are wall-clock seconds (``time.monotonic``): communication is real, even when the
simulation runs faster than real time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from simulator.plc.image import ProcessImage
from simulator.plc.runtime import PlcRuntime

#: Default time without a master request before the outputs go safe, in seconds.
DEFAULT_TIMEOUT_S = 1.0


class CommWatchdog:
    """Puts a remote-I/O PLC's outputs in the safe state when its master goes quiet.

    Args:
        plc: the PLC whose outputs are held off (``outputs_forced_safe``).
        image: its process image (outputs are cleared on a trip).
        timeout_s: silence allowed, in seconds.
        clock: wall clock in seconds (replaceable in tests).
    """

    def __init__(
        self,
        plc: PlcRuntime,
        image: ProcessImage,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.plc = plc
        self.image = image
        self.timeout_s = timeout_s
        self._clock = clock
        #: True while the outputs are held safe after a trip.
        self.tripped = False
        #: How many times the watchdog has tripped.
        self.trips = 0
        self._armed = False
        self._last_master_s = clock()

    def master_request(self) -> None:
        """A master sent a request: it is still alive."""
        self._last_master_s = self._clock()

    def master_wrote(self) -> None:
        """A master's write is about to be applied: arm, and release the outputs if tripped."""
        self._last_master_s = self._clock()
        self._armed = True
        if self.tripped:
            self.tripped = False
            self.plc.outputs_forced_safe = False

    def master_lost(self) -> None:
        """A master's connection closed."""
        self.trip()

    def check(self) -> None:
        """Trip if a master has been silent too long (call this a few times per timeout)."""
        if self._armed and self._clock() - self._last_master_s > self.timeout_s:
            self.trip()

    def trip(self) -> None:
        """Outputs to the safe state until a master writes again (does nothing unless armed)."""
        if not self._armed:
            return
        self._armed = False
        self.tripped = True
        self.trips += 1
        self.plc.outputs_forced_safe = True
        self.image.write_outputs(self.image.safe_outputs)
