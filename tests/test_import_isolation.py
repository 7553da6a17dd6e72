"""The simulation core must not drag in the window or the network stack."""

from __future__ import annotations

import subprocess
import sys


def test_plant_and_plc_load_neither_pygame_nor_pymodbus() -> None:
    code = (
        "import sys, simulator.plant, simulator.plc, simulator.scenes\n"
        "from simulator.plant import Plant\n"
        "Plant('sorting-line-v1', program='reference').run(1)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pygame', 'pymodbus', 'matplotlib'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
