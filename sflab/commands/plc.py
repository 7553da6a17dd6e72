"""``sflab plc SCENE [--mode internal|remote] [--port N] [--host H] [--speed X]``: the PLC on Modbus, no window.

The plant runs in real time (times ``--speed``) and its process image is served over
Modbus TCP, on one asyncio loop. In ``internal`` mode the PLC runs a program (the
built-in ``reference`` unless ``--controller`` says otherwise) and the simulated operator
presses 시작 at 0.5 s; in ``remote`` mode the PLC runs nothing and a Modbus master is the
controller.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import TYPE_CHECKING, Any

from sflab.arguments import add_command
from simulator.errors import LabError
from simulator.scenes import DEFAULT_SCENE_ID

if TYPE_CHECKING:
    from simulator.modbus.comm_faults import CommFaults
    from simulator.plant import Plant

#: When the simulated operator presses 시작 in internal mode, in seconds of plant time.
START_PRESS_AT_S = 0.5
#: How often a status line is printed, in wall-clock seconds.
STATUS_EVERY_S = 5.0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``plc``."""
    plc = add_command(subparsers, "plc", "창 없이 모의 PLC를 Modbus TCP로 실행 / the simulated PLC on Modbus TCP", _plc)
    plc.add_argument("scene", nargs="?", default=DEFAULT_SCENE_ID, help="장면 ID 또는 .toml 경로 / scene id or file")
    plc.add_argument(
        "--mode",
        choices=("internal", "remote"),
        default="internal",
        help="internal: PLC 프로그램이 제어 / remote: 외부 마스터가 제어 (원격 I/O)",
    )
    plc.add_argument("--host", default="127.0.0.1", help="수신 주소 (기본 127.0.0.1: 이 컴퓨터만) / listen address")
    plc.add_argument("--port", type=int, default=5020, help="TCP 포트 (기본 5020) / TCP port")
    plc.add_argument("--speed", type=float, default=1.0, help="배속 / speed factor")
    plc.add_argument("--seed", type=int, default=0, help="난수 시드 / random seed")
    plc.add_argument(
        "--controller",
        default=None,
        help="internal 모드의 프로그램 (기본 reference) / program in internal mode (default reference)",
    )
    plc.add_argument(
        "--watchdog",
        type=float,
        default=1.0,
        help="remote 모드 통신 감시 시간(초), 0=감시 끔 / comm-loss watchdog in seconds, 0 = off",
    )
    plc.add_argument("--seconds", type=float, default=None, help="이 시간(실제 초) 뒤 종료 / stop after N wall seconds")
    plc.add_argument("--latency-ms", type=float, default=0.0, help="통신 고장: 응답 지연 ms / fault: added latency")
    plc.add_argument("--drop", type=float, default=0.0, help="통신 고장: 응답 누락 비율 0–1 / fault: dropped responses")
    plc.add_argument(
        "--force-exception",
        type=int,
        default=None,
        help="통신 고장: 모든 요청에 이 예외 코드 / fault: answer every request with this exception",
    )


def _plc(args: argparse.Namespace) -> int:
    from simulator.modbus.comm_faults import CommFaults
    from simulator.plant import Plant

    if not 0 <= args.port <= 65535:
        raise LabError(f"포트 번호 {args.port}이(가) 0–65535 밖입니다.", f"Port {args.port} is outside 0–65535.")
    if args.speed <= 0:
        raise LabError("배속은 0보다 커야 합니다.", "The speed factor must be greater than 0.")
    logging.getLogger("pymodbus.logging").setLevel(logging.ERROR)  # its English warnings; ours are in Korean
    faults = CommFaults(latency_ms=args.latency_ms, drop_ratio=args.drop, forced_exception=args.force_exception)
    if args.mode == "remote" and args.controller is not None:
        raise LabError(
            "remote 모드에서는 PLC가 프로그램을 실행하지 않습니다. --controller를 빼거나 --mode internal을 쓰세요.",
            "In remote mode the PLC runs no program: drop --controller or use --mode internal.",
        )
    program = (args.controller or "reference") if args.mode == "internal" else None
    plant = Plant(args.scene, seed=args.seed, program=program)
    if args.mode == "internal":
        plant.press("start", hold_s=0.3, at_s=START_PRESS_AT_S)
    try:
        asyncio.run(_serve(plant, args, faults))
    except KeyboardInterrupt:
        pass
    return 0


async def _serve(plant: Plant, args: argparse.Namespace, faults: CommFaults) -> None:
    from simulator.modbus.server import start_modbus_server
    from simulator.realtime import RealtimeStepper

    service = await start_modbus_server(
        plant,
        host=args.host,
        port=args.port,
        mode=args.mode,
        watchdog_s=args.watchdog,
        comm_faults=faults,
    )
    ko = args.lang != "en"
    mode_text = {"internal": "내부 (PLC 프로그램이 제어)", "remote": "원격 I/O (외부 마스터가 제어)"}[args.mode]
    if ko:
        print(f"Modbus TCP 서버 시작: {service.host}:{service.port} — 모드 {mode_text}, 장면 {args.scene}", flush=True)
        print("주소는 0부터 시작합니다 (sflab scene show로 I/O 맵 확인). Ctrl+C로 끝냅니다.", file=sys.stderr)
    else:
        print(
            f"Modbus TCP server started: {service.host}:{service.port} — mode {args.mode}, scene {args.scene}",
            flush=True,
        )
        print("Addresses are 0-based (see `sflab scene show`). Ctrl+C to stop.", file=sys.stderr)
    if service.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            "주의: 다른 컴퓨터에서도 접속할 수 있습니다." if ko else "Note: other computers can connect.",
            file=sys.stderr,
        )
    stepper = RealtimeStepper(plant, speed=args.speed)
    stop = asyncio.Event()
    stepping = asyncio.create_task(stepper.run(stop))
    waited_s = 0.0
    try:
        while args.seconds is None or waited_s < args.seconds:
            pause_s = STATUS_EVERY_S if args.seconds is None else min(STATUS_EVERY_S, args.seconds - waited_s)
            await asyncio.sleep(pause_s)
            waited_s += pause_s
            print(_status_line(service.status(), ko), flush=True)
    finally:
        stop.set()
        await stepping
        await service.stop()


def _status_line(status: dict[str, Any], ko: bool) -> str:
    """One line of communication status, e.g. ``접속 2  요청 1520``."""
    if ko:
        line = f"접속 {status['clients']}  요청 {status['requests']}"
        if status["hang_ups"]:
            line += f"  서버가 끊은 연결(잘못된 프레임) {status['hang_ups']}"
        return line + ("  ⚠ 통신 끊김: 출력 안전 정지" if status["watchdog_tripped"] else "")
    line = f"clients {status['clients']}  requests {status['requests']}"
    if status["hang_ups"]:
        line += f"  connections closed by the server (bad frames) {status['hang_ups']}"
    return line + ("  ! comm lost: outputs safe" if status["watchdog_tripped"] else "")
