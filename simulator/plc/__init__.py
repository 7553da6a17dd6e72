"""The simulated PLC: process image, scan-cycle runtime and IEC 61131-3 function blocks."""

from __future__ import annotations

from simulator.plc.blocks import CTD, CTU, CTUD, F_TRIG, R_TRIG, RS, SR, TOF, TON, TP
from simulator.plc.clock import ScanClock, using_clock
from simulator.plc.image import ProcessImage
from simulator.plc.runtime import PlcRuntime, PlcState
from simulator.plc.tags import Area, ModbusTable, Tag

__all__ = [
    "CTD",
    "CTU",
    "CTUD",
    "F_TRIG",
    "R_TRIG",
    "RS",
    "SR",
    "TOF",
    "TON",
    "TP",
    "Area",
    "ModbusTable",
    "PlcRuntime",
    "PlcState",
    "ProcessImage",
    "ScanClock",
    "Tag",
    "using_clock",
]
