"""Racks of parts going through the line, and the production record each leaves (the MES view).

A :class:`Rack` is made at the load station with its barcode (rack number, part type, lot,
surface area). Every tank it visits adds a :class:`Visit` (entry, exit, the bath's
temperature); the zinc tank adds the charge that became zinc; the hoist notes its drip
times. When the rack is taken off at the unload station it is judged (:meth:`Rack.judge`)
and leaves a :class:`RackRecord`: one row of ``sflab sim --csv`` and of the SQLite table.

Defects and their causes (a rack may have several; the first named is the record's ``result``):

============== ==========================================================================
thin / thick    the gauge's mean thickness below / above the specification (8–13 µm)
burnt           the current density went above the bath's burning limit while plating
adhesion        degreased too short or too cold, or a rinse or the pickle was skipped
                (drag-in contamination): the zinc does not hold
stain           lifted out of a wet tank and moved on before it had dripped long enough
over_processed  left in a tank longer than its window allows (over-pickled, dull chromate …)
under_processed taken out of a tank before its minimum time (other than the zinc tank, whose
                time shows in the thickness)
damaged         dragged through a tank by a hoist travelling with the rack lowered
============== ==========================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Defect causes in the order a record names them.
DEFECTS = ("damaged", "burnt", "adhesion", "thin", "thick", "stain", "over_processed", "under_processed")


@dataclass
class Visit:
    """One immersion: which tank, when in and out, and the bath's temperature on the way in and out."""

    tank: str
    entered_s: float
    entry_c: float
    left_s: float = -1.0
    exit_c: float = 0.0

    @property
    def seconds(self) -> float:
        """How long the rack was in the tank (0 while it is still there)."""
        return max(0.0, self.left_s - self.entered_s)


@dataclass
class Rack:
    """A rack on its way through the line (the barcode, what happened to it, what it is worth)."""

    rack_id: int
    part_type: int
    lot: int
    area_dm2: float
    loaded_s: float
    visits: list[Visit] = field(default_factory=list)
    #: Zinc deposited so far (the mean over the rack's parts), in µm.
    thickness_um: float = 0.0
    #: Ampere-seconds passed through the rack in the zinc tank.
    charge_a_s: float = 0.0
    #: Highest current density seen while plating, in A/dm².
    peak_a_per_dm2: float = 0.0
    #: Defect causes found on the way, in the order found.
    causes: list[str] = field(default_factory=list)
    #: The gauge's reading at the unload station, in µm (0 until measured).
    measured_um: float = 0.0

    def note(self, cause: str) -> None:
        """Record a defect cause (once)."""
        if cause not in self.causes:
            self.causes.append(cause)

    def visit(self, tank: str) -> Visit | None:
        """The (last) visit to ``tank``, or None."""
        return next((v for v in reversed(self.visits) if v.tank == tank), None)

    def judge(self, spec_um: tuple[float, float]) -> str:
        """``"OK"`` or the first defect cause, after adding the thickness verdict."""
        low, high = spec_um
        if self.thickness_um < low:
            self.note("thin")
        elif self.thickness_um > high:
            self.note("thick")
        found = [cause for cause in DEFECTS if cause in self.causes]
        return found[0] if found else "OK"


@dataclass(frozen=True)
class VisitRecord:
    """One rack in one tank (table ``visits`` of the SQLite export): the MES's genealogy of a rack."""

    rack_id: int
    lot: int
    tank: str
    entered_s: float
    left_s: float
    seconds: float
    entry_c: float
    exit_c: float
    #: ``"OK"``, ``"SHORT"`` (under the tank's minimum) or ``"LONG"`` (over its maximum).
    window: str

    @classmethod
    def of(cls, rack: Rack, visit: Visit, min_s: float, max_s: float) -> VisitRecord:
        """The record of a finished visit, judged against the tank's window."""
        window = "SHORT" if visit.seconds < min_s else "LONG" if visit.seconds > max_s else "OK"
        return cls(
            rack_id=rack.rack_id,
            lot=rack.lot,
            tank=visit.tank,
            entered_s=round(visit.entered_s, 2),
            left_s=round(visit.left_s, 2),
            seconds=round(visit.seconds, 2),
            entry_c=round(visit.entry_c, 2),
            exit_c=round(visit.exit_c, 2),
            window=window,
        )


@dataclass(frozen=True)
class RackRecord:
    """One finished rack, as the MES stores it: barcode, times, bath data, thickness and verdict."""

    rack_id: int
    part_type: int
    lot: int
    area_dm2: float
    loaded_s: float
    finished_s: float
    zinc_s: float
    zinc_a_s: float
    #: The rectifier's energy for this rack (volts × ampere-seconds), in Wh: the rack's share for ESG reports.
    rectifier_wh: float
    peak_a_per_dm2: float
    degrease_s: float
    degrease_c: float
    thickness_um: float
    measured_um: float
    #: ``"OK"`` or the first defect cause (see the module's table).
    result: str
    #: Every cause found, joined by ``+`` (empty when good).
    causes: str
    #: Tanks in the order visited, with seconds in each: ``degrease:420 rinse1:45 …``.
    route: str

    @classmethod
    def of(cls, rack: Rack, finished_s: float, result: str, rectifier_volts: float) -> RackRecord:
        """The record of a judged rack (``rectifier_volts``: the rectifier's output voltage)."""
        zinc, degrease = rack.visit("zinc"), rack.visit("degrease")
        return cls(
            rack_id=rack.rack_id,
            part_type=rack.part_type,
            lot=rack.lot,
            area_dm2=round(rack.area_dm2, 2),
            loaded_s=rack.loaded_s,
            finished_s=finished_s,
            zinc_s=zinc.seconds if zinc else 0.0,
            zinc_a_s=round(rack.charge_a_s, 1),
            rectifier_wh=round(rectifier_volts * rack.charge_a_s / 3600.0, 2),
            peak_a_per_dm2=round(rack.peak_a_per_dm2, 3),
            degrease_s=degrease.seconds if degrease else 0.0,
            degrease_c=round(min(degrease.entry_c, degrease.exit_c), 2) if degrease else 0.0,
            thickness_um=round(rack.thickness_um, 3),
            measured_um=round(rack.measured_um, 2),
            result=result,
            causes="+".join(rack.causes),
            route=" ".join(f"{v.tank}:{v.seconds:.0f}" for v in rack.visits),
        )
