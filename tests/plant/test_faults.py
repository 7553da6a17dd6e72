"""Each fault kind changes what the sensors report or how the actuators move."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from simulator.plant import Fault, Plant, read_faults
from simulator.plant.faults import FaultError
from simulator.scenes import get_scene
from tests.plant.programs import run_belts
from tests.plant.recorder import Recorder

TAGS = {tag.name: tag for tag in get_scene("sorting-line-v1").tags}


def record(faults: list[Fault], tags: tuple[str, ...], seconds: float = 60, program=run_belts) -> Recorder:
    recorder = Recorder(program, tags)
    plant = Plant("sorting-line-v1", seed=9, program=recorder, faults=faults)
    plant.run(seconds)
    return recorder


def test_healthy_entry_eye_pulses_once_per_part() -> None:
    recorder = record([], ("entry_eye",))
    assert 10 <= recorder.edges("entry_eye") <= 40


def test_stuck_on_and_stuck_off_hold_the_input() -> None:
    on = record([Fault("stuck_on", "entry_eye", start_s=20, end_s=40)], ("entry_eye",))
    during = [row["entry_eye"] for t, row in on.rows if 20 <= t < 40]
    assert all(during)
    off = record([Fault("stuck_off", "entry_eye")], ("entry_eye",))
    assert not any(off.values("entry_eye"))


def test_inverted_contact_reads_the_opposite() -> None:
    healthy = record([], ("entry_eye",))
    inverted = record([Fault("inverted", "entry_eye")], ("entry_eye",))
    assert inverted.values("entry_eye") == [not v for v in healthy.values("entry_eye")]


def test_digital_noise_makes_the_input_chatter() -> None:
    noisy = record([Fault("noise", "entry_eye", severity=0.05)], ("entry_eye",), seconds=20)
    assert noisy.edges("entry_eye") > 50


def test_dropout_loses_part_of_the_signal() -> None:
    healthy = record([], ("part_prox",))
    dropped = record([Fault("dropout", "part_prox", severity=0.5)], ("part_prox",))
    assert 0 < sum(dropped.values("part_prox")) < 0.8 * sum(healthy.values("part_prox"))


def test_swapped_inputs_exchange_their_values() -> None:
    healthy = record([], ("metal_eye", "ng_eye"))
    swapped = record([Fault("swapped", "metal_eye", other="ng_eye")], ("metal_eye", "ng_eye"))
    assert swapped.values("metal_eye") == healthy.values("ng_eye")
    assert swapped.values("ng_eye") == healthy.values("metal_eye")


def test_analog_drift_and_noise() -> None:
    healthy = record([], ("height_raw", "inspect_eye"), seconds=120)
    drift = record([Fault("drift", "height_raw", severity=5.0)], ("height_raw", "inspect_eye"), seconds=120)

    def idle_mean(rec: Recorder, start_s: float) -> float:
        return statistics.mean(row["height_raw"] for t, row in rec.rows if t > start_s and not row["inspect_eye"])

    # 5 mm/min for ~2 min → about 10 mm → 1600 counts more distance by the end.
    assert idle_mean(drift, 110) - idle_mean(healthy, 110) == pytest.approx(5 * 115 / 60 * 160, rel=0.1)


def test_analog_noise_widens_the_spread() -> None:
    def nothing_moves(io: object) -> None:
        """Belts and feeder off: the sensor sees the empty belt only."""

    def spread(faults: list[Fault]) -> float:
        return statistics.pstdev(record(faults, ("height_raw",), 10, nothing_moves).values("height_raw"))

    assert spread([Fault("noise", "height_raw", severity=3.0)]) > 5 * spread([])


def test_jammed_pusher_does_not_move_and_slow_pusher_takes_longer() -> None:
    def push(io: object) -> None:
        io.pusher_metal_out = True  # type: ignore[attr-defined]

    jammed = record([Fault("jam", "pusher_metal_out")], ("pusher_metal_back", "pusher_metal_front"), 2, push)
    assert all(jammed.values("pusher_metal_back")) and not any(jammed.values("pusher_metal_front"))
    slow = record([Fault("slow", "pusher_metal_out", severity=1.0)], ("pusher_metal_front",), 2, push)
    healthy = record([], ("pusher_metal_front",), 2, push)
    assert slow.first_time("pusher_metal_front") == pytest.approx(
        2 * healthy.first_time("pusher_metal_front"), abs=0.011
    )


def test_slow_and_jammed_conveyor() -> None:
    def first_pulse_scans(rec: Recorder) -> int:
        values = rec.values("entry_eye")
        start = values.index(True)
        return values[start:].index(False)

    healthy = record([], ("entry_eye",))
    slow = record([Fault("slow", "infeed_motor", severity=1.0)], ("entry_eye",))
    jammed = record([Fault("jam", "infeed_motor")], ("entry_eye",))
    assert first_pulse_scans(healthy) == pytest.approx(24, abs=1)  # 60 mm at 0.25 m/s
    assert first_pulse_scans(slow) == pytest.approx(48, abs=1)  # at half speed
    assert jammed.edges("entry_eye") == 0


def test_swapped_outputs_drive_the_other_actuator() -> None:
    def push_metal(io: object) -> None:
        io.pusher_metal_out = True  # type: ignore[attr-defined]

    swapped = record(
        [Fault("swapped", "pusher_metal_out", other="pusher_ng_out")],
        ("pusher_metal_front", "pusher_ng_front"),
        2,
        push_metal,
    )
    assert not any(swapped.values("pusher_metal_front")) and any(swapped.values("pusher_ng_front"))


def test_compact_fault_form_and_file_errors_name_the_place(tmp_path: Path) -> None:
    faults = read_faults("stuck_on:entry_eye@60-120,swapped:metal_eye+ng_eye,slow:pusher_ng_out*1.5", TAGS)
    assert faults[0] == Fault("stuck_on", "entry_eye", 60.0, 120.0)
    assert faults[1].other == "ng_eye" and faults[2].severity == 1.5
    with pytest.raises(FaultError, match="entry_eyes"):
        read_faults("stuck_on:entry_eyes", TAGS)
    bad = tmp_path / "faults.toml"
    bad.write_text(
        '[[faults]]\nkind = "stuck_on"\ntarget = "entry_eye"\n\n[[faults]]\nkind = "drift"\ntarget = "entry_eye"\n'
    )
    with pytest.raises(FaultError) as error:
        read_faults(str(bad), TAGS)
    assert f"{bad}:5" in error.value.ko and "아날로그" in error.value.ko
    assert "analog" in error.value.message("en")


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        (Fault("jam", "entry_eye"), "출력"),
        (Fault("inverted", "pusher_ng_out"), "입력"),
        (Fault("stuck_on", "count_metal"), "메모리"),
        (Fault("swapped", "entry_eye", other="height_raw"), "같은 영역"),
        (Fault("noise", "entry_eye", severity=2.0), "severity"),
        (Fault("stuck_on", "entry_eye", start_s=10, end_s=5), "끝 시각"),
    ],
)
def test_nonsense_faults_are_refused_in_korean(fault: Fault, words: str) -> None:
    with pytest.raises(FaultError, match=words):
        Plant("sorting-line-v1", faults=[fault])


def test_a_fault_starting_now_ends_on_time() -> None:
    recorder = record([Fault("stuck_on", "exit_eye", start_s=0, end_s=5)], ("exit_eye",), seconds=10)
    assert all(row["exit_eye"] for t, row in recorder.rows if t < 5)
    assert not any(row["exit_eye"] for t, row in recorder.rows if 5 <= t < 9)


def test_faults_can_be_injected_and_cleared_live() -> None:
    recorder = Recorder(run_belts, ("exit_eye",))
    plant = Plant("sorting-line-v1", seed=9, program=recorder)
    plant.run(2)
    plant.inject(Fault("stuck_on", "exit_eye"))
    plant.run(2)
    plant.clear_faults()
    plant.run(2)
    assert all(row["exit_eye"] for t, row in recorder.rows if 2 <= t < 3.995)
    assert not any(row["exit_eye"] for t, row in recorder.rows if t >= 4.005)
    assert plant.snapshot().active_faults == ()
