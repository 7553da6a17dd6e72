"""Sensors computed from where the parts are: photo-eyes, proximity sensors, an analog height gauge.

Digital sensors look at one point of the line (a *zone*); the line tells them which
parts cover it. Which parts they *detect* depends on physics:

- 광전센서 (photo-eyes): a through-beam or retro-reflective beam is broken by any part; a
  diffuse sensor sees a part only if the light it reflects back is enough — darker, less
  reflective materials shorten its range (``range × reflectivity``).
- 유도형 근접센서 (inductive): metal only, within its few millimetres of range.
- 정전용량형 근접센서 (capacitive): any solid material within range.

The analog distance sensor measures the distance to the top of the part below it, with
a first-order lag, Gaussian noise and the quantisation of an A/D card: it reports raw
counts (e.g. 0–32000 for 4–20 mA), which students scale to millimetres themselves.
"""

from __future__ import annotations

import math

import numpy as np

from simulator.plant.conveyor.items import Item
from simulator.scenes.model import SensorSpec

#: Share of emitted light each material sends back to a diffuse sensor (white plastic ≈ 0.9).
REFLECTIVITY = {"metal": 1.0, "plastic": 0.9, "wood": 0.6}
#: Noise samples drawn at a time (drawing one by one from numpy is slow).
NOISE_BLOCK = 4096
#: After this many time constants a first-order lag has settled (e^-21 < 1e-9).
SETTLED_AFTER_LAGS = 21.0


def detects(spec: SensorSpec, item: Item) -> bool:
    """Whether a digital sensor of ``spec`` sees ``item`` when the part covers its zone."""
    if spec.kind == "inductive":
        return item.material == "metal" and spec.distance_m <= spec.range_m
    if spec.kind == "diffuse":
        return spec.distance_m <= spec.range_m * REFLECTIVITY.get(item.material, 0.5)
    return spec.distance_m <= spec.range_m  # through-beam, retro-reflective, capacitive


class AnalogDistanceSensor:
    """A laser distance sensor above the belt, wired to an analog input card.

    The reading follows the true distance with a first-order lag (time constant
    ``lag_s``), adds Gaussian noise (``noise_mm`` standard deviation) and is converted to
    integer counts over the card's range. Faults add drift, extra noise or dropouts.
    """

    def __init__(self, spec: SensorSpec, rng: np.random.Generator) -> None:
        self.spec = spec
        self._rng = rng
        self._noise: list[float] = rng.standard_normal(NOISE_BLOCK).tolist()
        self._noise_index = 0
        #: True distance from the lens to what is below it, in millimetres.
        self.target_mm = spec.mount_height_mm
        #: Lagged distance at ``since_s``, in millimetres (before noise).
        self.filtered_mm = spec.mount_height_mm
        self.since_s = 0.0
        low, high = spec.span_mm
        count_low, count_high = spec.raw_counts
        self._counts_per_mm = (count_high - count_low) / (high - low)
        #: Counts the A/D card can show (its range).
        self.raw_counts = spec.raw_counts
        self._count_low, self._count_high, self._low_mm = count_low, count_high, low
        # Read every scan (~100,000 times a simulated second): the spec's numbers are copied
        # here once, so a reading does not look them up through ``self.spec`` each time.
        self._noise_mm, self._lag_s = spec.noise_mm, spec.lag_s
        self._settled_after_s = SETTLED_AFTER_LAGS * spec.lag_s

    def set_target(self, distance_mm: float, now_s: float) -> None:
        """The true distance changes at ``now_s`` (a part arrives or leaves)."""
        self.filtered_mm = self.distance_at(now_s)
        self.since_s = now_s
        self.target_mm = distance_mm

    def distance_at(self, now_s: float) -> float:
        """Lagged true distance at ``now_s``, in millimetres, without noise."""
        elapsed_s = now_s - self.since_s
        lag_s = self._lag_s
        if lag_s <= 0 or elapsed_s > self._settled_after_s:
            return self.target_mm  # settled: the exponential has decayed below 1e-9
        return self.target_mm + (self.filtered_mm - self.target_mm) * math.exp(-elapsed_s / lag_s)

    def next_noise(self) -> float:
        """One standard-normal sample from this sensor's own seeded stream."""
        index = self._noise_index
        if index >= NOISE_BLOCK:
            self._noise = self._rng.standard_normal(NOISE_BLOCK).tolist()
            index = 0
        self._noise_index = index + 1
        return self._noise[index]

    def noise_position(self) -> tuple[list[float], int]:
        """Where this sensor stands in its block of noise (the random stream that refills it is the plant's)."""
        return self._noise, self._noise_index

    def set_noise_position(self, position: tuple[list[float], int]) -> None:
        """Back to a position :meth:`noise_position` gave."""
        self._noise, self._noise_index = position

    def read_counts(self, now_s: float, extra_noise_mm: float = 0.0, offset_mm: float = 0.0) -> int:
        """The A/D card's reading at ``now_s``: integer counts, clamped to the card's range."""
        # The PLC reads this sensor every scan, and a method call costs about as much as the
        # rest of a reading: so next_noise() is written out here, and distance_at() is called
        # only while the lag has not settled (between parts the gauge sees a still target).
        index = self._noise_index
        if index >= NOISE_BLOCK:
            self._noise = self._rng.standard_normal(NOISE_BLOCK).tolist()
            index = 0
        self._noise_index = index + 1
        noise_mm = (self._noise_mm + extra_noise_mm) * self._noise[index]
        if now_s - self.since_s > self._settled_after_s:
            true_mm = self.target_mm
        else:
            true_mm = self.distance_at(now_s)
        distance_mm = true_mm + noise_mm + offset_mm
        counts = round(self._count_low + (distance_mm - self._low_mm) * self._counts_per_mm)
        if counts < self._count_low:
            return self._count_low
        if counts > self._count_high:
            return self._count_high
        return counts

    def counts_to_mm(self, counts: float) -> float:
        """Distance in millimetres for a reading in counts (the scaling students write)."""
        return self._low_mm + (counts - self._count_low) / self._counts_per_mm
