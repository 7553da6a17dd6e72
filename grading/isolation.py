"""Run one check in a separate process, with fresh grader code and limits.

Why: a test cell runs in the student's own kernel, after the student's cells. A solution
cell could have replaced a grading function or patched the simulator, and a broken
program could loop for ever, call ``sys.exit()``, eat all memory or print megabytes.
:func:`run_isolated` keeps the student's *working* experience honest and the kernel alive:

1. **fork** — the check runs in a child process that starts as an exact copy of the
   kernel, so the student's classes and functions are there as they are, nothing to
   copy or serialise;
2. **fresh code** — the child forgets every ``grading`` and ``simulator`` module the
   kernel had loaded and imports them again from the installed package, so patches
   made in the notebook are gone (only the PLC clock module is kept, because the
   student's timers read the time from it);
3. **limits** — the child gets at most :data:`DEFAULT_MEMORY_MB` more memory, its
   output is thrown away, and the parent kills it after :data:`DEFAULT_TIMEOUT_S`;
4. **only the verdict comes back** — a small JSON message through a pipe.

This cannot protect the *score*: the cell that calls the check, and the kernel that tells
nbgrader how the cell went, belong to the student's code. The score is decided by the
trusted pass (:mod:`grading.trusted`), which runs this same function in the grader, with
the student's code in a process of its own (:func:`_run_trusted`).

Where ``os.fork`` does not exist (Windows, or ``SFLAB_PORTABLE=1``), the check runs in the
kernel itself: the message is the same for an honest program, without the protection.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import select
import signal
import sys
import time
from typing import Any

from grading.checks import CheckFailed, describe_error
from grading.remote import CheckTimeout, RemoteSession, current_session
from simulator.portable import portable

#: Wall-clock seconds a check may take before its process is killed (``SFLAB_CHECK_TIMEOUT_S``).
DEFAULT_TIMEOUT_S = 30.0
#: Wall-clock seconds a check may take in the trusted pass, where every scan crosses a pipe
#: (``SFLAB_TRUSTED_CHECK_TIMEOUT_S``).
TRUSTED_TIMEOUT_S = 240.0
#: Memory a check may allocate beyond what the kernel already uses, in MB (``SFLAB_CHECK_MEMORY_MB``).
DEFAULT_MEMORY_MB = 1024
#: Packages reloaded fresh in the child.
FRESH_PACKAGES = ("grading", "simulator")
#: Modules shared with the kernel: the student's timers and edge blocks read this clock.
SHARED_MODULES = ("simulator.plc.clock",)


def run_isolated(target: str, *args: Any, **kwargs: Any) -> Any:
    """Call ``target`` (``"package.module:function"``) in an isolated child process.

    The function runs with the student's objects in ``args``/``kwargs``, on freshly imported
    grader code, and must return something JSON can carry. In the trusted grading pass
    (:mod:`grading.trusted`) the student's objects are already stand-ins for code running in
    a process of its own, so the check runs right here, on a fresh copy of that process.

    Raises:
        CheckFailed: when the check failed, crashed, ran out of time or of memory.
    """
    session = current_session()
    if session is not None:
        return _run_trusted(session, target, args, kwargs)
    timeout_s = float(os.environ.get("SFLAB_CHECK_TIMEOUT_S", DEFAULT_TIMEOUT_S))
    if portable():  # no fork: in this process, an exit or an error still becomes the check's message
        return _unpack(_outcome(target, args, kwargs))
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_fd)
        _child(write_fd, target, args, kwargs)
    os.close(write_fd)
    try:
        data = _read_until(read_fd, time.monotonic() + timeout_s)
    except BaseException:  # the teacher pressed "interrupt": take the child down too
        _kill(pid)
        raise
    finally:
        os.close(read_fd)
    if data is None:
        _kill(pid)
        raise _timeout(timeout_s)
    _, status = os.waitpid(pid, 0)
    if not data:
        raise CheckFailed(
            f"채점 프로세스가 비정상 종료했습니다(상태 {status}). "
            "메모리를 너무 많이 쓰거나 os._exit()를 부르지 않는지 보세요.",
            f"The check process died (status {status}). Check for huge memory use or os._exit().",
        )
    return _unpack(json.loads(data.decode("utf-8")))


def _timeout(timeout_s: float) -> CheckFailed:
    return CheckFailed(
        f"채점이 {timeout_s:g}초 안에 끝나지 않았습니다. 프로그램에 끝나지 않는 반복(while)이 있는지 보세요.",
        f"The check did not finish within {timeout_s:g} s. Look for a loop that never ends.",
    )


def _run_trusted(session: RemoteSession, target: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The check in the grader, its student objects answered by a fresh copy of the student's process."""
    timeout_s = float(os.environ.get("SFLAB_TRUSTED_CHECK_TIMEOUT_S", TRUSTED_TIMEOUT_S))
    try:
        with session.check(timeout_s):
            payload = _outcome(target, args, kwargs)
    except CheckTimeout:
        raise _timeout(timeout_s) from None
    if payload["status"] == "failed" and isinstance(payload.get("error"), CheckTimeout):
        raise _timeout(timeout_s)
    return _unpack(payload)


def _call(target: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    module_name, _, function = target.partition(":")
    return getattr(importlib.import_module(module_name), function)(*args, **kwargs)


def _outcome(target: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Run the check and describe how it went as plain data (the verdict, never an exception)."""
    try:
        return {"status": "ok", "value": _call(target, args, kwargs)}
    except AssertionError as error:  # a CheckFailed (of the fresh grader, in a child)
        return {"status": "failed", "ko": getattr(error, "ko", str(error)), "en": getattr(error, "en", str(error))}
    except CheckTimeout as error:
        return {"status": "failed", "ko": "", "en": "", "error": error}
    except BaseException as error:  # noqa: BLE001 - the student's code can raise anything
        ko, en = describe_error(error)
        return {"status": "failed", "ko": f"채점 중 오류 — {ko}", "en": f"Error while checking — {en}"}


def _child(write_fd: int, target: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    code = 0
    try:
        _silence_output()
        _limit_memory(int(os.environ.get("SFLAB_CHECK_MEMORY_MB", DEFAULT_MEMORY_MB)))
        _forget_grader_modules()
        data = json.dumps(_outcome(target, args, kwargs), ensure_ascii=False).encode("utf-8")
        view = memoryview(data)
        while view:
            view = view[os.write(write_fd, view) :]
    except BaseException:  # noqa: BLE001 - out of memory while reporting: the parent sees no data
        code = 3
    os._exit(code)


def _unpack(payload: dict[str, Any]) -> Any:
    if payload["status"] == "ok":
        return payload["value"]
    raise CheckFailed(payload["ko"], payload["en"])


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything written to ``fd`` until the writer closes it; None past the deadline."""
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            return None
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


class _Sink(io.TextIOBase):
    """A text stream that throws everything away (the student's prints during a check)."""

    def write(self, text: str) -> int:
        return len(text)

    def writable(self) -> bool:
        return True


def _silence_output() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    sys.stdout = sys.stderr = _Sink()


def _limit_memory(extra_mb: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform
        return
    current = _virtual_memory_bytes()
    if current:
        limit = current + extra_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)  # never above what the system already allows
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _virtual_memory_bytes() -> int:
    """This process's virtual memory size, in bytes (0 when unknown)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _forget_grader_modules() -> None:
    shared = {name: sys.modules[name] for name in SHARED_MODULES if name in sys.modules}
    for name in list(sys.modules):
        if name.split(".")[0] in FRESH_PACKAGES and name not in shared:
            del sys.modules[name]
    importlib.invalidate_caches()
    for name, module in shared.items():  # re-attach to the fresh parent package
        parent, _, child = name.rpartition(".")
        setattr(importlib.import_module(parent), child, module)
