"""nbgrader's notebook kernels run sandboxed: student code cannot touch the course, the venv or the network.

The end-to-end tests build a real L01 course and run the real ``nbgrader autograde``
(through the course's own ``nbgrader_config.py``) on a hostile notebook and on the model
solution. The hostile one's first answer cell tries every forbidden thing and prints one
``NAME=allowed`` / ``NAME=denied`` line per attempt into its output.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import queue
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from traitlets.config import Config

import grading
from grading import sandbox
from grading.course.build import build_course
from grading.course.environment import nbgrader_api
from grading.course.submissions import cell_by_id, fill, read, source_answers, submit
from grading.kernel_sandbox import SandboxedKernelManager, course_root

needs_sandbox = pytest.mark.skipif(not sandbox.available(), reason="bubblewrap is not available here")

NOTEBOOK = "L01_sensors"
HOSTILE, HONEST = "hostile", "honest"
#: What a probe writes when it gets a file open for writing: must never reach the real file.
MARKER = b"SANDBOX-ESCAPED"

#: The hostile answer cell (after a ``PATHS = {...}`` line). It never creates files outside its
#: own folder: a write probe only opens an existing file, so the hidden course folder's empty
#: stand-in cannot make it look "allowed".
PROBES = """
import os, socket
import grading

def _probe(name, action):
    try:
        action()
    except Exception as error:
        print(f"{name}=denied ({type(error).__name__}: {error})")
    else:
        print(f"{name}=allowed")

def _append_marker(path):
    with open(path, "r+b") as f:
        f.seek(0, 2)
        f.write(MARKER)

def _open_package_for_writing():
    open(grading.__file__, "r+b").close()  # never written: it is the real installed package

def _write_into(folder):
    with open(os.path.join(folder, "injected.py"), "w") as f:
        f.write("print('injected')")

def _write_cwd():
    with open("sandbox_probe.txt", "w") as f:
        f.write("written in the sandbox")

def _imports():
    import io
    import matplotlib.pyplot as plt
    import simulator.plant, grading.labs.l01  # noqa
    plt.plot([1, 2], [3, 4])
    plt.savefig(io.BytesIO(), format="png")
    plt.close("all")

_probe("WRITE_GRADEBOOK", lambda: _append_marker(PATHS["gradebook"]))
_probe("READ_GRADEBOOK", lambda: open(PATHS["gradebook"], "rb").read(16))
_probe("WRITE_SOURCE", lambda: _write_into(PATHS["source_dir"]))
_probe("MODIFY_SOURCE", lambda: _append_marker(PATHS["source_nb"]))
_probe("READ_SOURCE", lambda: open(PATHS["source_nb"]).read())
_probe("WRITE_PACKAGE", _open_package_for_writing)
_probe("WRITE_OTHER_STUDENT", lambda: _append_marker(PATHS["other_student_nb"]))
_probe("READ_SUBMITTED", lambda: open(PATHS["own_submitted_nb"]).read())
_probe("NETWORK", lambda: socket.create_connection(("127.0.0.1", PATHS["port"]), timeout=5).close())
_probe("WRITE_CWD", _write_cwd)
_probe("IMPORTS", _imports)
"""
DENIED = (
    "WRITE_GRADEBOOK",
    "READ_GRADEBOOK",
    "WRITE_SOURCE",
    "MODIFY_SOURCE",
    "READ_SOURCE",
    "WRITE_PACKAGE",
    "WRITE_OTHER_STUDENT",
    "READ_SUBMITTED",
    "NETWORK",
)
ALLOWED = ("WRITE_CWD", "IMPORTS")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _autograde(root: Path, student: str, *, trusted_pass: bool = True) -> dict[str, Any]:
    """The real ``nbgrader autograde`` (as :func:`grading.course.autograde._grade_student` runs it)."""
    api = nbgrader_api(root)
    if not trusted_pass:
        # Only to keep this test short: the trusted pass re-runs every check (~50 s for the model
        # solution) and starts its own sandbox; the kernel under test is started by Execute.
        steps = api.config.Autograde.autograde_preprocessors
        api.config.Autograde.autograde_preprocessors = [s for s in steps if s.__name__ != "TrustedGrading"]
    return dict(api.autograde("L01", student, force=True, create=True))


def _text(cell: Any) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def _errors(cell: Any) -> list[str]:
    return [f"{o.ename}: {o.evalue}" for o in cell.outputs if o.output_type == "error"]


@dataclass
class Graded:
    root: Path
    results: dict[str, dict[str, Any]]
    outcomes: dict[str, str]
    hashes_before: dict[Path, str]
    listener: socket.socket


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graded]:
    if not sandbox.available():
        pytest.skip("bubblewrap is not available here")
    root = build_course("common", tmp_path_factory.mktemp("kernel-sandbox") / "course", lab_ids=["L01"]).root
    source = read(root / "source" / "L01" / f"{NOTEBOOK}.ipynb")
    released = read(root / "release" / "L01" / f"{NOTEBOOK}.ipynb")
    results = {}

    submit(root, HONEST, "L01", source, NOTEBOOK)
    results[HONEST] = _autograde(root, HONEST, trusted_pass=False)

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    paths = {
        "gradebook": str(root / "gradebook.db"),
        "source_dir": str(root / "source" / "L01"),
        "source_nb": str(root / "source" / "L01" / f"{NOTEBOOK}.ipynb"),
        "other_student_nb": str(root / "autograded" / HONEST / "L01" / f"{NOTEBOOK}.ipynb"),
        "own_submitted_nb": str(root / "submitted" / HOSTILE / "L01" / f"{NOTEBOOK}.ipynb"),
        "port": listener.getsockname()[1],
    }
    probes = f"PATHS = {paths!r}\nMARKER = {MARKER!r}\n{PROBES}"
    answers = source_answers(source)
    answers["l01_classify_answer"] = probes + "\n" + answers["l01_classify_answer"]
    submit(root, HOSTILE, "L01", fill(released, answers), NOTEBOOK)
    watched = [Path(paths["source_nb"]), Path(paths["other_student_nb"]), Path(grading.__file__)]
    hashes_before = {path: _sha256(path) for path in watched}
    results[HOSTILE] = _autograde(root, HOSTILE)

    autograded = read(root / "autograded" / HOSTILE / "L01" / f"{NOTEBOOK}.ipynb")
    lines = _text(cell_by_id(autograded, "l01_classify_answer")).splitlines()
    outcomes = dict(line.split("=", 1) for line in lines if "=" in line and line.split("=", 1)[0].isupper())
    yield Graded(root, results, outcomes, hashes_before, listener)
    listener.close()


def test_student_code_in_the_kernel_cannot_touch_the_course_the_venv_or_the_network(graded: Graded) -> None:
    assert graded.results[HOSTILE]["success"], graded.results[HOSTILE].get("log")
    assert set(graded.outcomes) == {*DENIED, *ALLOWED}, graded.outcomes
    for name in DENIED:
        assert graded.outcomes[name].startswith("denied"), f"{name}: {graded.outcomes[name]}"
    for name in ALLOWED:
        assert graded.outcomes[name] == "allowed", f"{name}: {graded.outcomes[name]}"
    # Nothing reached the real files, nobody connected.
    for path, digest in graded.hashes_before.items():
        assert _sha256(path) == digest, f"{path} changed"
    assert MARKER not in (graded.root / "gradebook.db").read_bytes()
    assert not (graded.root / "source" / "L01" / "injected.py").exists()
    with pytest.raises(BlockingIOError):
        graded.listener.accept()
    # The kernel's own folder was writable, for real.
    probe_file = graded.root / "autograded" / HOSTILE / "L01" / "sandbox_probe.txt"
    assert probe_file.read_text() == "written in the sandbox"


def test_the_hostile_notebook_otherwise_runs_normally(graded: Graded) -> None:
    autograded = read(graded.root / "autograded" / HOSTILE / "L01" / f"{NOTEBOOK}.ipynb")
    setup = cell_by_id(autograded, "l01_setup")
    assert setup.execution_count is not None and not _errors(setup)
    demo = autograded.cells[autograded.cells.index(setup) + 2]
    assert demo.cell_type == "code" and demo.execution_count is not None and not _errors(demo)
    assert not _errors(cell_by_id(autograded, "l01_classify_answer"))
    assert not _errors(cell_by_id(autograded, "l01_count"))


def test_the_model_solution_is_graded_without_errors_in_the_sandbox(graded: Graded) -> None:
    result = graded.results[HONEST]
    assert result["success"], result.get("log")
    autograded = read(graded.root / "autograded" / HONEST / "L01" / f"{NOTEBOOK}.ipynb")
    code_cells = [cell for cell in autograded.cells if cell.cell_type == "code"]
    assert all(cell.execution_count is not None for cell in code_cells)
    assert [error for cell in code_cells for error in _errors(cell)] == []


def test_the_course_root_comes_from_nbgrader_configuration(tmp_path: Path) -> None:
    config = Config()
    assert course_root(config) is None
    config.CourseDirectory.db_url = "sqlite:///x.db"
    assert course_root(config) is None
    config.CourseDirectory.root = str(tmp_path / "course" / ".." / "course")
    assert course_root(config) == (tmp_path / "course").resolve()


async def _run(km: SandboxedKernelManager, code: str, timeout_s: float = 30) -> str:
    """Run ``code`` in a started kernel; its printed text."""
    printed: list[str] = []
    client = km.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=timeout_s)
        hook = lambda msg: printed.append(msg["content"].get("text", ""))  # noqa: E731
        await client.execute_interactive(code, timeout=timeout_s, output_hook=hook)
    finally:
        client.stop_channels()
    return "".join(printed)


async def _interrupted(km: SandboxedKernelManager, code: str, timeout_s: float = 30) -> dict:
    """The execute reply of ``code``, interrupted once the kernel is running it.

    Interrupting only after the kernel announced the code (``execute_input``): on a busy machine a
    signal sent after a fixed sleep could arrive before the loop started, and be lost.
    """
    client = km.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=timeout_s)
        msg_id = client.execute(code)
        while True:
            msg = await client.get_iopub_msg(timeout=timeout_s)
            if msg["msg_type"] == "execute_input" and msg["parent_header"].get("msg_id") == msg_id:
                break
        for _ in range(round(timeout_s / 5)):  # again if a signal came too early to be seen
            await asyncio.sleep(0.2)
            await km.interrupt_kernel()
            with contextlib.suppress(queue.Empty):
                while True:  # wait_for_ready may have left kernel_info replies
                    reply = await client.get_shell_msg(timeout=5)
                    if reply["parent_header"].get("msg_id") == msg_id:
                        return reply
        raise AssertionError(f"the kernel did not answer an interrupt within {timeout_s} s")
    finally:
        client.stop_channels()


def test_without_bubblewrap_the_kernel_starts_as_nbgraders_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "available", lambda: False)

    async def main() -> tuple[str, str, bool]:
        km = SandboxedKernelManager(kernel_name="python3")
        await km.start_kernel(cwd=tempfile.gettempdir())
        try:
            return km.transport, await _run(km, "print(40 + 2)"), km.sandboxed
        finally:
            await km.shutdown_kernel(now=True)

    transport, printed, sandboxed = asyncio.run(main())
    assert (transport, printed.strip(), sandboxed) == ("tcp", "42", False)


@needs_sandbox
def test_parallel_sandboxed_kernels_have_their_own_sockets_and_can_be_interrupted(tmp_path: Path) -> None:
    async def one(name: str) -> tuple[str, str]:
        cwd = tmp_path / name
        cwd.mkdir()
        km = SandboxedKernelManager(kernel_name="python3")
        await km.start_kernel(cwd=str(cwd))
        runtime_dir = km.connection_file.rsplit(os.sep, 1)[0]
        try:
            reply = await _interrupted(km, "while True:\n    pass")
            assert reply["content"]["ename"] == "KeyboardInterrupt"
            printed = await _run(km, "import os\nprint(os.getcwd(), os.getppid())")
        finally:  # a kernel left spinning would eat a core for the rest of the suite
            await km.shutdown_kernel(now=True)
            await km.cleanup_resources()
        assert not os.path.exists(runtime_dir)
        return runtime_dir, printed

    async def main() -> list[tuple[str, str]]:
        return list(await asyncio.gather(one("a"), one("b")))

    (dir_a, printed_a), (dir_b, printed_b) = asyncio.run(main())
    assert dir_a != dir_b
    assert printed_a.split() == [str(tmp_path / "a"), "1"]
    assert printed_b.split() == [str(tmp_path / "b"), "1"]


@needs_sandbox
def test_python_and_the_project_stay_visible_when_they_live_under_tmp(tmp_path, monkeypatch):
    """A checkout under /tmp (a CI clone) still runs: the private /tmp gets them back, read-only."""
    import subprocess

    venv = tmp_path / "venv"
    venv.mkdir()
    (venv / "marker").write_text("venv")
    monkeypatch.setattr("sys.prefix", str(venv))
    command = sandbox.wrap(["/bin/sh", "-c", f"cat {venv}/marker; echo x > {venv}/marker"])
    done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert done.stdout == "venv"
    assert "Read-only" in done.stderr and (venv / "marker").read_text() == "venv"
