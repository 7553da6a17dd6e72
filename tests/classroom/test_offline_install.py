"""A lab PC with no internet: ``sflab lab wheels DIR``, then ``pip install --no-index`` in a fresh venv.

The install runs in a network namespace of its own (bubblewrap ``--unshare-net``) with pip's
configuration files turned off, so nothing but the wheel folder can be used. The installed
copy then lists the scenes and builds an nbgrader course from its own lab notebooks, from a
folder outside the checkout (so nothing is imported from here).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from grading.course.offline import DISTRIBUTION, REQUIREMENT_EXTRA

pytestmark = pytest.mark.timeout(600)

CHECKOUT = Path(__file__).resolve().parents[2]
SFLAB = Path(sys.executable).parent / "sflab"


def test_every_lab_and_scene_goes_into_the_wheel():
    """A new lab folder must be listed in pyproject.toml's data-files, or a wheel install lacks it."""
    data_files = tomllib.loads((CHECKOUT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["data-files"]
    listed = {pattern for patterns in data_files.values() for pattern in patterns}
    labs = {f"labs/{folder.name}/*.ipynb" for folder in (CHECKOUT / "labs").iterdir() if folder.is_dir()}
    assert labs | {"assets/scenes/*.toml"} == listed


@pytest.mark.skipif(sys.platform != "linux", reason="the network is cut with bubblewrap, on Linux only")
def test_the_wheel_folder_installs_and_runs_with_no_network(tmp_path):
    bwrap = shutil.which("bwrap")
    assert bwrap, "bubblewrap is needed to cut the network (make test installs it: apt-get install bubblewrap)"
    wheels = tmp_path / "wheels"
    built = subprocess.run([str(SFLAB), "lab", "wheels", str(wheels)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert "--no-index" in built.stdout and "휠" in built.stdout
    assert any(wheel.name.startswith("smartfactory_lab-") for wheel in wheels.glob("*.whl"))

    venv = tmp_path / "lab-pc"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    offline = {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    requirement = f"{DISTRIBUTION}[{REQUIREMENT_EXTRA}]"
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--no-index", "--find-links", str(wheels), requirement]
    installed = subprocess.run(
        [bwrap, "--dev-bind", "/", "/", "--unshare-net", "--", *pip], env=offline, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]

    sflab = venv / "bin" / "sflab"
    elsewhere = tmp_path / "desk"
    elsewhere.mkdir()
    scenes = subprocess.run([str(sflab), "scenes"], cwd=elsewhere, capture_output=True, text=True)
    assert scenes.returncode == 0 and "sorting-line-v1" in scenes.stdout, scenes.stderr
    course = subprocess.run(
        [str(sflab), "course", "build", "--track", "common", "--out", "course", "--lab", "L01"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert course.returncode == 0, course.stderr
    assert (elsewhere / "course" / "release" / "L01" / "L01_sensors.ipynb").is_file()
    show = "import curriculum, simulator; print(curriculum.LABS_DIR, simulator.__file__)"
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", show],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert str(venv) in where.stdout and str(CHECKOUT) not in where.stdout, where.stdout
