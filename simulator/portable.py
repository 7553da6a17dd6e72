"""One switch for the code path of computers without ``fork`` and POSIX signals (Windows lab PCs).

Official grading runs on the school's Linux server, but students also check their work on
Windows lab PCs, and the score must be the same there. Every place that would use
``os.fork``, ``signal`` timers or ``select`` on a pipe asks :func:`portable` first and, when
it says True, uses what Windows has too: a freshly spawned interpreter instead of a fork,
time limits measured by the parent instead of alarms, and reader threads instead of
``select``.

``SFLAB_PORTABLE=1`` forces that path on Linux, so the test suite checks it on every run.
"""

from __future__ import annotations

import os
import signal

#: The environment variable that forces the portable path.
PORTABLE_ENV = "SFLAB_PORTABLE"


def portable() -> bool:
    """True when fork and POSIX signals must not be used (Windows, or ``SFLAB_PORTABLE=1``)."""
    if os.environ.get(PORTABLE_ENV, "") not in ("", "0"):
        return True
    return not (hasattr(os, "fork") and hasattr(signal, "setitimer"))
