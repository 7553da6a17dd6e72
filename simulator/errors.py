"""Errors that speak the student's language: Korean first, English on request.

Every error a person can cause (a broken scene file, a bad fault spec, a program that
crashes) is a :class:`LabError` carrying both languages, and where it applies the file
and line, so the command line can print ``error.message("en")`` for ``--lang en``.
"""

from __future__ import annotations


class LabError(Exception):
    """An error with a Korean and an English message; ``str()`` gives the Korean one."""

    def __init__(self, ko: str, en: str) -> None:
        super().__init__(ko)
        self.ko = ko
        self.en = en

    def message(self, lang: str = "ko") -> str:
        """The message in ``lang`` (``"ko"`` or ``"en"``)."""
        return self.en if lang == "en" else self.ko
