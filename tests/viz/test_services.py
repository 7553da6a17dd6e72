"""The window beside the Modbus server: started when available, shown in the top bar, optional."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pygame
import pytest

from simulator.plant import Plant
from simulator.viz.app import SimulatorApp
from simulator.viz.services import start_modbus
from tests.viz.helpers import SCENE


class FakeService:
    """Something with the Modbus service's ``status()``."""

    def __init__(self, tripped: bool) -> None:
        self.tripped = tripped

    def status(self) -> dict[str, Any]:
        return {
            "mode": "remote",
            "host": "127.0.0.1",
            "port": 5020,
            "clients": 2,
            "last_request_s": 0.25,
            "watchdog_s": 1.0,
            "watchdog_tripped": self.tripped,
            "requests": 10,
        }


def test_without_the_modbus_package_the_window_runs_and_says_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "simulator.modbus", None)  # import fails as if not installed
    plant = Plant(SCENE, seed=1, program="reference")
    assert asyncio.run(start_modbus(plant, "127.0.0.1", 0, "internal")) is None


def test_a_real_modbus_server_starts_on_a_free_port_and_reports_its_status() -> None:
    pytest.importorskip("simulator.modbus")

    async def scenario() -> dict[str, Any]:
        service = await start_modbus(Plant(SCENE, seed=1, program="reference"), "127.0.0.1", 0, "internal")
        assert service is not None
        try:
            return dict(service.status())
        finally:
            await service.stop()

    status = asyncio.run(scenario())
    assert status["host"] == "127.0.0.1" and status["port"] > 0 and status["clients"] == 0


@pytest.mark.parametrize("tripped", [False, True])
def test_the_top_bar_draws_the_modbus_status(tripped: bool) -> None:
    app = SimulatorApp(lambda: Plant(SCENE, seed=1), pygame.Surface((1280, 720)))
    app.modbus = FakeService(tripped)
    app.draw()
    assert app.ui.modbus is not None and app.ui.modbus["watchdog_tripped"] is tripped
