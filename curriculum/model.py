"""The curriculum's data: tracks made of labs, as frozen dataclasses read from ``tracks/*.toml``."""

from __future__ import annotations

from dataclasses import dataclass

#: Smart-factory levels, from the lowest (see ../shared/domain.md).
LEVELS = ("기초", "중간1", "중간2", "고도")


@dataclass(frozen=True)
class LabRef:
    """One lab of a track."""

    #: Lab id, also the nbgrader assignment name (``"L01"``).
    id: str
    #: Folder under ``labs/`` (``"L01_sensors"``); the notebook is ``<folder>/<folder>.ipynb``.
    folder: str
    #: Lesson hours (차시).
    hours: int
    #: Smart-factory level the lab reaches, one of :data:`LEVELS`.
    level: str


@dataclass(frozen=True)
class Track:
    """A track: an ordered list of labs and the nbgrader course that hands them out."""

    id: str
    title_ko: str
    title_en: str
    #: nbgrader course id (``c.CourseDirectory.course_id``).
    course_id: str
    labs: tuple[LabRef, ...]

    def lab(self, lab_id: str) -> LabRef:
        """The lab with ``lab_id``.

        Raises:
            KeyError: when the track has no such lab.
        """
        for lab in self.labs:
            if lab.id == lab_id:
                return lab
        raise KeyError(lab_id)
