"""The row of tanks: what a rack meets in each, the zinc bath's rectifier and chemistry, and plating itself.

A rack entering a tank starts a :class:`~simulator.plant.plating.racks.Visit` (a heated bath
cools a little as the cold rack mixes in); leaving ends it and checks the tank's window
(``min_s``–``max_s``). In the zinc tank the rectifier's current plates the rack by Faraday's
law (:mod:`~simulator.plant.plating.faraday`), integrated in steps no longer than the line's
sampling period (half a second); the bath loses zinc with every rack (drag-out) and the
dosing pump puts it back.
"""

from __future__ import annotations

from collections.abc import Sequence

from simulator.plant.plating.faraday import deposit_um, efficiency
from simulator.plant.plating.racks import Rack, Visit, VisitRecord
from simulator.plant.plating.thermal import HeatedBath
from simulator.scenes.plating_line import PlatingScene, TankSpec

#: Tanks whose skipping leaves dirt or oil on the parts: the zinc will not hold (adhesion).
CLEANING_ROLES = ("degrease", "pickle", "rinse")
#: Highest zinc concentration the dosing pump can reach, as a multiple of the nominal one.
ZINC_MAX_FACTOR = 1.5


class Rectifier:
    """The zinc tank's DC supply: a current setpoint, on/off, a trip fault, and its energy."""

    def __init__(self, max_a: float, volts: float) -> None:
        self.max_a = max_a
        self.volts = volts
        self.on = False
        self.setpoint_a = 0.0
        #: False while tripped (a fault): no current.
        self.working = True
        self.energy_wh = 0.0

    def current_a(self, circuit_closed: bool) -> float:
        """The current flowing: the setpoint (at most the maximum) when on, working and a rack closes the circuit."""
        if not (self.on and self.working and circuit_closed):
            return 0.0
        return min(self.setpoint_a, self.max_a)


class ZincChemistry:
    """Zinc metal in the bath, g/L: down by ``drag_out`` with each rack, up while the dosing pump runs."""

    def __init__(self, nominal_g_per_l: float, drag_out_g_per_l: float, dosing_g_per_l_per_s: float) -> None:
        self.nominal = nominal_g_per_l
        self.drag_out = drag_out_g_per_l
        self.dosing_rate = dosing_g_per_l_per_s
        self.pump = False
        #: False while the pump is stuck (a fault).
        self.working = True
        self._at_g_per_l, self._since_s = nominal_g_per_l, 0.0

    def g_per_l(self, now_s: float) -> float:
        """The concentration at ``now_s``."""
        rate = self.dosing_rate if self.pump and self.working else 0.0
        return min(self.nominal * ZINC_MAX_FACTOR, self._at_g_per_l + rate * (now_s - self._since_s))

    def set_pump(self, on: bool, working: bool, now_s: float) -> None:
        """The pump's command or condition changed at ``now_s``."""
        self._at_g_per_l, self._since_s = self.g_per_l(now_s), now_s
        self.pump, self.working = on, working

    def rack_left(self, now_s: float) -> None:
        """A rack left the bath with some of it on its parts."""
        self._at_g_per_l, self._since_s = max(0.0, self.g_per_l(now_s) - self.drag_out), now_s


class TankRow:
    """Every tank of the line, its rack (if any), the heated baths, the rectifier and the zinc chemistry."""

    def __init__(self, scene: PlatingScene) -> None:
        self.scene = scene
        self.specs: tuple[TankSpec, ...] = scene.tanks
        self.racks: list[Rack | None] = [None] * len(self.specs)
        self.baths = {
            t.name: HeatedBath(t.volume_l, t.heater_kw, t.loss_w_per_k, scene.ambient_c, t.start_c)
            for t in self.specs
            if t.heated
        }
        zinc = scene.zinc
        self.zinc_index = next(i for i, t in enumerate(self.specs) if t.role == "zinc")
        self.rectifier = Rectifier(zinc.rectifier_max_a, zinc.rectifier_volts)
        self.chemistry = ZincChemistry(zinc.zinc_g_per_l, zinc.drag_out_g_per_l, zinc.dosing_g_per_l_per_s)
        self._plated_to_s = 0.0
        #: Every finished immersion, in the order the racks left their tanks.
        self.visit_records: list[VisitRecord] = []

    # ---------------------------------------------------------------- temperatures
    def temperature_c(self, index: int, now_s: float) -> float:
        """The bath's temperature (the air's for an unheated tank)."""
        bath = self.baths.get(self.specs[index].name)
        return bath.temperature_c(now_s) if bath else self.scene.ambient_c

    # ---------------------------------------------------------------- racks in and out
    def enter(self, index: int, rack: Rack, now_s: float) -> None:
        """``rack`` is lowered into tank ``index``: skipped tanks are noted, a heated bath mixes with it."""
        self.plate_to(now_s)
        spec = self.specs[index]
        done = {v.tank for v in rack.visits}
        for earlier in self.specs[:index]:
            if earlier.name not in done and earlier.role in CLEANING_ROLES:
                rack.note("adhesion")  # drag-in: oil or acid carried into the next bath
        bath = self.baths.get(spec.name)
        if bath is not None:
            bath.add_rack(self.scene.rack.heat_capacity_kj_per_k, self.scene.ambient_c, now_s)
        rack.visits.append(Visit(spec.name, now_s, self.temperature_c(index, now_s)))
        self.racks[index] = rack

    def leave(self, index: int, now_s: float) -> Rack:
        """The rack of tank ``index`` is lifted out at ``now_s``: its visit ends and is judged against the window."""
        self.plate_to(now_s)
        rack = self.racks[index]
        assert rack is not None
        self.racks[index] = None
        spec = self.specs[index]
        visit = rack.visits[-1]
        visit.left_s, visit.exit_c = now_s, self.temperature_c(index, now_s)
        if visit.seconds > spec.max_s:
            rack.note("over_processed")
        if spec.role == "degrease":
            low_c = spec.window_c[0]
            if visit.seconds < spec.min_s or min(visit.entry_c, visit.exit_c) < low_c:
                rack.note("adhesion")  # oil left on the parts
        elif spec.role != "zinc" and visit.seconds < spec.min_s:
            rack.note("under_processed")
        if index == self.zinc_index:
            self.chemistry.rack_left(now_s)
        self.visit_records.append(VisitRecord.of(rack, visit, spec.min_s, spec.max_s))
        return rack

    # ---------------------------------------------------------------- plating
    def current_a(self) -> float:
        """The rectifier's current now (a rack in the zinc tank closes the circuit)."""
        return self.rectifier.current_a(self.racks[self.zinc_index] is not None)

    def plate_to(self, now_s: float) -> None:
        """Plate the zinc tank's rack from the last step up to ``now_s`` at the present current.

        Call before anything that changes the current or the bath, and at least every sampling
        period: the efficiency is taken at the start of each step.
        """
        dt = now_s - self._plated_to_s
        self._plated_to_s = now_s
        current = self.current_a()
        if dt <= 0 or current <= 0:
            return
        rack = self.racks[self.zinc_index]
        assert rack is not None
        start_s = now_s - dt
        zinc = self.scene.zinc
        spec = self.specs[self.zinc_index]
        j = current / rack.area_dm2
        eff = efficiency(
            self.temperature_c(self.zinc_index, start_s),
            self.chemistry.g_per_l(start_s),
            window_c=spec.window_c,
            efficiency_max=zinc.efficiency_max,
            loss_per_c=zinc.efficiency_loss_per_c,
            zinc_low_g_per_l=zinc.zinc_low_g_per_l,
        )
        rack.thickness_um += deposit_um(j, dt / 60.0, eff)
        rack.charge_a_s += current * dt
        rack.peak_a_per_dm2 = max(rack.peak_a_per_dm2, j)
        if j > zinc.burn_a_per_dm2:
            rack.note("burnt")
        self.rectifier.energy_wh += self.rectifier.volts * current * dt / 3600.0

    def heater_kwh(self, now_s: float) -> float:
        """Energy of every heater so far."""
        return sum(bath.energy_kwh(now_s) for bath in self.baths.values())

    def rack_seconds(self, now_s: float) -> Sequence[float]:
        """Seconds each tank's rack has been in it (0 for an empty tank)."""
        return [now_s - rack.visits[-1].entered_s if rack else 0.0 for rack in self.racks]
