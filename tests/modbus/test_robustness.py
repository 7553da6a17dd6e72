"""Bad input over raw sockets: each answered the Modbus way while a second master keeps reading.

The rule under test: a header we cannot trust (protocol id not 0, length outside 2..254)
closes that one connection; a frame we can delimit but not accept gets an exception
response; a half frame or a silent client just waits. None of it stops the other master.
"""

from __future__ import annotations

import socket
import struct
import time

import pytest

from simulator.modbus.lockstep import LockstepSession
from tests.modbus.helpers import BackgroundReader, RawClient, frame, read_pdu


def exception_of(response: bytes) -> tuple[int, int, int]:
    """(transaction id, function code, exception code) of an exception response frame."""
    transaction_id, _, length = struct.unpack(">HHH", response[:6])
    assert length == 3, response.hex()
    return transaction_id, response[7], response[8]


@pytest.mark.parametrize(
    ("pdu", "function", "code"),
    [
        pytest.param(read_pdu(7, 0, 1), 0x87, 1, id="unknown-function-01"),
        pytest.param(read_pdu(43, 0, 1), 0xAB, 1, id="device-identification-01"),
        pytest.param(read_pdu(1, 500, 1), 0x81, 2, id="unmapped-address-02"),
        pytest.param(read_pdu(3, 0, 0), 0x83, 3, id="count-zero-03"),
        pytest.param(read_pdu(3, 0, 200), 0x83, 3, id="count-too-large-03"),
        pytest.param(struct.pack(">BHH", 5, 1, 0x1234), 0x85, 3, id="bad-coil-value-03"),
        pytest.param(bytes([3, 0, 0]), 0x83, 3, id="truncated-pdu-03"),
        pytest.param(struct.pack(">BHHB", 16, 100, 2, 4) + b"\x00\x01", 0x90, 3, id="short-write-03"),
    ],
)
def test_exception_responses(
    remote_session: LockstepSession, reader: BackgroundReader, pdu: bytes, function: int, code: int
) -> None:
    raw = RawClient(remote_session.port)
    raw.send(frame(77, pdu))
    assert exception_of(raw.receive_frame()) == (77, function, code)
    raw.send(frame(78, read_pdu(2, 0, 1)))  # the same connection still works
    assert raw.receive_frame()[7] == 2
    raw.close()
    assert reader.wait_for_more()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(frame(1, read_pdu(3, 0, 1), protocol_id=1), id="wrong-protocol-id"),
        pytest.param(frame(1, read_pdu(3, 0, 1), length=2000), id="oversized-length"),
        pytest.param(frame(1, b"", length=1), id="length-without-pdu"),
        pytest.param(b"GET / HTTP/1.1\r\nHost: plc\r\n\r\n", id="http-request"),
    ],
)
def test_untrusted_header_closes_only_that_connection(
    remote_session: LockstepSession, reader: BackgroundReader, data: bytes
) -> None:
    raw = RawClient(remote_session.port)
    raw.send(data + frame(2, read_pdu(2, 0, 1)))  # a valid request behind it is not answered
    assert raw.closed_by_server()
    raw.close()
    assert reader.wait_for_more()
    assert remote_session.service.status()["hang_ups"] == 1


def test_truncated_frame_waits_for_the_rest(remote_session: LockstepSession, reader: BackgroundReader) -> None:
    raw = RawClient(remote_session.port)
    whole = frame(9, read_pdu(2, 0, 3))
    raw.send(whole[:5])
    assert reader.wait_for_more()  # nobody waits for this client
    raw.send(whole[5:9])
    assert reader.wait_for_more()
    raw.send(whole[9:])
    response = raw.receive_frame()
    assert response[:2] == b"\x00\x09" and response[7] == 2
    raw.close()


def test_truncated_frame_then_hang_up(remote_session: LockstepSession, reader: BackgroundReader) -> None:
    raw = RawClient(remote_session.port)
    raw.send(frame(9, read_pdu(2, 0, 3))[:8])
    raw.close()
    assert reader.wait_for_more()
    assert remote_session.service.status()["clients"] == 1  # only the reader is left


def test_byte_by_byte(remote_session: LockstepSession, reader: BackgroundReader) -> None:
    raw = RawClient(remote_session.port)
    raw.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for byte in frame(5, read_pdu(4, 0, 1)):
        raw.send(bytes([byte]))
        time.sleep(0.002)
    response = raw.receive_frame()
    assert response[7] == 4 and response[8] == 2  # function 04, two bytes of data
    raw.close()
    assert reader.wait_for_more()


def test_pipelined_requests_in_one_segment_are_all_answered_in_order(
    remote_session: LockstepSession, reader: BackgroundReader
) -> None:
    raw = RawClient(remote_session.port)
    requests = b"".join(frame(100 + i, read_pdu(2 if i % 2 else 3, 0, 1)) for i in range(30))  # > 264 bytes
    raw.send(requests)
    ids = [struct.unpack(">H", raw.receive_frame()[:2])[0] for _ in range(30)]
    assert ids == [100 + i for i in range(30)]
    raw.close()
    assert reader.wait_for_more()


def test_silent_clients_do_not_stall_others(remote_session: LockstepSession, reader: BackgroundReader) -> None:
    silent = [RawClient(remote_session.port) for _ in range(5)]
    assert reader.wait_for_more()
    assert remote_session.service.status()["clients"] == 6
    for client in silent:
        client.close()


def test_flood_of_requests_is_cut_off(remote_session: LockstepSession, reader: BackgroundReader) -> None:
    raw = RawClient(remote_session.port)
    raw.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    try:  # never read the answers: the server must not queue requests without limit
        raw.send(frame(1, read_pdu(3, 0, 125)) * 20000)
    except (BrokenPipeError, ConnectionResetError):
        pass
    assert raw.closed_by_server(wait_s=5)
    raw.close()
    assert reader.wait_for_more()
    assert remote_session.service.status()["hang_ups"] == 1


def test_several_masters_at_once(remote_session: LockstepSession) -> None:
    readers = [BackgroundReader(remote_session.port) for _ in range(4)]
    try:
        assert all(r.wait_for_more(reads=50) for r in readers)
    finally:
        for r in readers:
            r.stop()
    assert all(r.failures == [] for r in readers)
