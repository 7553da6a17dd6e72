"""The simulated PLC on Modbus TCP: any Modbus master can watch or drive the plant.

- :func:`start_modbus_server` serves a plant's process image on the running asyncio loop.
- :class:`LockstepSession` lets a notebook advance the plant scan by scan while it talks
  Modbus to it (deterministic, faster than real time).
- :class:`RemoteScanner` runs a scan function *outside* the PLC, over Modbus: a small
  soft PLC for remote-I/O exercises.

Addresses are 0-based protocol addresses, as stated once in :mod:`simulator.plc.tags`.

The names below are imported only when first used (``from simulator.modbus import
LockstepSession`` works as usual): pymodbus takes a quarter of a second to import, and
``sflab sim`` should not wait for it just because ``sflab plc`` exists.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Public name → module that defines it.
_EXPORTS = {
    "CommFaults": "simulator.modbus.comm_faults",
    "LockstepSession": "simulator.modbus.lockstep",
    "ModbusService": "simulator.modbus.server",
    "RemoteScanner": "simulator.modbus.remote_scanner",
    "start_modbus_server": "simulator.modbus.server",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'simulator.modbus' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
