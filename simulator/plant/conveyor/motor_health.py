"""Motor condition signals: the current, winding temperature and vibration of a belt motor.

What a condition-monitoring retrofit (중간1 → 고도) adds to a line: a current transducer,
a temperature probe and an IO-Link vibration sensor on each motor, sampled once a second.
The model is simple on purpose, so students can reason about it:

- current (A): the 24 V DC gear motor draws ``power / 24 V`` × load, where the load grows
  with every part riding on its belt;
- winding temperature (°C): a first-order thermal model — it rises towards
  ambient + ``TEMPERATURE_RISE_C`` × load² with time constant ``THERMAL_TAU_S``;
- vibration (mm/s RMS, as ISO 10816 measures it): about 1 mm/s on a healthy running motor.

A ``wear`` fault (a bearing wearing out) makes vibration grow exponentially from its start,
warming the motor and raising its current with it; when vibration passes
``BREAKDOWN_MM_S`` the motor fails and its belt stops until repaired. Anomaly detection
(L09) is about seeing this coming before the breakdown.
"""

from __future__ import annotations

import math

import numpy as np

#: Supply voltage of the belt motors, in volts.
SUPPLY_V = 24.0
#: Share of rated load with an empty belt, and added per part riding on it.
IDLE_LOAD, LOAD_PER_PART = 0.55, 0.06
#: Ambient temperature, in °C; winding rise at rated load, in kelvin; thermal time constant, in s.
AMBIENT_C, TEMPERATURE_RISE_C, THERMAL_TAU_S = 25.0, 35.0, 900.0
#: Vibration of a healthy running motor and of a standing one, in mm/s RMS.
HEALTHY_MM_S, STANDING_MM_S = 1.1, 0.05
#: Vibration at which the bearing seizes (ISO 10816-1 zone D for small machines), in mm/s.
BREAKDOWN_MM_S = 11.2
#: Extra winding heating from a worn bearing's friction while the motor turns, in kelvin per mm/s of wear.
BEARING_HEATING_C_PER_MM_S = 2.0
#: Vibration added by wear at the start of its exponential growth, in mm/s.
WEAR_SCALE_MM_S = 0.25
#: Relative noise of each measurement (one standard deviation).
NOISE_SHARE = {"current": 0.02, "temperature": 0.002, "vibration": 0.06}
#: Counts per unit of each analog tag: mA, tenths of a degree, hundredths of mm/s.
COUNTS_PER_UNIT = {"current": 1000.0, "temperature": 10.0, "vibration": 100.0}
#: Largest count of an analog tag (16-bit register).
COUNT_MAX = 65535


class MotorHealth:
    """Condition of one belt motor, advanced once per sampling period."""

    def __init__(self, motor_power_w: float, rng: np.random.Generator) -> None:
        self.rated_current_a = motor_power_w / SUPPLY_V
        self._rng = rng
        #: Latest measurements: current in A, winding temperature in °C, vibration in mm/s RMS.
        self.current_a = 0.0
        self.temperature_c = AMBIENT_C
        self.vibration_mm_s = STANDING_MM_S
        #: True winding temperature (the measurement adds probe noise), in °C.
        self._winding_c = AMBIENT_C
        #: Wear growth rate (per hour) and when it began, from a ``wear`` fault.
        self.wear_per_h = 0.0
        self.wear_since_s = 0.0
        #: True once the bearing has seized (the belt cannot run until repaired).
        self.failed = False

    def start_wear(self, per_h: float, now_s: float) -> None:
        """A bearing starts wearing out at ``now_s``, growing by ``per_h`` e-folds an hour."""
        self.wear_per_h, self.wear_since_s = per_h, now_s

    def repair(self) -> None:
        """Replace the bearing: no wear, no failure."""
        self.wear_per_h, self.failed = 0.0, False

    def wear_mm_s(self, now_s: float) -> float:
        """Vibration added by wear at ``now_s``, in mm/s."""
        if self.wear_per_h <= 0:
            return 0.0
        hours = (now_s - self.wear_since_s) / 3600.0
        return WEAR_SCALE_MM_S * (math.exp(self.wear_per_h * hours) - 1.0)

    def update(self, now_s: float, dt_s: float, running: bool, parts_on_belt: int) -> bool:
        """Advance by ``dt_s`` seconds; returns True when the motor has just failed."""
        wear_mm_s = self.wear_mm_s(now_s)
        load = (IDLE_LOAD + LOAD_PER_PART * parts_on_belt) * (1.0 + 0.03 * wear_mm_s) if running else 0.0
        noise = self._rng.standard_normal(3)
        self.current_a = load * self.rated_current_a * (1.0 + NOISE_SHARE["current"] * noise[0]) if running else 0.0
        bearing_friction_c = BEARING_HEATING_C_PER_MM_S * wear_mm_s if running else 0.0  # only while it turns
        heating_c = AMBIENT_C + TEMPERATURE_RISE_C * load * load + bearing_friction_c
        self._winding_c += (heating_c - self._winding_c) * (1.0 - math.exp(-dt_s / THERMAL_TAU_S))
        self.temperature_c = self._winding_c * (1.0 + NOISE_SHARE["temperature"] * noise[1])
        base_mm_s = HEALTHY_MM_S + wear_mm_s if running else STANDING_MM_S
        self.vibration_mm_s = max(0.0, base_mm_s * (1.0 + NOISE_SHARE["vibration"] * noise[2]))
        if running and not self.failed and HEALTHY_MM_S + wear_mm_s >= BREAKDOWN_MM_S:
            self.failed = True
            return True
        return False

    def value(self, quantity: str) -> float:
        """The latest measurement of ``quantity`` (current in A, temperature in °C, vibration in mm/s)."""
        if quantity == "current":
            return self.current_a
        if quantity == "temperature":
            return self.temperature_c
        return self.vibration_mm_s

    def noise(self) -> float:
        """One standard-normal sample from the motors' seeded stream (for noise faults)."""
        return float(self._rng.standard_normal())


class MotorSignal:
    """One analog input wired to a motor's condition: integer counts of an engineering unit."""

    def __init__(self, health: MotorHealth, quantity: str) -> None:
        self.health = health
        self.quantity = quantity
        self.scale = COUNTS_PER_UNIT[quantity]
        #: Counts the input can show (a 16-bit register).
        self.raw_counts = (0, COUNT_MAX)

    def read_counts(self, now_s: float, extra_noise: float = 0.0, offset: float = 0.0) -> int:
        """The reading in counts; ``offset`` (a drift fault) is in the signal's own unit."""
        value = self.health.value(self.quantity) + offset
        if extra_noise:
            value += extra_noise * self.health.noise()
        return min(COUNT_MAX, max(0, round(value * self.scale)))
