"""Tags: the named signals of a PLC's process image and where Modbus finds them.

Every tag has a name a program uses (``io.start_button``), a Korean and an English
description, one of five areas of the process image and a fixed Modbus address.

Address base, stated once for the whole project
------------------------------------------------
``Tag.address`` is the **0-based protocol address** that travels in the Modbus PDU.
Traditional "data model" numbers (1-based, with a table prefix: coil ``00001``,
discrete input ``10001``, input register ``30001``, holding register ``40001``) are
shown next to it by :func:`model_number` so a reader of an HMI manual can match them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Area(Enum):
    """Areas of the process image, with the Modbus table each is served from."""

    #: Digital inputs (sensors, panel buttons): Modbus discrete inputs, read-only. XGT: P, MELSEC: X.
    DI = "DI"
    #: Digital outputs (actuators, lamps): Modbus coils. XGT: P, MELSEC: Y.
    DO = "DO"
    #: Memory bits (internal relays): Modbus coils after the outputs. XGT: M, MELSEC: M.
    M = "M"
    #: Analog input words (raw counts of an A/D card): Modbus input registers, read-only.
    AI = "AI"
    #: Memory words and setpoints: Modbus holding registers. XGT: D, MELSEC: D.
    HR = "HR"
    #: Analog output words (counts to a D/A card: a heater's power, a rectifier's current setpoint):
    #: Modbus holding registers, written by the program like a digital output. XGT: %UW/%QW, MELSEC: buffer memory.
    AO = "AO"

    @property
    def is_bit(self) -> bool:
        """True for the one-bit areas (DI, DO, M)."""
        return self in (Area.DI, Area.DO, Area.M)

    @property
    def is_plc_input(self) -> bool:
        """True for areas the plant writes and the program only reads (DI, AI)."""
        return self in (Area.DI, Area.AI)

    @property
    def modbus_table(self) -> ModbusTable:
        """The Modbus table this area is served from."""
        return _TABLE_OF_AREA[self]


class ModbusTable(Enum):
    """The four Modbus data tables, with the prefix of their traditional numbers."""

    COILS = 0
    DISCRETE_INPUTS = 1
    INPUT_REGISTERS = 3
    HOLDING_REGISTERS = 4

    @property
    def korean(self) -> str:
        """Korean name of the table."""
        return _KOREAN_TABLE_NAME[self]


_TABLE_OF_AREA = {
    Area.DI: ModbusTable.DISCRETE_INPUTS,
    Area.DO: ModbusTable.COILS,
    Area.M: ModbusTable.COILS,
    Area.AI: ModbusTable.INPUT_REGISTERS,
    Area.HR: ModbusTable.HOLDING_REGISTERS,
    Area.AO: ModbusTable.HOLDING_REGISTERS,
}

_KOREAN_TABLE_NAME = {
    ModbusTable.COILS: "코일",
    ModbusTable.DISCRETE_INPUTS: "디스크리트 입력",
    ModbusTable.INPUT_REGISTERS: "입력 레지스터",
    ModbusTable.HOLDING_REGISTERS: "홀딩 레지스터",
}

#: Largest value of a 16-bit Modbus register.
REGISTER_MAX = 0xFFFF


@dataclass(frozen=True)
class Tag:
    """One named signal of the process image."""

    #: Name used in programs, e.g. ``"start_button"``. A Python identifier.
    name: str
    #: Area of the process image.
    area: Area
    #: 0-based Modbus protocol address inside ``area.modbus_table``.
    address: int
    #: Korean description shown in the I/O map and the monitor.
    ko: str
    #: English description (``--lang en``).
    en: str
    #: What the tag is wired to in the plant, e.g. ``"sensor.entry_eye"``; empty for memory.
    signal: str = ""

    @property
    def is_bit(self) -> bool:
        """True when the tag holds one bit."""
        return self.area.is_bit

    def description(self, lang: str = "ko") -> str:
        """The description in ``lang`` (``"ko"`` or ``"en"``)."""
        return self.en if lang == "en" else self.ko


def model_number(tag: Tag) -> str:
    """Traditional 1-based Modbus number of ``tag``, e.g. ``"10003"`` for discrete input address 2."""
    return f"{tag.area.modbus_table.value}{tag.address + 1:04d}"
