"""The plating line: a hoist carrying racks of parts through degreasing, pickling, zinc plating and chromating.

The Busan track's plant kind (``kind = "plating_line"``, scene ``plating-line-v1``). Its parts,
one concept each:

- :mod:`.hoist` — the carrier's travel and lift, exact between events;
- :mod:`.thermal` — a heated bath's first-order temperature (heater, losses, a cold rack);
- :mod:`.faraday` — zinc deposited by Faraday's law, and the bath's efficiency;
- :mod:`.tanks` — the row of tanks, the rectifier, the zinc chemistry, plating step by step;
- :mod:`.racks` — a rack's barcode, visits and defects, and its production record;
- :mod:`.channels` — analog inputs scaled to counts, with noise;
- :mod:`.equipment` — the line as the frame sees it (:class:`~simulator.plant.kind.Equipment`);
- :mod:`.plating_kpis` and :mod:`.views` — its KPIs and what the screen draws.
"""

from __future__ import annotations

from simulator.plant.kind import FAULTS_STREAM, PlantKind
from simulator.plant.plating.equipment import PlatingLine

#: The plating line, as :mod:`simulator.plant.kinds` registers it. Never reorder the streams.
KIND = PlantKind(
    name="plating_line",
    ko="도금 라인",
    en="plating line",
    random_purposes=(FAULTS_STREAM, "racks", "gauge", "sensors"),
    build=PlatingLine,
)
