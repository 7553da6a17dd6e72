"""Snippets of the attacks on the student's kernel (:mod:`tests.labs.adversarial`).

Each is put at the top of a blank notebook's first answer cell: it changes how IPython runs the
later cells, what the kernel sends back, the modules and builtins the checks use, or traces them.
"""

# ---------------------------------------------------------------- ipython: how later cells run
INPUT_CLEANUP = """
def _no_tests(lines):
    if any("from grading" in line for line in lines):
        return ["pass\\n"]
    return lines
get_ipython().input_transformers_cleanup.append(_no_tests)
"""

INPUT_POST = """
def _comment_checks(lines):
    return ["# " + line if ".check_" in line else line for line in lines]
get_ipython().input_transformers_post.append(_comment_checks)
"""

AST = """
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

RUN_CELL = """
_shell = get_ipython()
_real_run_cell = _shell.run_cell
def _run_cell(raw_cell, *args, **kwargs):
    if "from grading" in raw_cell:
        raw_cell = "pass"
    return _real_run_cell(raw_cell, *args, **kwargs)
_shell.run_cell = _run_cell
"""

RUN_CELL_ASYNC = """
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

RUN_CODE = """
_shell = get_ipython()
async def _run_code(code_obj, result=None, *, async_=False):
    try:
        exec(code_obj, _shell.user_global_ns, _shell.user_ns)
    except BaseException:
        pass
    return False
_shell.run_code = _run_code
"""

PRE_RUN_CELL = """
import importlib as _importlib
def _before(info):
    if "from grading" in (info.raw_cell or ""):
        module = _importlib.import_module("grading.labs.__LAB__")
        for name in dir(module):
            if name.startswith("check_"):
                setattr(module, name, lambda *args, **kwargs: None)
get_ipython().events.register("pre_run_cell", _before)
"""

POST_RUN_CELL = """
from IPython.display import clear_output as _clear_output
def _after(result):
    if result.error_in_exec is not None or result.error_before_exec is not None:
        _clear_output()
        result.error_in_exec = result.error_before_exec = None
get_ipython().events.register("post_run_cell", _after)
"""

CUSTOM_EXC = """
import sys as _sys
def _handler(shell, etype, value, tb, tb_offset=None):
    result = _sys._getframe(2).f_locals.get("result")
    if result is not None:
        result.error_in_exec = None
    return []
get_ipython().set_custom_exc((BaseException,), _handler)
"""

SHOWTRACEBACK = """
import sys as _sys
def _showtraceback(*args, **kwargs):
    for depth in range(1, 6):
        result = _sys._getframe(depth).f_locals.get("result")
        if hasattr(result, "error_in_exec"):
            result.error_in_exec = None
            break
get_ipython().showtraceback = _showtraceback
"""

SHELL_HANDLER = """
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
SESSION_SEND = """
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

STDOUT_STDERR = """
import io as _io
import sys as _sys
class _Pass(_io.StringIO):
    def write(self, text):
        return super().write(text.replace("채점 실패", "통과").replace("Error", "OK"))
_sys.stdout = _Pass()
_sys.stderr = _Pass()
"""

# ---------------------------------------------------------------- modules the checks use
JSON = """
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

OS = """
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

BUILTINS_IMPORT = """
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

BUILTINS_EXCEPTIONS = '''
import builtins as _builtins
class AssertionError(Exception):
    """Never raised: a failed check is no longer an AssertionError."""
_builtins.AssertionError = AssertionError
'''

GRADING_MODULES = """
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

LAB_MODULE = """
import sys as _sys
import types as _types
import grading.labs as _labs
_fake = _types.ModuleType("grading.labs.__LAB__")
_fake.__getattr__ = lambda name: (lambda *args, **kwargs: None)
_sys.modules["grading.labs.__LAB__"] = _fake
_labs.__LAB__ = _fake
"""

SIMULATOR = """
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

NUMPY = """
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

FAKE_PACKAGE = """
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
SETTRACE_JUMP = """
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

SETTRACE_VERDICT = """
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

SETPROFILE = """
import sys as _sys
def _profile(frame, event, arg):
    if event == "call" and frame.f_code.co_name.startswith("check_"):
        if frame.f_globals.get("__name__", "").startswith("grading.labs."):
            frame.f_globals["run_isolated"] = lambda *args, **kwargs: "ok"
_sys.setprofile(_profile)
"""
