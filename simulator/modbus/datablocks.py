"""Datablocks over the process image: Modbus reads and writes go straight to the PLC's tags.

Nothing is copied. A read returns the tag values as they are at that moment, and a write
changes the tag that the next scan uses, exactly as if the PLC's own program had done it.

Address base: the address in a request is used as it travels in the PDU, 0-based, and
matched against ``Tag.address`` (see :mod:`simulator.plc.tags`, where the base is stated
for the whole project). No 1 is added or subtracted anywhere.

Rules, the same for every scene:

- Every address a request touches must belong to a tag of that table. A read that spans a
  gap in the map (for example coils 0..15 when only 0..9 exist) is refused with exception
  02 as a whole, so a master never mistakes an unmapped address for a real 0.
- What a master may write depends on the mode:

  ============  =========================  ================================================
  mode          writable                   why
  ============  =========================  ================================================
  ``internal``  M coils, holding registers  the PLC's program owns the outputs (a second
                                            writer would be overwritten every scan: the
                                            "double coil" mistake), an HMI sets memory
  ``remote``    DO and M coils, holding     the outside master is the controller
                registers
  ============  =========================  ================================================

  Inputs (discrete inputs and input registers) come from the plant and are never
  writable; Modbus has no function to write them anyway. A refused write gets 02 and
  changes nothing, even when only one of its addresses is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pymodbus.constants import ExcCodes
from pymodbus.datastore import ModbusServerContext

from simulator.modbus.protocol import TABLE_OF, FunctionCode
from simulator.plc.image import ImageTables
from simulator.plc.tags import Area, ModbusTable

#: Areas a master may write, per mode.
WRITABLE_AREAS = {
    "internal": frozenset({Area.M, Area.HR}),
    "remote": frozenset({Area.DO, Area.M, Area.HR, Area.AO}),
}
#: The modes of the simulated PLC.
MODES = tuple(WRITABLE_AREAS)


class ImageBlock:
    """One Modbus table of the process image: coils, discrete inputs, input or holding registers.

    Args:
        tables: the process image addressed by table and address.
        table: which of the four tables this block serves.
        writable_areas: areas whose tags a master may write (see the module docstring).
    """

    def __init__(self, tables: ImageTables, table: ModbusTable, writable_areas: frozenset[Area]) -> None:
        self.tables = tables
        self.table = table
        self.is_bit = table in (ModbusTable.COILS, ModbusTable.DISCRETE_INPUTS)
        #: Addresses of this table a master may write.
        self.writable = {
            tag.address for tag in tables.image.tags if tag.area.modbus_table is table and tag.area in writable_areas
        }

    def read(self, address: int, count: int) -> list[bool] | list[int] | ExcCodes:
        """Values at ``address .. address + count - 1``, or exception 02 if any is unmapped."""
        addresses = range(address, address + count)
        if any(self.tables.tag_at(self.table, a) is None for a in addresses):
            return ExcCodes.ILLEGAL_ADDRESS
        values = [self.tables.read(self.table, a) for a in addresses]
        return [bool(v) for v in values] if self.is_bit else values

    def accepts_write(self, address: int, count: int) -> bool:
        """True when every address of ``address .. address + count - 1`` may be written."""
        return all(a in self.writable for a in range(address, address + count))

    def write(self, address: int, values: Sequence[bool] | Sequence[int]) -> ExcCodes | None:
        """Write all of ``values`` from ``address`` on, or none of them (exception 02)."""
        if not self.accepts_write(address, len(values)):
            return ExcCodes.ILLEGAL_ADDRESS
        for offset, value in enumerate(values):
            self.tables.write(self.table, address + offset, int(value))
        return None


class ImageContext(ModbusServerContext):
    """What pymodbus's server calls to read and write data: here, the four image blocks.

    pymodbus 3.16 accepts either its own simulator memory (a copy of the values) or a
    ``ModbusServerContext``. We subclass the latter and supply the two coroutines the
    server awaits. ``ModbusServerContext.__init__`` is deliberately not called: it would
    convert data blocks into that copy (and log a v4 deprecation warning). The setting
    ``old_simulator = True`` tells the server to call our coroutines directly.

    Args:
        tables: the process image addressed by table and address.
        mode: ``"internal"`` or ``"remote"``; decides what may be written.
    """

    def __init__(self, tables: ImageTables, mode: str) -> None:
        writable = WRITABLE_AREAS[mode]
        self.blocks = {table: ImageBlock(tables, table, writable) for table in ModbusTable}
        self.old_simulator = True
        self.simdevices = []
        #: Called just before every write is applied (the comm-loss watchdog listens).
        self.before_write: Callable[[], None] = lambda: None

    def device_ids(self) -> list[int]:
        """Unit ids served: one image answers them all."""
        return [0]

    def _block(self, func_code: int) -> ImageBlock:
        return self.blocks[TABLE_OF[FunctionCode(func_code)]]

    async def async_getValues(self, device_id: int, func_code: int, address: int, count: int = 1) -> Any:
        """Read ``count`` values of the table ``func_code`` works on (pymodbus's hook)."""
        return self._block(func_code).read(address, count)

    async def async_setValues(
        self, device_id: int, func_code: int, address: int, values: Sequence[int] | Sequence[bool]
    ) -> ExcCodes | None:
        """Write ``values`` into the table ``func_code`` works on (pymodbus's hook)."""
        block = self._block(func_code)
        if not block.accepts_write(address, len(values)):
            return ExcCodes.ILLEGAL_ADDRESS
        self.before_write()
        return block.write(address, values)
