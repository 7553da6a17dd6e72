"""Scene readers by plant kind: a scene file's ``kind`` says which one reads the rest.

A new kind adds its module (its sections as frozen dataclasses and a ``read_…`` function)
and one line here; see :mod:`simulator.plant.kind` for the whole contract.
"""

from __future__ import annotations

from collections.abc import Callable

from simulator.scenes.conveyor_check import conveyor_problems
from simulator.scenes.conveyor_line import read_conveyor_line
from simulator.scenes.model import Scene
from simulator.scenes.plating_line import plating_problems, read_plating_line
from simulator.scenes.reader import Section

#: A reader: the file's root section, its scene id and its source → the validated scene.
SceneReader = Callable[[Section, str, str], Scene]

#: The kind a scene file without ``kind`` is (every scene before kinds existed).
DEFAULT_KIND = "conveyor_line"

READERS: dict[str, SceneReader] = {
    "conveyor_line": read_conveyor_line,
    "plating_line": read_plating_line,  # type: ignore[dict-item]  # the frame reads only its common fields
}

#: A kind's check of how a scene's parts fit together: (Korean, English) problems, none when all is well.
SceneCheck = Callable[[Scene], list[tuple[str, str]]]

CHECKS: dict[str, SceneCheck] = {
    "conveyor_line": conveyor_problems,
    "plating_line": plating_problems,  # type: ignore[dict-item]
}
