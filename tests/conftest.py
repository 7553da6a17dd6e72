"""Test-suite wide settings: which tests pytest-xdist must keep on one worker.

``make test`` runs the suite on two workers (``-n 2 --dist loadgroup``). The tests that use
``graded_course`` share one nbgrader course built and graded once per session (every lab, every
prepared and hostile submission), so they all go to the same worker. Other tests in
``tests/labs`` stay together per module (a module's course fixture is built once); everything
else spreads over both workers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

_COURSE_TESTS = Path(__file__).parent / "labs"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Group the course tests for pytest-xdist (see the module docstring)."""
    for item in items:
        if "graded_course" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("course"))
        elif Path(str(item.fspath)).is_relative_to(_COURSE_TESTS):
            item.add_marker(pytest.mark.xdist_group(Path(str(item.fspath)).stem))
