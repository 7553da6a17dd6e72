"""``sflab run [SCENE] --headless``: the default scene in real time, live KPIs once a second.

The desktop window (``simulator.viz``) replaces this when a display is present; this
headless runner is what ``sflab run`` falls back to on a server.
"""

from __future__ import annotations

import asyncio
import sys

from simulator.commands.sim import format_kpis
from simulator.plant import Plant
from simulator.realtime import RealtimeStepper

#: How often live KPIs are printed, in wall-clock seconds.
PRINT_EVERY_S = 1.0


async def run_headless(plant: Plant, speed: float, lang: str, duration_s: float | None) -> None:
    """Run ``plant`` in real time and print its KPIs every second (for ``duration_s`` or until Ctrl+C)."""
    stepper = RealtimeStepper(plant, speed=speed)
    stop = asyncio.Event()
    task = asyncio.create_task(stepper.run(stop))
    waited_s = 0.0
    try:
        while duration_s is None or waited_s < duration_s:
            await asyncio.sleep(PRINT_EVERY_S)
            waited_s += PRINT_EVERY_S
            print(format_kpis(plant.kpis(), lang), end="\n\n", flush=True)
    finally:
        stop.set()
        await task


def main_headless(scene: str, seed: int, speed: float, lang: str, duration_s: float | None) -> int:
    """Entry for ``sflab run --headless``."""
    plant = Plant(scene, seed=seed, program="reference")
    plant.press("start", hold_s=0.3, at_s=0.5)
    message = "헤드리스 실시간 실행 — Ctrl+C로 끝냅니다" if lang == "ko" else "Headless real-time run — Ctrl+C to stop"
    print(message, file=sys.stderr)
    try:
        asyncio.run(run_headless(plant, speed, lang, duration_s))
    except KeyboardInterrupt:
        pass
    return 0


def register(subparsers: object) -> None:
    """Add ``run``."""
    from simulator.cli import add_command
    from simulator.scenes import DEFAULT_SCENE_ID

    run = add_command(subparsers, "run", "데스크톱 시뮬레이터 실행 / the desktop simulator", _run)  # type: ignore[arg-type]
    run.add_argument("scene", nargs="?", default=DEFAULT_SCENE_ID, help="장면 ID 또는 .toml 경로")
    run.add_argument("--seed", type=int, default=0, help="난수 시드 / random seed")
    run.add_argument("--speed", type=float, default=1.0, help="배속 / speed factor")
    run.add_argument("--headless", action="store_true", help="창 없이 KPI만 출력 / no window, print KPIs")
    run.add_argument("--seconds", type=float, default=None, help="이 시간(실제 초) 뒤 종료 / stop after N wall seconds")


def _run(args: object) -> int:
    return main_headless(args.scene, args.seed, args.speed, args.lang, args.seconds)  # type: ignore[attr-defined]
