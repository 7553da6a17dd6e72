"""Scenes as data: load, validate and look up plant layouts by versioned id."""

from __future__ import annotations

from simulator.scenes.loader import SceneError, load_scene, parse_scene
from simulator.scenes.model import Scene
from simulator.scenes.registry import DEFAULT_SCENE_ID, get_scene, scene_ids

__all__ = [
    "DEFAULT_SCENE_ID",
    "Scene",
    "SceneError",
    "get_scene",
    "load_scene",
    "parse_scene",
    "scene_ids",
]
