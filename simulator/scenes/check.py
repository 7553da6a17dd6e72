"""Does a scene make physical sense? The first half of ``check_scene``, before anything runs.

The loader already checks types and names; each kind's check (listed in
:data:`simulator.scenes.kinds.CHECKS`) looks at how the parts fit together — belts end to end
on a conveyor line, tanks in a row and every heater wired on a plating line.
:func:`simulator.plant.scene_check.check_scene` then steps the scene to see that it runs and
repeats (that needs the plant, which this package does not import).
"""

from __future__ import annotations

from simulator.errors import LabError
from simulator.scenes.kinds import CHECKS
from simulator.scenes.model import Scene


class SceneCheckError(LabError):
    """The scene is inconsistent; lists every problem found."""


def scene_problems(scene: Scene) -> list[tuple[str, str]]:
    """Every problem of ``scene`` as (Korean, English) pairs, by its kind's check; empty when all is well."""
    check = CHECKS.get(scene.kind)
    return check(scene) if check is not None else []
