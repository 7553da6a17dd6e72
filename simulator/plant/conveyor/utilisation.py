"""Utilisation (가동률) of the feeder and the work stations: where does the line lose its time?

Every station of a line is, at any moment, in one of four states:

- **busy** (가동): working on a part (the feeder: making the next part; a work station: a part inside);
- **starved** (대기·공급 부족): ready, but no part to work on;
- **blocked** (막힘): holding a finished part it cannot pass on (the feeder: no room on the belt,
  or switched off by the PLC because the buffer is full). In this model a work station is never
  blocked: the time its finished part needs to clear the stop counts as busy;
- **down** (고장): broken down.

The station busy for the largest share of the time is the line's bottleneck (병목 공정): the
stations before it are often blocked, the stations after it often starved. Speeding up any
other station does not raise the output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from collections.abc import Sequence

    from simulator.plant.conveyor.feeder import Feeder
    from simulator.plant.conveyor.station import Station


class UtilisationRow(TypedDict):
    """One station's shares of the time so far, in percent (they add up to 100)."""

    name: str
    ko: str
    busy_pct: float
    starved_pct: float
    blocked_pct: float
    down_pct: float
    #: Parts the station finished (the feeder: parts placed on the belt).
    parts: int


def _pct(part_s: float, total_s: float) -> float:
    return round(100.0 * part_s / total_s, 2) if total_s > 0 else 0.0


def _overlap_s(station: Station, now_s: float) -> float:
    """Time the station was down with a part inside (counted as down, not busy), in seconds."""
    return station.down_with_part.total_s(now_s)


def utilisation_rows(feeder: Feeder, stations: Sequence[Station], now: float) -> list[UtilisationRow]:
    """The feeder first, then every work station along the line, from time 0 until ``now`` (seconds)."""
    busy, blocked, down = (watch.total_s(now) for watch in (feeder.working, feeder.blocked, feeder.down))
    rows = [
        UtilisationRow(
            name="feeder",
            ko=feeder.spec.ko,
            busy_pct=_pct(busy, now),
            starved_pct=0.0,
            blocked_pct=_pct(blocked, now),
            down_pct=_pct(down, now),
            parts=feeder.placed,
        )
    ]
    for station in stations:
        down_s = station.down.total_s(now)
        busy_s = station.busy.total_s(now) - _overlap_s(station, now)
        rows.append(
            UtilisationRow(
                name=station.spec.name,
                ko=station.spec.ko,
                busy_pct=_pct(busy_s, now),
                starved_pct=_pct(now - busy_s - down_s, now),
                blocked_pct=0.0,
                down_pct=_pct(down_s, now),
                parts=station.parts,
            )
        )
    return rows
