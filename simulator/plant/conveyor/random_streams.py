"""The conveyor line's random streams that a read of its inputs draws from, bookmarked and restored together.

The frame's read-ahead for the grader (:mod:`simulator.plant.lookahead`) reads the inputs
of a few scans ahead and, if the plant changes first, puts every random stream back as if
nothing had been read. Which streams those are is the kind's business: for a conveyor
line, the height gauges' noise, the faulty sensors' stream and the motors' signal noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from simulator.plant.conveyor.sensors import AnalogDistanceSensor

#: Where the random streams stand: each sensor's place in its noise block, then the states of the
#: noise, fault and motor streams (None for a stream no read can use now).
Bookmark = tuple[list[tuple[list[float], int]], Any, Any, Any]


class RandomStreams:
    """Every random stream a read of the inputs takes numbers from, bookmarked and restored together.

    Args:
        noise_rng: the stream the analog sensors draw their blocks of noise from.
        sensors: those sensors.
        fault_rng: the stream of faulty sensors (chatter, dropouts).
        motor_rng: the stream of motor signals' extra noise (a noise fault on a motor input).
    """

    def __init__(
        self,
        noise_rng: np.random.Generator,
        sensors: Sequence[AnalogDistanceSensor],
        fault_rng: np.random.Generator,
        motor_rng: np.random.Generator,
    ) -> None:
        self._noise_rng, self._fault_rng, self._motor_rng = noise_rng, fault_rng, motor_rng
        self._sensors = list(sensors)
        #: The sensors' blocks of noise when the noise stream's state was last taken, and that state.
        self._noise_state: tuple[tuple[list[float], ...], object] | None = None

    def bookmark(self, sensor_faults: bool, analog_faults: bool) -> Bookmark:
        """Where the streams stand; the fault and motor streams only while faults can draw from them."""
        positions = [sensor.noise_position() for sensor in self._sensors]
        blocks = tuple(block for block, _ in positions)
        known = self._noise_state
        if known is None or any(a is not b for a, b in zip(known[0], blocks, strict=True)):
            # The noise stream moves only when a sensor draws a new block: taking its state once per block is enough.
            self._noise_state = known = (blocks, self._noise_rng.bit_generator.state)
        return (
            positions,
            known[1],
            self._fault_rng.bit_generator.state if sensor_faults else None,
            self._motor_rng.bit_generator.state if analog_faults else None,
        )

    def restore(self, bookmark: Bookmark) -> None:
        """Put every stream back where :meth:`bookmark` found it."""
        positions, noise_state, fault_state, motor_state = bookmark
        for sensor, position in zip(self._sensors, positions, strict=True):
            sensor.set_noise_position(position)
        self._noise_rng.bit_generator.state = noise_state
        self._noise_state = None
        if fault_state is not None:
            self._fault_rng.bit_generator.state = fault_state
        if motor_state is not None:
            self._motor_rng.bit_generator.state = motor_state
