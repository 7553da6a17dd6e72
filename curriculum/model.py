"""The curriculum's data: tracks made of labs, as frozen dataclasses read from ``tracks/*.toml``."""

from __future__ import annotations

from dataclasses import dataclass

#: Smart-factory levels, from the lowest (see ../shared/domain.md).
LEVELS = ("기초", "중간1", "중간2", "고도")
#: Minutes of one lesson hour (차시) as the labs count it (Korean high-school periods are 45–50 min).
MINUTES_PER_HOUR = 45


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
    #: Title in Korean and in English (the same as the notebook's ``metadata.sflab``).
    title_ko: str = ""
    title_en: str = ""
    #: Learning goals (학습 목표) in Korean, each also written in the notebook's header.
    goals: tuple[str, ...] = ()

    @property
    def minutes(self) -> int:
        """Class time in minutes, at :data:`MINUTES_PER_HOUR` per lesson hour."""
        return self.hours * MINUTES_PER_HOUR


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
