"""A pymodbus master against the simulated PLC: all eight function codes and the Modbus exceptions."""

from __future__ import annotations

from simulator.modbus.lockstep import LockstepSession
from tests.modbus.helpers import DI_COUNT, ENTRY_EYE, FEEDER_ON, INFEED_MOTOR, OUTPUT_COUNT, SORTER_FORWARD


def test_all_eight_function_codes(remote_session: LockstepSession) -> None:
    client = remote_session.client()
    inputs = client.read_discrete_inputs(0, count=DI_COUNT)  # 02
    assert not inputs.isError()
    assert inputs.bits[1:3] == [True, True]  # stop button (NC) and e-stop (NC) read 1 at rest
    assert client.read_input_registers(0, count=1).registers[0] > 0  # 04: the height sensor sees the belt

    assert not client.write_coil(INFEED_MOTOR, True).isError()  # 05
    assert not client.write_coils(SORTER_FORWARD, [True, False]).isError()  # 15
    expected = [False] * OUTPUT_COUNT
    expected[INFEED_MOTOR] = expected[SORTER_FORWARD] = True
    assert client.read_coils(0, count=OUTPUT_COUNT).bits[:OUTPUT_COUNT] == expected  # 01

    assert not client.write_register(103, 500).isError()  # 06: D3
    assert not client.write_registers(3, [40, 80]).isError()  # 16: height limits
    assert client.read_holding_registers(3, count=2).registers == [40, 80]  # 03
    assert client.read_holding_registers(103, count=1).registers == [500]


def test_writes_reach_the_plant(remote_session: LockstepSession) -> None:
    client = remote_session.client()
    client.write_coils(0, [True, True, True])
    remote_session.step(2)
    assert remote_session.call(lambda plant: plant.line.belt_speed_m_per_s) == [0.25, 0.25]
    assert remote_session.call(lambda plant: plant.feeder.enabled) is True


def test_writing_a_coil_starts_the_conveyor(remote_session: LockstepSession) -> None:
    client = remote_session.client()
    remote_session.step(5)
    assert remote_session.call(lambda plant: plant.line.belt_speed_m_per_s[0]) == 0.0
    client.write_coil(INFEED_MOTOR, True)
    remote_session.step(1)
    assert remote_session.call(lambda plant: plant.line.belt_speed_m_per_s[0]) > 0.0


def test_reading_a_sensor_while_an_item_passes(remote_session: LockstepSession) -> None:
    client = remote_session.client()
    client.write_coils(FEEDER_ON, [True, True, True])  # feeder, infeed and sorter belts on
    seen = []
    for _ in range(200):  # 20 s of plant time, read every 10 scans (0.1 s)
        remote_session.step(10)
        seen.append(client.read_discrete_inputs(ENTRY_EYE, count=1).bits[0])
    text = "".join("1" if value else "0" for value in seen)
    assert "01" in text and "10" in text, text  # an item arrived at the eye and left it


def test_illegal_address_is_exception_02(remote_session: LockstepSession) -> None:
    client = remote_session.client()
    for reply in (
        client.read_coils(0, count=16),  # 10..15 are not mapped
        client.read_discrete_inputs(DI_COUNT, count=1),
        client.read_input_registers(500, count=1),
        client.write_register(5, 1),
    ):
        assert reply.isError() and reply.exception_code == 2, reply


def test_internal_mode_monitors_and_refuses_output_writes(internal_session: LockstepSession) -> None:
    client = internal_session.client()
    internal_session.call(lambda plant: plant.press("start", hold_s=0.3))
    internal_session.run(1.0)
    coils = client.read_coils(0, count=OUTPUT_COUNT).bits
    assert coils[SORTER_FORWARD] is True  # the reference program runs the line
    reply = client.write_coil(SORTER_FORWARD, False)
    assert reply.isError() and reply.exception_code == 2
    assert not client.write_coil(100, True).isError()  # memory bits may be written
    assert not client.write_register(4, 66).isError()  # setpoints too
    assert internal_session.call(lambda plant: plant.io.height_limit_high_mm) == 66


def test_service_status(remote_session: LockstepSession) -> None:
    client = remote_session.client()
    client.read_coils(0, count=1)
    status = remote_session.service.status()
    assert status["mode"] == "remote" and status["host"] == "127.0.0.1"
    assert status["port"] == remote_session.port
    assert status["clients"] == 1 and status["requests"] >= 1
    assert status["last_request_s"] is not None and status["watchdog_tripped"] is False
