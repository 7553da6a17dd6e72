"""The Modbus server beside the window, on the same asyncio loop (when simulator.modbus is installed).

The window only needs two things from it: to start it for a plant, and its ``status()``
(clients, last request, watchdog) for the top bar. If the Modbus package is missing,
the window runs without it and says "Modbus: 없음".
"""

from __future__ import annotations

from typing import Any

from simulator.errors import LabError
from simulator.plant import Plant

#: Where ``sflab run`` serves Modbus TCP unless told otherwise.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5020


async def start_modbus(plant: Plant, host: str, port: int, mode: str) -> Any | None:
    """Start the Modbus server for ``plant``; None when :mod:`simulator.modbus` is not available.

    Raises:
        LabError: when the port is taken (another simulator is running?).
    """
    try:
        from simulator.modbus import start_modbus_server
    except ImportError:
        return None
    try:
        return await start_modbus_server(plant, host=host, port=port, mode=mode)
    except OSError as error:
        raise LabError(
            f"Modbus 포트 {host}:{port}를 열 수 없습니다 ({error.strerror}). 다른 시뮬레이터가 켜져 있나요? "
            "--port 로 다른 포트를 쓰거나 --no-modbus 로 끄세요.",
            f"Cannot open Modbus port {host}:{port} ({error.strerror}). Is another simulator running? "
            "Use --port for another port or --no-modbus.",
        ) from None


def modbus_status(service: Any | None) -> dict[str, Any] | None:
    """The server's status for the top bar, or None without a server."""
    if service is None:
        return None
    try:
        return dict(service.status())
    except Exception:  # a status we cannot read must not stop the window
        return None
