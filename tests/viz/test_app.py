"""The window's logic driven by posted pygame events: the panel, time controls, teacher tools."""

from __future__ import annotations

import asyncio

import pygame
import pytest

from simulator.plant import Plant
from simulator.plant.faults import FAULT_KINDS
from simulator.viz.app import MIN_PRESS_S, SimulatorApp
from simulator.viz.state import Action
from simulator.viz.teacher_view import fault_targets
from tests.viz.helpers import SCENE

SIZE = (1280, 720)


@pytest.fixture
def app() -> SimulatorApp:
    """A window's logic over an off-screen surface, teacher mode on, first frame drawn."""
    app = SimulatorApp(lambda: Plant(SCENE, seed=1, program="reference"), pygame.Surface(SIZE), teacher=True)
    app.draw()
    return app


def click(app: SimulatorApp, action: Action, hold_s: float = 0.0) -> None:
    """Post a left click on the button drawn for ``action`` and let the app handle the events."""
    rect = app.ui.hotspots.find(action)
    assert rect is not None, f"nothing drawn for {action}"
    pygame.event.clear()
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=rect.center))
    for event in pygame.event.get():
        app.handle_event(event)
    if hold_s:
        app.plant.run(hold_s)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=rect.center))
    for event in pygame.event.get():
        app.handle_event(event)
    app.draw()


def running(app: SimulatorApp) -> bool:
    return bool(app.plant.io.sorter_forward) and bool(app.plant.io.infeed_motor)


def test_clicking_start_stop_and_estop_drives_the_plant(app: SimulatorApp) -> None:
    click(app, Action("panel", "start"))  # a quick click: held for MIN_PRESS_S all the same
    assert app.plant.panel.held == {"start"}
    app.plant.run(1.0)
    app.draw()
    assert app.plant.panel.held == set()
    assert running(app)

    click(app, Action("panel", "stop"), hold_s=0.3)
    app.plant.run(0.5)
    assert not running(app)

    click(app, Action("panel", "start"), hold_s=0.3)
    app.plant.run(0.5)
    assert running(app)

    click(app, Action("panel", "estop"))
    app.plant.run(0.5)
    assert app.plant.panel.estop_latched and not app.plant.io.estop_ok
    assert not running(app)
    click(app, Action("panel", "start"), hold_s=0.3)
    app.plant.run(0.5)
    assert not running(app), "the e-stop latches: start does nothing while it is pressed"

    click(app, Action("panel", "estop"))  # twist it out
    assert not app.plant.panel.estop_latched
    click(app, Action("panel", "reset"), hold_s=0.3)
    click(app, Action("panel", "start"), hold_s=0.3)
    app.plant.run(0.5)
    assert running(app)


def test_a_quick_click_is_held_long_enough_for_the_plc_to_see_it(app: SimulatorApp) -> None:
    click(app, Action("panel", "start"))
    assert "start" in app.ui.held
    app.plant.run(MIN_PRESS_S / 2)
    app.draw()
    assert "start" in app.ui.held
    app.plant.run(MIN_PRESS_S)
    app.draw()
    assert "start" not in app.ui.held and not app.plant.panel.held


def test_keys_press_the_panel_buttons_while_held(app: SimulatorApp) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_s, mod=0))
    for event in pygame.event.get():
        app.handle_event(event)
    app.plant.run(0.3)
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_s, mod=0))
    for event in pygame.event.get():
        app.handle_event(event)
    app.plant.run(1.0)
    assert running(app)


def test_the_mode_selector_turns_between_auto_and_manual(app: SimulatorApp) -> None:
    click(app, Action("panel", "mode"))
    app.plant.run(0.05)
    assert not app.plant.io.auto_mode
    click(app, Action("panel", "mode"))
    app.plant.run(0.05)
    assert app.plant.io.auto_mode


def test_time_controls_pause_step_and_change_speed(app: SimulatorApp) -> None:
    click(app, Action("speed", "5"))
    assert app.stepper.speed == 5.0 and app.ui.speed == 5.0
    click(app, Action("pause"))
    assert app.stepper.paused
    before = app.plant.now_s
    click(app, Action("step"))
    assert app.plant.now_s == pytest.approx(before + app.plant.plc.scan_period_s)
    click(app, Action("pause"))
    assert not app.stepper.paused


def test_the_teacher_injects_a_fault_and_repairs_it(app: SimulatorApp) -> None:
    click(app, Action("teacher"))  # the top bar's "F2 교사" button closes the panel …
    assert app.ui.hotspots.find(Action("fault_kind", "stuck_on")) is None
    click(app, Action("teacher"))  # … and opens it again
    click(app, Action("fault_kind", "stuck_on"))
    click(app, Action("fault_target", "entry_eye"))
    app.plant.run(0.1)
    assert app.plant.io.entry_eye and app.plant.snapshot().active_faults == ("stuck_on:entry_eye",)
    click(app, Action("clear_faults"))
    app.plant.run(0.1)
    assert not app.plant.io.entry_eye


def test_a_swapped_fault_takes_two_clicks(app: SimulatorApp) -> None:
    click(app, Action("fault_kind", "swapped"))
    click(app, Action("fault_target", "entry_eye"))
    assert app.ui.fault_first == "entry_eye"
    click(app, Action("fault_target", "exit_eye"))
    assert app.plant.faults[-1].kind == "swapped" and app.plant.faults[-1].other == "exit_eye"


def test_forcing_from_the_io_monitor_cycles_on_off_released(app: SimulatorApp) -> None:
    click(app, Action("teacher"))  # close the teacher panel to reach the monitor
    click(app, Action("force", "entry_eye"))
    assert app.plant.plc.forced == {"entry_eye": True}
    click(app, Action("force", "entry_eye"))
    assert app.plant.plc.forced == {"entry_eye": False}
    click(app, Action("force", "entry_eye"))
    assert app.plant.plc.forced == {}


def test_forcing_needs_teacher_mode() -> None:
    app = SimulatorApp(lambda: Plant(SCENE, seed=1, program="reference"), pygame.Surface(SIZE))
    app.draw()
    assert app.ui.hotspots.find(Action("force", "entry_eye")) is None
    app.apply(Action("force", "entry_eye"))
    assert app.plant.plc.forced == {}


def test_reset_scene_starts_a_fresh_plant(app: SimulatorApp) -> None:
    app.plant.run(5.0)
    old = app.plant
    click(app, Action("reset_scene"))
    assert app.plant is not old and app.plant.now_s == 0.0 and app.stepper.plant is app.plant


def test_io_tabs_and_help(app: SimulatorApp) -> None:
    click(app, Action("teacher"))
    click(app, Action("tab", "DO"))
    assert app.ui.io_tab == "DO"
    assert app.ui.hotspots.find(Action("force", "sorter_forward")) is not None
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F1, mod=0))
    for event in pygame.event.get():
        app.handle_event(event)
    assert app.ui.show_help
    app.draw()
    click(app, Action("help"))
    assert not app.ui.show_help


def test_the_window_loop_runs_on_asyncio_with_a_real_display_surface() -> None:
    surface = pygame.display.set_mode(SIZE, pygame.RESIZABLE)
    app = SimulatorApp(lambda: Plant(SCENE, seed=1, program="reference"), surface, speed=10.0)
    app.press("start")
    asyncio.run(app.run(duration_s=0.3))
    assert app.plant.now_s > 0.0 and app.frame is not None


def test_clicking_an_analog_input_shows_its_trend(app: SimulatorApp) -> None:
    click(app, Action("teacher"))
    click(app, Action("tab", "AI·AO·HR"))
    analog = [t.name for t in app.plant.scene.tags if t.area.value == "AI"]
    click(app, Action("trend", analog[-1]))
    assert app.ui.trend is not None and app.ui.trend.tag == analog[-1]
    app.plant.run(0.5)
    app.draw()
    assert app.ui.trend.samples


@pytest.mark.parametrize("kind", FAULT_KINDS)
def test_every_fault_kind_can_be_injected_from_the_teacher_panel(app: SimulatorApp, kind: str) -> None:
    targets = fault_targets(app.plant.scene, kind)
    assert targets, f"no tag takes a {kind} fault"
    click(app, Action("fault_kind", kind))
    click(app, Action("fault_target", targets[0].name))
    if kind == "swapped":
        click(app, Action("fault_target", fault_targets(app.plant.scene, kind)[1].name))
    assert app.plant.faults and app.plant.faults[-1].kind == kind
    app.plant.run(1.0)
    app.draw()


def test_moving_the_mouse_over_a_button_is_harmless_without_a_window(app: SimulatorApp) -> None:
    rect = app.ui.hotspots.find(Action("panel", "start"))
    assert rect is not None
    app.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    app.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=(2, 700), rel=(0, 0), buttons=(0, 0, 0)))
