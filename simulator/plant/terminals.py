"""The PLC's terminals: every tag's signal wired to the panel, the stack light or the equipment.

This is the :class:`~simulator.plc.runtime.Field` the PLC scans. Each scan it reads the
inputs through the readers wired here (and through what active faults do to a signal on
its way: a stuck sensor, a chattering one, a swapped wire — :mod:`~simulator.plant.fault_effects`),
and hands changed outputs to their handlers. Wiring happens once, when the plant is built:
a scan only calls the readers, in the process image's order.

For the trusted grader it also reads the inputs of the next few scans ahead
(:meth:`Terminals.read_inputs_ahead`, see :mod:`~simulator.plant.lookahead`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import simpy

from simulator.plant.fault_effects import bend_digital, read_bent_analog, swap_outputs
from simulator.plant.faults import Fault
from simulator.plant.kind import Equipment
from simulator.plant.lookahead import InputLookahead, InputRow
from simulator.plant.panel import OperatorPanel
from simulator.plc.image import ProcessImage
from simulator.plc.tags import Area


class Terminals:
    """The plant's side of the PLC's inputs and outputs.

    Args:
        env: the plant's clock.
        image: the PLC's process image (tag order).
        panel: the operator panel (``panel.*`` signals).
        equipment: the kind's machines (every other signal).
        fault_rng: the stream chattering and dropping-out sensors draw from.
    """

    def __init__(
        self,
        env: simpy.Environment,
        image: ProcessImage,
        panel: OperatorPanel,
        equipment: Equipment,
        fault_rng: np.random.Generator,
    ) -> None:
        self.env = env
        self.panel = panel
        self.equipment = equipment
        self._fault_rng = fault_rng
        #: Stack light lamps and buzzer, as the PLC's ``light.*`` outputs set them.
        self.signals = {"green": False, "yellow": False, "red": False, "buzzer": False}
        #: Counts changes to inputs outside the equipment's events (panel, feeder, faults).
        self.version = 0
        signal_of = {tag.name: tag.signal for tag in image.tags}
        self._analog_names = image.analog_names
        self._digital_index = {name: i for i, name in enumerate(image.input_names)}
        self._output_index = {name: i for i, name in enumerate(image.output_names)}
        self._digital_readers = [self._digital_reader(signal_of[n]) for n in image.input_names]
        analog = [equipment.analog_input(signal_of[n]) for n in image.analog_names]
        self._analog_channels = [wired.channel for wired in analog]
        # Noisy sensors are read every scan; held ones (a motor's condition) when the equipment samples them.
        self._analog_now = [0] * len(analog)
        self._every_scan = [(i, wired.channel.read_counts) for i, wired in enumerate(analog) if not wired.held]
        self._held = [(i, wired.channel) for i, wired in enumerate(analog) if wired.held]
        self.sample_held(0.0)
        equipment.set_held_sampler(self.sample_held)
        self._output_handlers = [self._output_handler(signal_of[n]) for n in image.output_names]
        #: Outputs as the PLC set them, and as they reach the actuators (after faulty wiring).
        self._commanded: tuple[bool | int, ...] = image.safe_outputs
        self._outputs = self._commanded
        self._area = {tag.name: tag.area for tag in image.tags}
        self._active_faults: Sequence[Fault] = ()
        self._input_faults: Sequence[Fault] = ()
        self._analog_faults: Sequence[Fault] = ()
        self._noisy_inputs = False
        self._ahead = InputLookahead(
            self._inputs_at,
            lambda: equipment.random_bookmark(
                bool(self._input_faults or self._analog_faults), bool(self._analog_faults)
            ),
            equipment.random_restore,
        )

    # ---------------------------------------------------------------- wiring (once)
    def _digital_reader(self, signal: str) -> Callable[[], bool]:
        kind, _, name = signal.partition(".")
        if kind == "panel":
            return lambda: self.panel.signal(name)
        return self.equipment.digital_input(signal)

    def _output_handler(self, signal: str) -> Callable[[Any, float], None]:
        if signal.startswith("light.") or signal == "buzzer":
            lamp = signal.rpartition(".")[2]
            return lambda on, now: self.signals.__setitem__(lamp, on)
        return self.equipment.output(signal)

    def sample_held(self, now_s: float) -> None:
        """Read the held analog inputs again; the PLC sees these values until the next sample."""
        for index, channel in self._held:
            self._analog_now[index] = channel.read_counts(now_s)

    # ---------------------------------------------------------------- the Field the PLC scans
    def advance_to(self, now_s: float) -> None:
        """Process the equipment's events due by ``now_s`` (called by the PLC every scan)."""
        self.equipment.advance_to(now_s)

    def input_version(self) -> object:
        """Changes whenever a digital input may have changed."""
        if self._noisy_inputs:
            return self.env.now
        return self.equipment.version + self.panel.version * 1_000_003 + self.version * 7_919

    def digital_inputs(self, now_s: float) -> list[bool]:
        """Digital inputs in image order, after any sensor faults."""
        if self._ahead.pending:  # read ahead for the grader (see read_inputs_ahead)
            row = self._ahead.peek(now_s, self._ahead_stamp())
            if row is not None and row[0] is not None:
                return list(row[0])
        return self._read_digital()

    def analog_inputs(self, now_s: float) -> list[int]:
        """Analog input counts in image order, after any sensor faults."""
        if self._ahead.pending:
            row = self._ahead.take(now_s, self._ahead_stamp())
            if row is not None:
                return list(row[1])
        return self._read_analog(now_s)

    def apply_outputs(self, outputs: tuple[bool | int, ...], now_s: float) -> None:
        """Drive the actuators whose outputs changed (after any swapped wiring)."""
        if self._ahead.pending and outputs != self._commanded:
            self._ahead.give_back()  # before the actuators move: what they start may draw random numbers
        self._commanded = outputs
        outputs = swap_outputs(outputs, self._active_faults, self._output_index)
        previous = self._outputs
        self._outputs = outputs
        for index, (old, new) in enumerate(zip(previous, outputs, strict=True)):
            if old != new:
                self._output_handlers[index](new, now_s)

    def _read_digital(self) -> list[bool]:
        values = [read() for read in self._digital_readers]
        if self._input_faults:
            bend_digital(values, self._input_faults, self._digital_index, self._fault_rng)
        return values

    def _read_analog(self, now_s: float) -> list[int]:
        if self._analog_faults:
            return read_bent_analog(
                self._analog_channels, self._analog_names, self._analog_faults, now_s, self._fault_rng
            )
        values = self._analog_now
        for index, read in self._every_scan:
            values[index] = read(now_s)
        return values

    # ---------------------------------------------------------------- faults on the wires
    def set_faults(self, active: Sequence[Fault]) -> None:
        """The faults in force now: those on input tags bend readings, swapped outputs cross wires."""
        self._active_faults = active
        self._input_faults = [f for f in active if self._area[f.target] is Area.DI]
        self._analog_faults = [f for f in active if self._area[f.target] is Area.AI]
        self._noisy_inputs = any(f.kind in ("noise", "dropout") for f in self._input_faults)

    def reapply_outputs(self, now_s: float) -> None:
        """Drive the outputs again as the PLC last set them (after the wiring changed)."""
        self.apply_outputs(self._commanded, now_s)

    # ---------------------------------------------------------------- reading ahead, for the trusted grader
    def read_inputs_ahead(self, times_s: Sequence[float]) -> list[InputRow]:
        """The inputs the PLC will read at ``times_s`` (see :meth:`simulator.plant.plant.Plant.read_inputs_ahead`)."""
        return self._ahead.read_ahead(times_s, self._ahead_stamp())

    def _inputs_at(self, now_s: float) -> InputRow:
        digital = tuple(self._read_digital()) if self._noisy_inputs else None
        return digital, tuple(self._read_analog(now_s))

    def _ahead_stamp(self) -> object:
        """What must stay the same for inputs read ahead to hold: the outputs and every event count."""
        return self._commanded, self.equipment.version, self.panel.version, self.version
