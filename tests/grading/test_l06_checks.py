"""The L06 checks on wrong and partial answers, run directly (no nbgrader); see also test_every_lab.py."""

from __future__ import annotations

import pytest

from curriculum import LABS_DIR as LABS
from grading.checks import CheckFailed
from grading.labs import l06
from tests.grading.notebook_cells import notebook_cells, run_cells
from tests.samples.l06 import (
    MAP_SWAPS_REGISTERS,
    NUMBER_WITHOUT_MINUS_ONE,
    READ_ONE_BASED,
    SORTER_ONE_BASED_COILS,
    SORTER_WITHOUT_COUNTS,
)

NOTEBOOK = LABS / "L06_modbus" / "L06_modbus.ipynb"


@pytest.fixture(scope="module")
def cells() -> dict[str, str]:
    """Grade id → source of every nbgrader cell of the source notebook."""
    return notebook_cells(NOTEBOOK)


def namespace(cells: dict[str, str], **answers: str) -> dict:
    """The kernel after the setup cell and the given answer cells (grade id → code)."""
    return run_cells(cells["l06_setup"], *answers.values())


@pytest.fixture(scope="module")
def model(cells) -> dict:
    ids = ("l06_map_answer", "l06_number_answer", "l06_read_answer", "l06_sort_answer")
    return namespace(cells, **{i: cells[i] for i in ids})


def test_swapped_register_tables_fail_the_map_and_name_the_right_table(cells):
    ns = namespace(cells, l06_setup_map=MAP_SWAPS_REGISTERS)
    with pytest.raises(CheckFailed) as failed:
        l06.check_map(ns["read_request"])
    assert "height_raw" in str(failed.value) and "입력 레지스터" in str(failed.value) and "1단계" in str(failed.value)


def test_a_number_without_minus_one_fails_and_a_missing_value_error_fails_the_hidden_cases(model, cells):
    ns = namespace(cells, wrong=NUMBER_WITHOUT_MINUS_ONE)
    with pytest.raises(CheckFailed, match="1을 빼면"):
        l06.check_number(ns["parse_number"])
    no_error = (
        "def parse_number(text):\n    return {'0': 1, '1': 2, '3': 4, '4': 3}.get(text[0], 0), int(text[1:]) - 1\n"
    )
    ns = namespace(cells, lax=no_error)
    l06.check_number(ns["parse_number"])  # the visible cases pass …
    with pytest.raises(CheckFailed, match="ValueError"):
        l06.check_number(ns["parse_number"], cases=40, seed=6)  # … the hidden ones do not


def test_one_based_addresses_fail_the_read_with_the_address_to_use(cells):
    ns = namespace(cells, wrong=READ_ONE_BASED)
    with pytest.raises(CheckFailed) as failed:
        l06.check_read(ns["read_status"], seed=1)
    assert "주소" in str(failed.value) and "3단계" in str(failed.value)


def test_coils_written_from_address_one_fail_sorting_and_counts(cells):
    ns = namespace(cells, wrong=SORTER_ONE_BASED_COILS)
    with pytest.raises(CheckFailed, match="isError"):
        l06.check_sorting(ns["ModbusSorter"], seed=1, seconds=20)
    with pytest.raises(CheckFailed, match="4단계"):
        l06.check_counts(ns["ModbusSorter"], seed=1, seconds=20)


def test_a_sorter_that_never_writes_the_counts_sorts_but_fails_the_counts(cells):
    ns = namespace(cells, wrong=SORTER_WITHOUT_COUNTS)
    l06.check_sorting(ns["ModbusSorter"], seed=1)
    with pytest.raises(CheckFailed, match="write_registers"):
        l06.check_counts(ns["ModbusSorter"], seed=1)


def test_ignoring_the_height_sensor_mis_sorts(cells):
    no_height = SORTER_WITHOUT_COUNTS.replace(
        "self.io.height_raw = self.client.read_input_registers(0, count=1).registers[0]", "pass"
    )
    assert no_height != SORTER_WITHOUT_COUNTS
    ns = namespace(cells, wrong=no_height)
    with pytest.raises(CheckFailed, match="다른 통"):
        l06.check_sorting(ns["ModbusSorter"], seed=1, seconds=30)


def test_the_students_client_answers_like_pymodbus_and_crosses_the_pipe_as_a_callback():
    from grading.modbus_client import lockstep, student_client
    from grading.remote import Exposed
    from grading.wire import TAG, encode
    from simulator.plant import Plant

    with lockstep(Plant(l06.SCENE, seed=1)) as session:
        client = student_client(session)
        assert client.read_holding_registers(3, count=2).registers == session.call(
            lambda p: [p.io.height_limit_low_mm, p.io.height_limit_high_mm]
        )
        refused = client.read_coils(9999, count=1)  # not in the map: exception 02, empty bits
        assert refused.isError() and refused.exception_code == 2 and refused.bits == []
        assert not client.write_coils(0, (False, False)).isError()  # any sequence, as in pymodbus
        with pytest.raises(TypeError):
            client.read_coils(0, 1)  # count is keyword-only in pymodbus too
        with pytest.raises(ValueError):
            client.link.request("close", 0, None)  # only Modbus reads and writes reach the grader's client
        data = encode(client, extra=lambda value: {TAG: "cb"} if isinstance(value, Exposed) else None)
    assert data == {TAG: "dc", "type": "grading.modbus_client:ModbusClient", "fields": {"link": {TAG: "cb"}}}
