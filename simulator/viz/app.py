"""The desktop simulator: a pygame window, the plant stepper and Modbus on one asyncio loop.

Each frame the window reads pygame's events (clicks, keys, resizes), turns them into
:class:`~simulator.viz.state.Action` objects, applies them to the plant as an operator or a
teacher would, draws a snapshot, and then yields to the loop (``await asyncio.sleep``)
so the :class:`~simulator.realtime.RealtimeStepper` and the Modbus server run in between.
Nothing runs in another thread.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pygame

from simulator.errors import LabError
from simulator.plant import Plant
from simulator.realtime import RealtimeStepper
from simulator.viz.controls import action_for_key
from simulator.viz.draw import finish, finish_in_turns
from simulator.viz.io_view import TABS, tab_tags, visible_rows
from simulator.viz.screen import Frame, draw_steps, new_view_state
from simulator.viz.services import modbus_status
from simulator.viz.state import Action, Trend
from simulator.viz.teacher_view import teacher_fault

#: Frames per second the window aims at.
TARGET_FPS = 60
#: Shortest time a clicked push-button stays pressed, in simulated seconds (10 scans at 10 ms),
#: so a quick click is never shorter than a PLC scan and always seen by the program.
MIN_PRESS_S = 0.1
#: How long a notice stays on screen, in wall-clock seconds.
NOTICE_S = 4.0


class SimulatorApp:
    """The window's logic, testable without a screen: events in, plant actions and frames out.

    Args:
        make_plant: builds a fresh plant (called again by "장면 초기화" / reset scene).
        surface: where frames are drawn (the window, or any Surface in tests).
        lang: ``"ko"`` or ``"en"``.
        teacher: enables the teacher panel (F2) and forcing in the I/O monitor.
        speed: initial speed factor.
    """

    def __init__(
        self,
        make_plant: Callable[[], Plant],
        surface: pygame.Surface,
        *,
        lang: str = "ko",
        teacher: bool = False,
        speed: float = 1.0,
    ) -> None:
        self.make_plant = make_plant
        self.plant = make_plant()
        self.surface = surface
        self.stepper = RealtimeStepper(self.plant, speed=speed)
        self.ui = new_view_state(self.plant.scene, lang=lang, teacher=teacher)
        self.ui.teacher_open = teacher
        self.ui.speed = speed
        self.running = True
        #: The Modbus service (anything with ``status()``), or None.
        self.modbus: Any | None = None
        #: Called with the new plant after a scene reset (e.g. to restart Modbus).
        self.on_reset: list[Callable[[Plant], None]] = []
        self.frame: Frame | None = None
        self._pressed_at: dict[str, float] = {}
        self._release_pending: set[str] = set()
        self._mouse_control = ""
        self._notice_until = 0.0

    # ---------------------------------------------------------------- events
    def handle_event(self, event: pygame.event.Event) -> None:
        """Apply one pygame event."""
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.ui.show_help:
            self.ui.show_help = False  # any click closes the help screen
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            action = self.ui.hotspots.at(event.pos)
            if action is not None:
                if action.kind == "panel":
                    self._mouse_control = action.arg
                self.apply(action)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self._mouse_control:
            self.release(self._mouse_control)
            self._mouse_control = ""
        elif event.type == pygame.MOUSEMOTION:
            clickable = self.ui.hotspots.at(event.pos) is not None
            _set_cursor(pygame.SYSTEM_CURSOR_HAND if clickable else pygame.SYSTEM_CURSOR_ARROW)
        elif event.type == pygame.MOUSEWHEEL:
            self.apply(Action("scroll", str(-3 * event.y)))
        elif event.type == pygame.KEYDOWN:
            action = action_for_key(event.key)
            if action is not None:
                self.apply(action)
        elif event.type == pygame.KEYUP:
            action = action_for_key(event.key)
            if action is not None and action.kind == "panel":
                self.release(action.arg)

    def apply(self, action: Action) -> None:
        """Do what ``action`` asks (a press, a speed change, a fault …)."""
        ui, plant, arg = self.ui, self.plant, action.arg
        kind = action.kind
        if kind == "panel":
            self.press(arg)
        elif kind == "speed":
            self.stepper.set_speed(float(arg))
            ui.speed = float(arg)
            if ui.paused:
                self.apply(Action("pause"))
        elif kind == "pause":
            self.stepper.toggle_pause()
            ui.paused = self.stepper.paused
        elif kind == "step":
            if not ui.paused:
                self.apply(Action("pause"))
            self.stepper.step_scan()
        elif kind == "tab":
            ui.io_tab, ui.io_scroll = arg, 0
        elif kind == "next_tab":
            names = list(TABS)
            self.apply(Action("tab", names[(names.index(ui.io_tab) + 1) % len(names)]))
        elif kind == "scroll":
            rows = visible_rows(self.frame.layout.io, self.frame.layout.k) if self.frame else 10
            last = max(0, len(tab_tags(plant.scene, ui.io_tab)) - rows)
            ui.io_scroll = max(0, min(last, ui.io_scroll + int(arg)))
        elif kind == "help":
            ui.show_help = not ui.show_help
        elif kind == "teacher" and ui.teacher:
            ui.teacher_open = not ui.teacher_open
        elif kind == "force" and ui.teacher:
            self._cycle_force(arg)
        elif kind == "trend":
            ui.trend = Trend(arg)
        elif kind == "fault_kind":
            ui.fault_kind, ui.fault_first = arg, ""
        elif kind == "fault_target":
            self._inject(arg)
        elif kind == "clear_faults":
            plant.clear_faults()
            self.notify("고장을 모두 제거했습니다", "All faults repaired")
        elif kind == "reset_scene":
            self.reset_scene()
        elif kind == "screenshot":
            path = Path(f"sflab-{time.strftime('%Y%m%d-%H%M%S')}.png")
            pygame.image.save(self.surface, str(path))
            self.notify(f"화면을 저장했습니다: {path}", f"Screenshot saved: {path}")
        elif kind == "quit":
            self.running = False

    # ---------------------------------------------------------------- the panel
    def press(self, control: str) -> None:
        """Press a panel control: push-buttons stay in until :meth:`release`; e-stop and selector toggle."""
        plant = self.plant
        if control == "estop":
            if plant.panel.estop_latched:
                plant.release_estop()
            else:
                plant.press("estop")
        elif control == "mode":
            plant.press("manual" if plant.panel.auto else "auto")
        else:
            plant.press(control, hold_s=None)
            self.ui.held.add(control)
            self._pressed_at[control] = plant.now_s
            self._release_pending.discard(control)

    def release(self, control: str) -> None:
        """Let go of a push-button (it stays in until it has been held :data:`MIN_PRESS_S`)."""
        if control in self.ui.held:
            self._release_pending.add(control)
            self._release_due()

    def _release_due(self) -> None:
        for control in list(self._release_pending):
            if self.plant.now_s - self._pressed_at.get(control, 0.0) >= MIN_PRESS_S:
                self.plant.release(control)
                self.ui.held.discard(control)
                self._release_pending.discard(control)

    # ---------------------------------------------------------------- teacher
    def _cycle_force(self, tag_name: str) -> None:
        """Not forced → forced 1 → forced 0 → released (words: forced at their value → released)."""
        plc = self.plant.plc
        tag = self.plant.image.by_name[tag_name]
        current = plc.forced.get(tag_name)
        if current is None:
            plc.force(tag_name, True if tag.is_bit else int(getattr(self.plant.io, tag_name)))
        elif tag.is_bit and current:
            plc.force(tag_name, False)
        else:
            plc.force(tag_name, None)

    def _inject(self, target: str) -> None:
        ui, plant = self.ui, self.plant
        kind = ui.fault_kind
        if kind == "swapped" and not ui.fault_first:
            ui.fault_first = target
            return
        first, other = (ui.fault_first, target) if kind == "swapped" else (target, "")
        ui.fault_first = ""
        try:  # no notice on success: students should find the fault from its symptoms
            plant.inject(teacher_fault(kind, plant.image.by_name[first], other, start_s=plant.now_s))
        except LabError as error:
            self.notify(error.ko, error.en)

    def reset_scene(self) -> None:
        """Start the scene again from time 0 with a fresh plant."""
        self.plant = self.make_plant()
        self.stepper.plant = self.plant
        self.ui.held.clear()
        self._release_pending.clear()
        if self.ui.trend is not None:
            self.ui.trend.samples.clear()
        for callback in self.on_reset:
            callback(self.plant)
        self.notify("장면을 처음부터 다시 시작합니다", "Scene reset")

    def notify(self, ko: str, en: str) -> None:
        """Show a short message under the line view."""
        self.ui.notice = en if self.ui.lang == "en" else ko
        self._notice_until = time.monotonic() + NOTICE_S

    # ---------------------------------------------------------------- frames
    def draw(self) -> Frame:
        """Draw one frame of the current plant on :attr:`surface` (all at once: tests, screenshots)."""
        self.frame = finish(self.draw_steps())
        return self.frame

    def draw_steps(self) -> Generator[None, None, Frame]:
        """Release due buttons, take a snapshot and return the frame's drawing steps."""
        self._release_due()
        if self.ui.notice and time.monotonic() > self._notice_until:
            self.ui.notice = ""
        self.ui.modbus = modbus_status(self.modbus)
        return draw_steps(self.surface, self.plant.scene, self.plant.snapshot(), self.ui)

    async def run(self, stop: asyncio.Event | None = None, duration_s: float | None = None) -> None:
        """Show frames until the window closes, ``stop`` is set or ``duration_s`` wall seconds pass."""
        stop = stop or asyncio.Event()
        stepper_task = asyncio.create_task(self.stepper.run(stop))
        started = time.monotonic()
        frame_s = 1.0 / TARGET_FPS
        try:
            while self.running and not stop.is_set():
                frame_start = time.monotonic()
                for event in pygame.event.get():
                    self.handle_event(event)
                self.surface = pygame.display.get_surface() or self.surface
                self.frame = await finish_in_turns(self.draw_steps())  # Modbus is served between views
                pygame.display.flip()
                if duration_s is not None and time.monotonic() - started >= duration_s:
                    break
                await asyncio.sleep(max(0.001, frame_s - (time.monotonic() - frame_start)))
        finally:
            stop.set()
            await stepper_task


def _set_cursor(cursor: int) -> None:
    """Show ``cursor`` (a hand over buttons); nothing happens without a window."""
    try:
        pygame.mouse.set_cursor(cursor)
    except pygame.error:
        pass
