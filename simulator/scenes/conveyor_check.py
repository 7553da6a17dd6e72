"""Does a conveyor line make physical sense? Belts end to end, sensors and pushers over a belt, every actuator wired.

The loader already checks types and names; this checks how the parts fit together.
:func:`simulator.scenes.check.scene_problems` calls it for ``conveyor_line`` scenes.
"""

from __future__ import annotations

from simulator.scenes.io_tags import known_signals
from simulator.scenes.model import Scene


def conveyor_problems(scene: Scene) -> list[tuple[str, str]]:
    """Every problem of a conveyor-line ``scene`` as (Korean, English) pairs; empty when all is well."""
    problems: list[tuple[str, str]] = []
    conveyors = scene.conveyors
    for before, after in zip(conveyors, conveyors[1:], strict=False):
        if abs(before.end_m - after.start_m) > 1e-9:
            problems.append(
                (
                    f"컨베이어 {before.name}의 끝({before.end_m} m)과 {after.name}의 시작이 맞닿지 않습니다",
                    f"conveyor {before.name} ends at {before.end_m} m but {after.name} does not start there",
                )
            )
    start_m, end_m = conveyors[0].start_m, conveyors[-1].end_m
    if abs(scene.line_end_m - end_m) > 1e-9:
        problems.append((f"line_end_m은 마지막 컨베이어 끝({end_m} m)이어야 합니다", f"line_end_m must be {end_m} m"))
    for sensor in scene.sensors:
        if sensor.kind != "limit_switch" and not start_m <= sensor.position_m <= end_m:
            problems.append((f"센서 {sensor.name}이(가) 라인 밖에 있습니다", f"sensor {sensor.name} is off the line"))
    for pusher in scene.pushers:
        if not start_m + pusher.width_m / 2 <= pusher.position_m <= end_m - pusher.width_m / 2:
            problems.append((f"푸셔 {pusher.name}이(가) 라인 밖에 있습니다", f"pusher {pusher.name} is off the line"))
    feeder = scene.feeder
    longest_m = max(p.length_mm for p in feeder.parts) / 1000.0
    for station in scene.stations:
        problems += _station_problems(scene, station.name, station.gate_m, station.stop_m, longest_m)
    if not conveyors[0].start_m + longest_m / 2 <= feeder.position_m < conveyors[0].end_m:
        problems.append(("공급기는 첫 컨베이어 위에 있어야 합니다", "the feeder must stand over the first conveyor"))
    if not any(b.accepts == "any" for b in scene.bins):
        problems.append(('어떤 부품이든 받는 상자(accepts = "any")가 하나 있어야 합니다', 'one bin must accept "any"'))
    wired = {tag.signal for tag in scene.tags}
    for signal in known_signals(scene.sensors, scene.conveyors, scene.pushers, scene.end_diverter):
        if signal.startswith(("conveyor.", "pusher.", "sensor.", "diverter.")) and signal not in wired:
            problems.append(
                (
                    f"신호 {signal}이(가) 어느 태그에도 연결되지 않았습니다",
                    f"signal {signal} is wired to no tag",
                )
            )
    return problems


def _station_problems(scene: Scene, name: str, gate_m: float, stop_m: float, longest_m: float) -> list[tuple[str, str]]:
    """Problems of station ``name``: on the line, room for a part, queues on accumulation belts only."""
    conveyors = scene.conveyors
    start_m, end_m = conveyors[0].start_m, conveyors[-1].end_m
    if not start_m + longest_m <= gate_m < stop_m <= end_m - longest_m:
        return [
            (
                f"스테이션 {name}의 게이트와 정지 위치가 라인 안에 있고 부품 하나가 들어갈 자리가 있어야 합니다",
                f"station {name}'s gate and stop must lie on the line with room for a part",
            )
        ]
    problems = []
    for what, x_m in (("gate_m", gate_m - 1e-9), ("stop_m", stop_m - 1e-9)):
        belt = next((c for c in conveyors if c.start_m <= x_m < c.end_m), conveyors[-1])
        if belt.gentle_contact_m_per_s <= 0:
            problems.append(
                (
                    f"스테이션 {name}의 {what} 앞 컨베이어 {belt.name}은(는) 부품이 줄 설 수 있는 "
                    "어큐뮬레이션 컨베이어(gentle_contact_m_per_s > 0)여야 합니다",
                    f"the belt {belt.name} before station {name}'s {what} must be an accumulation belt "
                    "(gentle_contact_m_per_s > 0)",
                )
            )
    return problems
