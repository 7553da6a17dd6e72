"""Helpers for the renderer tests: a started plant, and running it until something is on screen."""

from __future__ import annotations

from collections.abc import Callable

from simulator.plant import Plant, PlantSnapshot

SCENE = "sorting-line-v1"
#: When the simulated operator presses 시작, in seconds.
START_AT_S = 0.5


def started_plant(scene: str = SCENE, seed: int = 1) -> Plant:
    """A plant with its reference program and 시작 pressed at 0.5 s."""
    plant = Plant(scene, seed=seed, program="reference")
    plant.press("start", hold_s=0.3, at_s=START_AT_S)
    return plant


def run_until(
    plant: Plant, condition: Callable[[PlantSnapshot], bool], limit_s: float = 120.0, step_s: float = 0.01
) -> PlantSnapshot:
    """Advance ``plant`` in small steps until ``condition(snapshot)`` holds; fails after ``limit_s``."""
    while plant.now_s < limit_s:
        plant.run(step_s)
        snap = plant.snapshot()
        if condition(snap):
            return snap
    raise AssertionError(f"condition not met within {limit_s} s")
