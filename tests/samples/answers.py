"""What a prepared sample hands in: the model answers, some replaced by a mistake, some left as released.

A sample that shows one mistake needs the other answers only to show they still score.
Where another answer's check is costly (a long simulation) and the mistake cannot touch it,
the sample leaves that answer as released (``None``): its criterion then scores 0, and the
sample's expected points say so.
"""

from __future__ import annotations

from collections.abc import Mapping

from nbformat import NotebookNode

from grading.course.submissions import source_answers


def sample_answers(source: NotebookNode, overrides: Mapping[str, str | None]) -> dict[str, str]:
    """The source's answers with ``overrides`` applied; an override of None leaves that answer as released."""
    answers: dict[str, str | None] = {**source_answers(source), **overrides}
    return {grade_id: code for grade_id, code in answers.items() if code is not None}
