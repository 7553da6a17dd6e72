"""simulator.plc.blocks gathers every standard block from its own module."""

from __future__ import annotations

import inspect
from types import ModuleType

import pytest

from simulator.plc import bistables, blocks, counters, edges, timers

STANDARD_BLOCKS = ["TON", "TOF", "TP", "CTU", "CTD", "CTUD", "R_TRIG", "F_TRIG", "SR", "RS"]


def test_blocks_has_the_ten_standard_blocks() -> None:
    assert set(STANDARD_BLOCKS) <= set(blocks.__all__)


@pytest.mark.parametrize("module", [timers, counters, edges, bistables], ids=lambda module: module.__name__)
def test_blocks_re_exports_every_block_of(module: ModuleType) -> None:
    block_classes = {
        name: value
        for name, value in vars(module).items()
        if inspect.isclass(value) and value.__module__ == module.__name__
    }
    assert block_classes

    for name, block_class in block_classes.items():
        assert name in blocks.__all__
        assert getattr(blocks, name) is block_class


@pytest.mark.parametrize("name", STANDARD_BLOCKS)
def test_block_rejects_a_misspelled_attribute(name: str) -> None:
    # __slots__ turns a typo such as ``ton.q = True`` into an error instead of
    # a new attribute that nothing reads.
    block = getattr(blocks, name)()

    with pytest.raises(AttributeError):
        block.q = True
