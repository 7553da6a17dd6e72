"""The plant kinds this simulator knows, by the name scenes use (``[scene] kind = …``).

A new kind adds its package under ``simulator/plant/`` and one line here
(see :mod:`simulator.plant.kind` for what the package provides).
"""

from __future__ import annotations

from simulator.errors import LabError
from simulator.plant.conveyor import KIND as CONVEYOR_LINE
from simulator.plant.kind import PlantKind
from simulator.plant.plating import KIND as PLATING_LINE

KINDS: dict[str, PlantKind] = {kind.name: kind for kind in (CONVEYOR_LINE, PLATING_LINE)}


def kind_named(name: str) -> PlantKind:
    """The registered kind called ``name``; a clear error naming the known ones otherwise."""
    try:
        return KINDS[name]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise LabError(
            f"플랜트 종류 '{name}'를 모릅니다. 아는 종류: {known}",
            f"Unknown plant kind '{name}'. Known kinds: {known}",
        ) from None
