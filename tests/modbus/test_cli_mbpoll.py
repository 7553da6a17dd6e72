"""``sflab plc`` on loopback, driven by the real mbpoll binary and by pymodbus."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from pymodbus.client import ModbusTcpClient

from tests.modbus.helpers import ENTRY_EYE, FEEDER_ON, INFEED_MOTOR

MBPOLL = shutil.which("mbpoll")
needs_mbpoll = pytest.mark.skipif(MBPOLL is None, reason="mbpoll is not installed (apt-get install mbpoll)")
#: Longest a scenario may wait for the plant, in wall seconds.
PATIENCE_S = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def sflab_plc(*options: str) -> Iterator[int]:
    """Run ``sflab plc`` on a free loopback port until the block ends; yields the port."""
    port = free_port()
    command = [sys.executable, "-m", "sflab", "plc", "--port", str(port), "--seconds", "60", *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        assert f"127.0.0.1:{port}" in banner, banner + process.stderr.read() if process.stderr else banner
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def mbpoll(port: int, *arguments: str) -> str:
    """Run mbpoll once (``-1``) against ``port``; returns its output."""
    assert MBPOLL is not None
    done = subprocess.run(
        [MBPOLL, "-m", "tcp", "-p", str(port), "-1", "-o", "2", *arguments],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return done.stdout + done.stderr


def mbpoll_values(output: str) -> dict[int, int]:
    """``{reference: value}`` from mbpoll's ``[6]: 1`` lines (references are 1-based)."""
    return {int(ref): int(value) for ref, value in re.findall(r"^\[(\d+)\]:\s+(-?\d+)", output, re.MULTILINE)}


@needs_mbpoll
def test_mbpoll_reads_every_table_from_sflab_plc() -> None:
    with sflab_plc("--speed", "2") as port:
        inputs = mbpoll_values(mbpoll(port, "-t", "1", "-r", "1", "-c", "17", "127.0.0.1"))
        assert inputs[2] == 1 and inputs[3] == 1  # stop and e-stop are NC contacts: 1 at rest
        assert set(mbpoll_values(mbpoll(port, "-t", "3", "-r", "1", "-c", "1", "127.0.0.1"))) == {1}
        assert mbpoll_values(mbpoll(port, "-t", "4", "-r", "4", "-c", "2", "127.0.0.1")) == {4: 55, 5: 65}
        assert len(mbpoll_values(mbpoll(port, "-t", "0", "-r", "1", "-c", "10", "127.0.0.1"))) == 10
        refused = mbpoll(port, "-t", "0", "-r", "2", "127.0.0.1", "1")  # internal mode: outputs belong to the program
        assert "Illegal data address" in refused


@needs_mbpoll
def test_mbpoll_sees_an_item_pass_the_entry_eye() -> None:
    with sflab_plc("--speed", "2") as port:  # internal mode: the reference program runs the line
        seen = ""
        deadline = time.monotonic() + PATIENCE_S
        while not ("1" in seen and seen.endswith("0")) and time.monotonic() < deadline:
            output = mbpoll(port, "-t", "1", "-0", "-r", str(ENTRY_EYE), "127.0.0.1")
            seen += str(mbpoll_values(output).get(ENTRY_EYE, ""))
        assert "1" in seen and seen.endswith("0"), seen


@needs_mbpoll
def test_mbpoll_coil_write_starts_the_conveyor_in_remote_mode() -> None:
    with sflab_plc("--mode", "remote", "--watchdog", "0", "--speed", "4") as port:
        mbpoll(port, "-t", "0", "-r", str(FEEDER_ON + 1), "127.0.0.1", "1", "1")  # feeder and infeed belt on
        output = ""
        deadline = time.monotonic() + PATIENCE_S
        while mbpoll_values(output).get(ENTRY_EYE + 1) != 1 and time.monotonic() < deadline:
            output = mbpoll(port, "-t", "1", "-r", str(ENTRY_EYE + 1), "127.0.0.1")
        assert mbpoll_values(output).get(ENTRY_EYE + 1) == 1, "a part carried by the belt reached the entry eye"


def test_pymodbus_client_against_sflab_plc_remote() -> None:
    with sflab_plc("--mode", "remote", "--speed", "4") as port:
        client = ModbusTcpClient("127.0.0.1", port=port, timeout=2)
        assert client.connect()
        try:
            reached = False
            deadline = time.monotonic() + PATIENCE_S
            while not reached and time.monotonic() < deadline:
                client.write_coils(FEEDER_ON, [True, True])  # writing keeps the watchdog fed
                assert client.read_coils(INFEED_MOTOR, count=1).bits[0] is True
                reached = client.read_discrete_inputs(ENTRY_EYE, count=1).bits[0]
                time.sleep(0.02)
            assert reached
        finally:
            client.close()


def test_busy_port_is_a_korean_error() -> None:
    with sflab_plc() as port:
        done = subprocess.run(
            [sys.executable, "-m", "sflab", "plc", "--port", str(port), "--seconds", "1"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert done.returncode == 2
    assert "포트" in done.stderr and "Traceback" not in done.stderr
