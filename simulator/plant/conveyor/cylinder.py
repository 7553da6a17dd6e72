"""A pneumatic cylinder that takes real time to travel between its end positions.

Linear cylinders push parts off the belt (pushers); a rotary cylinder swings a diverter
flap. Position is a fraction of the stroke: 0.0 fully retracted, 1.0 fully extended.
A single-acting solenoid valve drives it: energised → extends, de-energised → retracts.
Faults can jam it (it stops where it is) or slow it down (longer travel times).
"""

from __future__ import annotations

import math
from typing import Protocol


class StrokeSpec(Protocol):
    """What a cylinder needs to know from the scene: its name and travel times."""

    @property
    def name(self) -> str:
        """Name of the actuator."""

    @property
    def extend_s(self) -> float:
        """Time to travel out, in seconds."""

    @property
    def retract_s(self) -> float:
        """Time to travel back, in seconds."""


class Cylinder:
    """Stroke position of one cylinder over time, with its travel times in seconds."""

    def __init__(self, spec: StrokeSpec) -> None:
        self.spec = spec
        #: Stroke fraction at ``since_s`` (0 retracted … 1 extended).
        self.position = 0.0
        #: Stroke fractions per second: positive while extending, negative while retracting.
        self.rate_per_s = 0.0
        #: Time the current motion started, in seconds.
        self.since_s = 0.0
        #: Whether the solenoid is energised.
        self.commanded_out = False
        #: Travel-time multiplier (1.0 healthy; larger when a "slow" fault is active).
        self.slowness = 1.0
        #: True while a "jam" fault holds the rod.
        self.jammed = False
        #: Number of full extensions (for maintenance counters).
        self.strokes = 0

    def position_at(self, now_s: float) -> float:
        """Stroke fraction at ``now_s``, clamped to 0..1."""
        p = self.position + self.rate_per_s * (now_s - self.since_s)
        return min(1.0, max(0.0, p))

    def is_retracted(self, now_s: float) -> bool:
        """True when fully back (the retracted end switch is made)."""
        return self.position_at(now_s) <= 0.0 and self.rate_per_s <= 0

    def is_extended(self, now_s: float) -> bool:
        """True when fully out (the extended end switch is made)."""
        return self.position_at(now_s) >= 1.0 and self.rate_per_s >= 0

    def command(self, extend: bool, now_s: float) -> None:
        """Energise (``True``) or release the solenoid at ``now_s``."""
        self.commanded_out = extend
        self._restart(now_s)

    def set_faults(self, jammed: bool, slowness: float, now_s: float) -> None:
        """Apply a jam and/or a slowness factor from ``now_s`` on."""
        self.jammed = jammed
        self.slowness = slowness
        self._restart(now_s)

    def _restart(self, now_s: float) -> None:
        self.position = self.position_at(now_s)
        self.since_s = now_s
        if self.jammed:
            self.rate_per_s = 0.0
        elif self.commanded_out and self.position < 1.0:
            self.rate_per_s = 1.0 / (self.spec.extend_s * self.slowness)
        elif not self.commanded_out and self.position > 0.0:
            self.rate_per_s = -1.0 / (self.spec.retract_s * self.slowness)
        else:
            self.rate_per_s = 0.0

    def arrival_s(self) -> float:
        """When the current motion reaches its end position, in seconds (inf when at rest)."""
        if self.rate_per_s > 0:
            return self.since_s + (1.0 - self.position) / self.rate_per_s
        if self.rate_per_s < 0:
            return self.since_s + self.position / -self.rate_per_s
        return math.inf

    def arrive(self, now_s: float) -> None:
        """Finish the current motion at ``now_s`` (called by the line at :meth:`arrival_s`)."""
        if self.rate_per_s > 0:
            self.position, self.strokes = 1.0, self.strokes + 1
        elif self.rate_per_s < 0:
            self.position = 0.0
        self.rate_per_s = 0.0
        self.since_s = now_s
