"""Reading a scene's TOML with errors that name the file, the key and the line.

:class:`Section` gives typed access to one table of the document (``s.number("speed_m_per_s",
strict=True)``, ``s.children("sensors")``); every value that does not fit raises a
:class:`SceneError` saying, in Korean and English, which file, which key (as a path such as
``sensors[2].range_m``), which line, what was expected and what was there. The value readers
below turn one TOML value into a Python value or raise ``TypeError``/``ValueError`` for
:meth:`Section.get` to report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from simulator.errors import LabError
from simulator.plc.tags import REGISTER_MAX

T = TypeVar("T")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: A value that is not in the file (distinct from ``None``).
MISSING = object()


class SceneError(LabError):
    """A scene file is broken: says which file, key and line, and what was expected."""

    def __init__(self, source: str, key: str, expected_ko: str, expected_en: str, got: Any, line: int = 0):
        where = f"{source}:{line}" if line else source
        got_text = "(없음)" if got is MISSING else repr(got)
        got_text_en = "(missing)" if got is MISSING else repr(got)
        super().__init__(
            f"{where}: '{key}' — {expected_ko}이어야 합니다. 받은 값: {got_text}",
            f"{where}: '{key}' — expected {expected_en}, got {got_text_en}",
        )
        self.source = source
        self.key = key
        self.line = line


MISSING = object()


class Section:
    """Typed, located access to one table of the TOML document."""

    def __init__(self, data: dict[str, Any], path: str, source: str, text: str) -> None:
        self.data = data
        self.path = path
        self.source = source
        self.text = text

    def _key(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, expected_ko: str, expected_en: str, got: Any = MISSING) -> SceneError:
        """An error about ``key`` of this section."""
        path = self._key(key)
        return SceneError(self.source, path, expected_ko, expected_en, got, line_of(self.text, path))

    def get(self, key: str, kind: Callable[[Any], T], ko: str, en: str, default: Any = MISSING) -> T:
        """Read ``key`` converted by ``kind``; a missing key uses ``default`` or fails."""
        value = self.data.get(key, default)
        if value is MISSING:
            raise self.fail(key, ko, en)
        try:
            return kind(value)
        except (TypeError, ValueError):
            raise self.fail(key, ko, en, value) from None

    def text_(self, key: str, default: Any = MISSING) -> str:
        """A non-empty string."""
        return self.get(key, nonempty_str, "비어 있지 않은 문자열", "a non-empty string", default)

    def name(self, key: str = "name") -> str:
        """A Python identifier (tags and components are named so programs can use them)."""
        return self.get(key, identifier, "영문자로 시작하는 이름(영문·숫자·_)", "an identifier (letters, digits, _)")

    def number(self, key: str, minimum: float = 0.0, default: Any = MISSING, strict: bool = False) -> float:
        """A number >= minimum (> minimum when ``strict``)."""
        sign = ">" if strict else ">="
        return self.get(
            key,
            lambda v: number_at_least(v, minimum, strict),
            f"{minimum} {'초과' if strict else '이상'}의 숫자",
            f"a number {sign} {minimum}",
            default,
        )

    def flag(self, key: str, default: bool) -> bool:
        """A boolean."""
        return self.get(key, boolean, "true 또는 false", "true or false", default)

    def child(self, key: str) -> Section:
        """A sub-table."""
        value = self.data.get(key, MISSING)
        if not isinstance(value, dict):
            raise self.fail(key, "표([섹션])", "a table ([section])", value)
        return Section(value, self._key(key), self.source, self.text)

    def children(self, key: str, allow_empty: bool = False) -> list[Section]:
        """An array of tables (``[[key]]``); with ``allow_empty`` it may be absent."""
        value = self.data.get(key, [] if allow_empty else MISSING)
        if not isinstance(value, list) or (not value and not allow_empty):
            raise self.fail(key, "표의 배열([[섹션]])", "an array of tables ([[section]])", value)
        sections = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"{key}[{index}]", "표", "a table", item)
            sections.append(Section(item, f"{self._key(key)}[{index}]", self.source, self.text))
        return sections


def nonempty_str(value: Any) -> str:
    """A string with something in it."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(value)
    return value


def identifier(value: Any) -> str:
    """A name a program can use: letters, digits and ``_``, not starting with a digit."""
    if not isinstance(value, str) or not IDENTIFIER.match(value):
        raise ValueError(value)
    return value


def number_at_least(value: Any, minimum: float, strict: bool) -> float:
    """An int or float (not a bool) that is at least ``minimum`` (more than it when ``strict``)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(value)
    if value < minimum or (strict and value == minimum):
        raise ValueError(value)
    return float(value)


def boolean(value: Any) -> bool:
    """``true`` or ``false`` (not 0 or 1)."""
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def line_of(text: str, key_path: str) -> int:
    """Line (1-based) where ``key_path`` (e.g. ``tags[18].address``) stands in the file, 0 if not found."""
    array = re.match(r"^(?P<table>[\w.]+)\[(?P<index>\d+)\](\.(?P<key>\w+))?$", key_path)
    if array:
        headers = list(re.finditer(rf"^[ \t]*\[\[{re.escape(array['table'])}\]\]", text, re.MULTILINE))
        index = int(array["index"])
        if index >= len(headers):
            return 0
        start, key = headers[index].end(), array["key"]
        if key is None:
            return text.count("\n", 0, headers[index].start()) + 1
    elif "." in key_path:
        table, key = key_path.rsplit(".", 1)
        header = re.search(rf"^[ \t]*\[{re.escape(table)}\]", text, re.MULTILINE)
        if header is None:
            return 0
        start = header.end()
    else:
        start, key = 0, key_path
    next_header = re.compile(r"^[ \t]*\[", re.MULTILINE).search(text, start)
    end = next_header.start() if next_header else len(text)
    match = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE).search(text, start, end)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def one_of(value: Any, allowed: set[str] | tuple[str, ...]) -> str:
    """One of the ``allowed`` words."""
    if value not in allowed:
        raise ValueError(value)
    return str(value)


def check_unique(root: Section, key: str, names: list[str]) -> None:
    """Fail on the first name in the ``[[key]]`` tables that an earlier one already has."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise root.fail(key, f"서로 다른 이름들 ('{name}' 중복)", f"unique names ('{name}' repeats)", name)
        seen.add(name)


def share(value: Any) -> float:
    """A fraction between 0 and 1."""
    number = number_at_least(value, 0.0, False)
    if number > 1:
        raise ValueError(value)
    return number


def numbers(value: Any) -> tuple[float, ...]:
    """A non-empty list of numbers >= 0."""
    if not isinstance(value, list) or not value:
        raise TypeError(value)
    return tuple(number_at_least(v, 0.0, False) for v in value)


def span(value: Any) -> tuple[float, float]:
    """Two numbers, the second larger: ``[low, high]``."""
    low, high = numbers(value)
    if high <= low:
        raise ValueError(value)
    return (low, high)


def count_pair(value: Any) -> tuple[int, int]:
    """Two register values ``[low, high]`` with ``0 <= low < high <= 65535``."""
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, int) for v in value):
        raise TypeError(value)
    low, high = value
    if not 0 <= low < high <= REGISTER_MAX:
        raise ValueError(value)
    return (low, high)


def register_address(value: Any) -> int:
    """A Modbus address or register value, 0..65535."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= REGISTER_MAX:
        raise ValueError(value)
    return value


def scan_ms(value: Any) -> float:
    """A PLC scan period in milliseconds, 1 to 150."""
    number = number_at_least(value, 1.0, False)
    if number > 150:
        raise ValueError(value)
    return number
