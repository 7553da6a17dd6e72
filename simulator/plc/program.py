"""What counts as a PLC program, and how its crash is told to the student.

A program is whatever a student can write in a notebook cell:

- a function ``def program(io): ...`` called once per scan;
- a class with a ``scan(self, io)`` method (instantiated once, so it can keep timers,
  counters and state in ``self``), or an instance of one;
- any callable taking ``io``.
"""

from __future__ import annotations

import difflib
import linecache
import re
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from simulator.errors import LabError

ScanFunction = Callable[[Any], object]

_SIMULATOR_DIR = str(Path(__file__).resolve().parent.parent)


def as_scan_function(program: object) -> ScanFunction:
    """Turn a function, class or object into the function the PLC calls every scan.

    Raises:
        LabError: when ``program`` is none of the accepted forms.
    """
    if isinstance(program, type):
        program = program()
    scan = getattr(program, "scan", None)
    if callable(scan):
        return scan
    if callable(program):
        return program
    raise LabError(
        f"PLC 프로그램은 함수 program(io)이거나 scan(self, io) 메서드가 있는 클래스여야 합니다. 받은 것: {program!r}",
        f"A PLC program is a function program(io) or a class with a scan(self, io) method, got {program!r}",
    )


class PlcFault(LabError):
    """Why the PLC went to STOP: the program raised, overran its scan, or wrote an input."""

    def __init__(self, ko: str, en: str, time_s: float, line: int = 0, filename: str = "") -> None:
        super().__init__(ko, en)
        #: Simulated time of the stop, in seconds.
        self.time_s = time_s
        #: Line of the student's code where it happened (0 when unknown).
        self.line = line
        self.filename = filename


def fault_from_exception(error: BaseException, time_s: float, tag_names: Iterable[str] = ()) -> PlcFault:
    """Describe an exception raised by a program, pointing at the student's own line.

    An exception that was raised in another process (the trusted grader's student process)
    carries its place as ``student_frame = (file, line, code)``.

    ``tag_names`` lets a misspelt tag name get a "did you mean …?" hint.
    """
    remote = getattr(error, "student_frame", None)  # raised in another process: where, as plain data
    if remote is not None:
        filename, line, code = remote
    else:
        frames = traceback.extract_tb(error.__traceback__)
        own = [f for f in frames if not f.filename.startswith(_SIMULATOR_DIR)] or frames
        frame = own[-1] if own else None
        line = frame.lineno or 0 if frame else 0
        filename = frame.filename if frame else ""
        code = (frame.line or linecache.getline(filename, line)).strip() if frame else ""
    kind = type(error).__name__
    hint_ko, hint_en = _hint(error, tag_names)
    where_ko = f" — {line}행: {code}" if line else ""
    where_en = f" — line {line}: {code}" if line else ""
    return PlcFault(
        f"PLC 정지(STOP) {time_s:.2f}초: 프로그램 오류 {kind}: {error}{where_ko}{hint_ko}",
        f"PLC STOP at {time_s:.2f} s: program error {kind}: {error}{where_en}{hint_en}",
        time_s,
        line,
        filename,
    )


def _hint(error: BaseException, tag_names: Iterable[str]) -> tuple[str, str]:
    if not isinstance(error, AttributeError) or "'IO' object" not in str(error):
        return "", ""
    match = re.search(r"attribute '(\w+)'", str(error))
    name = match.group(1) if match else "?"
    close = difflib.get_close_matches(name, list(tag_names), n=1)
    guess_ko = f" 혹시 '{close[0]}'인가요?" if close else ""
    guess_en = f" Did you mean '{close[0]}'?" if close else ""
    return (
        f" (태그 '{name}'가 없습니다.{guess_ko} 태그 이름은 `sflab scene show`로 확인하세요)",
        f" (no tag '{name}'.{guess_en} List the tags with `sflab scene show`)",
    )
