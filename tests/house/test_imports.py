"""The house rules of the import graph: no cycles, and the plant core never looks upward.

The core (scenes, the PLC, the plant) is what every adapter builds on: the desktop window,
the Modbus server, the commands, the grader. If the core imported one of them, even lazily
inside a function or only for type hints, a new plant kind could not be written or tested
without the whole tree, and a change in a window could break a simulation.
"""

from __future__ import annotations

import pytest

from tests.house.imports import cycles, import_graph

#: The core and what it must never import.
CORE = ("simulator.plant", "simulator.plc", "simulator.scenes")
ADAPTERS = ("simulator.viz", "simulator.modbus", "simulator.commands", "simulator.cli", "grading", "curriculum")
#: Layers below others, what they must not import, and the one exception: scenes are data (no PLC
#: runtime, no plant; a scene's I/O map is written in the PLC's tags), the PLC runs any field (no plant).
BELOW = {
    "simulator.scenes": (("simulator.plc", "simulator.plant"), ("simulator.plc.tags",)),
    "simulator.plc": (("simulator.plant",), ()),
}

GRAPH = import_graph()


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_no_module_imports_itself_round_a_cycle():
    found = cycles(GRAPH)
    described = [
        f"  {module}:{line} imports {target}"
        for group in found
        for module in group
        for target, line in GRAPH[module].items()
        if target in group
    ]
    assert not found, "import cycles:\n" + "\n".join(described)


@pytest.mark.parametrize("core", CORE)
def test_the_core_imports_no_adapter(core):
    upward = [
        f"{module}:{line} imports {target}"
        for module, edges in GRAPH.items()
        if _inside(module, core)
        for target, line in edges.items()
        if any(_inside(target, adapter) for adapter in ADAPTERS)
    ]
    assert not upward, "\n".join(upward)


@pytest.mark.parametrize("layer", BELOW)
def test_lower_layers_do_not_import_higher_ones(layer):
    upward = [
        f"{module}:{line} imports {target}"
        for module, edges in GRAPH.items()
        if _inside(module, layer)
        for target, line in edges.items()
        if any(_inside(target, higher) for higher in BELOW[layer][0]) and target not in BELOW[layer][1]
    ]
    assert not upward, "\n".join(upward)


def test_the_graph_sees_the_whole_project():
    assert len(GRAPH) > 100
    assert "simulator.plant.plant" in GRAPH["simulator.plant"]
    assert "simulator.plc.runtime" in GRAPH["simulator.plant.plant"]
