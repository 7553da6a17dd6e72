"""The IEC 61131-3 standard function blocks, all in one place.

Each kind lives in its own small module; this one gathers them so a program can
write ``from simulator.plc.blocks import TON, CTU, R_TRIG``.

=========  ==============================  ======================================
Module     Blocks                          Korean
=========  ==============================  ======================================
timers     :class:`TON` :class:`TOF`       온딜레이, 오프딜레이, 펄스 타이머
           :class:`TP`
counters   :class:`CTU` :class:`CTD`       업, 다운, 업다운 카운터
           :class:`CTUD`
edges      :class:`R_TRIG` :class:`F_TRIG` 상승 에지, 하강 에지 검출
bistables  :class:`SR` :class:`RS`         세트 우선, 리셋 우선 래치
=========  ==============================  ======================================
"""

from __future__ import annotations

from simulator.plc.bistables import RS, SR
from simulator.plc.counters import CTD, CTU, CTUD, PV_MAX, PV_MIN
from simulator.plc.edges import F_TRIG, R_TRIG
from simulator.plc.timers import TIME_EPSILON_S, TOF, TON, TP

__all__ = [
    "CTD",
    "CTU",
    "CTUD",
    "F_TRIG",
    "PV_MAX",
    "PV_MIN",
    "RS",
    "R_TRIG",
    "SR",
    "TIME_EPSILON_S",
    "TOF",
    "TON",
    "TP",
]
