"""The request checks of simulator.modbus.protocol, one rule of the specification per case."""

from __future__ import annotations

import struct

import pytest

from simulator.modbus.protocol import ExceptionCode, check_request, parse_header

OK = None
FUNCTION = ExceptionCode.ILLEGAL_FUNCTION
ADDRESS = ExceptionCode.ILLEGAL_DATA_ADDRESS
VALUE = ExceptionCode.ILLEGAL_DATA_VALUE


@pytest.mark.parametrize(
    ("pdu", "expected"),
    [
        pytest.param(struct.pack(">BHH", 1, 0, 10), OK, id="read-coils"),
        pytest.param(struct.pack(">BHH", 3, 0, 125), OK, id="read-125-registers"),
        pytest.param(struct.pack(">BHH", 3, 0, 126), VALUE, id="read-126-registers"),
        pytest.param(struct.pack(">BHH", 2, 0, 0), VALUE, id="count-zero"),
        pytest.param(struct.pack(">BHH", 1, 0, 2001), VALUE, id="count-2001-coils"),
        pytest.param(struct.pack(">BHH", 4, 65535, 2), ADDRESS, id="past-65535"),
        pytest.param(struct.pack(">BHH", 4, 65535, 1), OK, id="last-address"),
        pytest.param(struct.pack(">BHH", 5, 1, 0xFF00), OK, id="coil-on"),
        pytest.param(struct.pack(">BHH", 5, 1, 0x0000), OK, id="coil-off"),
        pytest.param(struct.pack(">BHH", 5, 1, 0x1234), VALUE, id="coil-bad-value"),
        pytest.param(struct.pack(">BHH", 6, 1, 0xFFFF), OK, id="write-register"),
        pytest.param(struct.pack(">BHHB", 15, 0, 10, 2) + b"\x07\x00", OK, id="write-coils"),
        pytest.param(struct.pack(">BHHB", 15, 0, 10, 1) + b"\x07", VALUE, id="write-coils-bytecount"),
        pytest.param(struct.pack(">BHHB", 15, 0, 10, 2) + b"\x07", VALUE, id="write-coils-short"),
        pytest.param(struct.pack(">BHHB", 16, 0, 2, 4) + b"\x00\x01\x00\x02", OK, id="write-registers"),
        pytest.param(struct.pack(">BHHB", 16, 0, 2, 4) + b"\x00\x01", VALUE, id="write-registers-short"),
        pytest.param(struct.pack(">BHHB", 16, 0, 124, 248) + bytes(248), VALUE, id="write-124-registers"),
        pytest.param(bytes([3, 0, 0]), VALUE, id="truncated"),
        pytest.param(struct.pack(">BHH", 3, 0, 1) + b"\x00", VALUE, id="trailing-byte"),
        pytest.param(struct.pack(">BHH", 7, 0, 1), FUNCTION, id="fc07"),
        pytest.param(struct.pack(">BHH", 43, 0, 1), FUNCTION, id="fc43"),
        pytest.param(bytes([0x83, 0, 0, 0, 1]), FUNCTION, id="fc-with-error-bit"),
        pytest.param(bytes([3]), VALUE, id="function-only"),
    ],
)
def test_check_request(pdu: bytes, expected: ExceptionCode | None) -> None:
    assert check_request(pdu) == expected


def test_header_needs_seven_bytes() -> None:
    assert parse_header(b"\x00\x01\x00\x00\x00\x06") is None


@pytest.mark.parametrize(
    ("protocol_id", "length", "trusted"),
    [(0, 6, True), (0, 2, True), (0, 254, True), (0, 1, False), (0, 0, False), (0, 255, False), (1, 6, False)],
)
def test_header_trust(protocol_id: int, length: int, trusted: bool) -> None:
    header = parse_header(struct.pack(">HHHB", 7, protocol_id, length, 1))
    assert header is not None
    assert header.trusted is trusted
    assert header.frame_bytes == 6 + length
