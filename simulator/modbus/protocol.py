"""The Modbus TCP rules this server checks itself, in one place, as the specification states them.

A Modbus TCP frame (an ADU) is a 7-byte MBAP header followed by a PDU::

    [transaction id: 2][protocol id: 2 = 0][length: 2][unit id: 1] [function code: 1][data: 0..252]
                                            └ counts the unit id and the PDU: 2..254 ┘

pymodbus decodes and answers the PDUs. Before a frame reaches it, this module decides:

- whether the **header** can be trusted (protocol id 0, length 2..254). A header that
  cannot be trusted means the peer is not speaking Modbus TCP, and nothing tells where the
  next frame starts, so the server closes that connection (other connections carry on);
- whether the **PDU** can be executed, in the order the specification checks it:
  unknown function → exception 01; bad quantity, byte count, length or coil value → 03;
  start address + quantity beyond 65536 → 02. Addresses that are not in the scene's map
  are refused later, by the datablocks (also 02).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from simulator.plc.tags import ModbusTable


class FunctionCode(IntEnum):
    """The eight function codes the simulated PLC serves; any other gets exception 01."""

    READ_COILS = 1
    READ_DISCRETE_INPUTS = 2
    READ_HOLDING_REGISTERS = 3
    READ_INPUT_REGISTERS = 4
    WRITE_SINGLE_COIL = 5
    WRITE_SINGLE_REGISTER = 6
    WRITE_MULTIPLE_COILS = 15
    WRITE_MULTIPLE_REGISTERS = 16


class ExceptionCode(IntEnum):
    """Modbus exception codes this server sends (a teacher may force any other 1..255)."""

    #: 01: the function code is not served.
    ILLEGAL_FUNCTION = 1
    #: 02: an address of the request is not in the map, or may not be written in this mode.
    ILLEGAL_DATA_ADDRESS = 2
    #: 03: the request is malformed: quantity, byte count, length or coil value.
    ILLEGAL_DATA_VALUE = 3
    #: 04: the server failed while executing a valid request.
    SERVER_DEVICE_FAILURE = 4
    #: 06: busy (offered as a teacher-set fault).
    SERVER_DEVICE_BUSY = 6


#: Bytes of the MBAP header, unit id included.
MBAP_BYTES = 7
#: Largest PDU (function code + data), in bytes.
MAX_PDU_BYTES = 253
#: Allowed values of the MBAP length field (unit id + PDU), in bytes.
LENGTH_RANGE = (2, MAX_PDU_BYTES + 1)
#: Number of addresses in each Modbus table (0..65535).
ADDRESS_SPACE = 0x10000
#: The two values a "write single coil" request may carry.
COIL_ON, COIL_OFF = 0xFF00, 0x0000

#: Which table each function code reads or writes.
TABLE_OF = {
    FunctionCode.READ_COILS: ModbusTable.COILS,
    FunctionCode.READ_DISCRETE_INPUTS: ModbusTable.DISCRETE_INPUTS,
    FunctionCode.READ_HOLDING_REGISTERS: ModbusTable.HOLDING_REGISTERS,
    FunctionCode.READ_INPUT_REGISTERS: ModbusTable.INPUT_REGISTERS,
    FunctionCode.WRITE_SINGLE_COIL: ModbusTable.COILS,
    FunctionCode.WRITE_SINGLE_REGISTER: ModbusTable.HOLDING_REGISTERS,
    FunctionCode.WRITE_MULTIPLE_COILS: ModbusTable.COILS,
    FunctionCode.WRITE_MULTIPLE_REGISTERS: ModbusTable.HOLDING_REGISTERS,
}
#: Function codes that write.
WRITE_FUNCTIONS = frozenset(
    {
        FunctionCode.WRITE_SINGLE_COIL,
        FunctionCode.WRITE_SINGLE_REGISTER,
        FunctionCode.WRITE_MULTIPLE_COILS,
        FunctionCode.WRITE_MULTIPLE_REGISTERS,
    }
)
#: Largest quantity one request may carry (bits or registers), from the specification.
MAX_QUANTITY = {
    FunctionCode.READ_COILS: 2000,
    FunctionCode.READ_DISCRETE_INPUTS: 2000,
    FunctionCode.READ_HOLDING_REGISTERS: 125,
    FunctionCode.READ_INPUT_REGISTERS: 125,
    FunctionCode.WRITE_MULTIPLE_COILS: 1968,
    FunctionCode.WRITE_MULTIPLE_REGISTERS: 123,
}


@dataclass(frozen=True)
class MbapHeader:
    """The 7-byte header in front of every Modbus TCP request."""

    #: Chosen by the client; copied into the response so it can match them up.
    transaction_id: int
    #: Always 0 for Modbus.
    protocol_id: int
    #: Bytes that follow the length field: the unit id and the PDU.
    length: int
    #: Unit (slave) id; this server answers every unit id.
    unit_id: int

    @property
    def frame_bytes(self) -> int:
        """Bytes of the whole frame, header included."""
        return 6 + self.length

    @property
    def trusted(self) -> bool:
        """True when the header is Modbus TCP: protocol id 0 and a length of 2..254 bytes."""
        low, high = LENGTH_RANGE
        return self.protocol_id == 0 and low <= self.length <= high


def parse_header(data: bytes) -> MbapHeader | None:
    """The MBAP header at the start of ``data``, or None while fewer than 7 bytes have arrived."""
    if len(data) < MBAP_BYTES:
        return None
    return MbapHeader(
        transaction_id=int.from_bytes(data[0:2], "big"),
        protocol_id=int.from_bytes(data[2:4], "big"),
        length=int.from_bytes(data[4:6], "big"),
        unit_id=data[6],
    )


def check_request(pdu: bytes) -> ExceptionCode | None:
    """The exception a request PDU earns by its shape alone, or None when it may be executed.

    Args:
        pdu: function code and data (the frame without its MBAP header); never empty.
    """
    try:
        function = FunctionCode(pdu[0])
    except ValueError:
        return ExceptionCode.ILLEGAL_FUNCTION
    data = pdu[1:]
    if len(data) < 4:
        return ExceptionCode.ILLEGAL_DATA_VALUE
    address = int.from_bytes(data[0:2], "big")
    second = int.from_bytes(data[2:4], "big")  # a quantity, or the value of a single write
    if function is FunctionCode.WRITE_SINGLE_REGISTER:
        return None if len(data) == 4 else ExceptionCode.ILLEGAL_DATA_VALUE
    if function is FunctionCode.WRITE_SINGLE_COIL:
        return None if len(data) == 4 and second in (COIL_ON, COIL_OFF) else ExceptionCode.ILLEGAL_DATA_VALUE
    quantity = second
    if not 1 <= quantity <= MAX_QUANTITY[function]:
        return ExceptionCode.ILLEGAL_DATA_VALUE
    if function in WRITE_FUNCTIONS:
        expected = (quantity + 7) // 8 if function is FunctionCode.WRITE_MULTIPLE_COILS else 2 * quantity
        if len(data) < 5 or data[4] != expected or len(data) != 5 + expected:
            return ExceptionCode.ILLEGAL_DATA_VALUE
    elif len(data) != 4:
        return ExceptionCode.ILLEGAL_DATA_VALUE
    if address + quantity > ADDRESS_SPACE:
        return ExceptionCode.ILLEGAL_DATA_ADDRESS
    return None


def is_write(pdu: bytes) -> bool:
    """True when the PDU asks to write (function 05, 06, 15 or 16)."""
    return pdu[0] in WRITE_FUNCTIONS
