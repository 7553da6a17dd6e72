"""Start every notebook kernel of ``nbgrader autograde`` inside the sandbox (:mod:`grading.sandbox`).

Why: ``nbgrader autograde`` runs each student's notebook in a Jupyter kernel started as the
user who grades. Every solution cell is the student's code with the teacher's rights: it
could rewrite ``gradebook.db``, the hidden tests in ``source/`` or the installed ``grading``
package, read the hidden tests and print them into its feedback, or send a classmate's work
over the network. :class:`SandboxedKernelManager` starts the kernel through
:func:`grading.sandbox.wrap` instead, and :func:`install` (called by the course's
``nbgrader_config.py``) makes nbgrader's ``Execute`` use it.

What the student's kernel gets:

- the whole file system **read-only** (Python, the venv, ``grading``, ``simulator`` …);
- the **course folder** (``CourseDirectory.root``: gradebook, ``source/``, ``release/``,
  ``submitted/``, every other student's ``autograded/``) and the nbgrader **exchange**
  hidden behind empty folders;
- **writable**: only its working directory (its own ``autograded/<student>/<assignment>/``,
  where nbgrader runs it) and a private ``/tmp`` (matplotlib's and IPython's caches);
- **no network**: it talks to nbgrader over ZeroMQ ``ipc`` sockets in a private folder of
  its own (one per kernel, so students graded in parallel never share one), because TCP on
  loopback does not cross the network namespace;
- interrupts (``Execute.interrupt_on_timeout``) arrive as ``interrupt_request`` messages: a
  signal would stop bubblewrap, not the kernel.

What it does not protect: the kernel still decides how its own cells "pass" (the score is
decided again by the trusted pass, :mod:`grading.trusted`), it can fill its own autograded
folder, and it can read what any local user can read outside the hidden folders. When the
course root is not in the configuration, only the exchange is hidden. Without bubblewrap
(:func:`grading.sandbox.available` is False: Windows, ``SFLAB_SANDBOX=0``) the kernel starts
exactly as nbgrader's own (TCP, the grader's rights).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import weakref
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from traitlets.config import Config

from grading import sandbox

#: Name prefix of each kernel's private folder (its connection file and ipc sockets).
RUNTIME_PREFIX = "sflab-kernel-"
#: Environment of a sandboxed kernel: caches go to its private ``/tmp``, not the read-only home.
KERNEL_ENV = {"MPLCONFIGDIR": "/tmp/matplotlib", "IPYTHONDIR": "/tmp/ipython"}
#: The kernel's parent process id, set by jupyter_client for ipykernel's parent poller.
PARENT_PID_ENV = "JPY_PARENT_PID"


def course_root(config: Config) -> Path | None:
    """The course folder nbgrader was configured with (``CourseDirectory.root``), or None."""
    section = config.get("CourseDirectory")
    root = section.get("root") if isinstance(section, Config) else None
    return Path(root).resolve() if isinstance(root, str) and root else None


class SandboxedKernelManager(AsyncKernelManager):
    """nbgrader's kernel manager, with the kernel started in the sandbox when there is one."""

    #: This kernel's private folder while it is sandboxed (None: an ordinary kernel).
    _runtime_dir: str | None = None
    _remove_runtime_dir: weakref.finalize | None = None

    @property
    def sandboxed(self) -> bool:
        """True while this manager's kernel is started inside the sandbox."""
        return self._runtime_dir is not None

    async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
        kw["env"] = sandbox.student_environment(kw.get("env"))  # no tokens for the student's code
        if sandbox.available():
            self._use_private_ipc()
            kw["env"].update(KERNEL_ENV)
            if self.kernel_spec is not None:
                self.kernel_spec.interrupt_mode = "message"
        return await super()._async_pre_start_kernel(**kw)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """The kernel's command, wrapped in bubblewrap when sandboxed."""
        command = super().format_kernel_cmd(extra_arguments)
        if self._runtime_dir is None:
            return command
        root = course_root(self.config)
        needed = (Path(sys.prefix).resolve(), Path(sandbox.__file__).resolve().parent)
        if root is not None and any(folder.is_relative_to(root) for folder in needed):
            self.log.error("%s holds the venv or the grading package, which the sandbox hides: keep them outside", root)
        cwd = (self._launch_args or {}).get("cwd")
        writable = [self._runtime_dir, *([str(cwd)] if cwd else [])]
        # In its own PID namespace the kernel's parent is bubblewrap's init, pid 1: told so,
        # ipykernel does not take it for "nbgrader has died" (--die-with-parent does that job).
        command = [shutil.which("env") or "/usr/bin/env", f"{PARENT_PID_ENV}=1", *command]
        return sandbox.wrap(command, hidden=[root] if root else [], writable=writable)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and self._remove_runtime_dir is not None:
            self._remove_runtime_dir()
            self._runtime_dir = self._remove_runtime_dir = None

    pre_start_kernel = _async_pre_start_kernel
    cleanup_resources = _async_cleanup_resources

    def _use_private_ipc(self) -> None:
        """Talk to the kernel over ipc sockets in a fresh folder only this kernel uses."""
        if self._runtime_dir is None:
            self._runtime_dir = tempfile.mkdtemp(prefix=RUNTIME_PREFIX)
            self._remove_runtime_dir = weakref.finalize(self, shutil.rmtree, self._runtime_dir, ignore_errors=True)
        self.transport = "ipc"
        self.cache_ports = False
        self.ip = os.path.join(self._runtime_dir, "kernel")
        self.connection_file = os.path.join(self._runtime_dir, "connection.json")


def install(config: Config) -> None:
    """Make nbgrader's ``Execute`` start its kernels with :class:`SandboxedKernelManager`.

    ``c.Execute.kernel_manager_class`` alone is not enough: nbgrader 0.9's ``Execute``
    passes ``kernel_manager_class=AsyncKernelManager`` to its own constructor, which beats
    any configuration. So its default is replaced too (in this process, for every course:
    the manager reads each course's root from the configuration it is given).
    """
    from nbgrader.preprocessors import execute

    if not hasattr(execute, "AsyncKernelManager"):
        raise RuntimeError("nbgrader's Execute changed: the notebook kernels could not be sandboxed")
    config.Execute.kernel_manager_class = SandboxedKernelManager
    execute.AsyncKernelManager = SandboxedKernelManager
