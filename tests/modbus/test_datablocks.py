"""Datablocks over the process image: live values, the address map and the write policy."""

from __future__ import annotations

import asyncio

import pytest
from pymodbus.constants import ExcCodes

from simulator.modbus.datablocks import ImageContext
from simulator.plant import Plant
from simulator.plc.tags import ModbusTable

READ_COILS, READ_DI, READ_HR, READ_IR = 1, 2, 3, 4
WRITE_COIL, WRITE_REGISTER, WRITE_COILS, WRITE_REGISTERS = 5, 6, 15, 16


def context(mode: str) -> tuple[Plant, ImageContext]:
    plant = Plant("sorting-line-v1", seed=0, program="reference" if mode == "internal" else None)
    return plant, ImageContext(plant.image.tables(), mode)


def get(ctx: ImageContext, function: int, address: int, count: int) -> object:
    return asyncio.run(ctx.async_getValues(1, function, address, count))


def put(ctx: ImageContext, function: int, address: int, values: list[int] | list[bool]) -> object:
    return asyncio.run(ctx.async_setValues(1, function, address, values))


def test_reads_are_live_not_copies() -> None:
    plant, ctx = context("remote")
    plant.io.lamp_red = True
    plant.io.D3 = 4321
    assert get(ctx, READ_COILS, 8, 1) == [True]
    assert get(ctx, READ_HR, 103, 1) == [4321]
    plant.io.lamp_red = False
    assert get(ctx, READ_COILS, 8, 1) == [False]


def test_writes_reach_the_tags() -> None:
    plant, ctx = context("remote")
    assert put(ctx, WRITE_COILS, 0, [True, True]) is None
    assert put(ctx, WRITE_REGISTERS, 100, [7, 8]) is None
    assert (plant.io.feeder_on, plant.io.infeed_motor, plant.io.D0, plant.io.D1) == (True, True, 7, 8)


def test_address_base_is_the_tag_address() -> None:
    plant, ctx = context("remote")
    for tag in plant.scene.tags:
        function = {"DI": READ_DI, "DO": READ_COILS, "M": READ_COILS, "AI": READ_IR, "HR": READ_HR}[tag.area.value]
        value = get(ctx, function, tag.address, 1)
        assert value == [getattr(plant.io, tag.name)], tag.name


def first_unmapped(plant: Plant, table: ModbusTable) -> int:
    """The lowest address of ``table`` that no tag uses."""
    used = {tag.address for tag in plant.scene.tags if tag.area.modbus_table is table}
    return next(a for a in range(0x10000) if a not in used)


@pytest.mark.parametrize(
    ("function", "table"),
    [
        (READ_COILS, ModbusTable.COILS),
        (READ_DI, ModbusTable.DISCRETE_INPUTS),
        (READ_IR, ModbusTable.INPUT_REGISTERS),
        (READ_HR, ModbusTable.HOLDING_REGISTERS),
    ],
    ids=["coils", "discrete-inputs", "input-registers", "holding-registers"],
)
def test_unmapped_addresses_are_exception_02(function: int, table: ModbusTable) -> None:
    plant, ctx = context("remote")
    gap = first_unmapped(plant, table)
    assert get(ctx, function, gap, 1) is ExcCodes.ILLEGAL_ADDRESS
    assert get(ctx, function, 0, gap + 1) is ExcCodes.ILLEGAL_ADDRESS  # a read spanning the gap, as a whole
    assert get(ctx, function, 0, gap) != ExcCodes.ILLEGAL_ADDRESS  # everything before it reads


def test_internal_mode_refuses_output_coils_but_takes_memory() -> None:
    plant, ctx = context("internal")
    assert put(ctx, WRITE_COIL, 1, [True]) is ExcCodes.ILLEGAL_ADDRESS
    assert plant.io.infeed_motor is False
    assert put(ctx, WRITE_COIL, 100, [True]) is None
    assert put(ctx, WRITE_REGISTER, 3, [50]) is None
    assert (plant.io.M0, plant.io.height_limit_low_mm) == (True, 50)


def test_a_partly_refused_write_changes_nothing() -> None:
    plant, ctx = context("remote")
    assert put(ctx, WRITE_REGISTERS, 3, [1, 2, 3]) is ExcCodes.ILLEGAL_ADDRESS  # 5 is unmapped
    assert plant.io.height_limit_low_mm != 1


def test_before_write_runs_only_for_accepted_writes() -> None:
    _, ctx = context("internal")
    calls: list[int] = []
    ctx.before_write = lambda: calls.append(1)
    put(ctx, WRITE_COIL, 1, [True])
    assert calls == []
    put(ctx, WRITE_COIL, 100, [True])
    assert calls == [1]
