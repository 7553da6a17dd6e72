"""Build a :class:`~simulator.plant.snapshot.PlantSnapshot` from a running plant.

Kept apart from :mod:`simulator.plant.plant` so the plant module stays about running the
plant; this one is about showing it. Nothing here advances the simulation: positions
between two events are interpolated, so taking a snapshot never changes a run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from simulator.plant.snapshot import (
    ConveyorView,
    DiverterView,
    ItemView,
    PlantSnapshot,
    PusherView,
    SensorView,
    StationView,
)

if TYPE_CHECKING:
    import simpy

    from simulator.plant.faults import Fault
    from simulator.plant.feeder import Feeder
    from simulator.plant.kpis import Kpis
    from simulator.plant.panel import OperatorPanel
    from simulator.plant.transport import Line
    from simulator.plc.image import ProcessImage
    from simulator.plc.runtime import PlcRuntime
    from simulator.scenes.model import Scene


class Plant(Protocol):
    """What a snapshot reads from a plant (:class:`simulator.plant.plant.Plant` has it all)."""

    env: simpy.Environment
    scene: Scene
    line: Line
    image: ProcessImage
    panel: OperatorPanel
    feeder: Feeder
    plc: PlcRuntime
    signals: dict[str, bool]

    @property
    def active_faults(self) -> tuple[Fault, ...]:
        """The faults in force now."""

    def kpis(self) -> Kpis:
        """The line's KPIs so far."""

    def belt_travel_m(self, index: int) -> float:
        """How far belt ``index`` has run, in metres."""

    def parts_at_sensor(self, name: str) -> int:
        """Parts the sensor ``name`` sees now."""


#: Panel controls in the order the snapshot lists them.
PANEL_ORDER = ("start", "stop", "estop", "reset", "auto")


def build_snapshot(plant: Plant) -> PlantSnapshot:
    """A frozen picture of ``plant`` at its current simulated time."""
    now = plant.env.now
    scene, line = plant.scene, plant.line
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
        ConveyorView(c.name, c.ko, c.en, c.start_m, c.end_m, line.belt_speed_m_per_s[i], plant.belt_travel_m(i))
        for i, c in enumerate(scene.conveyors)
    )
    pushers = tuple(
        PusherView(p.name, p.ko, p.en, p.position_m, p.width_m, c.position_at(now), c.jammed)
        for p, c in zip(scene.pushers, line.cylinders, strict=True)
    )
    values = plant.image.io.as_dict()
    return PlantSnapshot(
        scene_id=scene.id,
        time_s=now,
        items=items,
        conveyors=conveyors,
        pushers=pushers,
        diverters=_diverters(plant),
        stations=_stations(plant),
        sensors=tuple(_sensor(plant, spec.name, values) for spec in scene.sensors),
        signals=dict(plant.signals),
        panel={control: plant.panel.signal(control) for control in PANEL_ORDER},
        feeder_ready=plant.feeder.ready,
        feeder_enabled=plant.feeder.enabled,
        tags=values,
        active_faults=tuple(f"{f.kind}:{f.target}" for f in plant.active_faults),
        kpis=plant.kpis(),
        plc_internal=plant.plc.has_program,
        forced=dict(plant.plc.forced),
    )


def _diverters(plant: Plant) -> tuple[DiverterView, ...]:
    flap, spec = plant.line.diverter, plant.scene.end_diverter
    if flap is None or spec is None:
        return ()
    stroke = flap.position_at(plant.env.now)
    end_m = plant.scene.line_end_m
    return (DiverterView(spec.name, spec.ko, spec.en, end_m, stroke, flap.jammed, plant.scene.end_bin, spec.bin),)


def _stations(plant: Plant) -> tuple[StationView, ...]:
    now = plant.env.now
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
        for station in plant.line.stations
    )


def _sensor(plant: Plant, name: str, values: dict[str, bool | int]) -> SensorView:
    spec = plant.scene.sensor(name)
    tag = next((t for t in plant.scene.tags if t.signal == f"sensor.{name}"), None)
    value = values.get(tag.name, 0) if tag else 0
    if spec.kind == "analog_distance":
        below = plant.parts_at_sensor(name) > 0
        return SensorView(name, spec.kind, spec.ko, spec.en, spec.position_m, below, int(value))
    position = spec.position_m
    if spec.kind == "limit_switch":
        pusher_positions = {p.name: p.position_m for p in plant.scene.pushers}
        position = pusher_positions.get(spec.actuator, plant.scene.line_end_m)  # else the end-of-line flap
    return SensorView(name, spec.kind, spec.ko, spec.en, position, bool(value), 0)
