"""Scans sent ahead to the student's process give exactly the run that one scan at a time gives.

Three runs of the same program on the same seed and faults are compared field by field:
in this process (how a notebook runs it), in the student's process one scan per question,
and in the student's process with the scans between the plant's events sent ahead
(:mod:`grading.scan_ahead`). Noise, faults that make sensors chatter, timers, a program
that raises or writes an input part-way through: every case must agree to the last bit.
"""

from __future__ import annotations

import dataclasses
import linecache

import pytest

from grading import scan_ahead
from grading.remote import RemoteSession
from grading.runner import run_program
from grading.student_process import AnswerCell, StudentProcess
from simulator.plant import Fault, Plant

REFERENCE = "from simulator.controllers.reference import SortingLineController as Program\n"

#: The reference program, but it stops with an error once it has sorted a few parts.
RAISES_LATER = (
    REFERENCE
    + """
class Failing(Program):
    def scan(self, io):
        super().scan(io)
        self.n = getattr(self, "n", 0) + 1
        if self.n > 2345 and io.height_raw > 0:
            raise ValueError("height out of range")
"""
)

#: Writes an input after a while (the PLC must stop at the same scan either way).
WRITES_INPUT = (
    REFERENCE
    + """
class Writer(Program):
    def scan(self, io):
        super().scan(io)
        self.n = getattr(self, "n", 0) + 1
        if self.n == 1234:
            io.height_raw = 7
"""
)

CASES = [
    ("plain", REFERENCE, "Program", ()),
    ("chattering eye", REFERENCE, "Program", (Fault("noise", "inspect_eye", severity=0.05),)),
    ("dropouts", REFERENCE, "Program", (Fault("dropout", "inspect_eye", severity=0.05),)),
    (
        "noisy drifting gauge",
        REFERENCE,
        "Program",
        (Fault("noise", "height_raw", severity=3.0), Fault("drift", "height_raw", start_s=20, severity=5.0)),
    ),
    ("raises part-way", RAISES_LATER, "Failing", ()),
    ("writes an input", WRITES_INPUT, "Writer", ()),
]


def _report(program: object, faults: tuple[Fault, ...]) -> dict[str, object]:
    report = run_program(program, seed=4, minutes=1.5, faults=faults)
    kpis = dataclasses.asdict(report.kpis)
    return {
        "kpis": kpis,
        "records": report.records,
        "tags": report.final.tags,
        "changes": report.changes,
        "violations": report.violation_counts,
        "fault": report.plc_fault_en,
    }


def _remote_report(source: str, name: str, faults: tuple[Fault, ...]) -> tuple[dict[str, object], int]:
    process = StudentProcess([AnswerCell("answer", source)])
    process.start()
    asked = 0
    try:
        with RemoteSession(process) as session, session.check(120):
            original = session.ask_call

            def counting(*args, **kwargs):
                nonlocal asked
                asked += 1
                return original(*args, **kwargs)

            session.ask_call = counting  # type: ignore[method-assign]
            return _report(session.names()[name], faults), asked
    finally:
        process.close()


@pytest.mark.parametrize(("case", "source", "name", "faults"), CASES, ids=[c[0] for c in CASES])
def test_scans_sent_ahead_give_the_same_run_as_one_at_a_time(case, source, name, faults, monkeypatch):
    namespace: dict[str, object] = {}
    filename = "<답안 answer>"  # the name the student's process gives the cell, so both name the same line
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - our own sample, run as a notebook would
    in_process = _report(namespace[name], faults)

    ahead, asked_ahead = _remote_report(source, name, faults)
    monkeypatch.setattr(scan_ahead, "MAX_SCANS_AHEAD", 0)
    one_by_one, asked_one_by_one = _remote_report(source, name, faults)

    assert one_by_one == in_process
    assert ahead == in_process
    if case == "raises part-way":
        assert "height out of range" in ahead["fault"]
    if case == "writes an input":
        assert "height_raw" in ahead["fault"]
    assert asked_ahead * 5 < asked_one_by_one, (asked_ahead, asked_one_by_one)


def test_inputs_read_ahead_and_given_back_leave_the_plant_on_its_own_course():
    """Reading rows ahead and giving them back must not shift any random stream."""
    faults = [Fault("noise", "inspect_eye", severity=0.2), Fault("noise", "height_raw", severity=2.0)]
    plain = Plant("sorting-line-v1", seed=9, program="reference", faults=faults)
    poked = Plant("sorting-line-v1", seed=9, program="reference", faults=faults)
    for plant in (plain, poked):
        plant.press("start", hold_s=0.3, at_s=0.5)
    for step in range(1, 200):
        until_s = step * 0.25
        plain.run_until(until_s)
        poked.run_until(until_s)
        period_s = poked.plc.scan_period_s
        times = [poked.now_s + period_s * (i + 1) for i in range(step % 7)]
        poked.read_inputs_ahead(times)
        poked.terminals._ahead.give_back()  # noqa: SLF001 - what an output change does
    assert dataclasses.asdict(poked.kpis()) == dataclasses.asdict(plain.kpis())
    assert poked.snapshot().tags == plain.snapshot().tags


def test_the_portable_path_sends_scans_ahead_with_the_same_result(monkeypatch):
    """A spawned student process and reader threads (Windows, ``SFLAB_PORTABLE=1``) give the same run too."""
    faults = (Fault("noise", "inspect_eye", severity=0.05),)
    ahead, _ = _remote_report(REFERENCE, "Program", faults)
    monkeypatch.setenv("SFLAB_PORTABLE", "1")
    portable_ahead, asked = _remote_report(REFERENCE, "Program", faults)
    assert portable_ahead == ahead
    assert asked < 2000  # 1.5 simulated minutes are 9,000 scans
