"""``sflab run [SCENE]``: the desktop simulator — window, operator panel, Modbus on 127.0.0.1:5020.

With ``--headless`` the same plant runs in real time without a window: the same controller
(``--controller``), the same mode (``--mode remote``: a Modbus master controls it), the same
Modbus server unless ``--no-modbus``, and live KPIs printed once a second instead of drawn.
Without a display, ``sflab run`` says so in one line and points to it and to ``sflab plc``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import dataclass

from sflab.arguments import add_command
from sflab.commands.sim import format_kpis
from simulator.errors import LabError
from simulator.plant import Plant
from simulator.realtime import RealtimeStepper
from simulator.scenes import DEFAULT_SCENE_ID

#: How often live KPIs are printed, in wall-clock seconds.
PRINT_EVERY_S = 1.0


async def run_headless(
    plant: Plant, speed: float, lang: str, duration_s: float | None, modbus: ModbusOptions | None = None
) -> None:
    """Run ``plant`` in real time and print its KPIs every second (for ``duration_s`` or until Ctrl+C).

    With ``modbus`` the plant's process image is served over Modbus TCP meanwhile, as the window does.
    """
    service = None
    if modbus is not None:
        from simulator.modbus.server import start_modbus_server

        service = await start_modbus_server(plant, host=modbus.host, port=modbus.port, mode=modbus.mode)
        where = f"{service.host}:{service.port}"
        print(f"Modbus TCP: {where} ({modbus.mode})", file=sys.stderr, flush=True)
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
        if service is not None:
            await service.stop()


@dataclass(frozen=True)
class ModbusOptions:
    """Where and how the headless run serves Modbus TCP."""

    host: str
    port: int
    #: ``internal``: the PLC runs the controller; ``remote``: a Modbus master writes the outputs.
    mode: str


def main_headless(args: argparse.Namespace) -> int:
    """Entry for ``sflab run --headless``: the window's plant, controller, mode and Modbus, without the window."""
    if args.mode == "remote" and args.no_modbus:
        raise LabError(
            "remote 모드에서는 외부 Modbus 마스터가 제어하므로 Modbus 서버가 필요합니다. --no-modbus를 빼세요.",
            "In remote mode a Modbus master is the controller, so the Modbus server is needed: drop --no-modbus.",
        )
    program = args.controller if args.mode == "internal" else None
    plant = Plant(args.scene, seed=args.seed, program=program)
    if args.mode == "internal":
        plant.press("start", hold_s=0.3, at_s=0.5)
    modbus = None if args.no_modbus else ModbusOptions(args.host, args.port, args.mode)
    if args.lang == "en":
        message = f"Headless real-time run — controller {program or '(remote master)'} — Ctrl+C to stop"
    else:
        message = f"헤드리스 실시간 실행 — 제어 프로그램 {program or '(외부 마스터)'} — Ctrl+C로 끝냅니다"
    print(message, file=sys.stderr)
    try:
        asyncio.run(run_headless(plant, args.speed, args.lang, args.seconds, modbus))
    except KeyboardInterrupt:
        pass
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``run``."""
    run = add_command(subparsers, "run", "데스크톱 시뮬레이터 실행 / the desktop simulator", _run)
    run.add_argument("scene", nargs="?", default=DEFAULT_SCENE_ID, help="장면 ID 또는 .toml 경로")
    run.add_argument("--seed", type=int, default=0, help="난수 시드 / random seed")
    run.add_argument("--speed", type=float, default=1.0, help="배속 / speed factor")
    run.add_argument("--controller", default="reference", help="PLC 프로그램: reference, idle 또는 파일.py:함수")
    run.add_argument(
        "--mode",
        choices=("internal", "remote"),
        default="internal",
        help="internal: 내부 프로그램, remote: 외부 Modbus 마스터",
    )
    run.add_argument(
        "--teacher", action="store_true", help="교사 패널(F2)과 I/O 강제(포싱) 사용 / teacher panel and forcing"
    )
    run.add_argument("--size", default="1280x720", help="창 크기 (예: 1920x1080) / window size")
    run.add_argument("--host", default="127.0.0.1", help="Modbus 주소 / Modbus host")
    run.add_argument("--port", type=int, default=5020, help="Modbus TCP 포트 / Modbus TCP port")
    run.add_argument("--no-modbus", action="store_true", help="Modbus 서버 없이 / without the Modbus server")
    run.add_argument("--headless", action="store_true", help="창 없이 KPI만 출력 / no window, print KPIs")
    run.add_argument("--seconds", type=float, default=None, help="이 시간(실제 초) 뒤 종료 / stop after N wall seconds")


def _run(args: argparse.Namespace) -> int:
    if args.headless:
        return main_headless(args)
    from simulator.scenes import get_scene
    from simulator.viz.window import WindowOptions, open_window, parse_size, require_pygame

    require_pygame()
    scene = get_scene(args.scene)
    program = args.controller if args.mode == "internal" else None

    def make_plant() -> Plant:
        return Plant(scene, seed=args.seed, program=program)

    make_plant()  # a broken controller or scene is reported before the window opens
    options = WindowOptions(
        lang=args.lang,
        teacher=args.teacher,
        speed=args.speed,
        size=parse_size(args.size),
        modbus=not args.no_modbus,
        host=args.host,
        port=args.port,
        mode=args.mode,
        duration_s=args.seconds,
    )
    return open_window(make_plant, options)
