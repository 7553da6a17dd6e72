"""``sflab lab --track common`` end to end, headless: JupyterLab in Korean, L01 run in a real browser.

The student already has an answered L01 (kept as it is); ``sflab lab`` adds the other labs,
starts JupyterLab on a loopback port, and Debian's Chromium, driven by Playwright, opens L01,
runs every cell and sees the first check answer in Korean. Never downloads a browser: it
uses ``/usr/bin/chromium`` (``apt-get install chromium``) and skips, saying why, without it.

The screenshot is kept in ``SFLAB_SCREENSHOT_DIR`` (default: the test's temporary folder).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from grading.course.build import build_course
from grading.course.submissions import fill, read

pytestmark = pytest.mark.timeout(240)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SFLAB = Path(sys.executable).parent / "sflab"
TOKEN = "sflab-test-token"
#: A classify answer that fails the visible test (it calls every part metal).
WRONG_CLASSIFY = 'def classify(io):\n    return "metal"'
#: Seconds JupyterLab may take to release nine labs and start.
START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def sync_playwright():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the Python package playwright is missing: pip install playwright (no browser download needed)")
    return sync_playwright


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory):
    """``sflab lab --track common`` on a work folder where L01 is already answered; yields (url, work, output)."""
    base = tmp_path_factory.mktemp("lab-pc")
    work = base / "work"
    course = build_course("common", base / "course", lab_ids=["L01"]).root
    student_nb = fill(read(course / "release/L01/L01_sensors.ipynb"), {"l01_classify_answer": WRONG_CLASSIFY})
    (work / "L01").mkdir(parents=True)
    nbformat.write(student_nb, str(work / "L01/L01_sensors.ipynb"))
    before = (work / "L01/L01_sensors.ipynb").read_bytes()

    config = base / "jupyter-config"  # the test only: lets Playwright call JupyterLab's commands
    config.mkdir()
    (config / "jupyter_lab_config.py").write_text("c.LabApp.expose_app_in_browser = True\n")
    env = {
        **os.environ,
        "JUPYTER_TOKEN": TOKEN,
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTERLAB_SETTINGS_DIR": str(base / "user-settings"),  # no language chosen by a person yet
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
        "PATH": "/usr/bin:/bin",  # as from a never-activated venv
    }
    port = free_port()
    output = base / "sflab-lab.log"
    with output.open("w") as log:
        server = subprocess.Popen(
            [str(SFLAB), "lab", "--track", "common", "--dir", str(work), "--port", str(port), "--no-browser"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert server.poll() is None, output.read_text()
            try:
                get_json(f"{url}/api/status?token={TOKEN}")
                break
            except OSError:
                assert time.monotonic() < deadline, "JupyterLab did not start:\n" + output.read_text()
                time.sleep(0.3)
        yield url, work, output, before
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_sflab_lab_prints_where_the_work_is_and_how_to_hand_it_in(lab_server):
    _, work, output, before = lab_server
    text = output.read_text()
    assert f"작업 폴더: {work}" in text
    assert "그대로 둔 실습: L01" in text and "새로 받은 실습: L02" in text
    assert "lab handin L01 --student" in text and "L01_20301.zip" in text
    assert (work / "L01/L01_sensors.ipynb").read_bytes() == before  # the student's work is kept
    released = read(work / "L02/L02_analog.ipynb")
    assert "### BEGIN SOLUTION" not in json.dumps(released) and "BEGIN HIDDEN TESTS" not in json.dumps(released)


def test_settings_make_korean_the_default_language(lab_server):
    url, *_ = lab_server
    languages = get_json(f"{url}/lab/api/translations/?token={TOKEN}")["data"]
    assert "ko_KR" in languages, f"the Korean language pack is not installed: {sorted(languages)}"
    plugin = get_json(f"{url}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={TOKEN}")
    assert plugin["schema"]["properties"]["locale"]["default"] == "ko_KR"
    notification = get_json(f"{url}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={TOKEN}")
    assert notification["schema"]["properties"]["fetchNews"]["default"] == "false"  # offline lab PCs


def test_l01_runs_in_chromium_and_the_first_check_answers_in_korean(lab_server, sync_playwright, tmp_path):
    url, *_ = lab_server
    shots = Path(os.environ.get("SFLAB_SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="en-US")
            page.goto(f"{url}/lab/tree/L01/L01_sensors.ipynb?token={TOKEN}")
            page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget", timeout=30_000)
            page.get_by_text("파일", exact=True).first.wait_for(timeout=15_000)  # the menu bar is Korean
            page.wait_for_function(
                "window.jupyterapp.shell.currentWidget.sessionContext?.session?.kernel?.status === 'idle'",
                timeout=30_000,
            )
            page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
            failed = page.locator(".jp-OutputArea-output", has_text="채점 실패").first
            failed.wait_for(timeout=60_000)
            message = failed.inner_text()
            page.evaluate("document.fonts.ready.then(() => true)")
            korean_font = page.evaluate("document.fonts.check('16px NanumGothic', '채점')")
            page.wait_for_timeout(500)  # the notebook settles its scroll position after the run
            failed.evaluate("element => element.scrollIntoView({block: 'center'})")
            page.wait_for_timeout(200)
            page.screenshot(path=str(shots / "sflab-lab-L01.png"))
            failed.screenshot(path=str(shots / "sflab-lab-L01-check.png"))  # the check's message itself
        finally:
            browser.close()
    assert "채점 실패" in message and "classify" in message, message
    assert korean_font, "the NanumGothic web font did not load: without a Korean system font, Korean shows as boxes"
