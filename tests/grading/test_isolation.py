"""Checks run in a fresh child process: patches, loops, exits and memory hogs cost only the check."""

from __future__ import annotations

import os

import pytest

from grading.checks import CheckFailed
from grading.isolation import run_isolated
from grading.labs import l01
from simulator.portable import portable

#: These protections come from forking the kernel; where there is no fork (Windows, SFLAB_PORTABLE=1)
#: the score is protected by the trusted pass instead, tested on both paths in test_trusted_pass.py.
needs_fork = pytest.mark.skipif(portable(), reason="in-kernel isolation needs fork; see test_trusted_pass.py")


def right(io):
    if not (io.inspect_eye and io.part_prox):
        return "none"
    return "metal" if io.metal_prox else "plastic"


def wrong(io):
    return "metal"


def test_a_right_answer_passes_and_a_wrong_one_fails_with_a_korean_rubric_message():
    l01.check_classify(right, every_case=True)
    with pytest.raises(CheckFailed) as failed:
        l01.check_classify(wrong, every_case=True)
    assert "맞는 답은 'plastic'" in str(failed.value)
    assert "the right answer" in failed.value.en


def test_english_messages_with_the_setting(monkeypatch):
    monkeypatch.setenv("SFLAB_LANG", "en")
    with pytest.raises(CheckFailed) as failed:
        l01.check_classify(wrong)
    assert str(failed.value).startswith("For inputs")


@needs_fork
def test_patching_the_grader_in_this_process_changes_nothing_in_the_check(monkeypatch):
    monkeypatch.setattr(l01, "_expected_material", lambda *inputs: "metal")
    monkeypatch.setattr("grading.checks.require", lambda *args: None)
    with pytest.raises(CheckFailed):
        l01.check_classify(wrong, every_case=True)


@needs_fork
def test_an_endless_loop_costs_only_this_check(monkeypatch):
    monkeypatch.setenv("SFLAB_CHECK_TIMEOUT_S", "2")

    def loops(io):
        while True:
            pass

    with pytest.raises(CheckFailed) as failed:
        l01.check_classify(loops)
    assert "2초 안에 끝나지 않았습니다" in str(failed.value)
    l01.check_classify(right)  # the next check runs normally


def test_sys_exit_fails_the_check_but_not_the_caller():
    import sys

    def exits(io):
        sys.exit(3)

    with pytest.raises(CheckFailed, match="SystemExit"):
        l01.check_classify(exits)


@needs_fork
def test_os_exit_fails_the_check_but_not_the_caller():
    def dies(io):
        os._exit(9)

    with pytest.raises(CheckFailed, match="비정상 종료"):
        l01.check_classify(dies)


@needs_fork
def test_a_huge_allocation_fails_the_check_with_memory_error(monkeypatch):
    monkeypatch.setenv("SFLAB_CHECK_MEMORY_MB", "300")

    def hog(io):
        blocks = [bytearray(50_000_000) for _ in range(100)]  # 5 GB
        return "none" if blocks else "metal"

    with pytest.raises(CheckFailed, match="MemoryError"):
        l01.check_classify(hog)


def test_the_value_comes_back_as_json():
    assert run_isolated("grading.labs.l01:_grade_classify", right, True) == "ok"
