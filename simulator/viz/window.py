"""Opening the window: check for a display, start Modbus, run :class:`SimulatorApp` until closed.

Without a display (a server, an SSH session, a CI runner) the window cannot open;
:func:`check_display` says so in one line and points to the headless commands.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from simulator.errors import LabError
from simulator.plant import Plant

#: Window size when none is asked for, in pixels.
DEFAULT_SIZE = (1280, 720)
#: Smallest window size that stays readable, in pixels.
MIN_SIZE = (960, 540)


@dataclass(frozen=True)
class WindowOptions:
    """How ``sflab run`` opens the simulator."""

    lang: str = "ko"
    teacher: bool = False
    speed: float = 1.0
    size: tuple[int, int] = DEFAULT_SIZE
    #: Serve Modbus TCP beside the window (on ``host``:``port``).
    modbus: bool = True
    host: str = "127.0.0.1"
    port: int = 5020
    #: ``"internal"`` (the PLC runs a program) or ``"remote"`` (an outside master drives the outputs).
    mode: str = "internal"
    #: Close after this many wall-clock seconds (None: when the window is closed).
    duration_s: float | None = None


def no_display_error() -> LabError:
    """The one-line message for a machine without a display."""
    return LabError(
        "화면(디스플레이)이 없어 시뮬레이터 창을 열 수 없습니다. "
        "창 없이 쓰려면 `sflab plc` 또는 `sflab run --headless`를 실행하세요.",
        "No display: cannot open the simulator window. Without a window, use `sflab plc` or `sflab run --headless`.",
    )


def require_pygame() -> None:
    """Raise a one-line :class:`LabError` when pygame (the ``viz`` extra) is not installed."""
    try:
        import pygame  # noqa: F401
    except ImportError as error:
        raise LabError(
            f'창을 그릴 pygame이 없습니다 ({error.name}). `pip install -e ".[viz]"` 후 다시 실행하세요.',
            f'pygame is not installed ({error.name}). Run `pip install -e ".[viz]"` and try again.',
        ) from None


def check_display() -> None:
    """Initialise pygame's display, or raise the one-line :class:`LabError` when there is none."""
    explicit = os.environ.get("SDL_VIDEODRIVER")
    if sys.platform.startswith("linux") and not explicit:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            raise no_display_error()
    import pygame

    try:
        pygame.display.init()
    except pygame.error:
        raise no_display_error() from None


def open_window(make_plant: Callable[[], Plant], options: WindowOptions) -> int:
    """Open the simulator window and run it until it is closed; returns the exit status."""
    check_display()
    import pygame

    try:
        asyncio.run(_run(make_plant, options))
    except KeyboardInterrupt:
        pass
    finally:
        pygame.display.quit()
    return 0


async def _run(make_plant: Callable[[], Plant], options: WindowOptions) -> None:
    """Make the plant, start Modbus (a busy port is reported before any window opens), then the window."""
    import pygame

    from simulator.viz.app import SimulatorApp
    from simulator.viz.services import start_modbus

    app = SimulatorApp(
        make_plant, pygame.Surface(options.size), lang=options.lang, teacher=options.teacher, speed=options.speed
    )
    service = await start_modbus(app.plant, options.host, options.port, options.mode) if options.modbus else None
    app.modbus = service
    pygame.display.set_caption("스마트공장 실습실 — Smart Factory Lab")
    app.surface = pygame.display.set_mode(_fit(options.size), pygame.RESIZABLE)
    pygame.key.set_repeat()  # a held key is one press, like a held button
    restarts: list[asyncio.Task[None]] = []

    def restart_modbus(plant: Plant) -> None:
        """After "reset scene": serve the new plant on the same address."""

        async def restart() -> None:
            nonlocal service
            if service is not None:
                await service.stop()
                service = await start_modbus(plant, options.host, options.port, options.mode)
                app.modbus = service

        restarts.append(asyncio.create_task(restart()))

    app.on_reset.append(restart_modbus)
    try:
        await app.run(duration_s=options.duration_s)
    finally:
        for task in restarts:
            await task
        if service is not None:
            await service.stop()


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` → ``(1920, 1080)``.

    Raises:
        LabError: when ``text`` is not WIDTHxHEIGHT.
    """
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise LabError(
            f"창 크기 '{text}'를 읽을 수 없습니다 (예: 1280x720)", f"cannot read size '{text}' (e.g. 1280x720)"
        ) from None
    return width, height


def _fit(size: tuple[int, int]) -> tuple[int, int]:
    """``size`` grown to at least :data:`MIN_SIZE`."""
    return max(size[0], MIN_SIZE[0]), max(size[1], MIN_SIZE[1])
