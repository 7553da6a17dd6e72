"""The simulated PLC on Modbus TCP: any Modbus master can watch or drive the plant.

- :func:`start_modbus_server` serves a plant's process image on the running asyncio loop.
- :class:`LockstepSession` lets a notebook advance the plant scan by scan while it talks
  Modbus to it (deterministic, faster than real time).
- :class:`RemoteScanner` runs a scan function *outside* the PLC, over Modbus: a small
  soft PLC for remote-I/O exercises.

Addresses are 0-based protocol addresses, as stated once in :mod:`simulator.plc.tags`.
"""

from __future__ import annotations

from simulator.modbus.comm_faults import CommFaults
from simulator.modbus.server import ModbusService, start_modbus_server

__all__ = ["CommFaults", "ModbusService", "start_modbus_server"]
