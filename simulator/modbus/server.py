"""The simulated PLC's Modbus TCP server, on the asyncio loop that also steps the plant.

Use it from any coroutine running on that loop (the desktop window, ``sflab plc``)::

    service = await start_modbus_server(plant, port=5020, mode="remote")
    ...
    print(service.status())   # {"mode": "remote", "clients": 1, "requests": 420, ...}
    await service.stop()

Why one loop and one thread: requests are answered between two steps of the plant,
never during one, so a master always sees a consistent process image, and nothing
needs a lock (see :mod:`simulator.realtime`).

By default the server listens on 127.0.0.1 only: other computers can connect only when
a host such as ``0.0.0.0`` is given explicitly.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

from pymodbus.server import ModbusTcpServer

from simulator.errors import LabError
from simulator.modbus.comm_faults import CommFaults
from simulator.modbus.connection import GuardedConnection
from simulator.modbus.datablocks import MODES, ImageContext
from simulator.modbus.watchdog import DEFAULT_TIMEOUT_S, CommWatchdog
from simulator.plant import Plant

#: Default address the server listens on: this computer only.
DEFAULT_HOST = "127.0.0.1"
#: Default TCP port (502 is the standard one, but needs administrator rights).
DEFAULT_PORT = 5020
#: How often the watchdog looks at the clock, as a share of its timeout.
WATCHDOG_CHECKS_PER_TIMEOUT = 10


class ImageModbusServer(ModbusTcpServer):
    """pymodbus's TCP server whose connections are :class:`GuardedConnection` objects."""

    def __init__(self, context: ImageContext, address: tuple[str, int], service: ModbusService) -> None:
        super().__init__(context, address=address)
        self.service = service

    def callback_new_connection(self) -> GuardedConnection:
        """A client connected: give it its own guarded connection."""
        return GuardedConnection(self)


class ModbusService:
    """A running Modbus server over one plant, with its watchdog and statistics.

    Create it with :func:`start_modbus_server`; teachers may change :attr:`comm_faults`
    while it runs.
    """

    def __init__(self, plant: Plant, host: str, port: int, mode: str, watchdog_s: float | None) -> None:
        self.plant = plant
        self.host = host
        self.port = port
        self.mode = mode
        #: Teacher-set communication faults (see :mod:`simulator.modbus.comm_faults`).
        self.comm_faults = CommFaults()
        #: The comm-loss watchdog: in remote mode, unless switched off.
        self.watchdog = CommWatchdog(plant.plc, plant.image, watchdog_s) if mode == "remote" and watchdog_s else None
        #: Requests received since start.
        self.requests = 0
        #: Connections the server closed itself: untrusted MBAP header or a flood of requests.
        self.hang_ups = 0
        self.context = ImageContext(plant.image.tables(), mode)
        if self.watchdog is not None:
            self.context.before_write = self.watchdog.master_wrote
        self._connections: set[GuardedConnection] = set()
        self._last_request_at: float | None = None
        self._server: ImageModbusServer | None = None
        self._watchdog_task: asyncio.Task[None] | None = None

    # ------------------------------------------------------------ called by connections
    def connection_opened(self, connection: GuardedConnection) -> None:
        """A client connected."""
        self._connections.add(connection)

    def connection_closed(self, connection: GuardedConnection) -> None:
        """A client disconnected; if it was a master, the watchdog trips."""
        self._connections.discard(connection)
        if connection.is_master and self.watchdog is not None:
            self.watchdog.master_lost()

    def request_received(self, connection: GuardedConnection) -> None:
        """A request arrived (counted before it is answered)."""
        self.requests += 1
        self._last_request_at = time.monotonic()
        if connection.is_master and self.watchdog is not None:
            self.watchdog.master_request()

    # ------------------------------------------------------------ public
    def status(self) -> dict[str, Any]:
        """What the operator panel shows about communication, as plain values."""
        since = None if self._last_request_at is None else time.monotonic() - self._last_request_at
        return {
            "mode": self.mode,
            "host": self.host,
            "port": self.port,
            "clients": len(self._connections),
            "masters": sum(1 for c in self._connections if c.is_master),
            "requests": self.requests,
            "last_request_s": since,
            "watchdog_s": self.watchdog.timeout_s if self.watchdog else None,
            "watchdog_tripped": bool(self.watchdog and self.watchdog.tripped),
            "watchdog_trips": self.watchdog.trips if self.watchdog else 0,
            "hang_ups": self.hang_ups,
        }

    async def stop(self) -> None:
        """Close every connection and stop listening (a master's disconnect trips the watchdog)."""
        if self._watchdog_task is not None:
            self._watchdog_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watchdog_task
            self._watchdog_task = None
        if self._server is not None:
            await self._server.shutdown()
            self._server = None

    # ------------------------------------------------------------ starting
    async def start(self) -> None:
        """Start listening (called by :func:`start_modbus_server`)."""
        server = ImageModbusServer(self.context, (self.host, self.port), self)
        try:
            await server.serve_forever(background=True)
        except RuntimeError:
            raise LabError(
                f"{self.host}:{self.port}에서 Modbus 서버를 열 수 없습니다. 다른 프로그램이 그 포트를 쓰고 있거나 "
                "이 컴퓨터의 주소가 아닙니다. --port로 다른 포트를, --host로 다른 주소를 고르세요.",
                f"Cannot open the Modbus server on {self.host}:{self.port}: another program uses that port, or the "
                "address is not this computer's. Choose another --port or --host.",
            ) from None
        self._server = server
        sockets = getattr(server.transport, "sockets", None)
        if sockets:
            self.port = sockets[0].getsockname()[1]  # the real port when 0 asked for a free one
        if self.watchdog is not None:
            self._watchdog_task = asyncio.create_task(self._watch(self.watchdog))

    async def _watch(self, watchdog: CommWatchdog) -> None:
        period_s = watchdog.timeout_s / WATCHDOG_CHECKS_PER_TIMEOUT
        while True:
            await asyncio.sleep(period_s)
            watchdog.check()


def modbus_service(
    plant: Plant,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    mode: str = "internal",
    watchdog_s: float | None = DEFAULT_TIMEOUT_S,
    comm_faults: CommFaults | None = None,
) -> ModbusService:
    """The Modbus service over ``plant``'s process image, not yet listening (see :func:`start_modbus_server`).

    Raises:
        LabError: for an unknown mode or a mode that does not match the plant.
    """
    if mode not in MODES:
        raise LabError(f"모드는 internal 또는 remote입니다 ({mode!r}).", f"The mode is internal or remote ({mode!r}).")
    if (mode == "internal") != plant.plc.has_program:
        raise LabError(
            "internal 모드에는 PLC 프로그램이, remote 모드에는 프로그램 없는 PLC(program=None)가 필요합니다.",
            "Internal mode needs a PLC program; remote mode needs a PLC without one (program=None).",
        )
    service = ModbusService(plant, host, port, mode, watchdog_s or None)
    if comm_faults is not None:
        service.comm_faults = comm_faults
    return service


async def start_modbus_server(
    plant: Plant,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    mode: str = "internal",
    watchdog_s: float | None = DEFAULT_TIMEOUT_S,
    comm_faults: CommFaults | None = None,
) -> ModbusService:
    """Serve ``plant``'s process image over Modbus TCP on the running asyncio loop.

    Args:
        plant: the plant; in ``"internal"`` mode its PLC runs a program, in ``"remote"`` mode none.
        host: address to listen on; 127.0.0.1 (this computer only) unless given.
        port: TCP port; 0 picks a free one (see ``service.port``).
        mode: ``"internal"`` (the program controls, Modbus monitors) or ``"remote"`` (the master controls).
        watchdog_s: remote mode: seconds without a master request before the outputs go safe
            (a master's disconnect trips it at once); None or 0 switches the watchdog off.
        comm_faults: teacher-set faults, none by default.

    Returns:
        The running service; call ``await service.stop()`` to end it.

    Raises:
        LabError: for an unknown mode, a mode that does not match the plant, or a busy port.
    """
    service = modbus_service(plant, host=host, port=port, mode=mode, watchdog_s=watchdog_s, comm_faults=comm_faults)
    await service.start()
    return service
