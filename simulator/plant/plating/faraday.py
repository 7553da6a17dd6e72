"""Zinc deposit by Faraday's law, and what makes a bath plate worse.

Faraday's law: a charge Q deposits m = Q · M / (z · F) of metal. For zinc (M = 65.38 g/mol,
z = 2, density 7.14 g/cm³), 1 A/dm² for one minute on 1 dm² (100 cm²)::

    Q = 1 A × 60 s = 60 C
    m = 60 × 65.38 / (2 × 96,485) = 0.020 33 g
    thickness = m / (7.14 g/cm³ × 100 cm²) = 2.847 × 10⁻⁵ cm = 0.2847 µm

so the deposit grows :data:`UM_PER_MIN_PER_A_DM2` ≈ 0.285 µm per minute per A/dm² at 100 %
cathode efficiency (domain.md, "Busan"). At 2 A/dm² and 95 %: 0.285 × 2 × 0.95 = 0.541 µm/min,
so 10 µm needs 18.5 minutes. The thickness does not depend on the rack's area once the
current is chosen per dm² — that is why the recipe sets the current from the barcode's area.

Efficiency: the bath's best (``efficiency_max``, 95 % for acid chloride zinc) inside its
temperature window, falling ``efficiency_loss_per_c`` per °C outside it; and in proportion
when the zinc concentration is below ``zinc_low_g_per_l`` (too little metal at the cathode).
Above ``burn_a_per_dm2`` the deposit burns (탄 도금: rough, dark, rejected).
"""

from __future__ import annotations

#: Faraday's constant, C/mol.
FARADAY_C_PER_MOL = 96_485.33
#: Zinc: molar mass (g/mol), charge of the ion, density (g/cm³).
ZINC_G_PER_MOL, ZINC_CHARGE, ZINC_G_PER_CM3 = 65.38, 2, 7.14
#: Micrometres of zinc per minute per A/dm² at 100 % efficiency (the derivation above): 0.2847.
UM_PER_MIN_PER_A_DM2 = 60.0 * ZINC_G_PER_MOL / (ZINC_CHARGE * FARADAY_C_PER_MOL) / (ZINC_G_PER_CM3 * 100.0) * 1e4


def deposit_um(current_density_a_per_dm2: float, minutes: float, efficiency: float) -> float:
    """Zinc thickness deposited, in µm: 0.285 µm/min per A/dm² × j × t × efficiency."""
    return UM_PER_MIN_PER_A_DM2 * current_density_a_per_dm2 * minutes * efficiency


def efficiency(
    temperature_c: float,
    zinc_g_per_l: float,
    *,
    window_c: tuple[float, float],
    efficiency_max: float,
    loss_per_c: float,
    zinc_low_g_per_l: float,
) -> float:
    """Cathode efficiency (0..1) of the bath at ``temperature_c`` with ``zinc_g_per_l`` of zinc."""
    low, high = window_c
    outside_c = max(low - temperature_c, temperature_c - high, 0.0)
    by_temperature = max(0.0, efficiency_max - loss_per_c * outside_c)
    by_zinc = min(1.0, max(0.0, zinc_g_per_l) / zinc_low_g_per_l)
    return by_temperature * by_zinc


def minutes_for(thickness_um: float, current_density_a_per_dm2: float, efficiency: float) -> float:
    """Minutes in the bath for ``thickness_um`` (the recipe's sum: Faraday's law solved for t)."""
    return thickness_um / (UM_PER_MIN_PER_A_DM2 * current_density_a_per_dm2 * efficiency)
