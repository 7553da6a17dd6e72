"""Shift reports: production, quality and energy per 8-hour shift (A, B, C).

The production records say what each part became; the plant notes its operating time
and energy at every shift change, so each shift gets its own OEE — and a shift where the
process drifted stands out in its height statistics (L08).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from simulator.plant.conveyor.items import ProductionRecord

#: Length of one shift, in seconds.
SHIFT_S = 8 * 3600.0
#: Shift letters, in order (the day repeats).
SHIFT_LETTERS = "ABC"


@dataclass(frozen=True)
class ShiftReport:
    """One shift's results."""

    #: 0 for the first shift of the run, 1 for the next, …
    index: int
    #: ``"A"``, ``"B"`` or ``"C"``.
    letter: str
    start_s: float
    end_s: float
    produced: int
    good: int
    defective: int
    mis_sorts: int
    #: Mean and standard deviation of part height, in millimetres (0 when no part).
    height_mean_mm: float
    height_sd_mm: float
    #: Time the line ran with the feeder ready, in seconds.
    operating_s: float
    #: Conveyor motor energy, in kilowatt-hours.
    energy_kwh: float

    @property
    def defect_rate(self) -> float:
        """Defective parts per part produced (불량률)."""
        return self.defective / self.produced if self.produced else 0.0


def shift_of(time_s: float) -> int:
    """Index of the shift that ``time_s`` falls in."""
    return int(time_s // SHIFT_S)


def build_reports(
    records: Sequence[ProductionRecord],
    boundaries: Sequence[tuple[float, float]],
    now_s: float,
) -> list[ShiftReport]:
    """Reports for every shift up to ``now_s``.

    Args:
        records: the production records.
        boundaries: cumulative (operating seconds, energy kWh) at the end of each finished shift,
            followed by the values now.
        now_s: the current simulated time, in seconds.
    """
    reports = []
    previous = (0.0, 0.0)
    for index, totals in enumerate(boundaries):
        start_s, end_s = index * SHIFT_S, min(now_s, (index + 1) * SHIFT_S)
        mine = [r for r in records if shift_of(r.finished_s) == index]
        heights = [r.height_mm for r in mine]
        reports.append(
            ShiftReport(
                index=index,
                letter=SHIFT_LETTERS[index % len(SHIFT_LETTERS)],
                start_s=start_s,
                end_s=end_s,
                produced=len(mine),
                good=sum(1 for r in mine if r.result == "OK"),
                defective=sum(1 for r in mine if r.defect),
                mis_sorts=sum(1 for r in mine if r.result == "MIS_SORT"),
                height_mean_mm=statistics.fmean(heights) if heights else 0.0,
                height_sd_mm=statistics.pstdev(heights) if len(heights) > 1 else 0.0,
                operating_s=totals[0] - previous[0],
                energy_kwh=totals[1] - previous[1],
            )
        )
        previous = totals
    return reports
