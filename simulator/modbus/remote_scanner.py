"""A soft PLC outside the plant: run a scan function as a Modbus master (remote I/O).

The same ``program(io)`` a student writes for the internal PLC can drive the plant from
outside, over the network, exactly as a school's real PLC or OpenPLC would::

    scanner = RemoteScanner(client, plant.scene.tags)   # client: a connected pymodbus client
    scanner.scan(program)    # read inputs over Modbus → program(io) → write outputs over Modbus

One :meth:`RemoteScanner.scan` is one PLC scan done the Modbus way:

1. read the discrete inputs (function 02) and input registers (04) into ``io``;
2. run ``program(io)``;
3. write all digital outputs (function 15), and any memory bit (05) or holding register (06)
   the program changed.

Holding registers and memory bits are read once, when the scanner is made, so setpoints
stored in the plant (height limits, say) reach the program.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from simulator.plc.image import ProcessImage
from simulator.plc.tags import Area, Tag


def contiguous_runs(tags: Sequence[Tag]) -> list[tuple[int, list[Tag]]]:
    """Tags grouped into runs of consecutive addresses: ``[(start_address, tags), …]``."""
    runs: list[tuple[int, list[Tag]]] = []
    for tag in sorted(tags, key=lambda t: t.address):
        if runs and tag.address == runs[-1][0] + len(runs[-1][1]):
            runs[-1][1].append(tag)
        else:
            runs.append((tag.address, [tag]))
    return runs


class ModbusReplyError(RuntimeError):
    """The PLC answered with a Modbus exception (or not at all)."""


def _ok(reply: Any) -> Any:
    if reply.isError():
        raise ModbusReplyError(f"Modbus error reply: {reply}")
    return reply


class RemoteScanner:
    """Runs scan functions against a plant's I/O over Modbus.

    Args:
        client: a connected synchronous pymodbus client (``ModbusTcpClient``).
        tags: the scene's tags (``plant.scene.tags``).
        unit_id: Modbus unit id to address.
    """

    def __init__(self, client: Any, tags: Sequence[Tag], unit_id: int = 1) -> None:
        self.client = client
        self.unit_id = unit_id
        self.image = ProcessImage(tags)
        #: The program's view of the plant: one attribute per tag, as inside the PLC.
        self.io = self.image.io
        by_area = {area: [t for t in tags if t.area is area] for area in Area}
        self._input_runs = contiguous_runs(by_area[Area.DI])
        self._analog_runs = contiguous_runs(by_area[Area.AI])
        self._output_runs = contiguous_runs(by_area[Area.DO])
        self._word_output_runs = contiguous_runs(by_area[Area.AO])
        self._memory = by_area[Area.M] + by_area[Area.HR]
        self._read_runs(contiguous_runs(by_area[Area.M]), self.client.read_coils)
        self._read_runs(contiguous_runs(by_area[Area.HR]), self.client.read_holding_registers)
        self._memory_sent = {tag.name: getattr(self.io, tag.name) for tag in self._memory}

    def read_inputs(self) -> None:
        """Input refresh: discrete inputs and input registers into :attr:`io`."""
        self._read_runs(self._input_runs, self.client.read_discrete_inputs)
        self._read_runs(self._analog_runs, self.client.read_input_registers)

    def write_outputs(self) -> None:
        """Output refresh: every digital and analog output, plus memory the program changed."""
        io, unit = self.io, self.unit_id
        for start, run in self._output_runs:
            _ok(self.client.write_coils(start, [bool(getattr(io, t.name)) for t in run], device_id=unit))
        for start, run in self._word_output_runs:
            _ok(self.client.write_registers(start, [int(getattr(io, t.name)) for t in run], device_id=unit))
        for tag in self._memory:
            value = getattr(io, tag.name)
            if value != self._memory_sent[tag.name]:
                if tag.is_bit:
                    _ok(self.client.write_coil(tag.address, bool(value), device_id=unit))
                else:
                    _ok(self.client.write_register(tag.address, int(value), device_id=unit))
                self._memory_sent[tag.name] = value

    def scan(self, program: Callable[[Any], None] | Any) -> None:
        """One scan: read inputs, run ``program`` (a function or an object with ``scan(io)``), write outputs."""
        self.read_inputs()
        run = program.scan if hasattr(program, "scan") else program
        run(self.io)
        self.write_outputs()

    def _read_runs(self, runs: list[tuple[int, list[Tag]]], read: Callable[..., Any]) -> None:
        io = self.io
        for start, run in runs:
            reply = _ok(read(start, count=len(run), device_id=self.unit_id))
            values = reply.bits if run[0].is_bit else reply.registers
            for tag, value in zip(run, values, strict=False):
                setattr(io, tag.name, bool(value) if tag.is_bit else int(value))
