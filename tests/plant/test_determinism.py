"""Same scene, seed and controller → byte-identical KPIs and records; another seed differs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.plant import Plant
from simulator.scenes import scene_ids

#: Minutes each scene runs for the test: long enough to finish some products (a rack takes 42 minutes).
MINUTES = {"plating-line-v1": 50}


def run_once(seed: int, tmp_path: Path, name: str, scene: str = "sorting-line-v1") -> tuple[str, bytes]:
    plant = Plant(scene, seed=seed, program="reference")
    plant.press("start", hold_s=0.3, at_s=0.5)
    plant.run(minutes=MINUTES.get(scene, 20))
    csv_path = plant.export_csv(tmp_path / f"{name}.csv")
    return json.dumps(plant.kpis().as_dict(), sort_keys=True), csv_path.read_bytes()


@pytest.mark.parametrize("scene", scene_ids())
def test_same_seed_gives_identical_kpis_and_records(tmp_path: Path, scene: str) -> None:
    first = run_once(42, tmp_path, "a", scene)
    second = run_once(42, tmp_path, "b", scene)
    assert first == second
    assert json.loads(first[0])["produced"] > 0


def test_other_seed_gives_other_run(tmp_path: Path) -> None:
    assert run_once(42, tmp_path, "a") != run_once(43, tmp_path, "b")
