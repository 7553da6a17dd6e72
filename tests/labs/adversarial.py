"""Submissions that try to forge a score: the catalogue of issue #12 ("scores a student cannot forge").

Every attack is the lab's *blank* released notebook with a snippet put at the top of its first
answer cell (the rest stays blank), or a blank notebook whose test cells were tampered with.
None of them does the work, so each must score 0 on every criterion. Most of them do make the
notebook's own run *pass* test cells (the old way of scoring: "the test cell ran in the
student's kernel without an error"); that is what makes them real attacks, and where the
notebook's run and the trusted verdict disagree the trusted pass must leave a flag.

Families:

``ipython``    change how IPython runs the later cells (input and AST transformers, wrapped
               ``run_cell``/``run_cell_async``/``run_code``, event hooks, custom exception
               handler, ``showtraceback``, the kernel's execute handler);
``messages``   change what the kernel sends back (``session.send``, ``sys.stdout``/``stderr``);
``modules``    replace what the checks use (``json``, ``os``, builtins, ``grading``, the lab's
               check module, ``simulator``, ``numpy``; a fake ``grading`` package on disk);
``trace``      ``sys.settrace``/``sys.setprofile`` tricks (jump over the failing lines, rewrite the
               verdict, patch the check's globals on the fly);
``structure``  cheats on the notebook itself (test cell deleted, edited, re-typed, renamed,
               nbgrader metadata changed, a second cell with the same grade id);
``files``      reads the model answers where the grader keeps them (the installed ``labs/``
               notebooks), or writes to the course (gradebook, ``source/``, ``nbgrader_config.py``,
               its own submission) or into the installed ``grading`` package. The writers are
               graded apart from the others, then "victims" who must get exactly what their own
               work earns. They are told where the course is (the worst case).

Snippets may use ``__LAB__`` (the lab's check module, ``l01``), ``__LABID__`` (``L01``), ``__COURSE__``
and ``__STUDENT__``; :func:`attack_notebook` fills them in.

Known gaps of the grading are written on the attacks (``record_gap``, ``flag_gap``, ``score_gap``):
the tests that meet them are strict expected failures, so closing a gap turns them into XPASS.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from nbformat import NotebookNode

from tests.labs.attacks_files import (
    INSTALLED_SOLUTION,
    WRITE_CONFIG,
    WRITE_GRADEBOOK,
    WRITE_PACKAGE,
    WRITE_SOURCE,
    WRITE_SUBMITTED,
)
from tests.labs.attacks_kernel import (
    AST,
    BUILTINS_EXCEPTIONS,
    BUILTINS_IMPORT,
    CUSTOM_EXC,
    FAKE_PACKAGE,
    GRADING_MODULES,
    INPUT_CLEANUP,
    INPUT_POST,
    JSON,
    LAB_MODULE,
    NUMPY,
    OS,
    POST_RUN_CELL,
    PRE_RUN_CELL,
    RUN_CELL,
    RUN_CELL_ASYNC,
    RUN_CODE,
    SESSION_SEND,
    SETPROFILE,
    SETTRACE_JUMP,
    SETTRACE_VERDICT,
    SHELL_HANDLER,
    SHOWTRACEBACK,
    SIMULATOR,
    STDOUT_STDERR,
)
from tests.labs.attacks_structure import (
    as_solution,
    delete,
    duplicate,
    each_test,
    edit,
    meta,
    raise_points,
    rename,
    to_markdown,
    ungrade,
)
from tests.labs.samples_index import selected_labs

#: The Korean words of each structural flag (grading/trusted_nbgrader.py ``tampering``).
FLAG_WORDS = {
    "deleted": "시험 셀이 지워졌습니다",
    "edited": "시험 셀 코드가 바뀌었습니다",
    "metadata": "채점 정보(nbgrader metadata)가 바뀌었습니다",
}
#: Korean words of the flag for a criterion the notebook's own run passed and the trusted pass failed.
DISAGREEMENT_WORDS = "노트북 실행은 통과인데 채점기 판정은 실패입니다"


@dataclass(frozen=True)
class Attack:
    """One forged submission."""

    name: str
    family: str
    #: What it does, in one line.
    about: str
    #: Put at the top of the first answer cell (placeholders: see the module's docstring).
    code: str = ""
    #: Changes the notebook itself: ``tamper(nb, test_ids)`` edits ``nb`` in place and returns the
    #: grade ids of the test cells it changed.
    tamper: Callable[[NotebookNode, list[str]], list[str]] | None = field(default=None, compare=False)
    #: The structural flag every tampered criterion must carry (a key of :data:`FLAG_WORDS`).
    flag: str = ""
    #: Writes files outside its own folder: graded apart, then the victims.
    writes: bool = False
    #: Makes the notebook's own run pass at least one criterion (checked by the tests).
    fools_kernel: bool = True
    # Known gaps of the grading, each failing some tests today (strict xfail until it is fixed):
    #: why its autograde fails and leaves no trusted-pass record (every test that reads the record);
    record_gap: str = ""
    #: why its structural flag is missing (the structural-flag test);
    flag_gap: str = ""
    #: why it scores points (the zero-score test, and the flag test: no disagreement to flag).
    score_gap: str = ""


# ---------------------------------------------------------------- known gaps (see the report of issue #12)
#: nbgrader's own sanitising step (OverwriteCells, before the notebook runs) raised on notebooks whose
#: test cells were deleted, renamed, duplicated or re-labelled, so autograde failed for the student. Since
#: grading.trusted_nbgrader.RestoreTestCells runs first, no attack carries this gap any more; an attack
#: that finds a new way to make nbgrader refuse a notebook is marked with it.
NBGRADER_CRASH = (
    "nbgrader autograde fails on this notebook in its sanitising step (OverwriteCells) before the "
    "trusted pass runs: no record, no flag (the gradebook has no score for it)"
)


# ---------------------------------------------------------------- the catalogue
CATALOGUE: tuple[Attack, ...] = (
    # ipython: how later cells run
    Attack("input_cleanup", "ipython", "an input transformer turns every test cell into pass", INPUT_CLEANUP),
    Attack("input_post", "ipython", "a late input transformer comments out every check call", INPUT_POST),
    Attack("ast", "ipython", "an AST transformer drops every check_*() call", AST),
    Attack("run_cell", "ipython", "run_cell wrapped: a test cell runs as pass", RUN_CELL),
    Attack("run_cell_async", "ipython", "run_cell_async wrapped: a test cell runs as pass", RUN_CELL_ASYNC),
    Attack("run_code", "ipython", "run_code replaced: every exception is swallowed", RUN_CODE),
    Attack(
        "pre_run_cell", "ipython", "a pre_run_cell hook replaces the check functions before each test", PRE_RUN_CELL
    ),
    Attack(
        "post_run_cell", "ipython", "a post_run_cell hook clears a failed cell's output and its error", POST_RUN_CELL
    ),
    Attack("custom_exc", "ipython", "set_custom_exc: every exception handled silently, the reply says ok", CUSTOM_EXC),
    Attack("showtraceback", "ipython", "showtraceback replaced: no error output, the reply says ok", SHOWTRACEBACK),
    Attack("shell_handler", "ipython", "the kernel's execute_request handler runs test cells as pass", SHELL_HANDLER),
    # messages: what the kernel sends back
    Attack(
        "session_send", "messages", "session.send drops error messages and turns error replies into ok", SESSION_SEND
    ),
    Attack(
        "stdout_stderr",
        "messages",
        "sys.stdout/stderr replaced, rewriting failures into passes",
        STDOUT_STDERR,
        fools_kernel=False,
    ),
    # modules and builtins the checks use
    Attack("json", "modules", "json.loads (and sys.modules['json']) turn a failed verdict into ok", JSON),
    Attack("os", "modules", "os.pipe/fork/waitpid forged: the check never runs and its pipe says ok", OS),
    Attack(
        "builtins_import", "modules", "builtins.__import__ hands the test cell a fake check module", BUILTINS_IMPORT
    ),
    Attack(
        "builtins_assertion",
        "modules",
        "builtins.AssertionError replaced by an unrelated class",
        BUILTINS_EXCEPTIONS,
        fools_kernel=False,
    ),
    Attack("grading_modules", "modules", "sys.modules: fake grading, grading.labs and check module", GRADING_MODULES),
    Attack("lab_module", "modules", "sys.modules['grading.labs.lXX'] replaced by a module of no-ops", LAB_MODULE),
    Attack(
        "simulator",
        "modules",
        "sys.modules['simulator.plant'] replaced by a plant that never runs",
        SIMULATOR,
        fools_kernel=False,
    ),
    Attack(
        "numpy", "modules", "sys.modules['numpy'] replaced: isclose/allclose always true", NUMPY, fools_kernel=False
    ),
    Attack(
        "fake_package",
        "modules",
        "a fake grading package written to the working folder, first on sys.path",
        FAKE_PACKAGE,
    ),
    # trace and profile functions
    Attack("settrace_jump", "trace", "a trace function jumps every _grade_* to its final return 'ok'", SETTRACE_JUMP),
    Attack(
        "settrace_verdict", "trace", "a trace function rewrites the failed verdict before it is read", SETTRACE_VERDICT
    ),
    Attack("setprofile", "trace", "a profile function patches run_isolated in each check's globals", SETPROFILE),
    # the notebook itself
    Attack(
        "edited",
        "structure",
        "every test cell's code replaced by pass",
        tamper=each_test(edit),
        flag="edited",
        fools_kernel=False,
    ),
    Attack(
        "points",
        "structure",
        "every test cell worth 100 points",
        tamper=each_test(raise_points),
        flag="metadata",
        fools_kernel=False,
    ),
    Attack(
        "deleted",
        "structure",
        "every test cell nbgrader can put back deleted",
        tamper=delete(restorable=True),
        flag="deleted",
        fools_kernel=False,
    ),
    Attack(
        "deleted_after_text",
        "structure",
        "a test cell that follows a text cell deleted",
        tamper=delete(restorable=False),
        flag="deleted",
        fools_kernel=False,
    ),
    Attack(
        "ungraded",
        "structure",
        "grade removed from every test cell",
        tamper=each_test(ungrade),
        flag="metadata",
        fools_kernel=False,
    ),
    Attack(
        "as_solution",
        "structure",
        "every test cell marked as an answer cell",
        tamper=each_test(as_solution),
        flag="metadata",
        fools_kernel=False,
    ),
    Attack(
        "renamed",
        "structure",
        "every test cell's grade id changed",
        tamper=rename,
        flag="deleted",
        fools_kernel=False,
    ),
    Attack(
        "markdown",
        "structure",
        "every test cell turned into a markdown cell",
        tamper=each_test(to_markdown),
        flag="metadata",
        fools_kernel=False,
    ),
    Attack(
        "duplicate_before",
        "structure",
        "a copy of each test cell that passes (pass) placed before it",
        tamper=duplicate(before=True),
        flag="edited",
        fools_kernel=False,
    ),
    Attack(
        "duplicate_after",
        "structure",
        "a copy of each test cell that passes (pass) placed after it",
        tamper=duplicate(before=False),
        flag="edited",
        fools_kernel=False,
    ),
    # what the grader can read
    Attack(
        "installed_solution",
        "files",
        "builtins.compile swaps every blank answer for the model answer read from the installed labs/ notebook",
        INSTALLED_SOLUTION,
        fools_kernel=False,  # the kernel's sandbox hides labs/ too
    ),
    # files outside the student's own folder
    Attack(
        "write_gradebook",
        "files",
        "SQLite triggers in gradebook.db give every grade full points",
        WRITE_GRADEBOOK,
        writes=True,
        fools_kernel=False,
    ),
    Attack(
        "write_source",
        "files",
        "the teacher's source/ test cells rewritten to pass",
        WRITE_SOURCE,
        writes=True,
        fools_kernel=False,
    ),
    Attack(
        "write_config",
        "files",
        "nbgrader_config.py made to pass every trusted verdict",
        WRITE_CONFIG,
        writes=True,
        fools_kernel=False,
    ),
    Attack(
        "write_submitted",
        "files",
        "its own submitted/ notebook replaced by the teacher's solution",
        WRITE_SUBMITTED,
        writes=True,
        fools_kernel=False,
    ),
    Attack(
        "write_package",
        "files",
        "a module written into the installed grading package",
        WRITE_PACKAGE,
        writes=True,
        fools_kernel=False,
    ),
)

BY_NAME = {attack.name: attack for attack in CATALOGUE}


# ---------------------------------------------------------------- which labs each attack is handed in for
#: The attacks that stay in their folder, in catalogue order: each goes to the first lab and one more, in turn.
ROTATING = tuple(attack for attack in CATALOGUE if not attack.writes)


def attack_labs(attack: Attack, lab_ids: Sequence[str]) -> list[str]:
    """The labs ``attack`` is handed in for, out of ``lab_ids`` (the graded labs, in track order).

    Every attack of the catalogue targets the grading, which is the same for every lab, so it
    need not meet every lab; each meets two:

    - the **first lab** (L01, the lab with the cheapest blank notebook, which the portable
      course grades too) gets the whole catalogue;
    - attack number ``i`` of :data:`ROTATING` also goes to lab ``i mod (n - 1)`` of the other
      ``n - 1`` labs, so each of them meets three to five attacks of two families or more
      (the catalogue is in family order); a cheat on the notebook's structure that finds
      nothing to change there (no test cell after a text cell) goes to the next lab it fits;
    - the file-writing attacks are graded in rounds of their own, followed by their victims, so
      they go together: to the first lab and to the lab in the middle (L06 of the ten).

    With one lab, that lab gets them all.
    """
    first, others = lab_ids[0], list(lab_ids[1:])
    if not others:
        return [first]
    if attack.writes:
        return [first, lab_ids[len(lab_ids) // 2]]
    start = ROTATING.index(attack)
    turn = [others[(start + step) % len(others)] for step in range(len(others))]
    return [first, *[lab_id for lab_id in turn if fits(attack, lab_id)][:1]]


@functools.cache
def fits(attack: Attack, lab_id: str) -> bool:
    """Whether ``attack`` has something to attack in ``lab_id``'s notebook (a structural cheat needs its test cell)."""
    if attack.tamper is None:
        return True
    from curriculum import load_track, notebook_path
    from grading.course.submissions import read

    lab = next(lab for lab in load_track("common").labs if lab.id == lab_id)
    source = read(notebook_path(lab))
    return bool(attack_notebook(attack, source, source, lab_id)[1])


def attacks_for(lab_id: str, lab_ids: Sequence[str] | None = None) -> list[Attack]:
    """The attacks handed in for ``lab_id`` when ``lab_ids`` (by default the selected labs) are graded."""
    ids = [lab.id for lab in selected_labs()] if lab_ids is None else list(lab_ids)
    return [attack for attack in CATALOGUE if lab_id in attack_labs(attack, ids)]


def refused_by_nbgrader(attack: Attack) -> bool:
    """Whether nbgrader's own sanitising step fails on this attack's notebook (its autograde fails)."""
    return attack.record_gap == NBGRADER_CRASH


def student_id(lab_id: str, attack: Attack) -> str:
    """The attacker's student id in the course."""
    return f"{lab_id}-atk-{attack.name}"


def victims(lab_id: str) -> dict[str, str]:
    """Students graded after the file-writing attacks: id → what they hand in (``blank`` or ``source``).

    Each must get exactly what their own work earns. The model answer is graded only for the
    first lab (L01), where it takes seconds.
    """
    found = {f"{lab_id}-victim-blank": "blank"}
    if lab_id == selected_labs()[0].id:
        found[f"{lab_id}-victim-source"] = "source"
    return found


def graded_test_ids(source_nb: NotebookNode) -> list[str]:
    """Grade ids of the teacher's autograded test cells."""
    return [
        meta(cell)["grade_id"]
        for cell in source_nb.cells
        if cell.cell_type == "code" and meta(cell).get("grade") and not meta(cell).get("solution")
    ]


def attack_notebook(
    attack: Attack, released: NotebookNode, source_nb: NotebookNode, lab_id: str, *, course: str = "", student: str = ""
) -> tuple[NotebookNode, list[str]]:
    """The blank ``released`` notebook with ``attack`` in it, and the grade ids of the test cells it tampered with.

    ``course`` and ``student`` are written into the snippet: the attacker knows where the course is kept.
    """
    nb = copy.deepcopy(released)
    if attack.code:
        first = next(cell for cell in nb.cells if cell.cell_type == "code" and meta(cell).get("solution"))
        code = attack.code
        for placeholder, value in (
            ("__COURSE__", course),
            ("__STUDENT__", student or student_id(lab_id, attack)),
            ("__LABID__", lab_id),
            ("__LAB__", lab_id.lower()),
        ):
            code = code.replace(placeholder, value)
        first.source = f"{code.strip(chr(10))}\n\n{first.source}"
    tampered = attack.tamper(nb, graded_test_ids(source_nb)) if attack.tamper is not None else []
    return nb, tampered
