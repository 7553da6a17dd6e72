"""``sflab run --headless``: the window's plant without the window — its controller, its mode, its Modbus server."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time

from pymodbus.client import ModbusTcpClient

SFLAB = [sys.executable, "-m", "sflab"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _produced(output: str) -> list[int]:
    return [int(n) for n in re.findall(r"produced (\d+)", output)]


def _headless(*options: str, timeout_s: float = 60) -> subprocess.CompletedProcess[str]:
    command = [*SFLAB, "run", "--headless", "--speed", "40", "--seconds", "2", "--lang", "en", *options]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout_s)


def test_the_controller_option_chooses_the_program_that_runs():
    reference = _headless("--no-modbus")
    idle = _headless("--no-modbus", "--controller", "idle")
    assert reference.returncode == idle.returncode == 0, reference.stderr + idle.stderr
    assert _produced(reference.stdout)[-1] > 0  # about a minute of plant time: parts reach the bins
    assert _produced(idle.stdout) == [0, 0]  # the idle program never starts the line
    assert "controller idle" in idle.stderr


def test_remote_mode_serves_modbus_and_the_plc_runs_no_program():
    port = _free_port()
    command = [*SFLAB, "run", "--headless", "--mode", "remote", "--port", str(port), "--seconds", "4", "--lang", "en"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as run:
        client = ModbusTcpClient("127.0.0.1", port=port)
        deadline = time.monotonic() + 20
        while not client.connect():
            assert time.monotonic() < deadline and run.poll() is None, "the headless run did not serve Modbus"
            time.sleep(0.1)
        coils = client.read_coils(0, count=3)  # infeed motor, sorter forward … all off: nobody wrote them
        client.close()
        out, err = run.communicate(timeout=60)
    assert run.returncode == 0, err
    assert not coils.isError() and not any(coils.bits[:3])
    assert "(remote master)" in err and f":{port} (remote)" in err
    assert _produced(out) and set(_produced(out)) == {0}


def test_remote_mode_without_modbus_is_refused_in_korean():
    result = subprocess.run(
        [*SFLAB, "run", "--headless", "--mode", "remote", "--no-modbus"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and "--no-modbus" in result.stderr and "Modbus 서버가 필요" in result.stderr
