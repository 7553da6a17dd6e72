"""What crosses the pipe between the grader and the student's process: plain data only.

Why: the trusted grading pass runs the student's code in a process of its own and asks it
questions ("scan once with these inputs", "call shift_oee with these records"). Whatever
comes back was written by the student's code, so the grader must read it without running
any of it. ``pickle`` would run code while loading; JSON cannot. So every message is one
JSON document, and the few things JSON has no word for travel as small tagged objects:

=================  ==========================================================  ==========
tag (key ``"§"``)  what                                                        direction
=================  ==========================================================  ==========
``nd``             numpy array of numbers or booleans (raw bytes, base64)      both
``tuple``/``set``  tuple, set                                                  both
``dict``           a dict whose keys are not all strings                       both
``bytes``          bytes                                                       both
``ref``            a student's function, class or object, by number            student →
``io``             the PLC's process image (only the tags that changed)        → student
``dc``             a grader's dataclass (a production record …), by fields     → student
``cb``             a grader object the student may call back (Modbus client)   → student
=================  ==========================================================  ==========

:func:`decode_reply` is the grader's reader: it accepts only the first five tags and
``ref``, checks numpy dtypes against a short list, and never imports a name the student
chose. Frames are a 4-byte big-endian length and UTF-8 JSON, at most :data:`MAX_FRAME_BYTES`.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import math
from typing import Any

import numpy as np

#: Largest message either side accepts, in bytes (a day of production records is ~10 MB).
MAX_FRAME_BYTES = 256 * 1024 * 1024
#: Deepest nesting the grader decodes (a reply nested deeper is refused, not recursed into).
MAX_DEPTH = 64
#: numpy dtypes that may cross the pipe: numbers and booleans, never ``object``.
SAFE_DTYPES = frozenset(
    {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"}
)
TAG = "§"


class WireError(ValueError):
    """A message that is not plain data, or breaks a limit (the student's reply is refused)."""


# ---------------------------------------------------------------- framing
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=True)
_DECODER = json.JSONDecoder()


def frame(message: Any) -> bytes:
    """One message as bytes: 4-byte length, then compact UTF-8 JSON."""
    body = _ENCODER.encode(message).encode("utf-8")
    if len(body) > MAX_FRAME_BYTES:
        raise WireError(f"message of {len(body)} bytes is larger than {MAX_FRAME_BYTES}")
    return len(body).to_bytes(4, "big") + body


def frame_length(header: bytes) -> int:
    """The body length announced by a 4-byte header, checked against the limit."""
    length = int.from_bytes(header, "big")
    if length > MAX_FRAME_BYTES:
        raise WireError(f"announced message of {length} bytes is larger than {MAX_FRAME_BYTES}")
    return length


def parse(body: bytes) -> Any:
    """A frame's body as JSON values (dicts, lists, strings, numbers, None)."""
    try:
        return _DECODER.decode(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise WireError(f"not a JSON message: {error}") from None


# ---------------------------------------------------------------- plain values, both ways
def encode(value: Any, extra: Any = None) -> Any:
    """``value`` as JSON-ready data; ``extra(value)`` may encode what is not plain (or return None)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {TAG: "float", "v": repr(value)}
    if isinstance(value, np.generic):
        return encode(value.item(), extra)
    if isinstance(value, list):
        return [encode(v, extra) for v in value]
    if isinstance(value, tuple):
        return {TAG: "tuple", "items": [encode(v, extra) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {TAG: "set", "items": [encode(v, extra) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and k != TAG for k in value):
            return {k: encode(v, extra) for k, v in value.items()}
        return {TAG: "dict", "items": [[encode(k, extra), encode(v, extra)] for k, v in value.items()]}
    if isinstance(value, (bytes, bytearray)):
        return {TAG: "bytes", "b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, np.ndarray) and value.dtype.name in SAFE_DTYPES:
        data = np.ascontiguousarray(value)
        return {
            TAG: "nd",
            "dtype": data.dtype.name,
            "shape": list(data.shape),
            "b64": base64.b64encode(data.astype(data.dtype.newbyteorder("<")).tobytes()).decode("ascii"),
        }
    if isinstance(value, np.ndarray):  # strings or objects: element by element
        return {TAG: "tuple", "items": [encode(v, extra) for v in value.tolist()]}
    if extra is not None:
        special = extra(value)
        if special is not None:
            return special
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        fields = {f.name: encode(getattr(value, f.name), extra) for f in dataclasses.fields(value)}
        return {TAG: "dc", "type": f"{cls.__module__}:{cls.__qualname__}", "fields": fields}
    raise WireError(f"cannot send a {type(value).__name__} to the other process (plain data only)")


def decode_reply(data: Any, refs: Any = None) -> Any:
    """Read data the *student's* process sent: plain values, arrays, and ``refs(tagged)`` for refs.

    Raises:
        WireError: for any tag outside the grader's list, an unsafe dtype, malformed fields, or
            nesting deeper than :data:`MAX_DEPTH`.
    """
    try:
        return _decode(data, refs, 0)
    except WireError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as error:  # malformed fields (binascii.Error too)
        raise WireError(f"malformed reply: {type(error).__name__}: {error}") from None


def _decode(data: Any, refs: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise WireError("reply nested too deeply")
    if isinstance(data, list):
        return [_decode(v, refs, depth + 1) for v in data]
    if not isinstance(data, dict):
        return data
    tag = data.get(TAG)
    if tag is None:
        return {k: _decode(v, refs, depth + 1) for k, v in data.items()}
    items = data.get("items", [])
    if tag == "tuple":
        return tuple(_decode(v, refs, depth + 1) for v in items)
    if tag == "set":
        return {_hashable(_decode(v, refs, depth + 1)) for v in items}
    if tag == "dict":
        return {_hashable(_decode(k, refs, depth + 1)): _decode(v, refs, depth + 1) for k, v in items}
    if tag == "float":
        return float(str(data.get("v")))
    if tag == "bytes":
        return base64.b64decode(str(data.get("b64", "")), validate=True)
    if tag == "nd":
        return _array(data)
    if tag == "ref" and refs is not None:
        return refs(data)
    raise WireError(f"a reply may not contain {tag!r}")


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        raise WireError("a dict key or set item that cannot be hashed") from None
    return value


def _array(data: dict[str, Any]) -> np.ndarray:
    dtype = str(data.get("dtype"))
    if dtype not in SAFE_DTYPES:
        raise WireError(f"numpy dtype {dtype!r} may not cross the pipe")
    shape = tuple(int(n) for n in data.get("shape", []))
    raw = base64.b64decode(str(data.get("b64", "")), validate=True)
    if any(n < 0 for n in shape) or len(raw) != np.dtype(dtype).itemsize * math.prod(shape):
        raise WireError("numpy array data does not match its shape")
    array = np.frombuffer(raw, dtype=np.dtype(dtype).newbyteorder("<"))
    return array.reshape(shape).astype(np.dtype(dtype).newbyteorder("="))
