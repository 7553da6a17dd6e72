"""Every registered scene is served with the one address base: each tag read over Modbus equals the image."""

from __future__ import annotations

import pytest

from simulator.modbus.lockstep import LockstepSession
from simulator.plant import Plant
from simulator.plc.tags import Area
from simulator.scenes import scene_ids


@pytest.mark.parametrize("scene_id", scene_ids())
def test_every_tag_reads_back_at_its_address(scene_id: str) -> None:
    with LockstepSession(Plant(scene_id, seed=0)) as session:
        client = session.client()
        session.step(20)
        image = session.call(lambda plant: plant.io.as_dict())
        for tag in session.plant.scene.tags:
            read = {
                Area.DI: client.read_discrete_inputs,
                Area.DO: client.read_coils,
                Area.M: client.read_coils,
                Area.AI: client.read_input_registers,
                Area.HR: client.read_holding_registers,
                Area.AO: client.read_holding_registers,
            }[tag.area]
            reply = read(tag.address, count=1)
            assert not reply.isError(), (tag.name, reply)
            value = reply.bits[0] if tag.is_bit else reply.registers[0]
            assert value == image[tag.name], tag.name


@pytest.mark.parametrize("scene_id", scene_ids())
def test_every_output_and_register_is_writable_in_remote_mode(scene_id: str) -> None:
    with LockstepSession(Plant(scene_id, seed=0)) as session:
        client = session.client()
        for tag in session.plant.scene.tags:
            if tag.area in (Area.DO, Area.M):
                assert not client.write_coil(tag.address, True).isError(), tag.name
            elif tag.area in (Area.HR, Area.AO):
                assert not client.write_register(tag.address, 123).isError(), tag.name
        image = session.call(lambda plant: plant.io.as_dict())
        for tag in session.plant.scene.tags:
            if tag.area in (Area.DO, Area.M, Area.HR, Area.AO):
                assert image[tag.name] == (True if tag.is_bit else 123), tag.name
