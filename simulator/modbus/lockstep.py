"""Lockstep: talk Modbus to a plant that moves only when the notebook says so.

For grading a remote-I/O exercise the plant must not run away while the student's
master thinks. A :class:`LockstepSession` serves the plant over Modbus TCP on 127.0.0.1,
but the plant stands still until :meth:`LockstepSession.step` advances it by whole PLC
scans. The master (any Modbus client, e.g. pymodbus's ``ModbusTcpClient``) reads and
writes between steps, so the same seed and the same master give the same result every
time, and a minute of plant time takes a few seconds::

    plant = Plant("sorting-line-v1", seed=1)            # program=None: remote I/O
    with LockstepSession(plant) as session:
        client = session.client()                         # pymodbus, connected
        client.write_coils(0, [True, True, True])         # feeder, infeed, sorter on
        session.step(100)                                 # 100 scans = 1 s of plant time
        print(client.read_discrete_inputs(5, count=1).bits[0])   # the entry eye

How it works, and why it is safe: the session starts one background thread that runs an
asyncio loop with the ordinary Modbus server (:func:`start_modbus_server`). **Only that
thread ever touches the plant.** ``step()`` does not run the plant itself: it hands the
work to that loop (``run_coroutine_threadsafe``) and waits for it, so a step and a
Modbus request can never overlap. The comm-loss watchdog is off here: wall-clock silence
means nothing when the notebook decides when time passes.

Why not a "step" register that a master writes? It would work from any master, but it
would put an address in every scene's map that real PLCs do not have; a notebook can
simply call a method.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from pymodbus.client import ModbusTcpClient

from simulator.modbus.server import ModbusService, start_modbus_server
from simulator.plant import Plant

T = TypeVar("T")

#: Longest a single call into the server thread may take, in seconds (guards against a hang).
CALL_TIMEOUT_S = 60.0


class LockstepSession:
    """A plant served over Modbus TCP that advances only on :meth:`step`.

    Args:
        plant: the plant; its PLC's mode follows it (no program: remote, a program: internal).
        port: TCP port on 127.0.0.1; 0 (the default) picks a free one, see :attr:`port`.
    """

    def __init__(self, plant: Plant, port: int = 0) -> None:
        self.plant = plant
        self.host = "127.0.0.1"
        self.mode = "internal" if plant.plc.has_program else "remote"
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="modbus-lockstep", daemon=True)
        self._thread.start()
        self._clients: list[ModbusTcpClient] = []
        try:
            self.service: ModbusService = self._call(
                start_modbus_server(plant, host=self.host, port=port, mode=self.mode, watchdog_s=None)
            )
        except BaseException:
            self._stop_thread()
            raise
        #: The TCP port the server listens on.
        self.port = self.service.port
        if plant.plc.scans == 0:
            self.step(1)  # the first input refresh, so a master never reads the power-on zeros

    # ------------------------------------------------------------ for the notebook
    def client(self, timeout_s: float = 3.0) -> ModbusTcpClient:
        """A connected pymodbus ``ModbusTcpClient``, closed with the session."""
        client = ModbusTcpClient(self.host, port=self.port, timeout=timeout_s)
        if not client.connect():
            raise ConnectionError(f"cannot connect to {self.host}:{self.port}")
        self._clients.append(client)
        return client

    def step(self, scans: int = 1) -> float:
        """Advance the plant by ``scans`` PLC scans; returns the plant time afterwards, in seconds."""
        return self._call(self._step(scans))

    def run(self, seconds: float) -> float:
        """Advance the plant by ``seconds`` of plant time (rounded up to whole scans)."""
        scans = math.ceil(round(seconds / self.plant.plc.scan_period_s, 9))  # round: 0.07 / 0.01 = 7.000000000000001
        return self.step(max(0, scans))

    def call(self, function: Callable[[Plant], T]) -> T:
        """Run ``function(plant)`` in the server thread, e.g. ``session.call(lambda p: p.kpis())``."""
        return self._call(self._apply(function))

    def close(self) -> None:
        """Disconnect the clients, stop the server and its thread."""
        for client in self._clients:
            client.close()
        self._clients.clear()
        if self._loop.is_running():
            self._call(self.service.stop())
        self._stop_thread()

    def _stop_thread(self) -> None:
        if not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=CALL_TIMEOUT_S)
            self._loop.close()

    def __enter__(self) -> LockstepSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ inside the server thread
    def _call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(CALL_TIMEOUT_S)

    async def _step(self, scans: int) -> float:
        plc = self.plant.plc
        target = plc.scans + scans
        while plc.scans < target:  # whole scans, whatever the floating-point sum of periods says
            self.plant.run(plc.scan_period_s)
        return self.plant.now_s

    async def _apply(self, function: Callable[[Plant], T]) -> T:
        return function(self.plant)
