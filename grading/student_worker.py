"""The student's process in the trusted grading pass: runs the answer cells, then only answers calls.

Started by :class:`grading.student_process.StudentProcess` as
``python -m grading.student_worker`` (inside a sandbox where one is available), it speaks
:mod:`grading.wire` messages on its original stdin/stdout and throws away everything the
student's code prints. Nothing here is trusted: the student's code can change any of it.
That is fine, because this process only *answers* — the plant, the checks and the verdict
live in the grader, which reads the answers as plain data.

Requests (``op``) and replies:

- ``cells`` — run answer cells in order; reply with the names they defined (plain values
  as values, functions, classes and objects as ``ref``) and the cells that raised;
- ``call`` — call a ref (or its method ``attr``) with decoded arguments, the PLC clock set
  to ``now``; reply with the value, the process-image tags the call changed, or the error.
  With ``ahead`` (a PLC scan, see :mod:`grading.scan_ahead`) the same call runs again for
  each of the next scan times and their inputs while no scan changes a tag, and ``ran``
  says how many scans ran; the changes and any error are the last one's;
- ``getattr`` — an attribute of a ref;
- ``fork`` (POSIX) — the next check starts from a copy of this process; this process
  waits until the copy ends, then says ``done``;
- ``exit``.

During a ``call`` the student's code may call back a grader object it was given (``cb``):
the request goes up the pipe and the grader answers it.
"""

from __future__ import annotations

import importlib
import linecache
import os
import sys
import time
import traceback
from collections.abc import Callable
from contextlib import nullcontext
from operator import attrgetter
from typing import Any

from grading.channel import Channel
from grading.presets import apply_presets
from grading.wire import TAG, WireError, encode

#: Wall-clock seconds a call may go on running the scans it was sent ahead (then it answers).
AHEAD_BUDGET_S = 0.02
#: Prefix of the file names the answer cells are compiled with (tracebacks name the cell).
CELL_FILE_PREFIX = "<답안 "


class Worker:
    """The request loop and the objects the grader holds refs to."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": __builtins__}
        self.objects: dict[int, Any] = {}
        self.mirrors: dict[int, Any] = {}
        self.clock: Any = None

    # ------------------------------------------------------------ loop
    def serve(self) -> None:
        """Answer requests until ``exit`` or a closed pipe."""
        while True:
            request = self.channel.receive()
            op = request.get("op")
            if op == "exit":
                return
            if op == "fork":
                self._fork()  # the copy serves the check; this process is back once it has ended
                continue
            handler = {"cells": self._cells, "call": self._call, "getattr": self._getattr}.get(op)
            reply = handler(request) if handler else {"error": _error(ValueError(f"unknown op {op!r}"))}
            self.channel.send(reply)

    def _fork(self) -> None:
        """Serve one check from a copy of this process, and come back once the copy has ended."""
        pid = os.fork()
        if pid == 0:
            self.channel.send({"pid": os.getpid()})
            self.serve()
            os._exit(0)  # the copy's check is over: no interpreter shutdown (0.3 s) for a throw-away copy
        _, status = os.waitpid(pid, 0)
        self.channel.send({"done": True, "status": status})

    # ------------------------------------------------------------ requests
    def _cells(self, request: dict[str, Any]) -> dict[str, Any]:
        errors = []
        for cell in request["cells"]:
            filename = f"{CELL_FILE_PREFIX}{cell['id']}>"
            source = cell["source"]
            linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
            try:
                exec(compile(source, filename, "exec"), self.namespace)  # noqa: S102 - the student's answer
            except BaseException as error:  # noqa: BLE001 - a failed cell is reported, the next one runs
                errors.append({"cell": cell["id"], "error": _error(error)})
        names = {}
        for name, value in self.namespace.items():
            if name.startswith("_") or type(value).__name__ == "module":
                continue
            names[name] = self._encode(value)
        return {"names": names, "errors": errors}

    def _call(self, request: dict[str, Any]) -> dict[str, Any]:
        touched: dict[int, Any] = {}
        changes: dict[str, Any] | None = None  # the last scan's changes, once read
        ran = 1
        started = time.perf_counter()
        try:
            target = self.objects[request["ref"]]
            if request.get("attr"):
                target = getattr(target, request["attr"])
            args = [self._decode(a, touched) for a in request.get("args", [])]
            kwargs = {k: self._decode(v, touched) for k, v in request.get("kwargs", {}).items()}
            with self._clock(request.get("now")):
                value = target(*args, **kwargs)
                ahead = request.get("ahead")
                if ahead and len(touched) == 1 and self.clock is not None:
                    # The next scans, while nothing changes: see grading.scan_ahead.
                    mirror = next(iter(touched.values()))
                    changes = mirror.changes()
                    for now_s, row in zip(ahead["times"], ahead["rows"], strict=False):
                        if changes or time.perf_counter() - started > AHEAD_BUDGET_S:
                            break
                        ran += 1
                        mirror.apply(row)
                        if "presets" in ahead:  # the grader's "HMI" writes, as grading.scan_ahead.WithPresets does
                            mirror.apply_presets(ahead["presets"])
                        self.clock.now_s = now_s
                        changes = None
                        target(*args, **kwargs)
                        changes = mirror.changes()
            reply: dict[str, Any] = {"value": self._encode(value)}
        except BaseException as error:  # noqa: BLE001 - the student's error is the answer
            reply = {"error": _error(error)}
        if touched:
            reply["io"] = {
                str(key): changes if changes is not None else mirror.changes() for key, mirror in touched.items()
            }
        if ran > 1:
            reply["ran"] = ran
        return reply

    def _getattr(self, request: dict[str, Any]) -> dict[str, Any]:
        try:
            return {"value": self._encode(getattr(self.objects[request["ref"]], request["name"]))}
        except BaseException as error:  # noqa: BLE001
            return {"error": _error(error)}

    # ------------------------------------------------------------ values
    def _encode(self, value: Any) -> Any:
        def as_ref(obj: Any) -> dict[str, Any]:
            key = id(obj)
            self.objects[key] = obj
            kind = "class" if isinstance(obj, type) else "function" if callable(obj) else "object"
            name = getattr(obj, "__name__", type(obj).__name__)
            return {TAG: "ref", "id": key, "kind": kind, "name": str(name)}

        try:
            return encode(value, extra=lambda obj: None if _plain_dataclass(obj) else as_ref(obj))
        except WireError:
            return as_ref(value)

    def _decode(self, data: Any, touched: dict[int, Any]) -> Any:
        if isinstance(data, list):
            return [self._decode(v, touched) for v in data]
        if not isinstance(data, dict):
            return data
        tag = data.get(TAG)
        if tag is None:
            return {k: self._decode(v, touched) for k, v in data.items()}
        if tag == "io":
            mirror = self.mirrors.get(data["id"])
            if mirror is None:
                mirror = self.mirrors[data["id"]] = Mirror(data["tags"])
            mirror.apply(data["set"])
            touched[data["id"]] = mirror
            return mirror.io
        if tag == "dc":
            module, _, qualname = data["type"].partition(":")
            cls: Any = importlib.import_module(module)
            for part in qualname.split("."):
                cls = getattr(cls, part)
            return cls(**{k: self._decode(v, touched) for k, v in data["fields"].items()})
        if tag == "cb":
            return CallbackStub(self.channel, data["id"], data["methods"], self._encode, lambda d: self._decode(d, {}))
        if tag == "ref":
            return self.objects[data["id"]]
        if tag in ("tuple", "set"):
            items = [self._decode(v, touched) for v in data["items"]]
            return tuple(items) if tag == "tuple" else set(items)
        if tag == "dict":
            return {self._decode(k, touched): self._decode(v, touched) for k, v in data["items"]}
        from grading.wire import decode_reply  # arrays, tables, floats, bytes: the grader's own reader

        return decode_reply(data)

    def _clock(self, now_s: float | None) -> Any:
        if now_s is None:
            return nullcontext()
        from simulator.plc.clock import ScanClock, using_clock

        if self.clock is None:
            self.clock = ScanClock()
        self.clock.now_s = now_s
        return using_clock(self.clock)


def _plain_dataclass(obj: Any) -> bool:
    import dataclasses

    return dataclasses.is_dataclass(obj) and not isinstance(obj, type) and type(obj).__module__ != "__main__"


class Mirror:
    """The student's copy of the process image: an object with one slot per tag, and what changed."""

    def __init__(self, names: list[str]) -> None:
        cls = type("IO", (), {"__slots__": tuple(names), "__repr__": _io_repr})
        self.io = cls()
        self.names = tuple(names)
        self.read = attrgetter(*self.names) if len(self.names) > 1 else lambda io: (getattr(io, self.names[0]),)
        self.known: tuple[Any, ...] = ()

    def apply(self, values: dict[str, Any]) -> None:
        """Take the grader's values (all tags the first time, then only the changed ones)."""
        io = self.io
        for name, value in values.items():
            setattr(io, name, value)
        self.known = self.read(io)

    def apply_presets(self, presets: dict[str, Any]) -> None:
        """Take the grader's "HMI" writes, as the grader makes them before each scan (:mod:`grading.presets`)."""
        apply_presets(self.io, presets)
        self.known = self.read(self.io)

    def changes(self) -> dict[str, Any]:
        """Tags the student's code changed since the grader's values arrived."""
        now = self.read(self.io)
        if now == self.known:
            return {}
        changed = {}
        for name, value, known in zip(self.names, now, self.known, strict=True):
            if value != known or type(value) is not type(known):
                plain = isinstance(value, (bool, int, float, str)) or value is None
                changed[name] = value if plain else repr(value)
        self.known = now
        return changed


def _io_repr(io: Any) -> str:
    values = ", ".join(f"{n}={getattr(io, n, None)!r}" for n in type(io).__slots__)
    return f"ProcessImage({values})"


class CallbackStub:
    """A grader object the student's code may call (only ``methods``): each call goes up the pipe."""

    def __init__(
        self,
        channel: Channel,
        key: int,
        methods: list[str],
        encode_: Callable[[Any], Any],
        decode_: Callable[[Any], Any],
    ) -> None:
        self._channel, self._key, self._methods = channel, key, tuple(methods)
        self._encode, self._decode = encode_, decode_

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self._methods:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

        def call(*args: Any, **kwargs: Any) -> Any:
            self._channel.send(
                {
                    "cb": self._key,
                    "method": name,
                    "args": [self._encode(a) for a in args],
                    "kwargs": {k: self._encode(v) for k, v in kwargs.items()},
                }
            )
            reply = self._channel.receive()
            if "error" in reply:
                raise RuntimeError(reply["error"].get("message", "callback failed"))
            return self._decode(reply.get("value"))

        return call


def _error(error: BaseException) -> dict[str, Any]:
    """An exception as plain data: type, message, the student's line, Korean/English text if it has them."""
    frames = traceback.extract_tb(error.__traceback__)
    own = [f for f in frames if f.filename.startswith(CELL_FILE_PREFIX)]
    frame = own[-1] if own else None
    if frame is None and isinstance(error, SyntaxError) and str(error.filename).startswith(CELL_FILE_PREFIX):
        cell, line, code = str(error.filename), error.lineno or 0, (error.text or "").strip()
    else:
        cell = frame.filename if frame else ""
        line = frame.lineno or 0 if frame else 0
        code = (frame.line or "").strip() if frame else ""
    found = {
        "type": type(error).__name__,
        "message": _text(error),
        "cell": cell[len(CELL_FILE_PREFIX) : -1] if cell else "",
        "line": line,
        "code": code,
        "traceback": "".join(traceback.format_exception(error))[-4000:],
    }
    for key in ("ko", "en"):
        value = getattr(error, key, None)
        if isinstance(value, str):
            found[key] = value
    return found


def _text(error: BaseException) -> str:
    try:
        return str(error)[:2000]
    except BaseException:  # noqa: BLE001 - a student's __str__ that raises
        return "?"


def _quiet() -> tuple[int, int]:
    """Keep private copies of stdin/stdout for the pipe; the student's prints go nowhere."""
    read_fd, write_fd = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return read_fd, write_fd


def _limit_resources(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's deadline is the only limit
        return
    for limit, value in ((resource.RLIMIT_CORE, 0), (resource.RLIMIT_FSIZE, 512 * 1024 * 1024)):
        resource.setrlimit(limit, (value, value))
    size = 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            size = next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:")), 0)
    except OSError:
        pass
    if size:
        total = size + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (total, total))


def main() -> None:
    """Entry point: ``python -m grading.student_worker [MEMORY_MB]``."""
    read_fd, write_fd = _quiet()
    os.environ.setdefault("MPLBACKEND", "Agg")
    import numpy  # noqa: F401 - imported before the memory limit, like the kernel has it

    import simulator.plc  # noqa: F401

    _limit_resources(int(sys.argv[1]) if len(sys.argv) > 1 else 2048)
    Worker(Channel(read_fd, write_fd)).serve()


if __name__ == "__main__":
    main()
