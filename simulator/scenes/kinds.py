"""Scene readers by plant kind: a scene file's ``kind`` says which one reads the rest.

A new kind adds its module (its sections as frozen dataclasses and a ``read_…`` function)
and one line here; see :mod:`simulator.plant.kind` for the whole contract.
"""

from __future__ import annotations

from collections.abc import Callable

from simulator.scenes.conveyor_line import read_conveyor_line
from simulator.scenes.model import Scene
from simulator.scenes.reader import Section

#: A reader: the file's root section, its scene id and its source → the validated scene.
SceneReader = Callable[[Section, str, str], Scene]

#: The kind a scene file without ``kind`` is (every scene before kinds existed).
DEFAULT_KIND = "conveyor_line"

READERS: dict[str, SceneReader] = {
    "conveyor_line": read_conveyor_line,
}
