"""Every lab's solution notebook runs top to bottom in a fresh kernel, charts included, with Korean glyphs.

nbgrader's autograding skips the chart cells of some labs (``NBGRADER_EXECUTION``), so this runs
each source notebook the way a student's Jupyter runs it once answered: every cell, a new
``python3`` kernel, the visible tests but not the hidden ones (nbgrader takes those out of the
released notebook; the graded course and ``tests/grading`` run them), and fails on an error or
a font warning (a missing Korean glyph would draw as an empty box).
The seconds each notebook took are printed (``pytest -s``); they are not asserted.
"""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from curriculum import notebook_path
from tests.labs.samples_index import selected_labs

pytestmark = pytest.mark.timeout(1200)

#: Seconds one cell may take here (the slowest cells simulate a day of the plant in about 10 s).
CELL_TIMEOUT_S = 180
#: A hidden-test block of a test cell, as nbgrader's release removes it.
HIDDEN_TESTS = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS\n?", re.S)
#: Words in a cell's output that mean the chart lost text.
FONT_TROUBLE = ("Glyph", "missing from font", "findfont")


def run_notebook(path: Path, workdir: Path) -> tuple[nbformat.NotebookNode, float]:
    """The notebook at ``path`` executed in a new kernel working in ``workdir``, and the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = HIDDEN_TESTS.sub("", cell.source)
    client = NotebookClient(
        nb, timeout=CELL_TIMEOUT_S, kernel_name="python3", resources={"metadata": {"path": workdir}}
    )
    started = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - started


@pytest.fixture(scope="module")
def executed(tmp_path_factory, monkeypatch_module) -> dict[str, tuple[nbformat.NotebookNode, float]]:
    monkeypatch_module.delenv("NBGRADER_EXECUTION", raising=False)  # run the chart cells too
    workdir = tmp_path_factory.mktemp("notebooks")  # files a notebook writes (CSV, SQLite) land here
    labs = selected_labs()
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = pool.map(lambda lab: run_notebook(notebook_path(lab), workdir), labs)
        results = {lab.id: run for lab, run in zip(labs, runs, strict=True)}
    for lab_id, (_, seconds) in results.items():
        print(f"{lab_id}: {seconds:.1f} s")
    return results


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize("lab", selected_labs(), ids=lambda lab: lab.id)
def test_solution_notebook_runs_every_cell_and_draws_its_charts(executed, lab):
    nb, _ = executed[lab.id]
    outputs = [output for cell in nb.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {}) or "image/gif" in o.get("data", {})]
    assert images, f"{lab.id} shows the plant or a chart"
    texts = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert not [word for word in FONT_TROUBLE if word in texts], texts[-2000:]
