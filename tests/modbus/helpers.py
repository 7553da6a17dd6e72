"""Helpers for the Modbus tests: raw frames, a background reader, a real-time server in a thread."""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
import time
from collections.abc import Callable
from typing import Any

from pymodbus.client import ModbusTcpClient

from simulator.modbus.server import ModbusService, start_modbus_server
from simulator.plant import Plant
from simulator.plc.tags import Area
from simulator.realtime import RealtimeStepper
from simulator.scenes import get_scene

SCENE = "sorting-line-v1"
_TAGS = {tag.name: tag for tag in get_scene(SCENE).tags}
#: Addresses in sorting-line-v1 (0-based, as everywhere), looked up so the scene may grow.
DI_COUNT = sum(1 for tag in _TAGS.values() if tag.area is Area.DI)
OUTPUT_COUNT = sum(1 for tag in _TAGS.values() if tag.area is Area.DO)
ENTRY_EYE = _TAGS["entry_eye"].address
FEEDER_ON, INFEED_MOTOR, SORTER_FORWARD = (_TAGS[n].address for n in ("feeder_on", "infeed_motor", "sorter_forward"))
assert (FEEDER_ON, INFEED_MOTOR, SORTER_FORWARD) == (0, 1, 2), "the tests write these three coils at once"


def frame(transaction_id: int, pdu: bytes, *, protocol_id: int = 0, length: int | None = None, unit: int = 1) -> bytes:
    """A Modbus TCP frame; ``length`` overrides the MBAP length field."""
    length = len(pdu) + 1 if length is None else length
    return struct.pack(">HHHB", transaction_id, protocol_id, length, unit) + pdu


def read_pdu(function: int, address: int, count: int) -> bytes:
    return struct.pack(">BHH", function, address, count)


class RawClient:
    """A plain TCP socket speaking bytes, for inputs no Modbus library would send."""

    def __init__(self, port: int, timeout_s: float = 2.0) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout_s)

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def receive_frame(self) -> bytes:
        """One response frame (raises socket.timeout if none comes)."""
        header = self._exactly(7)
        length = struct.unpack(">H", header[4:6])[0]
        return header + self._exactly(length - 1)

    def closed_by_server(self, wait_s: float = 2.0) -> bool:
        """True when the server closes the connection within ``wait_s``."""
        self.sock.settimeout(wait_s)
        try:
            while True:
                if not self.sock.recv(4096):
                    return True
        except TimeoutError:
            return False
        except ConnectionResetError:
            return True

    def _exactly(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("closed by server")
            data += chunk
        return data

    def close(self) -> None:
        self.sock.close()


class BackgroundReader:
    """A second master that keeps reading the discrete inputs in its own thread."""

    def __init__(self, port: int) -> None:
        self.client = ModbusTcpClient("127.0.0.1", port=port, timeout=2)
        assert self.client.connect()
        self.successes = 0
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                reply = self.client.read_discrete_inputs(0, count=DI_COUNT)
            except Exception as error:  # noqa: BLE001 - recorded for the assertion
                self.failures.append(repr(error))
                continue
            if reply.isError():
                self.failures.append(str(reply))
            else:
                self.successes += 1
            time.sleep(0.001)

    def wait_for_more(self, reads: int = 20, timeout_s: float = 5.0) -> bool:
        """True once ``reads`` more successful reads have happened (the server is not stalled)."""
        target = self.successes + reads
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.successes >= target:
                return True
            time.sleep(0.005)
        return False

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.client.close()


class RealtimeServer:
    """A plant stepped in real time and served over Modbus, on an asyncio loop in a background thread.

    Only that thread touches the plant; tests look at it through :meth:`call`.
    """

    def __init__(self, plant: Plant, *, mode: str, speed: float = 1.0, watchdog_s: float | None = 1.0) -> None:
        self.plant = plant
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._stop = asyncio.Event()
        self.service: ModbusService = self._run(self._start(mode, speed, watchdog_s))
        self.port = self.service.port

    async def _start(self, mode: str, speed: float, watchdog_s: float | None) -> ModbusService:
        service = await start_modbus_server(self.plant, port=0, mode=mode, watchdog_s=watchdog_s)
        self._stepping = asyncio.create_task(RealtimeStepper(self.plant, speed).run(self._stop))
        return service

    def call(self, function: Callable[[Plant], Any]) -> Any:
        async def apply() -> Any:
            return function(self.plant)

        return self._run(apply())

    def _run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(30)

    def close(self) -> None:
        async def finish() -> None:
            self._stop.set()
            await self._stepping
            await self.service.stop()

        self._run(finish())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
