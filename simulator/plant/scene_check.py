"""``check_scene``: does a scene make physical sense, and does it run (like Gymnasium's ``check_env``)?

First :func:`simulator.scenes.check.scene_problems` (the kind's own check: belts end to end, sensors and pushers
over a belt, every actuator wired to an output), then a smoke run: the scene stepped twice
with the same seed, to see that it runs and repeats.
"""

from __future__ import annotations

from simulator.plant.plant import Plant
from simulator.scenes.check import SceneCheckError, scene_problems
from simulator.scenes.model import Scene

#: Simulated time stepped by the smoke run, in seconds.
SMOKE_RUN_S = 20.0


def check_scene(scene: Scene, smoke_run: bool = True) -> None:
    """Raise :class:`SceneCheckError` listing every problem; with ``smoke_run``, also run it.

    The smoke run steps the scene with the idle and the reference program for
    :data:`SMOKE_RUN_S` twice with one seed and insists on identical results.
    """
    problems = scene_problems(scene)
    if problems:
        raise SceneCheckError(
            f"{scene.source}: " + "; ".join(ko for ko, _ in problems),
            f"{scene.source}: " + "; ".join(en for _, en in problems),
        )
    if smoke_run:
        for program in ("idle", "reference"):
            runs = []
            for _ in range(2):
                plant = Plant(scene, seed=7, program=program)
                plant.press("start")
                plant.run(SMOKE_RUN_S)
                runs.append((plant.kpis(), plant.records))
            if runs[0] != runs[1]:
                raise SceneCheckError(
                    f"{scene.source}: 같은 시드로 두 번 돌렸는데 결과가 다릅니다 ({program})",
                    f"{scene.source}: two runs with one seed differ ({program})",
                )
