"""Which prepared submissions each lab has (``grading.labs.<lab>_samples``), for the nbgrader tests."""

from __future__ import annotations

import importlib
from types import ModuleType

from curriculum import load_track


def lab_samples(lab_id: str) -> ModuleType | None:
    """The lab's prepared submissions module (``grading.labs.<id>_samples``), if it has one."""
    try:
        return importlib.import_module(f"grading.labs.{lab_id.lower()}_samples")
    except ModuleNotFoundError:
        return None


def prepared_students() -> list[str]:
    """Every prepared submission of every lab in the common track, as ``<lab>-<sample>``."""
    names = []
    for lab in load_track("common").labs:
        samples = lab_samples(lab.id)
        names += [f"{lab.id}-{sample}" for sample in (samples.SAMPLES if samples else {})]
    return names
