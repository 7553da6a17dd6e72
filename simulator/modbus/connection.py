"""One client connection: cut the byte stream into frames, check them, answer them in order.

pymodbus 3.16's own connection handler mishandles a few inputs a lab must survive, so
this subclass replaces how bytes become requests and keeps pymodbus for the rest
(decoding PDUs, executing them against the datablocks, encoding responses):

======================================  ==============================  ====================
input                                   pymodbus 3.16 alone             here
======================================  ==============================  ====================
protocol id not 0                       waits for ever: that            connection closed
                                        connection is stuck
length field > 254 (oversized)          waits for bytes that never      connection closed
                                        come
more than 264 bytes at once             all of it silently thrown away  every frame answered
two requests in one TCP segment         only the first is answered      both, in order
count 0 or too large, truncated PDU     exception 01 for function 0     exception 03
coil value other than FF00/0000         written as ON                   exception 03
a request arriving while another is     it takes the first one's        queued behind it
still being answered                    place (wrong answers)
======================================  ==============================  ====================

Every connection has one worker task that answers its requests one after another, so
one slow or silent client never holds up another: they are separate tasks on the same
asyncio loop.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Protocol

from pymodbus.logging import Log
from pymodbus.pdu import ExceptionResponse, ModbusPDU
from pymodbus.server.requesthandler import ServerRequestHandler

from simulator.modbus.protocol import MBAP_BYTES, ExceptionCode, check_request, is_write, parse_header

if TYPE_CHECKING:
    from simulator.modbus.comm_faults import CommFaults
    from simulator.modbus.datablocks import ImageContext


class ServiceHooks(Protocol):
    """What a connection tells the Modbus service, and what it reads from it (see :mod:`simulator.modbus.server`)."""

    #: Connections the server closed (bad frames, floods).
    hang_ups: int

    @property
    def comm_faults(self) -> CommFaults:
        """The teacher's communication faults."""

    @property
    def context(self) -> ImageContext:
        """The datablocks requests read and write."""

    def connection_opened(self, connection: GuardedConnection) -> None:
        """A client connected."""

    def connection_closed(self, connection: GuardedConnection) -> None:
        """A client went away."""

    def request_received(self, connection: GuardedConnection) -> None:
        """A whole request arrived (the comm-loss watchdog counts it)."""


class AcceptingServer(Protocol):
    """The server that accepted a connection: its service and pymodbus's request decoder."""

    @property
    def service(self) -> ServiceHooks:
        """The plant's Modbus service."""

    @property
    def decoder(self) -> Any:
        """The request decoder of pymodbus."""


#: Requests a client may have waiting for an answer before it is disconnected (flood guard).
MAX_PENDING_REQUESTS = 64
#: Receive buffer the transport may hold, in bytes. Complete frames are taken out at once, so it
#: holds at most one chunk from asyncio (up to 256 KiB) plus half a frame; pymodbus's default
#: (264 bytes) silently throws away everything when a client sends a few requests at once.
RECEIVE_BUFFER_BYTES = 1024 * 1024


class GuardedConnection(ServerRequestHandler):
    """pymodbus's server-side connection, with the framing and ordering done safely.

    Args:
        server: the server that accepted the connection.
    """

    def __init__(self, server: AcceptingServer) -> None:
        super().__init__(server, None, None, None)
        self.server: AcceptingServer = server
        self.max_buffer_size = RECEIVE_BUFFER_BYTES
        #: True once this client has sent a write request: it is a master (see :mod:`simulator.modbus.watchdog`).
        self.is_master = False
        self._frames: asyncio.Queue[bytes] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None
        self._open = False

    # ------------------------------------------------------------ connection events (from asyncio)
    def callback_connected(self) -> None:
        """A client connected: start its worker."""
        super().callback_connected()
        self._open = True
        self._worker = self.loop.create_task(self._answer_in_order())
        self.server.service.connection_opened(self)

    def callback_disconnected(self, exc: Exception | None) -> None:
        """The client went away (or the server is stopping)."""
        super().callback_disconnected(exc)
        self._closed()

    def callback_data(self, data: bytes, addr: tuple[Any, ...] | None = None) -> int:
        """Take every complete frame out of ``data``; returns how many bytes were used."""
        used = 0
        while (header := parse_header(data[used:])) is not None:
            if not header.trusted:
                self.hang_up("untrusted MBAP header")
                return len(data)
            end = used + header.frame_bytes
            if len(data) < end:
                break  # the rest of this frame has not arrived yet
            if self._frames.qsize() >= MAX_PENDING_REQUESTS:
                self.hang_up("too many pending requests")
                return len(data)
            self._frames.put_nowait(data[used:end])
            used = end
        return used

    def send(self, data: bytes, addr: tuple[Any, ...] | None = None) -> None:
        """Send ``data`` without discarding a half-received next request (pymodbus clears it)."""
        pending = self.recv_buffer
        super().send(data, addr)
        self.recv_buffer = pending

    def hang_up(self, reason: str) -> None:
        """Close this connection from our side (its byte stream cannot be trusted, or it floods us)."""
        Log.debug("closing Modbus connection: {}", reason)  # counted in status()["hang_ups"]
        self.server.service.hang_ups += 1
        self.close()
        self._closed()

    def _closed(self) -> None:
        if not self._open:
            return
        self._open = False
        if self._worker is not None:
            self._worker.cancel()
        self.server.service.connection_closed(self)

    # ------------------------------------------------------------ answering
    async def _answer_in_order(self) -> None:
        while True:
            frame = await self._frames.get()
            try:
                await self._answer(frame)
            except Exception as error:  # a bug here must not leave the client waiting for ever
                Log.error("Modbus connection failed: {}", error)
                self.hang_up("internal error")
                return

    async def _answer(self, frame: bytes) -> None:
        header = parse_header(frame)
        assert header is not None  # callback_data only queues complete frames
        pdu = frame[MBAP_BYTES:]
        service = self.server.service
        if is_write(pdu):
            self.is_master = True
        service.request_received(self)
        faults = service.comm_faults
        if faults.latency_s > 0:
            await asyncio.sleep(faults.latency_s)
        response = await self._execute(pdu, header.unit_id, faults.forced_exception)
        if faults.drop_this_response() or not self._open:
            return
        response.transaction_id = header.transaction_id
        response.dev_id = header.unit_id
        self.pdu_send(response)

    async def _execute(self, pdu: bytes, unit_id: int, forced_exception: int | None) -> ModbusPDU:
        return await execute_pdu(pdu, unit_id, self.server, forced_exception)


async def execute_pdu(pdu: bytes, unit_id: int, server: AcceptingServer, forced_exception: int | None) -> ModbusPDU:
    """Run one request PDU (function code + data) against the datablocks; any failure becomes an exception response.

    The one place a request is answered: every TCP connection calls it, and so does the
    lock-step session's socket-less client (:class:`simulator.modbus.lockstep.LoopbackClient`).
    """
    function = pdu[0]
    code = forced_exception or check_request(pdu)
    if code:
        return ExceptionResponse(function, code)
    request = server.decoder.decode(pdu)
    if request is None:  # check_request let through something pymodbus cannot decode
        return ExceptionResponse(function, ExceptionCode.ILLEGAL_DATA_VALUE)
    try:
        return await request.datastore_update(server.service.context, unit_id)
    except Exception as error:  # never let one request take the server down
        Log.error("Modbus request failed: {}", error)
        return ExceptionResponse(function, ExceptionCode.SERVER_DEVICE_FAILURE)
