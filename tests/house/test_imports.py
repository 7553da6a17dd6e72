"""The house rules of the import graph: no cycles, and the plant core never looks upward.

The core (scenes, the PLC, the plant) is what every adapter builds on: the desktop window,
the Modbus server, the commands, the grader. If the core imported one of them, even lazily
inside a function or only for type hints, a new plant kind could not be written or tested
without the whole tree, and a change in a window could break a simulation.

The command line (:mod:`sflab`) is the top: it imports every package and none imports it.
Every import is an import statement, so the graph read from the source is the whole graph.
"""

from __future__ import annotations

import pytest

from tests.house.imports import PACKAGES, cycles, import_graph, imports_by_string, module_files

#: The core and what it must never import.
CORE = ("simulator.plant", "simulator.plc", "simulator.scenes")
ADAPTERS = ("simulator.viz", "simulator.modbus", "grading", "curriculum", "sflab")
#: Layers below others, what they must not import, and the one exception: scenes are data (no PLC
#: runtime, no plant; a scene's I/O map is written in the PLC's tags), the PLC runs any field (no plant).
BELOW = {
    "simulator.scenes": (("simulator.plc", "simulator.plant"), ("simulator.plc.tags",)),
    "simulator.plc": (("simulator.plant",), ()),
}

#: What a notebook's test cells run — the labs' checks and the trusted pass that decides their points.
#: None of it imports the course tools (:mod:`grading.course`), which only the teacher runs.
CHECKS = (
    *("grading.labs", "grading.runner", "grading.rules", "grading.tracing", "grading.checks", "grading.answers"),
    *("grading.messages", "grading.presets", "grading.isolation", "grading.trusted", "grading.remote"),
    *("grading.student_process", "grading.student_worker", "grading.channel", "grading.wire", "grading.scan_ahead"),
    *("grading.sandbox",),
)

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


def _imports_from(package: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    """Every import by a module of ``package`` of a module inside one of ``forbidden`` (except ``allowed``)."""
    return [
        f"{module}:{line} imports {target}"
        for module, edges in GRAPH.items()
        if _inside(module, package)
        for target, line in edges.items()
        if any(_inside(target, other) for other in forbidden) and target not in allowed
    ]


@pytest.mark.parametrize("core", CORE)
def test_the_core_imports_no_adapter(core):
    upward = _imports_from(core, ADAPTERS)
    assert not upward, "\n".join(upward)


@pytest.mark.parametrize("layer", BELOW)
def test_lower_layers_do_not_import_higher_ones(layer):
    upward = _imports_from(layer, *BELOW[layer])
    assert not upward, "\n".join(upward)


@pytest.mark.parametrize("checks", CHECKS)
def test_what_test_cells_run_imports_no_course_tool(checks):
    tools = _imports_from(checks, ("grading.course",))
    assert not tools, "\n".join(tools)


def test_the_plants_frame_knows_no_kind_but_through_the_registry():
    """A new kind is new files: the frame (simulator.plant's own modules) names no kind's package.

    Only the registry (``simulator.plant.kinds``) lists them, and the package's ``__init__``
    re-exports the conveyor line's record types for older code.
    """
    kinds = ("simulator.plant.conveyor",)
    frame = [m for m in GRAPH if _inside(m, "simulator.plant") and not any(_inside(m, k) for k in kinds)]
    named = [
        f"{module}:{line} imports {target}"
        for module in frame
        if module not in ("simulator.plant", "simulator.plant.kinds")
        for target, line in GRAPH[module].items()
        if any(_inside(target, k) for k in kinds)
    ]
    assert not named, "\n".join(named)


def test_the_graph_sees_the_whole_project():
    assert len(GRAPH) > 100
    assert "simulator.plant.plant" in GRAPH["simulator.plant"]
    assert "simulator.plc.runtime" in GRAPH["simulator.plant.plant"]


def test_no_module_names_another_in_a_string_to_import_it():
    """Project modules are imported by import statements, never by a name in a string.

    ``importlib.import_module("grading.labs.l01")`` or ``__import__("simulator.viz")`` is an
    edge the graph above cannot see: a cycle or an upward import through it would pass every
    rule here. So a string literal (or f-string) passed to ``import_module`` or ``__import__``
    must not name a module of the project. The one exception is a package's ``__init__``
    loading its own submodules on first use (PEP 562 lazy exports, as :mod:`simulator.modbus`
    does): the package and its submodules are one node to the rules above. A module name held
    in a variable (``_EXPORTS[name]``, a check's module passed to :mod:`grading.isolation`) is
    not seen here and is not an edge of the source either.
    """
    files = module_files()
    hidden = []
    for module, path in files.items():
        own = module + "." if path.name == "__init__.py" else None
        for name, line in imports_by_string(path, module):
            if name.split(".")[0] not in PACKAGES or (own and name.startswith(own)):
                continue
            hidden.append(f"{module}:{line} imports {name!r} by a string: use an import statement")
    assert not hidden, "\n".join(hidden)


def test_the_command_line_is_imported_by_no_package():
    below = [
        f"{module}:{line} imports {target}"
        for module, edges in GRAPH.items()
        if not _inside(module, "sflab")
        for target, line in edges.items()
        if _inside(target, "sflab")
    ]
    assert not below, "the command line is the top: " + "\n".join(below)


def test_the_command_line_registers_every_command_module():
    commands = {module for module in GRAPH if module.startswith("sflab.commands.")}
    assert commands, "no modules in sflab.commands"
    assert not commands - set(GRAPH["sflab.cli"]), "sflab.cli must import every command module"
