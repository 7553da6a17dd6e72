"""The coroutine API the desktop window uses, the teacher's comm faults, the bench and the docs page."""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from pymodbus.client import AsyncModbusTcpClient

from simulator.errors import LabError
from simulator.modbus import CommFaults, start_modbus_server
from simulator.modbus.bench import run as run_bench
from simulator.modbus.docs import page
from simulator.modbus.lockstep import LockstepSession
from simulator.plant import Plant
from simulator.realtime import RealtimeStepper

ROOT = Path(__file__).resolve().parents[2]


def test_start_stop_on_the_callers_loop() -> None:
    async def scenario() -> dict[str, object]:
        plant = Plant("sorting-line-v1", seed=0, program="reference")
        service = await start_modbus_server(plant, port=0)
        stop = asyncio.Event()
        stepping = asyncio.create_task(RealtimeStepper(plant, speed=5.0).run(stop))
        client = AsyncModbusTcpClient("127.0.0.1", port=service.port)
        await client.connect()
        reply = await client.read_discrete_inputs(0, count=17)
        assert not reply.isError()
        status = service.status()
        client.close()
        stop.set()
        await stepping
        await service.stop()
        return status

    status = asyncio.run(scenario())
    assert status["mode"] == "internal" and status["clients"] == 1 and status["requests"] == 1
    assert status["watchdog_tripped"] is False


@pytest.mark.parametrize(("program", "mode"), [(None, "internal"), ("reference", "remote"), ("reference", "manual")])
def test_mode_must_match_the_plant(program: str | None, mode: str) -> None:
    plant = Plant("sorting-line-v1", program=program)
    with pytest.raises(LabError):
        asyncio.run(start_modbus_server(plant, port=0, mode=mode))


def test_busy_port_is_a_lab_error() -> None:
    async def scenario() -> None:
        first = await start_modbus_server(Plant("sorting-line-v1", program="reference"), port=0)
        try:
            with pytest.raises(LabError) as error:
                await start_modbus_server(Plant("sorting-line-v1", program="reference"), port=first.port)
            assert str(first.port) in error.value.message("en")
        finally:
            await first.stop()

    asyncio.run(scenario())


def test_comm_faults() -> None:
    with LockstepSession(Plant("sorting-line-v1", seed=0)) as session:
        client = session.client(timeout_s=0.3)
        session.service.comm_faults = CommFaults(forced_exception=6)
        reply = client.read_coils(0, count=1)
        assert reply.isError() and reply.exception_code == 6
        session.service.comm_faults = CommFaults(latency_ms=20)
        assert not client.read_coils(0, count=1).isError()
        session.service.comm_faults = CommFaults(drop_ratio=1.0)
        with pytest.raises(Exception):  # noqa: B017 - pymodbus raises ModbusIOException on a timeout
            client.read_coils(0, count=1)
        session.service.comm_faults = CommFaults()
        requests = session.service.status()["requests"]
        assert requests >= 3


@pytest.mark.parametrize("bad", [{"latency_ms": -1}, {"drop_ratio": 1.5}, {"forced_exception": 0}])
def test_comm_fault_values_are_checked(bad: dict[str, float]) -> None:
    with pytest.raises(LabError):
        CommFaults(**bad)  # type: ignore[arg-type]


def test_bench_quick_reports_the_contract_keys() -> None:
    result = run_bench(argparse.Namespace(quick=True, json=True))
    for key in ("p50_ms", "p99_ms", "throughput_rps", "ratio_to_bare"):
        assert isinstance(result[key], float) and result[key] > 0, key
    assert result["p50_ms"] <= result["p99_ms"]


def test_docs_page_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "modbus.md").read_text(encoding="utf-8")
    assert committed == page(), "regenerate: python -m simulator.modbus.docs > docs/modbus.md"


def test_registering_the_command_does_not_import_pymodbus() -> None:
    code = "import sys, sflab.commands.plc; print('pymodbus' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False", "sflab sim would wait for pymodbus to import"
