"""``sflab sim SCENE --controller C --minutes M --seed S [--faults F] [--json]``: run headless, fast."""

from __future__ import annotations

import argparse
import json
import time

from sflab.arguments import add_command
from simulator.plant.kpis import Kpis
from simulator.scenes import DEFAULT_SCENE_ID

#: When the simulated operator presses 시작, in seconds of simulated time.
START_PRESS_AT_S = 0.5


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``sim``."""
    sim = add_command(
        subparsers, "sim", "시뮬레이션을 실시간보다 빠르게 실행 / run headless, faster than real time", _sim
    )
    sim.add_argument("scene", nargs="?", default=DEFAULT_SCENE_ID, help="장면 ID 또는 .toml 경로 / scene id or file")
    sim.add_argument("--controller", default="reference", help="내장 이름(reference, idle) 또는 파일.py:함수")
    sim.add_argument("--minutes", type=float, default=10.0, help="모의 시간(분) / simulated minutes")
    sim.add_argument("--seed", type=int, default=0, help="난수 시드 / random seed")
    sim.add_argument("--faults", default="", help="고장: 파일.toml 또는 'stuck_on:entry_eye@60-120,…'")
    sim.add_argument("--scan-ms", type=float, default=None, help="스캔 주기 ms (1–150)")
    sim.add_argument("--json", action="store_true", help="KPI를 JSON 한 개로 출력 / print one JSON object")
    sim.add_argument("--records-csv", default="", help="생산 이력을 CSV로 저장 / write production records (CSV)")
    sim.add_argument("--records-db", default="", help="생산 이력을 SQLite로 저장 / write production records (SQLite)")


def _sim(args: argparse.Namespace) -> int:
    from simulator.plant import Plant, read_faults
    from simulator.scenes import get_scene

    scene = get_scene(args.scene)
    tags = {tag.name: tag for tag in scene.tags}
    faults = read_faults(args.faults, tags) if args.faults else []
    plant = Plant(scene, seed=args.seed, program=args.controller, faults=faults, scan_period_ms=args.scan_ms)
    plant.press("start", hold_s=0.3, at_s=START_PRESS_AT_S)
    started = time.perf_counter()
    plant.run(minutes=args.minutes)
    wall_s = time.perf_counter() - started
    kpis = plant.kpis()
    if args.records_csv:
        plant.export_csv(args.records_csv)
    if args.records_db:
        plant.export_sqlite(args.records_db)
    if args.json:
        data = kpis.as_dict()
        data["controller"] = args.controller
        data["faults"] = [f"{f.kind}:{f.target}" for f in faults]
        print(json.dumps(data, ensure_ascii=False, sort_keys=True))
        return 0
    print(format_kpis(kpis, args.lang))
    speed = kpis.sim_time_s / wall_s if wall_s > 0 else float("inf")
    print(f"({'실시간 대비' if args.lang == 'ko' else 'real-time factor'} ×{speed:,.0f})")
    return 0


def format_kpis(k: Kpis, lang: str) -> str:
    """KPIs as a short human-readable block (any plant kind: its problems on a line of their own)."""
    problems = "  ".join(f"{p.name(lang)} {p.count}" for p in k.problems())
    if lang == "en":
        lines = [
            f"scene {k.scene}  seed {k.seed}  time {k.sim_time_s / 60:.1f} min  PLC {k.plc_state}",
            f"produced {k.produced}  good {k.good}  defective {k.defective}  throughput {k.throughput_per_h:.0f}/h",
            problems.lower(),
            f"OEE {k.oee:.1%} = availability {k.availability:.1%} × performance {k.performance:.1%}"
            f" × quality {k.quality:.1%}",
            f"energy {k.energy_kwh * 1000:.1f} Wh ({k.energy_wh_per_good:.2f} Wh per good unit)",
        ]
    else:
        lines = [
            f"장면 {k.scene}  시드 {k.seed}  모의 시간 {k.sim_time_s / 60:.1f}분  PLC {k.plc_state}",
            f"생산 {k.produced}  양품 {k.good}  불량 {k.defective}  시간당 생산량 {k.throughput_per_h:.0f}개",
            problems,
            f"OEE {k.oee:.1%} = 시간가동률 {k.availability:.1%} × 성능가동률 {k.performance:.1%}"
            f" × 양품률 {k.quality:.1%}",
            f"에너지 {k.energy_kwh * 1000:.1f} Wh (양품 1개당 {k.energy_wh_per_good:.2f} Wh)",
        ]
    lines = [line for line in lines if line]
    if k.plc_fault:
        lines.append(k.plc_fault)
    return "\n".join(lines)
