"""Key performance indicators of a run: what a production manager reads at the end of a shift.

OEE (설비종합효율) = availability (시간가동률) × performance (성능가동률) × quality (양품률):

- planned time: from the first start of the line until now;
- operating time: time the sorting belt ran forward while the feeder was ready;
- availability = operating time / planned time;
- performance = ideal cycle time × parts produced / operating time (at most 1);
- quality = good parts / parts produced, where a good part is a part within
  specification that reached its correct bin.

World-class OEE is about 85 %; most real plants run at 40–60 %.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class BinCount:
    """Parts in one bin, split by whether they were within specification."""

    good: int = 0
    defective: int = 0


@dataclass(frozen=True)
class Kpis:
    """The KPIs of a run at one moment. ``as_dict()`` gives the JSON of ``sflab sim --json``."""

    scene: str
    seed: int
    sim_time_s: float
    #: Parts that reached any bin.
    produced: int
    #: Parts within specification that reached their correct bin.
    good: int
    #: Defective parts produced (wherever they went).
    defective: int
    #: Parts that reached a bin that is not theirs.
    mis_sorts: int
    collisions: int
    jams: int
    #: Forward and reverse contactors energised together (a short circuit without an interlock).
    interlock_violations: int
    #: Parts produced per hour of simulated time.
    throughput_per_h: float
    availability: float
    performance: float
    quality: float
    oee: float
    #: Electrical energy used by the conveyor motors (and work stations, if any), in kilowatt-hours.
    energy_kwh: float
    #: Energy per good part, in watt-hours (0 when no good part yet).
    energy_wh_per_good: float
    feeder_breakdowns: int
    #: Belt motors that seized (a ``wear`` fault run to its end).
    motor_failures: int
    #: Parts in each bin.
    bins: dict[str, BinCount] = field(default_factory=dict)
    #: ``"RUN"`` or ``"STOP"``.
    plc_state: str = "RUN"
    #: Why the PLC stopped, in Korean (empty while it runs).
    plc_fault: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A plain dictionary (JSON-ready) with rounded values."""
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, float):
                data[key] = round(value, 6)
        return data


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, 0 when the denominator is 0, capped at 1."""
    return min(1.0, numerator / denominator) if denominator > 0 else 0.0
