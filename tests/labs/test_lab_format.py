"""Every lab follows the lab format of labs/README.md, and the track that lists it validates."""

from __future__ import annotations

import importlib.util
import json

import pytest

from curriculum import LABS_DIR, LEVELS, check_track, load_track, notebook_path, track_ids
from grading.feedback import BEGIN_HIDDEN, is_test_cell

TRACK = load_track("common")


def test_every_track_validates():
    for track_id in track_ids():
        assert check_track(load_track(track_id)) == []


def test_every_lab_folder_is_in_the_common_track():
    folders = {p.name for p in LABS_DIR.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert folders == {lab.folder for lab in TRACK.labs}


@pytest.mark.parametrize("lab", TRACK.labs, ids=lambda lab: lab.id)
def test_lab_notebook_follows_the_format(lab):
    nb = json.loads(notebook_path(lab).read_text(encoding="utf-8"))
    meta = nb["metadata"]["sflab"]
    assert meta["id"] == lab.id and meta["level"] in LEVELS and meta["minutes"] > 0
    for cell in nb["cells"]:
        assert cell["cell_type"] != "code" or (cell["outputs"] == [] and cell["execution_count"] is None)
    tests = [c for c in nb["cells"] if is_test_cell(c)]
    assert tests, "a lab needs autograded test cells"
    for cell in tests:
        assert cell["metadata"]["nbgrader"]["points"] > 0
        assert BEGIN_HIDDEN in "".join(cell["source"]), "every criterion has hidden tests"
    solutions = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution")]
    assert all("### BEGIN SOLUTION" in "".join(c["source"]) for c in solutions)
    assert (LABS_DIR / lab.folder / "README.md").is_file()


@pytest.mark.parametrize("lab", TRACK.labs, ids=lambda lab: lab.id)
def test_committed_notebook_is_what_its_builder_writes(lab, tmp_path):
    builder = LABS_DIR / lab.folder / "build_notebook.py"
    spec = importlib.util.spec_from_file_location(f"build_{lab.id}", builder)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from grading.course.notebook import write

    fresh = write(module.build(), tmp_path / "fresh.ipynb")
    assert fresh.read_text(encoding="utf-8") == notebook_path(lab).read_text(encoding="utf-8")
