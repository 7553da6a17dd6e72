"""The Modbus client a check gives the student's code, and the lock-step server it talks to (lab L06).

The ``client`` of ``read_status(client)`` and ``ModbusSorter(client)`` is a :class:`ModbusClient`:
the read and write calls of pymodbus's ``ModbusTcpClient``, answering with pymodbus-like replies
(:class:`ModbusReply`). Every request is made by the grader's own pymodbus client
(:class:`ModbusLink`), so the same object works in a kernel and in the trusted pass, where the
student's code runs in a process without network and only plain data reaches it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from grading.remote import Exposed

#: pymodbus client calls the student's code may make: reads (functions 01–04) and writes (05, 15, 06, 16).
READ_METHODS = ("read_coils", "read_discrete_inputs", "read_holding_registers", "read_input_registers")
WRITE_METHODS = ("write_coil", "write_coils", "write_register", "write_registers")


@dataclass
class ModbusReply:
    """A Modbus reply as pymodbus gives it: ``.bits``, ``.registers``, ``.isError()``, ``.exception_code``.

    Like pymodbus, an exception reply (the PLC refused the request) has empty ``bits`` and
    ``registers``, so ``reply.bits[0]`` raises IndexError (``grading.labs.l06`` names the likely cause).
    """

    function_code: int
    exception_code: int = 0
    bits: list[bool] = field(default_factory=list)
    registers: list[int] = field(default_factory=list)

    def isError(self) -> bool:
        """True for an exception reply (function code + 0x80), as in pymodbus."""
        return self.function_code > 0x80


def reply_data(reply: Any) -> dict[str, Any]:
    """A pymodbus response as plain data: the fields of :class:`ModbusReply`."""
    return {
        "function_code": int(reply.function_code),
        "exception_code": int(getattr(reply, "exception_code", 0) or 0),
        "bits": [bool(bit) for bit in getattr(reply, "bits", None) or []],
        "registers": [int(word) for word in getattr(reply, "registers", None) or []],
    }


class ModbusLink:
    """The grader's pymodbus client (:func:`grader_client`), answering every request with plain data.

    Why plain data: in the trusted pass the student's code calls this object over a pipe
    (:class:`grading.remote.Exposed`, method :meth:`request` only), and only plain data
    crosses. The student's code never gets the pymodbus client itself.
    """

    def __init__(self, client: Any) -> None:
        self._client = client

    def request(self, method: str, address: int, data: Any, device_id: int = 1) -> dict[str, Any]:
        """``client.<method>(address, count=data)`` for a read, ``(address, data)`` for a write; the reply as data.

        Raises:
            ValueError: for a method that is not a Modbus read or write.
        """
        if method in READ_METHODS:
            reply = getattr(self._client, method)(address, count=data, device_id=device_id)
        elif method in WRITE_METHODS:
            reply = getattr(self._client, method)(address, data, device_id=device_id)
        else:
            raise ValueError(f"not a Modbus request: {method!r}")
        return reply_data(reply)


@dataclass
class ModbusClient:
    """The ``client`` of ``read_status(client)`` and ``ModbusSorter(client)``: pymodbus's calls, same signatures.

    Why not the grader's ``ModbusTcpClient`` itself: in the trusted pass the student's code
    runs in a process of its own, without network, and only plain data reaches it. A
    dataclass of the grader crosses by its fields and is rebuilt there, so this object
    arrives with its ``link`` (an :class:`~grading.remote.Exposed` :class:`ModbusLink`) turned
    into a callback to the grader. Its methods run in the student's process: they send the
    request to the grader, which makes it with its own pymodbus client, and turn the plain
    answer back into a :class:`ModbusReply`. In a kernel the same methods reach the link
    directly, so the student sees the same client in both.
    """

    link: Any = field(repr=False)

    def read_coils(self, address: int, *, count: int = 1, device_id: int = 1) -> ModbusReply:
        """Function 01: ``count`` coils from ``address`` (``.bits``, filled up to a multiple of 8)."""
        return self._ask("read_coils", address, count, device_id)

    def read_discrete_inputs(self, address: int, *, count: int = 1, device_id: int = 1) -> ModbusReply:
        """Function 02: ``count`` discrete inputs from ``address`` (``.bits``)."""
        return self._ask("read_discrete_inputs", address, count, device_id)

    def read_holding_registers(self, address: int, *, count: int = 1, device_id: int = 1) -> ModbusReply:
        """Function 03: ``count`` holding registers from ``address`` (``.registers``)."""
        return self._ask("read_holding_registers", address, count, device_id)

    def read_input_registers(self, address: int, *, count: int = 1, device_id: int = 1) -> ModbusReply:
        """Function 04: ``count`` input registers from ``address`` (``.registers``)."""
        return self._ask("read_input_registers", address, count, device_id)

    def write_coil(self, address: int, value: bool, *, device_id: int = 1) -> ModbusReply:
        """Function 05: one coil."""
        return self._ask("write_coil", address, value, device_id)

    def write_coils(self, address: int, values: Sequence[bool], *, device_id: int = 1) -> ModbusReply:
        """Function 15: coils from ``address``, one per value."""
        return self._ask("write_coils", address, list(values), device_id)

    def write_register(self, address: int, value: int, *, device_id: int = 1) -> ModbusReply:
        """Function 06: one holding register."""
        return self._ask("write_register", address, value, device_id)

    def write_registers(self, address: int, values: Sequence[int], *, device_id: int = 1) -> ModbusReply:
        """Function 16: holding registers from ``address``, one per value."""
        return self._ask("write_registers", address, list(values), device_id)

    def _ask(self, method: str, address: int, data: Any, device_id: int) -> ModbusReply:
        return ModbusReply(**self.link.request(method, address, data, device_id))


@contextlib.contextmanager
def lockstep(plant: Any) -> Iterator[Any]:
    """A socket-less :class:`~simulator.modbus.lockstep.LockstepSession` over ``plant``, closed afterwards.

    Why without TCP: a sorting check makes about 20,000 requests, and over a socket each cost
    a round trip through pymodbus's client transaction and the server's thread (most of the
    lab's grading time). The loopback client keeps everything the student's requests meet
    (pymodbus's encoding, the server's checks, the datablocks, the encoded reply) and leaves
    out the MBAP header and the socket. The notebook's examples and ``mbpoll`` use TCP.
    """
    from simulator.modbus.lockstep import LockstepSession

    with LockstepSession(plant, tcp=False) as session:
        yield session


def grader_client(session: Any) -> Any:
    """The grader's own pymodbus client calls for ``session`` (its loopback client)."""
    return session.loopback_client()


def student_client(session: Any) -> ModbusClient:
    """The student's ``client``: a connection of its own to ``session``, reached only through :class:`ModbusLink`."""
    return ModbusClient(Exposed(ModbusLink(grader_client(session)), ("request",)))
