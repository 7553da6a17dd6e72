"""Remote I/O: a Modbus master outside the plant runs the sorting line, scan by scan (lockstep)."""

from __future__ import annotations

from simulator.controllers import get_controller
from simulator.modbus.lockstep import LockstepSession
from simulator.modbus.remote_scanner import RemoteScanner, contiguous_runs
from simulator.plant import Plant
from simulator.scenes import get_scene

SECONDS = 40.0


def sort_remotely(seed: int) -> dict[str, object]:
    """Run the reference program as a pymodbus master for SECONDS of plant time; returns the KPIs."""
    plant = Plant("sorting-line-v1", seed=seed)  # no program: remote I/O
    with LockstepSession(plant) as session:
        scanner = RemoteScanner(session.client(), plant.scene.tags)
        program = get_controller("reference")
        session.call(lambda p: p.press("start", hold_s=0.3))
        scans = round(SECONDS / plant.plc.scan_period_s)
        for _ in range(scans):
            scanner.scan(program)
            session.step(1)
        return session.call(lambda p: p.kpis().as_dict())


def test_remote_master_sorts_every_part_into_its_bin() -> None:
    kpis = sort_remotely(seed=1)
    assert kpis["produced"] >= 5
    assert kpis["mis_sorts"] == 0 and kpis["collisions"] == 0 and kpis["interlock_violations"] == 0
    bins = kpis["bins"]
    assert isinstance(bins, dict)
    assert bins["bin_metal"]["good"] > 0 and bins["bin_plastic"]["good"] > 0


def test_lockstep_is_deterministic_and_matches_the_internal_plc() -> None:
    remote = sort_remotely(seed=2)
    assert sort_remotely(seed=2) == remote
    internal = Plant("sorting-line-v1", seed=2, program="reference")
    internal.press("start", hold_s=0.3)
    internal.run(SECONDS)
    expected = internal.kpis().as_dict()
    for key in ("produced", "good", "defective", "mis_sorts", "bins"):
        assert remote[key] == expected[key], key


def test_step_counts_whole_scans() -> None:
    with LockstepSession(Plant("sorting-line-v1", seed=0)) as session:
        before = session.call(lambda p: p.plc.scans)
        session.step(250)
        assert session.call(lambda p: p.plc.scans) == before + 250
        session.run(0.5)
        assert session.call(lambda p: p.plc.scans) == before + 300


def test_contiguous_runs() -> None:
    tags = get_scene("sorting-line-v1").tags
    holding = [t for t in tags if t.area.value == "HR"]
    assert [(start, len(run)) for start, run in contiguous_runs(holding)] == [(0, 5), (100, 16)]
