"""Analog output words (area AO): written by the program like a coil, driven to 0 at STOP, served on Modbus.

A heater's power or a rectifier's current setpoint is a word the PLC writes to a D/A card.
The runtime hands the field every output in one tuple, digital bits first and then the
words, only when something changed; a program that puts a float or a negative number in a
word stops the PLC with a message naming the tag, as a real PLC's compiler would refuse it.
"""

from __future__ import annotations

from typing import Any

import pytest
import simpy
from pymodbus.constants import ExcCodes

from simulator.modbus.datablocks import ImageContext
from simulator.plc import PlcState
from simulator.plc.image import ProcessImage
from simulator.plc.runtime import PlcRuntime
from simulator.plc.tags import Area, ModbusTable, Tag

TAGS = (
    Tag("start", Area.DI, 0, "시작", "start", "panel.start"),
    Tag("pump", Area.DO, 0, "펌프", "pump", "tank.pump"),
    Tag("heater_counts", Area.AO, 10, "히터 출력", "heater power", "tank.heater"),
    Tag("setpoint", Area.HR, 0, "설정값", "setpoint"),
)


class RecordingField:
    """A field that records every output tuple the PLC applies."""

    def __init__(self) -> None:
        self.applied: list[tuple[Any, ...]] = []

    def advance_to(self, now_s: float) -> None:
        """Nothing moves."""

    def input_version(self) -> object:
        return 0

    def digital_inputs(self, now_s: float) -> list[bool]:
        return [True]

    def analog_inputs(self, now_s: float) -> list[int]:
        return []

    def apply_outputs(self, outputs: tuple[Any, ...], now_s: float) -> None:
        self.applied.append(outputs)


def _run(program: Any, seconds: float = 0.05) -> tuple[PlcRuntime, RecordingField]:
    env, field = simpy.Environment(), RecordingField()
    plc = PlcRuntime(env, ProcessImage(TAGS), field, program=program)
    env.run(until=seconds)
    return plc, field


def test_the_field_gets_bits_then_words_only_when_they_change() -> None:
    def program(io: Any) -> None:
        io.pump = io.start
        io.heater_counts = 16_000

    plc, field = _run(program)
    assert plc.image.output_names == ("pump", "heater_counts")
    assert field.applied == [(True, 16_000)]  # five scans, one change
    assert plc.state is PlcState.RUN


def test_stop_drives_every_word_to_zero() -> None:
    def program(io: Any) -> None:
        io.heater_counts = 30_000
        if io.setpoint == 0:
            raise RuntimeError("stop here")

    plc, field = _run(program)
    assert plc.state is PlcState.STOP
    assert field.applied[-1] == (False, 0) and plc.image.io.heater_counts == 0


def test_a_float_in_an_analog_output_stops_the_plc_naming_the_tag() -> None:
    def program(io: Any) -> None:
        io.heater_counts = 55.5

    plc, field = _run(program)
    assert plc.state is PlcState.STOP and plc.fault is not None
    assert "heater_counts" in plc.fault.ko and "0~65535의 정수" in plc.fault.ko and "55.5" in plc.fault.ko
    assert "integer 0..65535" in plc.fault.en
    assert all(type(outputs[1]) is int for outputs in field.applied)  # the float never reached the field


def test_a_remote_master_may_write_analog_outputs_and_an_hmi_may_not() -> None:
    """Remote I/O: the master is the controller and writes the word; internal: the program owns it (02)."""
    for mode, refused in (("remote", None), ("internal", ExcCodes.ILLEGAL_ADDRESS)):
        image = ProcessImage(TAGS)
        block = ImageContext(image.tables(), mode).blocks[ModbusTable.HOLDING_REGISTERS]
        assert block.write(10, [1234]) == refused
        assert image.io.heater_counts == (1234 if refused is None else 0)
        assert block.write(0, [7]) is None and image.io.setpoint == 7  # memory words: both modes


def test_a_remote_master_heats_a_plating_bath_over_modbus_tcp() -> None:
    """pymodbus writes 100 % into the degreasing heater's word (holding register 100): the bath heats as calculated."""
    import math

    from simulator.modbus.lockstep import LockstepSession
    from simulator.plant import Plant

    plant = Plant("plating-line-v1", seed=1)  # no program: remote I/O
    with LockstepSession(plant) as session:
        client = session.client()
        assert not client.write_register(100, 10_000).isError()  # degrease_heater, 0.01 % per count
        session.run(600.0)
        true_c = session.call(lambda p: p.tank_temperature_c("degrease", p.now_s))
        reading = client.read_input_registers(1, count=1).registers[0]  # degrease_temp, 0.1 °C per count
    tau_s = 800 * 4.186 * 1000 / 90  # the scene's tank: C = 800 L × 4.186 kJ/(L·K), UA = 90 W/K
    expected_c = 220 + (65 - 220) * math.exp(-600.0 / tau_s)  # the next scan's output refresh switches it on
    assert true_c == pytest.approx(expected_c, abs=0.05)
    assert reading / 10 == pytest.approx(true_c, abs=1.0)
