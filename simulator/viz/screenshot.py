"""A screenshot of the simulator at a telling moment, made without a display (for the README).

``sflab screenshot docs/images/simulator.png`` (or ``python -m simulator.viz.screenshot``)
runs the default scene with its reference program, presses 시작, lets the line work
for a while and draws the screen, exactly as the window would show it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pygame

from simulator.plant import Plant
from simulator.viz.screen import draw_screen, new_view_state
from simulator.viz.services import DEFAULT_HOST, DEFAULT_PORT

#: When the picture is taken, in simulated seconds: a defective part being pushed into the reject bin.
DEFAULT_AT_S = 49.92
#: When the simulated operator presses 시작, in simulated seconds.
START_AT_S = 0.5
#: Seconds of history the trend chart gets before the picture.
TREND_HISTORY_S = 20.0
#: The top bar's Modbus status as ``sflab run`` shows it before a master connects (no server is
#: started for a picture).
WINDOW_MODBUS_STATUS = {"mode": "internal", "host": DEFAULT_HOST, "port": DEFAULT_PORT, "clients": 0}


def take_screenshot(
    path: str | Path,
    scene: str = "sorting-line-v1",
    *,
    seed: int = 3,
    at_s: float = DEFAULT_AT_S,
    size: tuple[int, int] = (1280, 720),
    lang: str = "ko",
) -> Path:
    """Run ``scene`` to ``at_s`` and save the simulator screen as a PNG at ``path``."""
    plant = Plant(scene, seed=seed, program="reference")
    plant.press("start", hold_s=0.3, at_s=START_AT_S)
    surface = pygame.Surface(size)
    ui = new_view_state(plant.scene, lang=lang)
    history_from_s = max(0.0, at_s - TREND_HISTORY_S)
    plant.run_until(history_from_s)
    steps = 200
    for i in range(1, steps + 1):  # feed the trend chart as the window would, frame by frame
        plant.run_until(history_from_s + (at_s - history_from_s) * i / steps)
        if i < steps and ui.trend is not None:
            ui.trend.add(plant.now_s, int(getattr(plant.io, ui.trend.tag)))
    ui.modbus = WINDOW_MODBUS_STATUS
    draw_screen(surface, plant.scene, plant.snapshot(), ui)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m simulator.viz.screenshot PATH [lang]``."""
    args = sys.argv[1:] if argv is None else argv
    path = args[0] if args else "docs/images/simulator.png"
    print(take_screenshot(path, lang=args[1] if len(args) > 1 else "ko"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
