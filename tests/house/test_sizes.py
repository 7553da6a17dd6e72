"""The house rule on file sizes: no source file over 450 lines.

Students read this code. A file they can hold in their head holds one idea; a file that grows
past a few hundred lines has usually started holding two, and should be split along them
(modules of 50–400 lines, one concept each). This test only counts lines: it imports nothing
from the project, so it runs in a blink and cannot be broken by the code it measures.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The packages the rule covers.
PACKAGES = ("simulator", "grading", "curriculum", "sflab")
#: Most lines a source file may have.
MAX_LINES = 450


def line_counts() -> dict[str, int]:
    """Lines of every ``.py`` file in :data:`PACKAGES`, by path relative to the repository."""
    counts = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            counts[path.relative_to(ROOT).as_posix()] = len(path.read_text(encoding="utf-8").splitlines())
    return counts


def test_the_packages_have_python_files():
    counts = line_counts()
    for package in PACKAGES:
        assert any(path.startswith(package + "/") for path in counts), f"no .py files under {package}/"


def test_no_file_is_over_the_limit():
    offenders = sorted((lines, path) for path, lines in line_counts().items() if lines > MAX_LINES)
    described = [f"  {path}: {lines} lines" for lines, path in reversed(offenders)]
    assert not offenders, f"files over {MAX_LINES} lines (split them along their ideas):\n" + "\n".join(described)
