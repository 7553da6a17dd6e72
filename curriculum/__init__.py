"""The curriculum: tracks, their labs in order, hours and smart-factory levels; loader and validator."""

from __future__ import annotations

from curriculum.loader import LABS_DIR, check_track, load_track, notebook_path, track_ids
from curriculum.model import LEVELS, LabRef, Track

__all__ = ["LABS_DIR", "LEVELS", "LabRef", "Track", "check_track", "load_track", "notebook_path", "track_ids"]
