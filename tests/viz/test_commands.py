"""``sflab run`` (window or a clear message), ``sflab screenshot`` and ``sflab bench render``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame

SFLAB = [sys.executable, "-m", "sflab"]


def sflab(*args: str, display: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    if display:
        env["SDL_VIDEODRIVER"] = "dummy"
    return subprocess.run([*SFLAB, *args], capture_output=True, text=True, env=env, timeout=120)


def test_run_without_a_display_says_so_in_one_line_and_points_to_the_headless_commands() -> None:
    result = sflab("run", display=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "sflab plc" in lines[0] and "--headless" in lines[0] and "화면" in lines[0]
    english = sflab("run", "--lang", "en", display=False)
    assert english.returncode == 2 and english.stderr.startswith("No display")


def test_run_opens_the_window_with_modbus_on_a_free_port_and_closes_after_the_given_time() -> None:
    result = sflab("run", "--seconds", "0.5", "--port", "0")
    assert result.returncode == 0, result.stderr
    result = sflab("run", "--seconds", "0.3", "--no-modbus", "--teacher", "--size", "1920x1080", "--lang", "en")
    assert result.returncode == 0, result.stderr


def test_screenshot_command_writes_the_readme_picture(tmp_path: Path) -> None:
    path = tmp_path / "docs" / "simulator.png"
    result = sflab("screenshot", str(path))
    assert result.returncode == 0, result.stderr
    assert pygame.image.load(str(path)).get_size() == (1280, 720)


def test_bench_render_quick_reports_fps_and_p95() -> None:
    result = sflab("bench", "render", "--json", "--quick")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["fps"] > 0 and data["p95_frame_ms"] > 0 and data["size"] == "1280x720"
