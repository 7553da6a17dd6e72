"""``sflab bench modbus``: how fast the simulated PLC answers, against a bare pymodbus server.

What is measured: a Modbus master in a separate process (so it does not share Python's
interpreter lock with the server) sends a fixed number of requests, one at a time,
alternating "read 16 coils" (M0..M15, function 01) and "read 10 holding registers"
(D0..D9, function 03), and times each round trip.

- ``image`` run: our server over a plant that runs in real time with its reference
  program, on one asyncio loop, exactly as ``sflab plc`` does;
- ``bare`` run: pymodbus's own server over a plain datastore with the same addresses,
  on the same computer, in the same run.

Results: ``p50_ms`` and ``p99_ms`` (round-trip latency of the image run), ``throughput_rps``
(requests per second), and ``ratio_to_bare`` = our throughput / the bare server's. The bare
server's own ``bare_p50_ms`` and ``bare_p99_ms`` are reported too: on a busy computer both
p99s rise together, which tells the machine's noise apart from the simulator's cost.

Other programs on the computer add noise (a school PC runs a browser, a CI machine runs
other jobs), so each server is measured in several runs, alternating, and each figure is
taken from that server's quietest run, as ``timeit`` takes the fastest repeat; the p99 of all
the image runs together is reported as ``p99_all_rounds_ms``.
Targets: p99 <= 2 ms on loopback, ratio_to_bare >= 0.8.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from typing import Any

#: Requests per measured run (quick runs, used by the tests, send fewer).
REQUESTS = 3000
QUICK_REQUESTS = 400
#: Requests sent before timing starts (connection set-up, caches).
WARMUP_REQUESTS = 50
#: Measured runs of each server, alternating; the quietest run of each counts (see the module docstring).
ROUNDS = 3
QUICK_ROUNDS = 1
#: Where the read requests point: M0 (coil 100) and D0 (holding register 100).
COIL_ADDRESS, COIL_COUNT = 100, 16
REGISTER_ADDRESS, REGISTER_COUNT = 100, 10
#: Longest a load run may take before it is abandoned, in seconds.
LOAD_TIMEOUT_S = 120.0


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run the benchmark; ``args.quick`` makes it short."""
    requests = QUICK_REQUESTS if args.quick else REQUESTS
    rounds = QUICK_ROUNDS if args.quick else ROUNDS
    return asyncio.run(_compare(requests, rounds))


async def _compare(requests: int, rounds: int) -> dict[str, Any]:
    image_runs, bare_runs = [], []
    for _ in range(rounds):
        bare_runs.append(await _measure_bare(requests))
        image_runs.append(await _measure_image(requests))
    image_p50_ms, image_p99_ms = _quietest(image_runs)
    bare_p50_ms, bare_p99_ms = _quietest(bare_runs)
    image_rps = max(r["throughput_rps"] for r in image_runs)
    bare_rps = max(r["throughput_rps"] for r in bare_runs)
    return {
        "requests": requests * rounds,
        "rounds": rounds,
        "p50_ms": image_p50_ms,
        "p99_ms": image_p99_ms,
        "p99_all_rounds_ms": _percentiles([ms for r in image_runs for ms in r["latencies_ms"]])[1],
        "throughput_rps": round(image_rps, 1),
        "bare_p50_ms": bare_p50_ms,
        "bare_p99_ms": bare_p99_ms,
        "bare_throughput_rps": round(bare_rps, 1),
        "ratio_to_bare": round(image_rps / bare_rps, 3),
        "target_p99_ms": 2.0,
        "target_ratio_to_bare": 0.8,
    }


def _quietest(runs: list[dict[str, Any]]) -> tuple[float, float]:
    """Median and 99th percentile latency of the run with the lowest 99th percentile, in milliseconds."""
    return min((_percentiles(r["latencies_ms"]) for r in runs), key=lambda p50_p99: p50_p99[1])


def _percentiles(latencies_ms: list[float]) -> tuple[float, float]:
    """Median and 99th percentile of ``latencies_ms``, in milliseconds."""
    ordered = sorted(latencies_ms)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return round(statistics.median(ordered), 4), round(p99, 4)


async def _measure_image(requests: int) -> dict[str, Any]:
    from simulator.modbus.server import start_modbus_server
    from simulator.plant import Plant
    from simulator.realtime import RealtimeStepper

    plant = Plant("sorting-line-v1", seed=0, program="reference")
    plant.press("start", hold_s=0.3, at_s=0.5)
    service = await start_modbus_server(plant, port=0, mode="internal")
    stop = asyncio.Event()
    stepping = asyncio.create_task(RealtimeStepper(plant, speed=1.0).run(stop))
    try:
        return await _load(service.port, requests)
    finally:
        stop.set()
        await stepping
        await service.stop()


async def _measure_bare(requests: int) -> dict[str, Any]:
    from pymodbus.server import ModbusTcpServer
    from pymodbus.simulator import DataType, SimData, SimDevice

    coils = [SimData(COIL_ADDRESS, count=COIL_COUNT, values=False, datatype=DataType.BITS)]
    registers = [SimData(REGISTER_ADDRESS, count=REGISTER_COUNT, values=0, datatype=DataType.REGISTERS)]
    inputs = [SimData(0, values=False, datatype=DataType.BITS)]  # pymodbus wants all four tables
    input_registers = [SimData(0, values=0, datatype=DataType.REGISTERS)]
    device = SimDevice(0, simdata=(coils, inputs, registers, input_registers))
    server = ModbusTcpServer(device, address=("127.0.0.1", 0))
    await server.serve_forever(background=True)
    try:
        return await _load(server.transport.sockets[0].getsockname()[1], requests)  # type: ignore[attr-defined]
    finally:
        await server.shutdown()


async def _load(port: int, requests: int) -> dict[str, Any]:
    """Run the load generator in its own process against ``port``; returns its measurements."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "simulator.modbus.bench",
        str(port),
        str(requests),
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        out, _ = await asyncio.wait_for(process.communicate(), LOAD_TIMEOUT_S)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    return json.loads(out)


def generate_load(port: int, requests: int) -> dict[str, Any]:
    """The load generator (runs in the child process): timed reads, one at a time."""
    from pymodbus.client import ModbusTcpClient

    client = ModbusTcpClient("127.0.0.1", port=port, timeout=5)
    if not client.connect():
        raise SystemExit(f"cannot connect to port {port}")

    def one_request(i: int) -> None:
        if i % 2:
            reply = client.read_holding_registers(REGISTER_ADDRESS, count=REGISTER_COUNT)
        else:
            reply = client.read_coils(COIL_ADDRESS, count=COIL_COUNT)
        if reply.isError():
            raise SystemExit(f"error reply: {reply}")

    for i in range(WARMUP_REQUESTS):
        one_request(i)
    latencies_ms = []
    started = time.perf_counter()
    for i in range(requests):
        sent = time.perf_counter()
        one_request(i)
        latencies_ms.append((time.perf_counter() - sent) * 1000.0)
    elapsed_s = time.perf_counter() - started
    client.close()
    return {"latencies_ms": latencies_ms, "throughput_rps": requests / elapsed_s}


if __name__ == "__main__":  # the child process: python -m simulator.modbus.bench PORT REQUESTS
    print(json.dumps(generate_load(int(sys.argv[1]), int(sys.argv[2]))))
