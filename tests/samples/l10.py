"""Prepared L10 submissions of mixed quality, with the score each must get.

The tests grade them to prove partial credit is exact: each wrong answer below is a mistake
students really make when optimising a line (calling the busiest station the bottleneck, taking
the fastest point of a sweep although its parts collide, speeding a belt past its safe contact
speed, slowing every belt to save energy — the bottleneck too), and each costs exactly its criterion.

Each sample leaves unanswered two costly steps its mistake cannot touch (every step runs the
line for an hour or more), as :mod:`tests.samples.answers` explains; the cheap first step stays
answered in every sample, to show it keeps its points.
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill
from tests.samples.answers import sample_answers

#: Points per criterion of lab L10.
POINTS = {"l10_bottleneck": 2.0, "l10_sweep": 2.0, "l10_tuning": 4.0, "l10_energy": 2.0}

#: Takes the busiest station: wrong when a station that breaks down often holds the line up.
BOTTLENECK_BUSIEST = """
def find_bottleneck(rows):
    return max(rows, key=lambda row: row["busy_pct"])["name"]
"""

#: Measures right, but picks the most output even where parts collide.
SWEEP_IGNORES_COLLISIONS = """
def sweep(setting, values, seed=1, minutes=20):
    rows = []
    for value in values:
        result = measure({setting: value}, seed=seed, minutes=minutes)
        rows.append({setting: value, "good_per_h": result["good_per_h"], "wh_per_good": result["wh_per_good"],
                     "collisions": result["collisions"], "jams": result["jams"]})
    return rows


def best_point(rows):
    return max(rows, key=lambda row: row["good_per_h"])
"""

#: The station belt past its safe contact speed: more parts, but every one hits the stop too hard.
TUNING_TOO_FAST = """
TUNING = {"station_speed_m_s": 0.45, "buffer_length_m": 3.0}
"""

#: Only a longer buffer: the bottleneck's cycle stays as it was, so output barely rises.
TUNING_BUFFER_ONLY = """
TUNING = {"buffer_length_m": 3.0}
"""

#: Every belt slowed, the bottleneck's too: less power, but fewer parts.
ENERGY_ALL_SLOW = """
ENERGY_TUNING = {"infeed_speed_m_s": 0.1, "buffer_speed_m_s": 0.1, "station_speed_m_s": 0.1}
"""

#: The sweep cell as handed out (not answered).
SWEEP_BLANK = """
def sweep(setting, values, seed=1, minutes=20):
    # 여기에 코드를 작성하세요
    raise NotImplementedError()


def best_point(rows):
    # 여기에 코드를 작성하세요
    raise NotImplementedError()
"""

#: Answers left as released (see the module docstring).
NO_TUNING: dict[str, str | None] = {"l10_tuning_answer": None}
NO_ENERGY: dict[str, str | None] = {"l10_energy_answer": None}
NO_SWEEP: dict[str, str | None] = {"l10_sweep_answer": None}

#: Sample name → (answers replacing the model answers, None leaving an answer as released, or None for the
#: blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str | None] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "bottleneck_busiest": (
        {"l10_bottleneck_answer": BOTTLENECK_BUSIEST, **NO_TUNING, **NO_ENERGY},
        {**POINTS, "l10_bottleneck": 0.0, "l10_tuning": 0.0, "l10_energy": 0.0},
    ),
    "sweep_ignores_collisions": (
        {"l10_sweep_answer": SWEEP_IGNORES_COLLISIONS, **NO_TUNING, **NO_ENERGY},
        {**POINTS, "l10_sweep": 0.0, "l10_tuning": 0.0, "l10_energy": 0.0},
    ),
    "tuning_too_fast": (
        {"l10_tuning_answer": TUNING_TOO_FAST, **NO_SWEEP, **NO_ENERGY},
        {**POINTS, "l10_sweep": 0.0, "l10_tuning": 0.0, "l10_energy": 0.0},
    ),
    "energy_all_slow": (
        {"l10_energy_answer": ENERGY_ALL_SLOW, **NO_SWEEP, **NO_TUNING},
        {**POINTS, "l10_sweep": 0.0, "l10_tuning": 0.0, "l10_energy": 0.0},
    ),
    "partial": (
        {"l10_sweep_answer": SWEEP_BLANK, "l10_tuning_answer": TUNING_BUFFER_ONLY},
        {**POINTS, "l10_sweep": 0.0, "l10_tuning": 0.0},
    ),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, sample_answers(source, overrides))
