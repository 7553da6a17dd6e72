"""Fixtures for the Modbus tests (helpers live in helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from simulator.modbus.lockstep import LockstepSession
from simulator.plant import Plant
from tests.modbus.helpers import SCENE, BackgroundReader


@pytest.fixture
def remote_session() -> Iterator[LockstepSession]:
    """A remote-I/O plant (no program) in lockstep, seed 1."""
    with LockstepSession(Plant(SCENE, seed=1)) as session:
        yield session


@pytest.fixture
def internal_session() -> Iterator[LockstepSession]:
    """A plant running the reference program, in lockstep, seed 1."""
    with LockstepSession(Plant(SCENE, seed=1, program="reference")) as session:
        yield session


@pytest.fixture
def reader(remote_session: LockstepSession) -> Iterator[BackgroundReader]:
    """A second master reading the remote session's inputs all along."""
    background = BackgroundReader(remote_session.port)
    yield background
    background.stop()
    assert background.failures == [], background.failures[:3]
