"""The registry of scenes by versioned id (``sorting-line-v1``), like Gymnasium's environments.

Built-in scenes live in ``assets/scenes/`` (a wheel installs them: :mod:`simulator.data_files`); a path
to a ``.toml`` file works wherever an id does.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from simulator.data_files import data_dir
from simulator.errors import LabError
from simulator.scenes.loader import load_scene
from simulator.scenes.model import Scene

#: The scene `sflab run` opens when none is named.
DEFAULT_SCENE_ID = "sorting-line-v1"


def scenes_dir() -> Path:
    """Folder of the built-in scene files."""
    return data_dir("assets/scenes")


def scene_ids() -> list[str]:
    """Ids of all built-in scenes, sorted."""
    return sorted(path.stem for path in scenes_dir().glob("*.toml"))


@cache
def _load_builtin(scene_id: str) -> Scene:
    return load_scene(scenes_dir() / f"{scene_id}.toml")


def get_scene(scene: str | Path | Scene) -> Scene:
    """A scene by id, by path to a TOML file, or passed through when already loaded.

    Raises:
        LabError: when no scene has that id and no such file exists.
    """
    if not isinstance(scene, str | Path):  # already loaded (a scene of any kind)
        return scene
    text = str(scene)
    if text.endswith(".toml") or Path(text).is_file():
        return load_scene(text)
    if text not in scene_ids():
        known = ", ".join(scene_ids())
        raise LabError(f"장면 '{text}'이(가) 없습니다. 있는 장면: {known}", f"No scene '{text}'. Known scenes: {known}")
    return _load_builtin(text)
