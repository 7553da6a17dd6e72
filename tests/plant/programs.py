"""Small PLC programs used by the plant tests."""

from __future__ import annotations

from typing import Any


def run_belts(io: Any) -> None:
    """Feeder and both belts on, nothing sorted: every part ends in the end bin."""
    io.feeder_on = True
    io.infeed_motor = True
    io.sorter_forward = True


def sorter_stopped(io: Any) -> None:
    """Feeder and infeed on, the sorting belt downstream stopped: parts pile up and jam."""
    io.feeder_on = True
    io.infeed_motor = True
    io.sorter_forward = False
