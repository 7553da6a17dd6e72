"""Key performance indicators of a run: what a production manager reads at the end of a shift.

OEE (설비종합효율) = availability (시간가동률) × performance (성능가동률) × quality (양품률):

- planned time: from the first start of the line until now;
- operating time: time the equipment could produce (on a conveyor line: the sorting belt ran
  forward while the feeder was ready);
- availability = operating time / planned time;
- performance = ideal cycle time × parts produced / operating time (at most 1);
- quality = good units / units produced (on a sorting line a good part is a part within
  specification that reached its correct bin).

Every kind computes these from its own records and meters; what a kind counts beyond them
(mis-sorts, jams, burnt racks) lives in its subclass of :class:`Kpis`.

World-class OEE is about 85 %; most real plants run at 40–60 %.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, TypedDict


@dataclass(frozen=True)
class Problem:
    """Something that went wrong in a run, counted: a kind's own (mis-sorts and jams on a conveyor line)."""

    ko: str
    en: str
    count: int

    def name(self, lang: str = "ko") -> str:
        """The problem's name in ``lang`` (``"ko"`` or ``"en"``)."""
        return self.en if lang == "en" else self.ko


@dataclass(frozen=True, kw_only=True)
class Kpis:
    """The KPIs every plant has, at one moment. ``as_dict()`` gives the JSON of ``sflab sim --json``.

    A plant kind returns a subclass with its own fields (the conveyor line's
    :class:`~simulator.plant.conveyor.line_kpis.LineKpis` adds mis-sorts, jams and bins) and
    lists what went wrong in :meth:`problems`, which the screen's KPI panel and ``sflab sim``
    show for any kind.
    """

    scene: str
    seed: int
    sim_time_s: float
    #: Units finished (parts that reached a bin, racks unloaded …).
    produced: int
    #: Finished units within specification (and, on a sorting line, in their correct bin).
    good: int
    #: Defective units produced (wherever they went).
    defective: int
    #: Forward and reverse contactors energised together (a short circuit without an interlock).
    interlock_violations: int
    #: Units produced per hour of simulated time.
    throughput_per_h: float
    availability: float
    performance: float
    quality: float
    oee: float
    #: Electrical energy used, in kilowatt-hours.
    energy_kwh: float
    #: Energy per good unit, in watt-hours (0 when no good unit yet).
    energy_wh_per_good: float
    #: ``"RUN"`` or ``"STOP"``.
    plc_state: str = "RUN"
    #: Why the PLC stopped, in Korean (empty while it runs).
    plc_fault: str = ""

    def problems(self) -> list[Problem]:
        """What went wrong, counted; the kind's subclass says what (none here)."""
        return []

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


class ProductionFigures(TypedDict):
    """What :func:`production_figures` returns: fields of :class:`Kpis`, by name."""

    throughput_per_h: float
    availability: float
    performance: float
    quality: float
    oee: float
    energy_kwh: float
    energy_wh_per_good: float


def production_figures(
    *,
    now_s: float,
    produced: int,
    good: int,
    planned_s: float,
    operating_s: float,
    ideal_cycle_s: float,
    energy_kwh: float,
) -> ProductionFigures:
    """The fields of :class:`Kpis` every kind computes the same way (see the module docstring for OEE).

    Returns throughput per hour, availability, performance, quality, OEE, energy and energy per good unit.
    """
    availability = ratio(operating_s, planned_s)
    performance = ratio(ideal_cycle_s * produced, operating_s)
    quality = ratio(good, produced)
    return ProductionFigures(
        throughput_per_h=produced * 3600.0 / now_s if now_s > 0 else 0.0,
        availability=availability,
        performance=performance,
        quality=quality,
        oee=availability * performance * quality,
        energy_kwh=energy_kwh,
        energy_wh_per_good=energy_kwh * 1000.0 / good if good else 0.0,
    )
