"""Refactoring the plant must not change a single number: KPIs of fixed runs against a recorded file.

``data/golden_kpis.json`` holds the KPIs (and a hash of the production records) of every
case below, recorded before the plant was reshaped. A change that moves any of them — a
random number drawn in another order, a sensor read one scan later — fails here, naming
the case. Re-record only for a change that is *meant* to change the physics, and say so in
the commit: ``python -m tests.plant.test_golden_kpis``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from simulator.plant import Plant, read_faults
from simulator.scenes import get_scene, scene_ids

GOLDEN = Path(__file__).parent / "data" / "golden_kpis.json"
#: Faults per scene for the faulty case (a chattering eye and a drifting, noisy gauge where there is one).
FAULTS = {"sorting-line-v1": "noise:inspect_eye*0.05,noise:height_raw*3,drift:height_raw@20*5,slow:pusher_metal_out*2"}
CASES = [(scene, seed, "") for scene in scene_ids() for seed in (0, 7)] + [
    (scene, 3, faults) for scene, faults in FAULTS.items()
]


def run_case(scene: str, seed: int, faults: str) -> dict[str, object]:
    """KPIs and a hash of the records of a 15-minute run of the scene's reference program."""
    tags = {tag.name: tag for tag in get_scene(scene).tags}
    plant = Plant(scene, seed=seed, program="reference", faults=read_faults(faults, tags) if faults else ())
    plant.press("start", hold_s=0.3, at_s=0.5)
    plant.run(minutes=15)
    records = json.dumps([str(record) for record in plant.records]).encode()
    return {"kpis": plant.kpis().as_dict(), "records_sha256": hashlib.sha256(records).hexdigest()}


def case_id(scene: str, seed: int, faults: str) -> str:
    return f"{scene} seed {seed}" + (f" faults {faults}" if faults else "")


@pytest.mark.parametrize(("scene", "seed", "faults"), CASES, ids=[case_id(*c) for c in CASES])
def test_the_same_run_gives_the_recorded_kpis(scene: str, seed: int, faults: str) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(run_case(scene, seed, faults))) == golden[case_id(scene, seed, faults)]


if __name__ == "__main__":
    GOLDEN.write_text(
        json.dumps({case_id(*c): run_case(*c) for c in CASES}, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {GOLDEN}")
