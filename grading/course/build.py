"""``sflab course build``: a ready nbgrader course directory for one track.

The result::

    DIR/
      nbgrader_config.py     course id, Korean code stub, timeouts, feedback without hidden tests
      source/L01/L01_sensors.ipynb   the labs of the track (with solutions and hidden tests)
      release/L01/L01_sensors.ipynb  what students get (nbgrader generate_assignment)
      gradebook.db           the assignments and their grade cells

The teacher then collects submissions into ``submitted/<student>/<lab>/`` (by hand or
through nbgrader's exchange) and runs ``sflab grade autograde L01``.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from curriculum import check_track, load_track, notebook_path
from curriculum.model import Track
from grading.course.environment import CONFIG_FILE, nbgrader_api
from simulator.errors import LabError

#: Seconds one notebook cell may run while autograding (an endless loop costs only its cell).
CELL_TIMEOUT_S = 60
#: What replaces a solution in the released notebook.
CODE_STUB = "# 여기에 코드를 작성하세요\nraise NotImplementedError()"
TEXT_STUB = "여기에 답을 쓰세요"
#: Lines of printed output kept per cell in graded notebooks (megabytes of prints are cut).
MAX_OUTPUT_LINES = 200

CONFIG_TEMPLATE = '''\
"""nbgrader settings of the course {course_id!r} ({title_ko} / {title_en}), written by `sflab course build`."""

import os

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    Execute,
    GetGrades,
    IgnorePattern,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

from grading import kernel_sandbox
from grading.feedback import HideHiddenTests
from grading.output_limits import LimitOutput
from grading.trusted_nbgrader import RestoreTestCells, TrustedGrading

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file

c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# Released notebooks: where students write their code.
c.ClearSolutions.code_stub = {{"python": {code_stub!r}}}
c.ClearSolutions.text_stub = {text_stub!r}

# Autograding: an endless loop costs only its cell; a deleted test cell is put back and graded;
# megabytes of printed output are cut (nbgrader's pipeline, with a LimitOutput that also cuts long lines).
# TrustedGrading decides every autograded cell again where the student's code cannot reach
# (grading/trusted.py): the gradebook records its verdict, not the notebook's own run.
# RestoreTestCells first puts the teacher's test cells back (nbgrader's own steps fail on duplicates), so a
# notebook with a deleted, renamed or re-labelled test cell is graded and flagged, not refused.
c.Autograde.sanitize_preprocessors = [
    RestoreTestCells,
    ClearOutput,
    DeduplicateIds,
    OverwriteKernelspec,
    OverwriteCells,
    CheckCellMetadata,
]
c.Autograde.autograde_preprocessors = [
    Execute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    TrustedGrading,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
c.Execute.timeout = {timeout}
c.Execute.interrupt_on_timeout = True
# Each student's kernel runs sandboxed: course folder hidden, only its own folder writable, no network.
kernel_sandbox.install(c)
c.OverwriteCells.add_missing_cells = True
c.LimitOutput.max_lines = {max_lines}
c.LimitOutput.max_traceback = 40

# Feedback shows students their grades and messages, never the hidden tests.
c.GenerateFeedback.preprocessors = [GetGrades, HideHiddenTests, CSSHTMLHeaderPreprocessor]
'''


@dataclass(frozen=True)
class BuiltCourse:
    """What :func:`build_course` made."""

    root: Path
    track: Track
    #: Assignment ids, in track order.
    assignments: tuple[str, ...]


def build_course(
    track_id: str,
    out: str | Path,
    *,
    force: bool = False,
    release: bool = True,
    cell_timeout_s: int = CELL_TIMEOUT_S,
    lab_ids: Sequence[str] | None = None,
) -> BuiltCourse:
    """Write an nbgrader course for ``track_id`` into ``out``.

    Args:
        track_id: a track of ``curriculum/tracks`` (``"common"``).
        out: the course directory to create.
        force: replace the ``source/`` and ``release/`` of an existing course directory.
        release: also run ``nbgrader generate_assignment`` for every lab.
        cell_timeout_s: seconds one cell may run while autograding.
        lab_ids: only these labs of the track (``["L05"]``), in track order; ``None`` for all.

    Raises:
        LabError: when the track is broken, a lab id is not in it, ``out`` is not empty, or nbgrader fails.
    """
    track = only_labs(load_track(track_id), lab_ids)
    problems = check_track(track)
    if problems:
        raise LabError(
            "과정에 문제가 있습니다:\n- " + "\n- ".join(problems), "The track has problems:\n- " + "\n- ".join(problems)
        )
    root = Path(out).resolve()
    if root.exists() and any(root.iterdir()) and not force:
        raise LabError(
            f"{root}가 비어 있지 않습니다. 덮어쓰려면 --force를 주세요.",
            f"{root} is not empty; use --force to overwrite.",
        )
    root.mkdir(parents=True, exist_ok=True)
    (root / CONFIG_FILE).write_text(_config_text(track, cell_timeout_s), encoding="utf-8")
    for lab in track.labs:
        target = root / "source" / lab.id
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        shutil.copy2(notebook_path(lab), target / f"{lab.folder}.ipynb")
    if release:
        api = nbgrader_api(root)
        for lab in track.labs:
            result = api.generate_assignment(lab.id, force=True, create=True)
            if not result["success"]:
                raise LabError(
                    f"nbgrader generate_assignment {lab.id} 실패:\n{result['log']}{result.get('error', '')}",
                    f"nbgrader generate_assignment {lab.id} failed:\n{result['log']}{result.get('error', '')}",
                )
    return BuiltCourse(root, track, tuple(lab.id for lab in track.labs))


def only_labs(track: Track, lab_ids: Sequence[str] | None) -> Track:
    """``track`` keeping only the labs ``lab_ids`` (in track order); all of them for ``None``.

    Raises:
        LabError: when a lab id is not in the track.
    """
    if lab_ids is None:
        return track
    known = [lab.id for lab in track.labs]
    unknown = [lab_id for lab_id in lab_ids if lab_id not in known]
    if unknown:
        raise LabError(
            f"과정 '{track.id}'에 없는 실습: {', '.join(unknown)}. 있는 실습: {', '.join(known)}",
            f"Track '{track.id}' has no lab {', '.join(unknown)}. Labs: {', '.join(known)}",
        )
    return replace(track, labs=tuple(lab for lab in track.labs if lab.id in lab_ids))


def _config_text(track: Track, cell_timeout_s: int) -> str:
    return CONFIG_TEMPLATE.format(
        course_id=track.course_id,
        title_ko=track.title_ko,
        title_en=track.title_en,
        code_stub=CODE_STUB,
        text_stub=TEXT_STUB,
        timeout=cell_timeout_s,
        max_lines=MAX_OUTPUT_LINES,
    )
