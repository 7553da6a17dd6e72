"""The run latch every line starts with: 자기유지회로 with stop, e-stop and reset.

Ladder equivalent (XG5000 style)::

    |  START    STOP   ESTOP  AUTO  /TRIPPED         RUN   |
    |--| |--+--| |----| |----| |-----|/|------------( )---|
    |  RUN  |                                             |
    |--| |--+                                             |

- start (NO) sets the latch on its rising edge; stop (NC) and e-stop (NC) break it;
- after an e-stop the line stays tripped until reset is pressed with the e-stop released;
- the mode selector must be in 자동 (auto).
"""

from __future__ import annotations

from typing import Any


class RunLatch:
    """Self-holding run circuit; call :meth:`scan` once per scan, it returns whether to run."""

    def __init__(self) -> None:
        self.running = False
        self.estop_tripped = False
        self._prev_start = False

    def scan(self, io: Any) -> bool:
        """Update from the panel inputs and return True while the line may run."""
        start_pressed = io.start_button and not self._prev_start
        self._prev_start = io.start_button
        if not io.estop_ok:
            self.estop_tripped = True
        elif io.reset_button:
            self.estop_tripped = False
        permitted = io.stop_button and io.estop_ok and io.auto_mode and not self.estop_tripped
        self.running = (self.running or start_pressed) and permitted
        return self.running

    def show_status(self, io: Any) -> None:
        """Stack light and buzzer: green running, yellow idle, red after an e-stop or a feeder breakdown."""
        io.lamp_green = self.running
        io.lamp_yellow = not self.running and not self.estop_tripped
        io.lamp_red = self.estop_tripped or not io.feeder_ready
        io.buzzer = not io.estop_ok
