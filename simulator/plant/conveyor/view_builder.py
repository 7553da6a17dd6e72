"""Build a :class:`~simulator.plant.conveyor.views.ConveyorLineView` from a running line.

Kept apart from :mod:`~simulator.plant.conveyor.equipment` so that module stays about
running the line; this one is about showing it. Nothing here advances the simulation:
positions between two events are interpolated, so taking a snapshot never changes a run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from simulator.plant.conveyor.feeder import Feeder
from simulator.plant.conveyor.transport import Line
from simulator.plant.conveyor.views import (
    ConveyorLineView,
    ConveyorView,
    DiverterView,
    ItemView,
    PusherView,
    SensorView,
    StationView,
)
from simulator.scenes.model import Scene


class ConveyorLine(Protocol):
    """What the view reads from the equipment (:class:`~simulator.plant.conveyor.equipment.ConveyorLine`)."""

    scene: Scene
    line: Line
    feeder: Feeder

    def belt_travel_m(self, index: int) -> float:
        """How far belt ``index`` has run, in metres."""

    def parts_at_sensor(self, name: str) -> int:
        """Parts the sensor ``name`` sees now."""


def build_view(equipment: ConveyorLine, now: float, values: Mapping[str, bool | int]) -> ConveyorLineView:
    """The line at ``now``; ``values`` are the process image's tags (for the sensors' lamps)."""
    scene, line = equipment.scene, equipment.line
    holder = {id(item): index for index, items in line.captured_by_pusher().items() for item in items}
    items = tuple(
        ItemView(
            id=item.id,
            lot=item.lot,
            material=item.material,
            height_mm=item.height_mm,
            length_m=item.length_m,
            defect=item.defect,
            x_m=line.position_of(item, now),
            pushed=line.cylinders[holder[id(item)]].position_at(now) if id(item) in holder else 0.0,
            blocked=bool(item.held_by),
            jammed=item.jammed,
        )
        for item in line.items
    )
    conveyors = tuple(
        ConveyorView(c.name, c.ko, c.en, c.start_m, c.end_m, line.belt_speed_m_per_s[i], equipment.belt_travel_m(i))
        for i, c in enumerate(scene.conveyors)
    )
    pushers = tuple(
        PusherView(p.name, p.ko, p.en, p.position_m, p.width_m, c.position_at(now), c.jammed)
        for p, c in zip(scene.pushers, line.cylinders, strict=True)
    )
    return ConveyorLineView(
        items=items,
        conveyors=conveyors,
        pushers=pushers,
        diverters=_diverters(equipment, now),
        stations=_stations(equipment, now),
        sensors=tuple(_sensor(equipment, spec.name, values) for spec in scene.sensors),
        feeder_ready=equipment.feeder.ready,
        feeder_enabled=equipment.feeder.enabled,
    )


def _diverters(equipment: ConveyorLine, now: float) -> tuple[DiverterView, ...]:
    flap, spec = equipment.line.diverter, equipment.scene.end_diverter
    if flap is None or spec is None:
        return ()
    stroke = flap.position_at(now)
    scene = equipment.scene
    return (DiverterView(spec.name, spec.ko, spec.en, scene.line_end_m, stroke, flap.jammed, scene.end_bin, spec.bin),)


def _stations(equipment: ConveyorLine, now: float) -> tuple[StationView, ...]:
    return tuple(
        StationView(
            name=station.spec.name,
            ko=station.spec.ko,
            en=station.spec.en,
            gate_m=station.spec.gate_m,
            stop_m=station.spec.stop_m,
            state=station.state,
            gate_closed=station.gate_closed,
            at_stop=station.working,
            part_id=station.inside.id if station.inside is not None else None,
            work_left_s=station.work_left_s(now),
            parts_done=station.parts,
            breakdowns=station.breakdowns,
        )
        for station in equipment.line.stations
    )


def _sensor(equipment: ConveyorLine, name: str, values: Mapping[str, bool | int]) -> SensorView:
    scene = equipment.scene
    spec = scene.sensor(name)
    tag = next((t for t in scene.tags if t.signal == f"sensor.{name}"), None)
    value = values.get(tag.name, 0) if tag else 0
    if spec.kind == "analog_distance":
        below = equipment.parts_at_sensor(name) > 0
        return SensorView(name, spec.kind, spec.ko, spec.en, spec.position_m, below, int(value))
    position = spec.position_m
    if spec.kind == "limit_switch":
        pusher_positions = {p.name: p.position_m for p in scene.pushers}
        position = pusher_positions.get(spec.actuator, scene.line_end_m)  # else the end-of-line flap
    return SensorView(name, spec.kind, spec.ko, spec.en, position, bool(value), 0)
