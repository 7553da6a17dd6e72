"""Korean first, English on request: the language of every grading message.

The language comes from the ``SFLAB_LANG`` environment variable (``ko`` or ``en``), the
same setting as ``sflab --lang``. A teacher whose class reads English sets
``SFLAB_LANG=en`` before starting Jupyter or nbgrader.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

#: Environment variable that picks the message language.
LANG_VARIABLE = "SFLAB_LANG"


def current_lang() -> str:
    """``"en"`` when ``SFLAB_LANG=en``, otherwise ``"ko"``."""
    return "en" if os.environ.get(LANG_VARIABLE, "ko").lower().startswith("en") else "ko"


@dataclass(frozen=True)
class Message:
    """One message in both languages."""

    ko: str
    en: str

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (the current language when None)."""
        return self.en if (lang or current_lang()) == "en" else self.ko

    def __str__(self) -> str:
        return self.text()
