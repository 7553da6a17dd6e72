"""Running the suite on two workers (pytest-xdist) without building the graded course twice.

A session fixture belongs to the worker that uses it: if the tests of the adversarial course
were spread over both workers, each would grade the whole course once (half an hour each).
Every test that uses ``graded_course`` is put in one ``xdist_group``, so one worker builds it
and runs them all, while the other worker runs the rest of the suite (``--dist loadgroup``,
set in pyproject.toml).
"""

from __future__ import annotations

import pytest

#: Session fixtures that grade whole courses, each built by exactly one worker (the graded course
#: also grades the small portable course, alongside its labs: tests/labs/conftest.py).
COURSE_FIXTURES = ("graded_course",)


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook turns the marks into node-id suffixes
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Group each course fixture's tests onto one worker."""
    for item in items:
        for fixture in COURSE_FIXTURES:
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(fixture))
                break
