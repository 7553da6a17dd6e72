"""Stand-ins for the student's functions, classes and objects, living in the grader.

In the trusted pass a test cell such as ``l01.check_counting(MaterialCounter, seed=7)`` runs
in the grader, unchanged. ``MaterialCounter`` there is a :func:`remote_class`: calling it
makes the student's process build the real object and hands back a :class:`RemoteObject`;
``obj.scan(io)`` sends the process image's changed tags and the PLC's time, and copies the
tags the student's scan wrote back into the grader's ``io``. The checks cannot tell the
difference, and nothing the student wrote runs in the grader.

An error in the student's code comes back as plain data and is raised here as the same
kind of built-in exception (``NotImplementedError`` stays ``NotImplementedError``, so the
message says "not answered yet"), carrying the student's cell and line in
``student_frame`` for the PLC's STOP message.
"""

from __future__ import annotations

import builtins
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from operator import attrgetter
from typing import Any

from grading.student_process import StudentGone, StudentProcess
from grading.wire import TAG, WireError, decode_reply, encode
from simulator.plc.clock import active_time_s
from simulator.plc.watchdog import ScanOverrun

#: Wall-clock seconds one PLC scan may take in the student's process, question and answer. Generous:
#: on a server grading many notebooks at once a scan can wait for a CPU, and an honest program must
#: never be stopped for that; a scan that never returns costs this once, then the PLC is in STOP.
SCAN_LIMIT_S = 5.0
#: Wall-clock seconds any other single call may take (the whole check has its own limit).
CALL_LIMIT_S = 60.0

_session: ContextVar[RemoteSession | None] = ContextVar("sflab_remote_session", default=None)


def current_session() -> RemoteSession | None:
    """The trusted pass's session while it grades, else None (code running in a kernel)."""
    return _session.get()


def shared_folder() -> str | None:
    """A folder for files a check hands to the student's code (a database to query …).

    In the trusted pass it is the student's process's own scratch folder, the only place
    both processes can see; elsewhere None, meaning "the usual temporary folder" (pass it
    as ``dir=`` to :mod:`tempfile`).
    """
    session = _session.get()
    return session.process.cwd if session is not None else None


class CheckTimeout(StudentGone):
    """The whole check ran past its time limit (the student's process has been killed)."""


class StudentError(Exception):
    """An exception raised by the student's code in its own process (type and message as data)."""


class Exposed:
    """A grader object the student's code may use through ``methods`` only (a Modbus client …).

    In a kernel the student's code gets this wrapper and its calls go straight through; in the
    trusted pass it crosses the pipe as a callback handle.
    """

    def __init__(self, target: Any, methods: tuple[str, ...]) -> None:
        self._target = target
        self._methods = methods

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self._methods:
            raise AttributeError(f"'{type(self._target).__name__}' object has no attribute '{name}'")
        return getattr(self._target, name)


class RemoteSession:
    """The student's process plus the grader's side of every object shared with it."""

    def __init__(self, process: StudentProcess) -> None:
        self.process = process
        self._io_state: dict[int, tuple[Any, tuple[str, ...], Any, tuple[Any, ...]]] = {}
        self._token: Any = None
        #: ``time.monotonic()`` by which the current check must end (None outside a check).
        self.deadline: float | None = None

    def __enter__(self) -> RemoteSession:
        self._token = _session.set(self)
        return self

    def __exit__(self, *exc: object) -> None:
        _session.reset(self._token)

    @contextmanager
    def check(self, timeout_s: float) -> Iterator[None]:
        """One check: a fresh copy of the student's process and a deadline for all its calls."""
        self.deadline = time.monotonic() + timeout_s
        self.process.callbacks = {}
        try:
            with self.process.fresh_copy():
                yield
        finally:
            self.deadline = None
            self.process.callbacks = {}  # the copy that held the callback handles is gone

    def names(self) -> dict[str, Any]:
        """The answer cells' names as the grader sees them: values, or stand-ins."""
        found = {}
        for name, data in self.process.started.names.items():
            try:
                found[name] = decode_reply(data, refs=lambda ref, n=name: self._ref(ref, top_name=n))
            except WireError:
                continue
        return found

    # ------------------------------------------------------------ calls
    def call(self, ref: RemoteRef, attr: str | None, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Call the student's object (or its method ``attr``) and return the decoded result."""
        return self.finish_call(self.ask_call(ref, attr, args, kwargs))

    def ask_call(
        self,
        ref: RemoteRef,
        attr: str | None,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        ahead: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Send the call and return the reply as it came (see :meth:`finish_call`).

        ``ahead`` sends the scans that follow with it (see :mod:`grading.scan_ahead`).
        """
        ios: list[int] = []
        callbacks: dict[int, tuple[Any, tuple[str, ...]]] = {}
        extra = self._extra(ios, callbacks)
        request = {
            "op": "call",
            "ref": ref.key(),
            "attr": attr,
            "args": [encode(a, extra) for a in args],
            "kwargs": {k: encode(v, extra) for k, v in kwargs.items()},
            "now": active_time_s(),
        }
        if ahead is not None:
            request["ahead"] = ahead
        self.process.callbacks.update(callbacks)  # a kept client (ModbusSorter(client)) calls back later too
        limit_s = SCAN_LIMIT_S if ios else CALL_LIMIT_S
        left_s = limit_s if self.deadline is None else self.deadline - time.monotonic()
        if left_s <= 0:
            self.process.kill()
            raise CheckTimeout("the check ran out of time", timed_out=True)
        try:
            reply = self.process.ask(request, timeout_s=min(limit_s, left_s))
        except StudentGone as gone:
            if gone.timed_out and left_s < limit_s:
                raise CheckTimeout("the check ran out of time", timed_out=True) from None
            if ios and gone.timed_out:
                raise ScanOverrun(f"one scan took longer than {SCAN_LIMIT_S:g} s") from None
            raise
        return reply

    def finish_call(self, reply: dict[str, Any]) -> Any:
        """Copy the tags the call changed into the grader's process image; raise its error or decode its value."""
        self._copy_back(reply.get("io", {}))
        if "error" in reply:
            raise remote_error(reply["error"])
        return decode_reply(reply.get("value"), refs=self._ref)

    def known_now(self, io: Any) -> None:
        """The student's copy of ``io`` holds what the grader's holds now (after scans sent ahead)."""
        state = self._io_state.get(id(io))
        if state is not None and state[0] is io:
            self._io_state[id(io)] = (io, state[1], state[2], _read_tags(io, state[1]))

    def getattr(self, ref: RemoteRef, name: str) -> Any:
        """Read attribute ``name`` of the student's object (a value, or a stand-in)."""
        reply = self.process.ask({"op": "getattr", "ref": ref.key(), "name": name}, timeout_s=CALL_LIMIT_S)
        if "error" in reply:
            raise remote_error(reply["error"])
        return decode_reply(reply.get("value"), refs=self._ref)

    def _ref(self, data: dict[str, Any], top_name: str | None = None) -> Any:
        key, kind, name = int(data.get("id", 0)), str(data.get("kind")), str(data.get("name", "?"))
        ref = RemoteRef(self, key, top_name)
        if kind == "class":
            return remote_class(ref, name)
        if kind == "function":
            return RemoteFunction(ref, name)
        return RemoteObject(ref, name)

    # ------------------------------------------------------------ the process image and callbacks
    def _extra(self, ios: list[int], callbacks: dict[int, tuple[Any, tuple[str, ...]]]) -> Callable[[Any], Any]:
        def extra(value: Any) -> Any:
            if isinstance(value, RemoteRef):
                return {TAG: "ref", "id": value.key()}
            if isinstance(value, (RemoteObject, RemoteFunction)) or getattr(value, "__sflab_ref__", None):
                return {TAG: "ref", "id": _ref_of(value).key()}
            if isinstance(value, Exposed):  # keyed by the wrapper's id, and the wrapper kept alive with it
                callbacks[id(value)] = (value, value._methods)  # noqa: SLF001
                return {TAG: "cb", "id": id(value), "methods": list(value._methods)}  # noqa: SLF001
            names = _tag_names(type(value))
            if names:
                ios.append(id(value))
                return self._io_message(value, names)
            return None

        return extra

    def _io_message(self, io: Any, names: tuple[str, ...]) -> dict[str, Any]:
        """The tags the student's copy of ``io`` does not know yet (all of them the first time)."""
        key = id(io)
        values = _read_tags(io, names)
        state = self._io_state.get(key)
        self._io_state[key] = (io, names, self.process.generation, values)
        if state is None or state[0] is not io or state[2] != self.process.generation:
            return {TAG: "io", "id": key, "tags": list(names), "set": dict(zip(names, values, strict=True))}
        known = state[3]
        if values == known:
            return {TAG: "io", "id": key, "set": {}}
        changed = {names[i]: v for i, (v, k) in enumerate(zip(values, known, strict=True)) if v != k}
        return {TAG: "io", "id": key, "set": changed}

    def _copy_back(self, changes: dict[str, Any]) -> None:
        """Write the tags the student's scan changed into the grader's process image."""
        for key, values in changes.items():
            state = self._io_state.get(int(key))
            if state is None or not isinstance(values, dict) or not values:
                continue
            io, names, generation, _ = state
            for name, value in values.items():
                if name in names and isinstance(value, (bool, int, float)):
                    setattr(io, name, value)
            self._io_state[int(key)] = (io, names, generation, _read_tags(io, names))


_TAG_NAMES: dict[type, tuple[str, ...]] = {}
_GETTERS: dict[tuple[str, ...], Callable[[Any], tuple[Any, ...]]] = {}


def _tag_names(cls: type) -> tuple[str, ...]:
    """Tag names of a process-image class (empty for any other class); cached per class."""
    names = _TAG_NAMES.get(cls)
    if names is None:
        tags = getattr(cls, "TAGS", None)
        names = tuple(t.name for t in tags) if tags and hasattr(cls, "__slots__") else ()
        _TAG_NAMES[cls] = names
    return names


def _read_tags(io: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    """All tag values of ``io`` as a tuple (one C-level attrgetter per set of names)."""
    getter = _GETTERS.get(names)
    if getter is None:
        getter = attrgetter(*names) if len(names) > 1 else (lambda obj, one=attrgetter(names[0]): (one(obj),))
        _GETTERS[names] = getter
    return getter(io)


class RemoteRef:
    """Which student object: by its top-level name (survives a restart) or by number in this copy."""

    def __init__(self, session: RemoteSession, key: int, top_name: str | None) -> None:
        self.session = session
        self._key = key
        self._top_name = top_name
        self._generation = session.process.generation

    def key(self) -> int:
        """The student's object number in the process that runs now."""
        process = self.session.process
        if self._top_name is not None:
            data = process.started.names.get(self._top_name, {})
            return int(data.get("id", self._key)) if isinstance(data, dict) else self._key
        if self._generation != process.generation:
            raise StudentGone("this object belongs to an earlier check")
        return self._key


class RemoteFunction:
    """A student's function: calling it calls the real one in the student's process."""

    def __init__(self, ref: RemoteRef, name: str) -> None:
        self.__sflab_ref__ = ref
        self.__name__ = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call the student's object (an instance with ``__call__``) in its process."""
        return self.__sflab_ref__.session.call(self.__sflab_ref__, None, args, kwargs)

    def __repr__(self) -> str:
        return f"<function {self.__name__}>"


class RemoteObject:
    """A student's object: attribute reads and method calls go to the real one."""

    def __init__(self, ref: RemoteRef, name: str) -> None:
        object.__setattr__(self, "__sflab_ref__", ref)
        object.__setattr__(self, "_type_name", name)
        object.__setattr__(self, "_methods", {})

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        methods: dict[str, RemoteMethod] = object.__getattribute__(self, "_methods")
        if name in methods:  # a method is looked up again in the student's process at every call
            return methods[name]
        ref: RemoteRef = object.__getattribute__(self, "__sflab_ref__")
        value = ref.session.getattr(ref, name)
        if isinstance(value, (RemoteFunction, RemoteObject)):  # a bound method: call it through this object
            methods[name] = RemoteMethod(ref, name)
            return methods[name]
        return value

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call the student's function in its process."""
        ref: RemoteRef = object.__getattribute__(self, "__sflab_ref__")
        return ref.session.call(ref, None, args, kwargs)

    def __repr__(self) -> str:
        return f"<{object.__getattribute__(self, '_type_name')} object>"


class RemoteMethod:
    """A method of a student's object: each call looks it up and runs it in the student's process."""

    def __init__(self, ref: RemoteRef, name: str) -> None:
        self.ref, self.__name__ = ref, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call the method in the student's process."""
        return self.ref.session.call(self.ref, self.__name__, args, kwargs)


def remote_class(ref: RemoteRef, name: str) -> type:
    """A real class (so ``isinstance(x, type)`` holds) whose instances are built in the student's process."""

    def new(cls: type, *args: Any, **kwargs: Any) -> Any:
        return ref.session.call(ref, None, args, kwargs)

    return type(name, (), {"__new__": new, "__sflab_ref__": ref, "__module__": "__main__"})


def _ref_of(value: Any) -> RemoteRef:
    if isinstance(value, RemoteObject):
        return object.__getattribute__(value, "__sflab_ref__")
    return value.__sflab_ref__


def remote_error(data: Any) -> Exception:
    """The student's exception, rebuilt from plain data as a built-in kind where one has that name."""
    data = data if isinstance(data, dict) else {}
    kind, message = str(data.get("type", "Exception")), str(data.get("message", ""))
    base = getattr(builtins, kind, None)
    if isinstance(base, type) and issubclass(base, Exception) and base.__module__ == "builtins":
        cls = type(kind, (base, StudentError), {})
    else:
        cls = type(kind, (StudentError,), {})
    try:
        error = cls(message)
    except Exception:  # noqa: BLE001 - a built-in that wants other arguments
        error = type(kind, (StudentError,), {})(message)
    error.student_frame = (str(data.get("cell", "")), int(data.get("line", 0) or 0), str(data.get("code", "")))
    error.student_traceback = str(data.get("traceback", ""))
    for key in ("ko", "en"):
        if isinstance(data.get(key), str):
            setattr(error, key, data[key])
    return error
