"""Which labs the nbgrader tests grade, and the prepared submissions each lab has (``tests/samples/lNN.py``).

Every lab of the common track, unless ``SFLAB_TEST_LABS`` names some (``SFLAB_TEST_LABS=L05,L08``):
a lab author grades just their lab while writing it. CI never sets it.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

from curriculum import LabRef, load_track

#: Environment variable restricting the nbgrader tests to some labs (comma-separated ids).
ONLY_LABS_VARIABLE = "SFLAB_TEST_LABS"
#: Samples that are the course's model-answer and blank students under another name: a sample
#: module's ``full`` is the lab's model answer (student ``source-<lab>``), ``blank`` its released
#: notebook (``release-<lab>``). They are graded once, as those students, and their expected
#: points are checked on them.
GRADED_AS = {"full": "source", "blank": "release"}


def selected_labs() -> list[LabRef]:
    """The common track's labs the nbgrader tests grade, in track order."""
    labs = list(load_track("common").labs)
    wanted = {lab_id.strip() for lab_id in os.environ.get(ONLY_LABS_VARIABLE, "").split(",") if lab_id.strip()}
    return [lab for lab in labs if lab.id in wanted] if wanted else labs


def lab_selected(lab_id: str) -> bool:
    """Whether the nbgrader tests grade ``lab_id`` in this run."""
    return any(lab.id == lab_id for lab in selected_labs())


def lab_samples(lab_id: str) -> ModuleType | None:
    """The lab's prepared submissions module (``tests/samples/<id>.py``), if it has one."""
    try:
        return importlib.import_module(f"tests.samples.{lab_id.lower()}")
    except ModuleNotFoundError:
        return None


def sample_student(lab_id: str, sample: str) -> str:
    """The student of the course who hands in ``sample`` of ``lab_id``."""
    if sample in GRADED_AS:
        return f"{GRADED_AS[sample]}-{lab_id}"
    return f"{lab_id}-{sample}"


def prepared_students() -> list[str]:
    """Every prepared submission of every selected lab, as the student who hands it in."""
    names = []
    for lab in selected_labs():
        samples = lab_samples(lab.id)
        names += [sample_student(lab.id, sample) for sample in (samples.SAMPLES if samples else {})]
    return names
