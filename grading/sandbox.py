"""Start a student's code without the teacher's rights: read-only system, hidden course, no network.

Why: ``nbgrader autograde`` runs every student's notebook as the user who grades. Without a
sandbox a solution cell could rewrite the gradebook, the ``source/`` tests or the installed
``grading`` package, and change everyone's scores, or read the hidden tests and print them
into its feedback. Both places that run student code — the notebook's kernel
(:mod:`grading.kernel_sandbox`) and the trusted pass's student process
(:mod:`grading.student_process`) — start it through :func:`wrap` here.

On Linux, with bubblewrap (Debian package ``bubblewrap``), the student's process sees:

- the whole file system **read-only** (system, Python, the installed packages);
- the **course folder** (gradebook, ``source/``, ``release/``, every submission), the
  nbgrader **exchange** and this project's **model answers** (:func:`answer_keys`: ``labs/``,
  ``tests/`` with its prepared samples, ``.git``) replaced by empty folders, and an empty
  private ``/tmp``;
- only the folders :func:`wrap` is given as writable (its own scratch folder, or the
  autograded copy of its own notebook);
- **no network** (a network namespace of its own with only a dead loopback);
- no other process (a PID namespace of its own) and no terminal (``--new-session``); it
  dies when its parent does.

Student code also starts without the grader's secrets (:func:`student_environment`: API tokens,
passwords), in the sandbox or not.

What it does not protect: it does not limit CPU time (the parent's deadline does), and the
student's process can still read files any local user can read outside the hidden
folders. Without bubblewrap (Windows lab PCs, or a server where it is missing) student
code runs with the grader's rights: :func:`available` says so. The score is still decided in
the grader (:mod:`grading.trusted`), but the files it reads are then at risk too: the notebook's
kernel runs first and could rewrite ``source/`` or its own ``submitted/`` copy before the trusted
pass reads them. Official grading needs the sandbox.
``SFLAB_SANDBOX=0`` turns the sandbox off on purpose (not for official grading).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

#: Where nbgrader's exchange lives on a school server (hidden from student code).
EXCHANGE_DIR = "/usr/local/share/nbgrader/exchange"
#: The environment variable that turns the sandbox off (``0``).
SANDBOX_ENV = "SFLAB_SANDBOX"
#: Words in the name of an environment variable that student code must not inherit (a formgrader
#: running as a JupyterHub service holds the hub's API token; feedback would show it to the student).
SECRET_WORDS = ("TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY", "CREDENTIAL", "JUPYTERHUB_", "JPY_API")


_BASE = (
    "--ro-bind", "/", "/",
    "--dev", "/dev",
    "--proc", "/proc",
    "--tmpfs", "/tmp",
    "--unshare-net",
    "--unshare-pid",
    "--unshare-ipc",
    "--unshare-uts",
    "--new-session",
    "--die-with-parent",
)  # fmt: skip


def available() -> bool:
    """True when student code is started in the sandbox here (Linux with bubblewrap, not turned off).

    No trial run decides this: were bubblewrap present but failing (out of namespaces on a busy
    server), a trial would quietly grade without protection. Instead the sandboxed process fails
    to start, and that student's autograde fails where the teacher sees it.
    """
    if os.environ.get(SANDBOX_ENV, "1") == "0" or sys.platform != "linux":
        return False
    return shutil.which("bwrap") is not None


def student_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment student code starts with: ``base`` (this process's) without secrets."""
    source = dict(os.environ if base is None else base)
    return {name: value for name, value in source.items() if not any(w in name.upper() for w in SECRET_WORDS)}


def answer_keys() -> list[Path]:
    """The folders of this project that hold model answers, which student code must not read.

    The lab notebooks in ``labs/`` are the teacher's versions with solutions; ``tests/`` (the
    prepared samples in ``tests/samples/`` build submissions from them) and the git history hold
    them too. The installed packages hold no submission; the grader's own truth computations in
    ``grading/labs`` are hidden from the trusted pass's student process (:func:`graders_truth`).
    """
    root = Path(__file__).resolve().parent.parent
    folders = [root / name for name in ("labs", "tests", ".git")]
    return [f for f in folders if f.is_dir()]


def graders_truth() -> list[Path]:
    """The grader's own model answers, which the trusted pass's student process must not import.

    The labs' checks compare a student's answer with what the grader computes itself
    (``grading/labs``: ``l07.model_table``, ``l08_models`` …). The notebook's kernel needs
    them — its test cells call the checks — but the trusted pass's student process only
    runs answer and setup cells, and an answer that called the grader's model
    (``collect = l07.model_table``) would pass every check. So that process sees this folder
    empty.
    """
    return [Path(__file__).resolve().parent / "labs"]


def wrap(
    command: Sequence[str], *, hidden: Iterable[str | Path] = (), writable: Iterable[str | Path] = ()
) -> list[str]:
    """``command`` started inside the sandbox (or unchanged where none is :func:`available`).

    Args:
        command: the program and its arguments.
        hidden: folders replaced by empty ones (the course folder, the exchange …).
        writable: folders the student's code may write (bound back inside hidden ones).
    """
    if not available():
        return list(command)
    args = [shutil.which("bwrap") or "bwrap", *_BASE]
    for folder in _needed_in_tmp():
        args += ["--ro-bind", folder, folder]
    for folder in _existing([*hidden, *answer_keys(), EXCHANGE_DIR]):
        args += ["--tmpfs", folder]
    for folder in _existing(writable):
        args += ["--bind", folder, folder]
    return [*args, "--", *command]


def _needed_in_tmp() -> list[str]:
    """Python and this project where they live under ``/tmp`` (a CI checkout), which the private ``/tmp`` would hide."""
    project = Path(__file__).resolve().parent.parent
    needed = [Path(sys.prefix), Path(sys.base_prefix), project]
    return [f for f in _existing(needed) if Path(f).is_relative_to("/tmp")]


def _existing(folders: Iterable[str | Path]) -> list[str]:
    """Absolute, existing folders, without duplicates, parents before children."""
    found = {str(Path(f).resolve()) for f in folders if Path(f).is_dir()}
    return sorted(found, key=lambda f: (f.count(os.sep), f))
