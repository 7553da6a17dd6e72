"""The plating line's analog inputs: a value in its own unit, scaled to counts, with the sensor's noise.

Every analog input of the line is a :class:`ScaledInput`: a function giving the true value
(°C, A, mm, g/L, µm …), a scale (counts per unit: 10 for 0.1 °C per count) and the range a
16-bit input card shows. Noise, when the sensor has any, is drawn from the line's
``sensors`` stream each time the input is read — for the held inputs (thermocouples, the
current transducer, the analyser) that is twice a second, when the line samples them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


class ScaledInput:
    """An analog input: ``counts = round((value + noise + offset) × counts_per_unit)``, clamped to the card's range.

    Args:
        value: the true value at a time, in the signal's unit.
        counts_per_unit: counts for one unit (10 for a 0.1 °C resolution).
        noise_sd: the sensor's own noise, one standard deviation in the signal's unit (0: none).
        rng: where noise comes from.
        high_counts: the highest count the card shows.
    """

    def __init__(
        self,
        value: Callable[[float], float],
        counts_per_unit: float,
        rng: np.random.Generator,
        *,
        noise_sd: float = 0.0,
        high_counts: int = 65_535,
    ) -> None:
        self.value = value
        self.counts_per_unit = counts_per_unit
        self.noise_sd = noise_sd
        self.rng = rng
        self.raw_counts = (0, high_counts)

    def read_counts(self, now_s: float, extra_noise: float = 0.0, offset: float = 0.0) -> int:
        """The reading at ``now_s``; ``extra_noise`` (a fault's, one sd) and ``offset`` in the signal's unit."""
        value = self.value(now_s) + offset
        sd = self.noise_sd + extra_noise
        if sd > 0:
            value += sd * float(self.rng.standard_normal())
        return min(self.raw_counts[1], max(0, round(value * self.counts_per_unit)))
