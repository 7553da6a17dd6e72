"""What active faults do to signals on their way between the plant and the PLC.

The plant computes the true sensor values; these functions bend them the way a broken
sensor, a bad cable or a swapped wire would, before the PLC's input refresh — and swap
output wires after its output refresh. See :mod:`simulator.plant.faults` for the kinds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from simulator.plant.faults import Fault


class AnalogChannel(Protocol):
    """An analog input as the plant reads it: counts, with room for noise and drift faults."""

    #: Lowest and highest counts the input can show.
    raw_counts: tuple[int, int]

    def read_counts(self, now_s: float, extra_noise: float = 0.0, offset: float = 0.0) -> int:
        """The reading in counts; ``extra_noise`` and ``offset`` are in the signal's own unit."""


def bend_digital(
    values: list[bool], faults: Sequence[Fault], index_of: dict[str, int], rng: np.random.Generator
) -> None:
    """Apply digital-input faults to ``values`` (in place)."""
    raw = list(values)
    for fault in faults:
        i = index_of[fault.target]
        kind = fault.kind
        if kind == "stuck_on":
            values[i] = True
        elif kind == "stuck_off":
            values[i] = False
        elif kind == "inverted":
            values[i] = not values[i]
        elif kind == "swapped":
            values[i] = raw[index_of[fault.other]]
            values[index_of[fault.other]] = raw[i]
        elif kind == "noise" and rng.random() < fault.severity:
            values[i] = not values[i]
        elif kind == "dropout" and rng.random() < fault.severity:
            values[i] = False


def read_bent_analog(
    channels: Sequence[AnalogChannel],
    names: Sequence[str],
    faults: Sequence[Fault],
    now_s: float,
    rng: np.random.Generator,
) -> list[int]:
    """Read every analog channel with its faults: extra noise, drift, stuck, dropout, swapped."""
    extra_noise = dict.fromkeys(names, 0.0)
    offset = dict.fromkeys(names, 0.0)
    for fault in faults:
        if fault.kind == "noise":
            extra_noise[fault.target] += fault.severity
        elif fault.kind == "drift":
            offset[fault.target] += fault.severity * (now_s - fault.start_s) / 60.0
    values = [
        channel.read_counts(now_s, extra_noise[name], offset[name])
        for name, channel in zip(names, channels, strict=True)
    ]
    raw = list(values)
    index_of = {name: i for i, name in enumerate(names)}
    for fault in faults:
        i = index_of[fault.target]
        low, high = channels[i].raw_counts
        if fault.kind == "stuck_on":
            values[i] = high
        elif fault.kind == "stuck_off":
            values[i] = low
        elif fault.kind == "dropout" and rng.random() < fault.severity:
            values[i] = low
        elif fault.kind == "swapped":
            values[i] = raw[index_of[fault.other]]
    return values


def swap_outputs(
    outputs: tuple[bool | int, ...], faults: Sequence[Fault], index_of: dict[str, int]
) -> tuple[bool | int, ...]:
    """Outputs as they reach the actuators when output wires are swapped."""
    swaps = [f for f in faults if f.kind == "swapped" and f.target in index_of]
    if not swaps:
        return outputs
    values = list(outputs)
    for fault in swaps:
        a, b = index_of[fault.target], index_of[fault.other]
        values[a], values[b] = outputs[b], outputs[a]
    return tuple(values)


def actuator_condition(faults: Sequence[Fault], signal_of: dict[str, str], prefix: str) -> tuple[bool, float]:
    """(jammed, slowness factor) of the actuator whose output signals start with ``prefix``."""
    jammed, slowness = False, 1.0
    for fault in faults:
        if signal_of[fault.target].startswith(prefix):
            if fault.kind == "jam":
                jammed = True
            elif fault.kind == "slow":
                slowness *= 1.0 + fault.severity
    return jammed, slowness


def wear_rate_per_h(faults: Sequence[Fault], signal_of: dict[str, str], prefix: str) -> float:
    """Growth rate of the active ``wear`` fault on the motor whose signals start with ``prefix`` (0: none)."""
    rates = [f.severity for f in faults if f.kind == "wear" and signal_of[f.target].startswith(prefix)]
    return max(rates, default=0.0)
