"""Make nbgrader work from a virtual environment that was never activated.

nbgrader shells out to ``alembic`` (creating a gradebook) and starts kernels with the
``python`` named in the kernel spec; both are looked up on ``PATH``. When a teacher runs
``/path/to/.venv/bin/sflab`` without ``source .venv/bin/activate``, ``PATH`` does not
contain the venv's ``bin`` and those lookups find the system's tools, or nothing. So
every ``sflab`` command that runs nbgrader first puts the running interpreter's ``bin`` folder in front.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

#: nbgrader's configuration file in a course directory.
CONFIG_FILE = "nbgrader_config.py"


def venv_bin() -> Path:
    """The folder of the running Python (``.venv/bin``), without resolving symlinks."""
    return Path(sys.executable).parent


def prepare_environment() -> None:
    """Put :func:`venv_bin` first on this process's ``PATH`` (inherited by every subprocess)."""
    bin_dir = str(venv_bin())
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if not parts or parts[0] != bin_dir:
        os.environ["PATH"] = os.pathsep.join([bin_dir, *[p for p in parts if p and p != bin_dir]])


def nbgrader_api(course_dir: str | Path, **settings: Any) -> Any:
    """An ``NbGraderAPI`` for the course in ``course_dir``, with its ``nbgrader_config.py`` loaded.

    Args:
        course_dir: the course root (holds ``nbgrader_config.py`` and ``source/``).
        settings: extra ``CourseDirectory`` settings, e.g. ``db_url``.
    """
    from nbgrader.apps import NbGraderAPI
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    prepare_environment()
    root = Path(course_dir).resolve()
    config = Config()
    if (root / CONFIG_FILE).is_file():
        config.merge(PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config())
    config.CourseDirectory.root = str(root)
    for key, value in settings.items():
        setattr(config.CourseDirectory, key, value)
    return NbGraderAPI(config=config)


def gradebook_url(course_dir: str | Path, busy_timeout_s: float | None = None) -> str:
    """The SQLite URL of a course's gradebook; ``busy_timeout_s`` lets writers wait for each other."""
    url = f"sqlite:///{Path(course_dir).resolve() / 'gradebook.db'}"
    return f"{url}?timeout={busy_timeout_s:g}" if busy_timeout_s else url
