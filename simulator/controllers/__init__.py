"""Built-in PLC programs, by name: ``sflab sim … --controller reference``.

``reference`` is each scene's model answer (every scene registers one); ``idle`` does nothing.

A controller name can also be ``path/to/file.py:function`` — a student's own program.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from simulator.errors import LabError


def _reference(scene_id: str) -> object:
    from simulator.controllers.branch_line import BranchLineController
    from simulator.controllers.buffer_line import BufferLineController
    from simulator.controllers.plating_line import PlatingLineController
    from simulator.controllers.reference import SortingLineController

    by_scene: dict[str, type] = {
        "sorting-line-v1": SortingLineController,
        "branch-line-v1": BranchLineController,
        "buffer-line-v1": BufferLineController,
        "plating-line-v1": PlatingLineController,
    }
    if scene_id not in by_scene:
        raise LabError(
            f"장면 '{scene_id}'에는 기준(reference) 제어 프로그램이 없습니다",
            f"No reference controller for '{scene_id}'",
        )
    return by_scene[scene_id]()


def _idle(scene_id: str) -> object:
    def idle(io: object) -> None:
        """Does nothing: every output stays off."""

    return idle


#: Built-in controllers: name → factory making a fresh program for a scene id.
BUILTIN: dict[str, Callable[[str], object]] = {"reference": _reference, "idle": _idle}


def get_controller(name: str, scene_id: str = "sorting-line-v1") -> object:
    """A fresh program for ``name`` on scene ``scene_id``: a built-in name or ``file.py:function``.

    Raises:
        LabError: when no such controller or file/function exists.
    """
    if name in BUILTIN:
        return BUILTIN[name](scene_id)
    path_text, _, attribute = name.rpartition(":")
    if path_text.endswith(".py"):
        return _load_from_file(Path(path_text), attribute)
    known = ", ".join(BUILTIN)
    raise LabError(
        f"제어 프로그램 '{name}'이(가) 없습니다. 내장: {known}, 또는 파일.py:함수이름",
        f"No controller '{name}'. Built in: {known}, or file.py:function",
    )


def _load_from_file(path: Path, attribute: str) -> object:
    if not path.is_file():
        raise LabError(f"파일이 없습니다: {path}", f"No such file: {path}")
    spec = importlib.util.spec_from_file_location(f"student_program_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise LabError(f"파이썬 파일을 읽을 수 없습니다: {path}", f"Cannot load Python file: {path}")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        raise LabError(f"{path}을(를) 실행하다 오류: {error!r}", f"Error while running {path}: {error!r}") from None
    program = getattr(module, attribute, None)
    if program is None:
        raise LabError(f"{path}에 '{attribute}'이(가) 없습니다", f"{path} has no '{attribute}'")
    return program
