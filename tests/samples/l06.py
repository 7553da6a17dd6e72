"""Prepared L06 submissions of mixed quality, with the score each must get.

The tests grade them to prove partial credit is exact: each wrong answer below is a
mistake students really make with Modbus (swapped tables, 1-based addresses, a forgotten
write), and each costs exactly the criteria that depend on it.

The map, number and read samples hand in step 4 (the sorter) unanswered: its Modbus runs are
nearly all of the lab's grading time, and those mistakes cannot touch it. They show their
mistake costs its own criterion while the other answered steps keep their points.
"""

from __future__ import annotations

from nbformat import NotebookNode

from grading.course.submissions import fill
from tests.samples.answers import sample_answers

#: Points per criterion of lab L06.
POINTS = {"l06_map": 2.0, "l06_number": 1.0, "l06_read": 2.0, "l06_sort": 3.0, "l06_counts": 2.0}

#: Input registers and holding registers swapped (04 ↔ 03): the commonest mix-up.
MAP_SWAPS_REGISTERS = """
def read_request(name):
    function_of_area = {"DO": 1, "M": 1, "DI": 2, "HR": 4, "AI": 3}
    tag = TAGS[name]
    return function_of_area[tag.area.value], tag.address
"""

#: Forgets that numbers start at 1: "40001" becomes address 1.
NUMBER_WITHOUT_MINUS_ONE = """
def parse_number(text):
    function_of_prefix = {"0": 1, "1": 2, "3": 4, "4": 3}
    return function_of_prefix[text[0]], int(text[1:])
"""

#: Reads with the 1-based numbers as addresses (inspect_eye at 7, temperature at 3 …).
READ_ONE_BASED = """
def read_status(client):
    eyes = client.read_discrete_inputs(7, count=2).bits
    forward = client.read_coils(3, count=1).bits[0]
    temperature = client.read_input_registers(3, count=1).registers[0]
    plastic = client.read_holding_registers(2, count=1).registers[0]
    return {
        "inspect_eye": eyes[0],
        "metal_prox": eyes[1],
        "sorter_forward": forward,
        "temperature_c": temperature / 10,
        "count_plastic": plastic,
    }
"""

_SORTER = """
class ModbusSorter:
    def __init__(self, client):
        self.client = client
        self.io = new_io()
        self.logic = SortingLineController()
        low, high = client.read_holding_registers(3, count=2).registers
        self.io.height_limit_low_mm = low
        self.io.height_limit_high_mm = high

    def scan(self):
        bits = self.client.read_discrete_inputs(0, count=len(DI_NAMES)).bits
        for name, value in zip(DI_NAMES, bits):
            setattr(self.io, name, value)
        self.io.height_raw = self.client.read_input_registers(0, count=1).registers[0]
        self.logic.scan(self.io)
        self.client.write_coils({first_coil}, [getattr(self.io, name) for name in DO_NAMES])
{counts}
"""

_WRITE_COUNTS = """
        counts = [self.io.count_metal, self.io.count_plastic, self.io.count_ng]
        self.client.write_registers(0, counts)
"""

#: Sorts right but never writes the counts back (the HMI shows zeros).
SORTER_WITHOUT_COUNTS = _SORTER.format(first_coil=0, counts="")
#: Writes the coils from address 1 (the 1-based number): the PLC answers exception 02, nothing moves.
SORTER_ONE_BASED_COILS = _SORTER.format(first_coil=1, counts=_WRITE_COUNTS.strip("\n"))

#: The sorter left as released (steps 4 and 5 earn nothing): see the module docstring.
NO_SORTER: dict[str, str | None] = {"l06_sort_answer": None}
#: Points when steps 4 and 5 are not answered.
WITHOUT_SORTER = {**POINTS, "l06_sort": 0.0, "l06_counts": 0.0}

#: Sample name → (answers replacing the model answers, None leaving an answer as released, or None for the
#: blank notebook; expected points).
SAMPLES: dict[str, tuple[dict[str, str | None] | None, dict[str, float]]] = {
    "full": ({}, dict(POINTS)),
    "blank": (None, dict.fromkeys(POINTS, 0.0)),
    "map_swapped": ({"l06_map_answer": MAP_SWAPS_REGISTERS, **NO_SORTER}, {**WITHOUT_SORTER, "l06_map": 0.0}),
    "number_off_by_one": (
        {"l06_number_answer": NUMBER_WITHOUT_MINUS_ONE, **NO_SORTER},
        {**WITHOUT_SORTER, "l06_number": 0.0},
    ),
    "read_one_based": ({"l06_read_answer": READ_ONE_BASED, **NO_SORTER}, {**WITHOUT_SORTER, "l06_read": 0.0}),
    "no_counts": ({"l06_sort_answer": SORTER_WITHOUT_COUNTS}, {**POINTS, "l06_counts": 0.0}),
    "coils_one_based": (
        {"l06_sort_answer": SORTER_ONE_BASED_COILS},
        {**POINTS, "l06_sort": 0.0, "l06_counts": 0.0},
    ),
}


def sample_notebook(name: str, source: NotebookNode, released: NotebookNode) -> NotebookNode:
    """The notebook a student handing in sample ``name`` would submit."""
    overrides, _ = SAMPLES[name]
    if overrides is None:
        return fill(released, {})
    return fill(released, sample_answers(source, overrides))
