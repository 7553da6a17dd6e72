"""The process image: the PLC's copy of its inputs and outputs, read and written by name.

A program sees one object, ``io``, with one attribute per tag::

    def program(io):
        io.conveyor_motor = io.start_button or io.conveyor_motor

Its class is built per scene with ``__slots__``, so a misspelt tag name fails loudly
instead of quietly creating a new attribute, and reading a tag is as fast as Python
attribute access can be (the simulator runs ~100,000 scans a second).

The scan-cycle runtime writes inputs between scans; the Modbus server reads and
writes tags by table and address through :class:`ImageTables`.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

from simulator.plc.tags import REGISTER_MAX, Area, ModbusTable, Tag


class ProcessImageBase:
    """Base of every per-scene process image class; see :func:`make_process_image`."""

    __slots__ = ()
    #: All tags of the image, in scene order.
    TAGS: tuple[Tag, ...] = ()

    def __repr__(self) -> str:
        values = ", ".join(f"{tag.name}={getattr(self, tag.name)!r}" for tag in self.TAGS)
        return f"ProcessImage({values})"

    def as_dict(self) -> dict[str, bool | int]:
        """All tag values by name (a copy)."""
        return {tag.name: getattr(self, tag.name) for tag in self.TAGS}


class ProcessImage:
    """A process image for one set of tags, with fast bulk access for the runtime.

    Attributes:
        io: the object a program reads and writes (one attribute per tag).
        tags: all tags, in scene order.
    """

    def __init__(self, tags: Sequence[Tag]) -> None:
        self.tags: tuple[Tag, ...] = tuple(tags)
        self.by_name: dict[str, Tag] = {tag.name: tag for tag in self.tags}
        cls = type("IO", (ProcessImageBase,), {"__slots__": tuple(self.by_name), "TAGS": self.tags})
        self.io: Any = cls()
        self.input_names = tuple(t.name for t in self.tags if t.area is Area.DI)
        self.analog_names = tuple(t.name for t in self.tags if t.area is Area.AI)
        #: The analog output words (the end of ``output_names``): see :meth:`bad_word`.
        self.word_output_names = tuple(t.name for t in self.tags if t.area is Area.AO)
        #: Every output the PLC drives: the digital outputs, then the analog output words.
        self.output_names = tuple(t.name for t in self.tags if t.area is Area.DO) + self.word_output_names
        #: The outputs' safe state (PLC STOP, a lost Modbus master): every bit off, every word 0.
        self.safe_outputs: tuple[bool | int, ...] = tuple(
            False if self.by_name[name].is_bit else 0 for name in self.output_names
        )
        self.reset()
        #: Reads all outputs at once as a tuple, in ``output_names`` order.
        self.read_outputs = _tuple_getter(self.output_names)
        #: Reads all inputs (digital then analog) at once, for detecting writes to inputs.
        self.read_inputs = _tuple_getter(self.input_names + self.analog_names)
        #: Copies the field's digital input values into the image (input refresh).
        self.write_digital_inputs: Callable[[Iterable[bool]], None] = partial(_tuple_setter(self.input_names), self.io)
        #: Copies the A/D card's counts into the image (input refresh; every scan).
        self.write_analog_inputs: Callable[[Iterable[int]], None] = partial(_tuple_setter(self.analog_names), self.io)

    def reset(self) -> None:
        """Every bit False and every word 0, as at power-on."""
        for tag in self.tags:
            setattr(self.io, tag.name, False if tag.is_bit else 0)

    def write_outputs(self, values: Sequence[bool | int]) -> None:
        """Set every output, bits and words (used for the safe state and by a remote master)."""
        for name, value in zip(self.output_names, values, strict=True):
            setattr(self.io, name, bool(value) if self.by_name[name].is_bit else int(value))

    def bad_word(self) -> tuple[str, Any] | None:
        """The first analog output holding something a D/A card cannot take (not an int 0..65535), or None.

        A program may write ``io.heater = 55.5`` or a negative number; a real PLC would refuse
        to compile that, so the runtime stops with a message naming the tag instead.
        """
        for name in self.word_output_names:
            value = getattr(self.io, name)
            if type(value) is not int or not 0 <= value <= REGISTER_MAX:
                return name, value
        return None

    def tables(self) -> ImageTables:
        """The image seen as Modbus tables (for the Modbus server and the I/O monitor)."""
        return ImageTables(self)


# The runtime reads and writes whole groups of tags every scan (~100,000 times a simulated
# second): all inputs before the program and again after it (a program must not write them),
# the analog inputs, all outputs. ``io.a`` compiled into a function is the fastest access Python
# has (the interpreter specialises it for the slot); ``getattr``/``setattr`` and even
# ``operator.attrgetter`` look each name up again on every call and cost two to ten times more.
# So each group gets one small function, compiled once per image the way :mod:`dataclasses`
# builds an ``__init__``. The names are safe to compile: ``__slots__`` has already refused any
# that is not an identifier, and a keyword (``io.if``) takes the plain path instead.


def _tuple_getter(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """``read(io)`` returns ``(io.a, io.b, …)``: the tags ``names`` as a tuple (also for zero or one name)."""
    if not _compilable(names):
        return lambda io: tuple(getattr(io, name) for name in names)
    read: Callable[[Any], tuple[Any, ...]] = _compile("read", f"return ({_attributes(names)})")
    return read


def _tuple_setter(names: Sequence[str]) -> Callable[[Any, Iterable[Any]], None]:
    """``write(io, values)`` does ``io.a, io.b, … = values`` (a wrong number of values raises ValueError)."""
    if not _compilable(names):
        return lambda io, values: _setattr_each(io, names, values)
    write: Callable[[Any, Iterable[Any]], None] = _compile("write", f"({_attributes(names)}) = values", "values")
    return write


def _compilable(names: Sequence[str]) -> bool:
    return not any(keyword.iskeyword(name) for name in names)


def _attributes(names: Sequence[str]) -> str:
    """``io.a, io.b, `` (a trailing comma, so one name is a tuple too and none is ``()``)."""
    return "".join(f"io.{name}, " for name in names)


def _compile(name: str, statement: str, *arguments: str) -> Any:
    """``def name(io, *arguments): statement``, compiled."""
    source = f"def {name}({', '.join(('io', *arguments))}):\n    {statement}\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<process image: {name}>", "exec"), namespace)
    return namespace[name]


def _setattr_each(io: Any, names: Sequence[str], values: Iterable[Any]) -> None:
    for name, value in zip(names, values, strict=True):
        setattr(io, name, value)


class ImageTables:
    """The process image addressed the Modbus way: by table and 0-based address."""

    def __init__(self, image: ProcessImage) -> None:
        self.image = image
        self._by_address: dict[tuple[ModbusTable, int], Tag] = {
            (tag.area.modbus_table, tag.address): tag for tag in image.tags
        }

    def tag_at(self, table: ModbusTable, address: int) -> Tag | None:
        """The tag at ``address`` of ``table``, or None when nothing is mapped there."""
        return self._by_address.get((table, address))

    def read(self, table: ModbusTable, address: int) -> int:
        """Value at one address as Modbus carries it (0/1 for bits, 0..65535 for words)."""
        tag = self._by_address[(table, address)]
        return int(getattr(self.image.io, tag.name))

    def write(self, table: ModbusTable, address: int, value: int) -> None:
        """Write one value; bits take 0/1, words 0..65535."""
        tag = self._by_address[(table, address)]
        if tag.is_bit:
            setattr(self.image.io, tag.name, bool(value))
        else:
            if not 0 <= value <= REGISTER_MAX:
                raise ValueError(f"register value {value} out of 0..{REGISTER_MAX}")
            setattr(self.image.io, tag.name, int(value))
