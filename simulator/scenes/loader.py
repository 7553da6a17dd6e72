"""Load a scene file (TOML) into validated frozen dataclasses.

The loader reads what every scene has — its ``id`` and its ``kind`` — and hands the rest
of the file to the kind's reader (:mod:`simulator.scenes.kinds`). Every problem is
reported as a :class:`SceneError` naming the file, the key (as a path such as
``sensors[2].range_m``), the line where the key stands when it can be found, what was
expected and what was there.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from simulator.scenes.kinds import DEFAULT_KIND, READERS
from simulator.scenes.model import Scene
from simulator.scenes.reader import SceneError, Section, one_of

_SCENE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*-v[0-9]+$")


def load_scene(path: str | Path) -> Scene:
    """Read and validate the scene file at ``path``.

    Raises:
        SceneError: naming the file, key, line and expectation when the file is broken.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SceneError(str(path), "(file)", "읽을 수 있는 장면 파일", "a readable scene file", str(error)) from None
    return parse_scene(text, str(path))


def parse_scene(text: str, source: str = "<scene>") -> Scene:
    """Validate scene TOML ``text``; ``source`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"at line (\d+)", str(error))
        line = int(where.group(1)) if where else 0
        raise SceneError(source, "(TOML)", "올바른 TOML 문법", "valid TOML syntax", str(error), line) from None
    root = Section(data, "", source, text)
    scene_id = root.get("id", _scene_id, "'이름-v1' 형식의 장면 ID", "a scene id like 'name-v1'")
    known = ", ".join(sorted(READERS))
    kind = root.get(
        "kind", lambda v: one_of(v, tuple(READERS)), f"플랜트 종류 ({known})", f"a plant kind ({known})", DEFAULT_KIND
    )
    return READERS[kind](root, scene_id, source)


def _scene_id(value: Any) -> str:
    if not isinstance(value, str) or not _SCENE_ID.match(value):
        raise ValueError(value)
    return value
