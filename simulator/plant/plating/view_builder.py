"""The plating line's part of a snapshot (:class:`~simulator.plant.plating.views.PlatingView`), from its state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from simulator.plant.plating.hoist import Hoist
from simulator.plant.plating.racks import Rack
from simulator.plant.plating.tanks import TankRow
from simulator.plant.plating.views import PlatingView, RackView, TankView
from simulator.scenes.plating_line import PlatingScene


class LineState(Protocol):
    """What the view is built from (the :class:`~simulator.plant.plating.equipment.PlatingLine`)."""

    scene: PlatingScene
    hoist: Hoist
    tanks: TankRow
    carrying: Rack | None
    load_rack: Rack | None
    unload_rack: Rack | None
    last_measured_um: float

    @property
    def rule_log(self) -> Sequence[object]:
        """The hoist's broken rules."""

    @property
    def records(self) -> Sequence[object]:
        """The finished racks."""


def line_view(line: LineState, now_s: float) -> PlatingView:
    """What the renderer draws of ``line`` at ``now_s``."""
    tanks, seconds = line.tanks, line.tanks.rack_seconds(now_s)
    return PlatingView(
        stations_m=line.scene.stations_m,
        hoist_x_m=line.hoist.x_m(now_s),
        hoist_lift=line.hoist.lift_m(now_s) / line.hoist.lift_height_m,
        carrying=rack_view(line.carrying),
        tanks=tuple(
            TankView(
                name=spec.name,
                ko=spec.ko,
                en=spec.en,
                role=spec.role,
                position_m=spec.position_m,
                temperature_c=tanks.baths[spec.name].temperature_c(now_s) if spec.heated else None,
                heater=tanks.baths[spec.name].power_fraction if spec.heated else 0.0,
                window_c=spec.window_c,
                min_s=spec.min_s,
                max_s=spec.max_s,
                rack=rack_view(tanks.racks[index]),
                in_s=seconds[index],
            )
            for index, spec in enumerate(line.scene.tanks)
        ),
        load=rack_view(line.load_rack),
        unload=rack_view(line.unload_rack),
        rectifier_a=tanks.current_a(),
        setpoint_a=tanks.rectifier.setpoint_a,
        zinc_g_per_l=tanks.chemistry.g_per_l(now_s),
        last_measured_um=line.last_measured_um,
        rule_breaks=len(line.rule_log),
        records=len(line.records),
    )


def rack_view(rack: Rack | None) -> RackView | None:
    """A rack as drawn (None for no rack)."""
    if rack is None:
        return None
    return RackView(rack.rack_id, rack.part_type, rack.thickness_um, bool(rack.causes))
