"""The hoist (carrier): travel along the line and lift up and down, at constant speeds, between events.

Two motions, each driven by two outputs, as on a real carrier:

- travel: ``forward`` (towards the unload station) or ``reverse``, at ``travel_speed_m_per_s``;
  both on, or neither, stands still (both on is also an interlock violation). It stops by
  itself at the line's ends.
- lift: ``up`` or ``down``, at ``lift_speed_m_per_s``, between the down limit (0 m: a rack
  hangs in the tank) and the up limit (``lift_height_m``: clear of every tank).

Positions are exact functions of time (x = x₀ + v·t), so the plant needs no time steps: the
next event is the next time a sensor changes — the hoist entering or leaving a station's
window (``station_window_m`` either side), reaching a limit or an end of the line.
A jammed drive (a fault) does not move; a slow one moves at its speed divided by the factor.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Travel and lift speeds below this (m/s) count as standing still.
STILL_M_PER_S = 1e-12
#: How long after crossing a window's edge the at-station sensor is read again, in seconds.
EDGE_PAST_S = 1e-6


class Hoist:
    """The carrier's position and lift height, from its four outputs.

    Args:
        stations_m: where it stops (load, tanks, unload), rising.
        travel_speed_m_per_s, lift_height_m, lift_speed_m_per_s, station_window_m: from the scene.
    """

    def __init__(
        self,
        stations_m: Sequence[float],
        travel_speed_m_per_s: float,
        lift_height_m: float,
        lift_speed_m_per_s: float,
        station_window_m: float,
    ) -> None:
        self.stations_m = tuple(stations_m)
        self.travel_speed_m_per_s = travel_speed_m_per_s
        self.lift_height_m = lift_height_m
        self.lift_speed_m_per_s = lift_speed_m_per_s
        self.window_m = station_window_m
        self.forward = self.reverse = self.up = self.down = False
        #: Travel and lift condition from faults: (jammed, slowness factor ≥ 1).
        self.travel_condition: tuple[bool, float] = (False, 1.0)
        self.lift_condition: tuple[bool, float] = (False, 1.0)
        self._x_m, self._lift_m, self._since_s = self.stations_m[0], lift_height_m, 0.0

    # ---------------------------------------------------------------- where it is
    @property
    def travel_m_per_s(self) -> float:
        """Signed travel speed now (+ towards unload)."""
        direction = (1 if self.forward else 0) - (1 if self.reverse else 0)
        jammed, slow = self.travel_condition
        return 0.0 if jammed else direction * self.travel_speed_m_per_s / slow

    @property
    def lift_m_per_s(self) -> float:
        """Signed lift speed now (+ up)."""
        direction = (1 if self.up else 0) - (1 if self.down else 0)
        jammed, slow = self.lift_condition
        return 0.0 if jammed else direction * self.lift_speed_m_per_s / slow

    def x_m(self, now_s: float) -> float:
        """Position along the line, in metres (stops at the first and last station)."""
        x = self._x_m + self.travel_m_per_s * (now_s - self._since_s)
        return min(self.stations_m[-1], max(self.stations_m[0], x))

    def lift_m(self, now_s: float) -> float:
        """Height of the hook above its lowest point, in metres (0 = in the tank)."""
        h = self._lift_m + self.lift_m_per_s * (now_s - self._since_s)
        return min(self.lift_height_m, max(0.0, h))

    def station(self, now_s: float) -> int | None:
        """Index of the station whose window the hoist is in, or None between stations."""
        x = self.x_m(now_s)
        for index, station in enumerate(self.stations_m):
            if abs(x - station) <= self.window_m + 1e-9:
                return index
        return None

    def at_top(self, now_s: float) -> bool:
        """The up limit switch."""
        return self.lift_m(now_s) >= self.lift_height_m - 1e-9

    def at_bottom(self, now_s: float) -> bool:
        """The down limit switch."""
        return self.lift_m(now_s) <= 1e-9

    def travelling(self) -> bool:
        """True while a travel output moves it (a jam or an end of the line aside)."""
        return abs(self.travel_m_per_s) > STILL_M_PER_S

    # ---------------------------------------------------------------- driving it
    def drive(self, now_s: float, **outputs: bool) -> None:
        """Set some of ``forward``, ``reverse``, ``up``, ``down`` from ``now_s`` on."""
        self.rebase(now_s)
        for name, on in outputs.items():
            setattr(self, name, on)

    def rebase(self, now_s: float) -> None:
        """Fold the motion so far into the position (before a speed changes)."""
        self._x_m, self._lift_m, self._since_s = self.x_m(now_s), self.lift_m(now_s), now_s

    def next_event_s(self, now_s: float) -> float:
        """When a sensor changes next if nothing else does: a station window's edge, a limit, a line end."""
        times = [math.inf]
        v = self.travel_m_per_s
        if abs(v) > STILL_M_PER_S:
            x = self.x_m(now_s)
            edges = [s + side * self.window_m for s in self.stations_m for side in (-1, 1)]
            edges += [self.stations_m[0], self.stations_m[-1]]
            ahead = [e for e in edges if (e - x) * v > 1e-9]
            if ahead:  # a microsecond past the edge, so the hoist is clearly in (or out of) the window
                times.append(now_s + min(abs(e - x) for e in ahead) / abs(v) + EDGE_PAST_S)
        w = self.lift_m_per_s
        h = self.lift_m(now_s)
        if w > STILL_M_PER_S and h < self.lift_height_m:
            times.append(now_s + (self.lift_height_m - h) / w)
        elif w < -STILL_M_PER_S and h > 0.0:
            times.append(now_s + h / -w)
        return min(times)
