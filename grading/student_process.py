"""The grader's handle on the student's process: start it, ask it, give each check a fresh copy, kill it.

:class:`StudentProcess` starts ``python -m grading.student_worker`` through
:func:`grading.sandbox.wrap`, sends it the answer cells, and from then on only sends
questions and reads answers (:mod:`grading.channel`, :mod:`grading.wire`). Every check
starts from the state right after the answer cells, as every check did when it ran in a
fork of the kernel:

- on Linux the student's process forks a copy for each check (milliseconds);
- on the portable path (no ``fork``: Windows, ``SFLAB_PORTABLE=1``) a fresh interpreter is
  started and runs the answer cells again (about a second).

Time limits are kept here, by the parent, never by signals in the student's process: a
question not answered by its deadline kills the student's process (and every copy), and
the next check starts a new one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grading import sandbox
from grading.channel import Channel, ChannelClosed, ChannelTimeout
from grading.wire import WireError, encode
from simulator.portable import portable

#: Seconds one answer cell may take (``SFLAB_TRUSTED_CELL_TIMEOUT_S``; the notebook's own run
#: gives a cell nbgrader's ``Execute.timeout``).
CELL_TIMEOUT_S = float(os.environ.get("SFLAB_TRUSTED_CELL_TIMEOUT_S", "30"))
#: Memory the student's process may use beyond what it has after its imports, in MB.
MEMORY_MB = 2048


class StudentGone(RuntimeError):
    """The student's process died, broke the protocol or missed a deadline; it has been killed."""

    def __init__(self, reason: str, *, timed_out: bool = False) -> None:
        super().__init__(reason)
        self.timed_out = timed_out
        #: The answer cell that was running, when it happened while the cells ran.
        self.cell = ""


@dataclass
class AnswerCell:
    """One cell the student's process runs before any question: its grade id and code."""

    id: str
    source: str


@dataclass
class Started:
    """What running the answer cells gave."""

    #: Name → JSON data the worker sent (a value, or a ``ref``).
    names: dict[str, Any] = field(default_factory=dict)
    #: Cells that raised: ``{"cell": id, "error": {...}}``.
    errors: list[dict[str, Any]] = field(default_factory=list)


class StudentProcess:
    """The student's code in a process of its own, asked questions over a pipe.

    Args:
        cells: the answer cells (and the given setup cells), in notebook order.
        hidden: folders the student's code must not see (the course folder).
        cwd: the folder the student's code starts in (a scratch folder by default).
    """

    def __init__(
        self, cells: Sequence[AnswerCell], *, hidden: Sequence[str | Path] = (), cwd: str | None = None
    ) -> None:
        self.cells = list(cells)
        self.hidden = list(hidden)
        self._scratch = tempfile.TemporaryDirectory(prefix="sflab-student-")
        self.cwd = cwd or self._scratch.name
        self._process: subprocess.Popen[bytes] | None = None
        self._channel: Channel | None = None
        self._in_copy = False
        self._used = False
        self._skipped: dict[str, dict[str, Any]] = {}
        #: Incremented every time a new process (or copy) starts: refs of an older one are stale.
        self.generation = 0
        self.started = Started()
        #: Grader objects the student may call back during the current question: key → (object, methods).
        self.callbacks: dict[int, tuple[Any, tuple[str, ...]]] = {}

    # ------------------------------------------------------------ life cycle
    def start(self) -> Started:
        """Start the process and run the answer cells (again, if it had been killed).

        Cells run one by one, each with :data:`CELL_TIMEOUT_S`, as in the notebook's own run: a
        cell that does not finish (a ``while True`` at the top) is left out, the process is
        started again without it, and the cells after it still run.
        """
        skipped = self._skipped  # kept across restarts: a looping cell costs its time limit once
        while True:
            self._spawn()
            try:
                self.started = self._run_cells(skipped)
                return self.started
            except StudentGone as gone:
                if not gone.cell or gone.cell in skipped:
                    raise
                skipped[gone.cell] = {"type": "TimeoutError", "message": str(gone), "cell": gone.cell}

    def _run_cells(self, skipped: dict[str, dict[str, Any]]) -> Started:
        started = Started(errors=[{"cell": cell, "error": error} for cell, error in skipped.items()])
        for cell in self.cells:
            if cell.id in skipped:
                continue
            try:
                reply = self.ask(
                    {"op": "cells", "cells": [{"id": cell.id, "source": cell.source}]}, timeout_s=CELL_TIMEOUT_S
                )
            except StudentGone as gone:
                gone.cell = cell.id
                raise
            started.names = dict(reply.get("names", {}))
            started.errors += list(reply.get("errors", []))
        return started

    def _spawn(self) -> None:
        self.kill()
        command = [sys.executable, "-m", "grading.student_worker", str(MEMORY_MB)]
        command = sandbox.wrap(command, hidden=[*self.hidden, *sandbox.graders_truth()], writable=[self.cwd])
        env = {**sandbox.student_environment(), "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1"}
        env["PYTHONIOENCODING"] = "utf-8"
        self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=self.cwd,
            env=env,
            start_new_session=not portable(),
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._channel = Channel(self._process.stdout.fileno(), self._process.stdin.fileno())
        self.generation += 1
        self._used = False

    @property
    def alive(self) -> bool:
        """True while the student's process runs."""
        return self._process is not None and self._process.poll() is None

    @contextmanager
    def fresh_copy(self) -> Iterator[None]:
        """For one check: the student's state as right after the answer cells."""
        if not self.alive or (portable() and self._used):
            self.start()
        self._used = True
        if portable():
            yield
            return
        self.ask({"op": "fork"}, timeout_s=30.0)
        self.generation += 1
        self._in_copy = True
        try:
            yield
        finally:
            ended_by_itself = not self._in_copy
            self._in_copy = False
            self.generation += 1
            if self.alive and not ended_by_itself:
                try:
                    self._send({"op": "exit"})
                    self._receive(time.monotonic() + 30.0)  # the waiting parent's "done"
                except StudentGone:
                    pass

    def kill(self) -> None:
        """End the student's process and every copy of it."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            try:
                if portable():
                    process.kill()
                else:
                    os.killpg(process.pid, 9)
            except (ProcessLookupError, PermissionError, OSError):
                process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        self._channel = None

    def close(self) -> None:
        """Kill the process and remove the scratch folder."""
        self.kill()
        self._scratch.cleanup()

    # ------------------------------------------------------------ questions
    def ask(
        self, request: dict[str, Any], *, timeout_s: float, on_callback: Callable[[dict[str, Any]], Any] | None = None
    ) -> Any:
        """Send ``request`` and return the reply, answering the student's callbacks meanwhile.

        Raises:
            StudentGone: no answer by the deadline, a closed pipe or a broken message (the
                process is killed first).
        """
        deadline = time.monotonic() + timeout_s
        self._send(request)
        while True:
            reply = self._receive(deadline)
            if not isinstance(reply, dict):
                self._broken("the reply is not an object")
            if "done" in reply and self._in_copy:  # the copy ended by itself (os._exit …) mid-question
                self._in_copy = False
                raise StudentGone(f"the student's process ended (status {reply.get('status')})")
            if "cb" not in reply:
                return reply
            self._send(self._callback(reply))

    def _callback(self, request: dict[str, Any]) -> dict[str, Any]:
        from grading.wire import decode_reply

        entry = self.callbacks.get(request.get("cb", -1))
        method = request.get("method")
        if entry is None or method not in entry[1]:
            return {"error": {"message": f"no such callback: {method!r}"}}
        try:
            args = decode_reply(request.get("args", []))
            kwargs = decode_reply(request.get("kwargs", {}))
            if not isinstance(args, list) or not isinstance(kwargs, dict):
                raise WireError("bad callback arguments")
            value = getattr(entry[0], method)(*args, **kwargs)
            return {"value": encode(value, extra=plain_object)}
        except Exception as error:  # noqa: BLE001 - reported to the student's code as its error
            return {"error": {"message": f"{type(error).__name__}: {error}"}}

    def _send(self, message: Any) -> None:
        if self._channel is None:
            raise StudentGone("the student's process is not running")
        try:
            self._channel.send(message)
        except (ChannelClosed, OSError) as error:
            self._broken(f"cannot write to the student's process: {error}")

    def _receive(self, deadline: float) -> Any:
        if self._channel is None:
            raise StudentGone("the student's process is not running")
        try:
            return self._channel.receive(deadline)
        except ChannelTimeout:
            self.kill()
            raise StudentGone("no answer before the deadline", timed_out=True) from None
        except (ChannelClosed, WireError, OSError) as error:
            self._broken(str(error))
        except BaseException:  # interrupted half-way through a message: the stream is lost
            self.kill()
            raise

    def _broken(self, reason: str) -> Any:
        self.kill()
        raise StudentGone(reason)


def plain_object(value: Any) -> Any:
    """Encode an object with public attributes (a pymodbus response …) as a dict of them."""
    fields = {}
    for name in dir(value):
        if name.startswith("_"):
            continue
        attr = getattr(value, name, None)
        if callable(attr):
            if name in ("isError",):
                fields[name] = bool(attr())
            continue
        try:
            fields[name] = encode(attr)
        except WireError:
            continue
    return fields
