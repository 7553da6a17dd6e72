"""The comm-loss watchdog: kill or freeze the master mid-run and the outputs go safe in time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from simulator.modbus.watchdog import CommWatchdog
from simulator.plant import Plant
from tests.modbus.helpers import RealtimeServer

#: A remote master in its own process: the reference program run over Modbus every 10 ms.
MASTER = """
import sys, time
from pymodbus.client import ModbusTcpClient
from simulator.controllers import get_controller
from simulator.modbus.remote_scanner import RemoteScanner
from simulator.scenes import get_scene

client = ModbusTcpClient("127.0.0.1", port=int(sys.argv[1]), timeout=2)
assert client.connect()
scanner = RemoteScanner(client, get_scene("sorting-line-v1").tags)
program = get_controller("reference")
scans = 0
while True:
    scanner.scan(program)
    scans += 1
    if scans == 20:
        print("running", flush=True)
    time.sleep(0.01)
"""
WATCHDOG_S = 0.5
#: Allowance for thread scheduling on a loaded machine, in seconds (not a performance claim).
SLACK_S = 1.5


class FakeClock:
    def __init__(self) -> None:
        self.now_s = 0.0

    def __call__(self) -> float:
        return self.now_s


def make_watchdog(timeout_s: float = 1.0) -> tuple[Plant, CommWatchdog, FakeClock]:
    plant = Plant("sorting-line-v1", seed=0)
    clock = FakeClock()
    return plant, CommWatchdog(plant.plc, plant.image, timeout_s, clock=clock), clock


def test_silence_trips_only_after_a_write() -> None:
    plant, watchdog, clock = make_watchdog()
    clock.now_s = 10.0
    watchdog.check()
    assert not watchdog.tripped  # never armed: no master has written yet
    watchdog.master_wrote()
    plant.io.infeed_motor = True
    clock.now_s = 10.9
    watchdog.check()
    assert not watchdog.tripped
    clock.now_s = 11.1
    watchdog.check()
    assert watchdog.tripped and plant.plc.outputs_forced_safe
    assert plant.io.infeed_motor is False  # the image shows the safe state


def test_requests_keep_it_fed_and_a_write_releases_it() -> None:
    plant, watchdog, clock = make_watchdog()
    watchdog.master_wrote()
    for step in range(1, 30):
        clock.now_s = step * 0.5
        watchdog.master_request()
        watchdog.check()
    assert not watchdog.tripped
    clock.now_s += 2.0
    watchdog.check()
    assert watchdog.tripped and watchdog.trips == 1
    watchdog.master_wrote()
    assert not watchdog.tripped and not plant.plc.outputs_forced_safe


def test_disconnect_trips_at_once() -> None:
    plant, watchdog, _ = make_watchdog()
    watchdog.master_wrote()
    watchdog.check()
    watchdog.master_lost()
    assert watchdog.tripped and plant.plc.outputs_forced_safe


def outputs_safe(plant: Plant) -> bool:
    return plant.plc.outputs_forced_safe and not any(plant.image.read_outputs(plant.io))


@pytest.mark.parametrize("how", ["kill", "freeze"])
def test_master_lost_mid_run(how: str) -> None:
    server = RealtimeServer(Plant("sorting-line-v1", seed=3), mode="remote", speed=4.0, watchdog_s=WATCHDOG_S)
    master = subprocess.Popen([sys.executable, "-c", MASTER, str(server.port)], stdout=subprocess.PIPE, text=True)
    try:
        assert master.stdout is not None and master.stdout.readline().strip() == "running"
        server.call(lambda plant: plant.press("start", hold_s=1.0))  # long enough for a busy master to see
        time.sleep(2.0)  # 8 s of plant time: parts on the belts, pushers working
        assert server.call(lambda plant: plant.line.belt_speed_m_per_s[1]) > 0, "the master runs the line"
        lost_at = time.monotonic()
        master.send_signal(signal.SIGKILL if how == "kill" else signal.SIGSTOP)
        while not server.call(outputs_safe):
            assert time.monotonic() - lost_at < WATCHDOG_S + SLACK_S, "outputs still on after the timeout"
            time.sleep(0.02)
        time.sleep(1.0)  # the line stands still and stays safe
        assert server.call(outputs_safe)
        assert server.call(lambda plant: plant.line.belt_speed_m_per_s) == [0.0, 0.0]
        kpis = server.call(lambda plant: plant.kpis())
        assert (kpis.collisions, kpis.interlock_violations, kpis.mis_sorts) == (0, 0, 0)
        assert server.service.status()["watchdog_tripped"] is True
    finally:
        if master.poll() is None:
            os.kill(master.pid, signal.SIGKILL)
        master.wait(timeout=10)
        if master.stdout is not None:
            master.stdout.close()
        server.close()
