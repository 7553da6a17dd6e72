"""A heated bath as a teacher can check it by hand: one temperature, heater in, losses out.

The bath (water, or the dryer's air and walls counted as litres of water) is one lumped heat
capacity. Newton's law of cooling with a heater::

    C · dT/dt = P − UA · (T − T_amb)

    C   = volume_l × 4.186 kJ/(L·K)         heat capacity, kJ/K
    UA  = loss_w_per_k                       heat lost per kelvin above the air, W/K
    P   = heater_kw × 1000 × power fraction  W

Between two changes of P the solution is exact, so the simulation needs no time steps::

    T(t) = T_∞ + (T₀ − T_∞) · exp(−t / τ),   T_∞ = T_amb + P / UA,   τ = 1000 · C / UA  (seconds)

Worked example (the scene's degreasing tank): C = 800 × 4.186 = 3349 kJ/K, UA = 90 W/K, so
τ = 37,209 s (about 10 h); at full power T_∞ = 20 + 18000 / 90 = 220 °C, so the heater is
strong enough to heat and a thermostat must switch it off. Heating from 20 °C to 60 °C
takes τ · ln((220 − 20) / (220 − 60)) = 8,303 s ≈ 2.3 h.

A rack that enters at the air's temperature mixes in at once (its heat capacity is small)::

    T = (C · T + C_rack · T_rack) / (C + C_rack)

Source: lumped-capacitance model (Incropera & DeWitt, *Fundamentals of Heat and Mass
Transfer*, ch. 5); water's specific heat 4.186 kJ/(kg·K), 1 L ≈ 1 kg.
"""

from __future__ import annotations

import math

#: Specific heat of water per litre, in kJ/(L·K).
WATER_KJ_PER_L_K = 4.186


class HeatedBath:
    """The temperature and heater energy of one heated tank.

    Args:
        volume_l: litres of bath (heat capacity from :data:`WATER_KJ_PER_L_K`).
        heater_kw: the heater's full power.
        loss_w_per_k: heat lost to the air per kelvin of difference, UA.
        ambient_c: the air's temperature.
        start_c: the bath's temperature when the simulation starts.
    """

    def __init__(self, volume_l: float, heater_kw: float, loss_w_per_k: float, ambient_c: float, start_c: float):
        self.heat_capacity_kj_per_k = volume_l * WATER_KJ_PER_L_K
        self.heater_kw = heater_kw
        self.loss_w_per_k = loss_w_per_k
        self.ambient_c = ambient_c
        #: Seconds of the bath's exponential response, τ = 1000·C / UA.
        self.tau_s = 1000.0 * self.heat_capacity_kj_per_k / loss_w_per_k
        self._start_c = start_c
        self._since_s = 0.0
        self._power_w = 0.0
        self._energy_j = 0.0
        #: False while the heater is broken (a fault): it draws and gives no power.
        self.working = True
        self._fraction = 0.0

    @property
    def power_fraction(self) -> float:
        """The heater's power now, as a share of its full power (0 while broken)."""
        return self._fraction if self.working else 0.0

    def final_c(self) -> float:
        """Where the temperature is heading at the present power: T_∞ = T_amb + P / UA."""
        return self.ambient_c + self._power_w / self.loss_w_per_k

    def temperature_c(self, now_s: float) -> float:
        """The bath's temperature at ``now_s`` (not before the last change)."""
        final = self.final_c()
        return final + (self._start_c - final) * math.exp(-(now_s - self._since_s) / self.tau_s)

    def energy_kwh(self, now_s: float) -> float:
        """Electrical energy the heater used since the start, in kWh."""
        return (self._energy_j + self._power_w * (now_s - self._since_s)) / 3.6e6

    def set_power(self, fraction: float, now_s: float) -> None:
        """Drive the heater at ``fraction`` (0..1) of its power from ``now_s`` on."""
        self._fraction = min(1.0, max(0.0, fraction))
        self._rebase(now_s)

    def set_working(self, working: bool, now_s: float) -> None:
        """A heater failure (False) or its repair (True), from ``now_s`` on."""
        self.working = working
        self._rebase(now_s)

    def add_rack(self, heat_capacity_kj_per_k: float, rack_c: float, now_s: float) -> None:
        """A rack at ``rack_c`` enters: the bath and the rack mix at once (weighted by heat capacity)."""
        self._rebase(now_s)
        bath = self.heat_capacity_kj_per_k
        self._start_c = (bath * self._start_c + heat_capacity_kj_per_k * rack_c) / (bath + heat_capacity_kj_per_k)

    def _rebase(self, now_s: float) -> None:
        """Fold the history up to ``now_s`` into a new starting point, then take the present power."""
        self._start_c = self.temperature_c(now_s)
        self._energy_j += self._power_w * (now_s - self._since_s)
        self._since_s = now_s
        self._power_w = self.heater_kw * 1000.0 * self._fraction if self.working else 0.0
