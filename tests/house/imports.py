"""The project's import graph, read from the source with :mod:`ast` (nothing is imported)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The packages whose modules form the graph.
PACKAGES = ("sflab", "simulator", "grading", "curriculum")


def module_files() -> dict[str, Path]:
    """Dotted module name → file, for every module of :data:`PACKAGES`."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def imported_names(path: Path, module: str) -> Iterator[tuple[str, int]]:
    """(imported module, line) for every import in the file, at any depth (inside functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield base, node.lineno
            for alias in node.names:  # ``from simulator.plant import plant`` imports the submodule
                yield f"{base}.{alias.name}", node.lineno


#: Calls that import a module named by their first argument (``importlib.import_module``, ``__import__``).
IMPORT_CALLS = ("import_module", "__import__")


def imports_by_string(path: Path, module: str) -> Iterator[tuple[str, int]]:
    """(module name, line) for every import call whose name is written in the source as a string.

    A relative name (``".server"``) is resolved against the module's package; an f-string
    keeps its literal parts and shows each formatted part as ``{…}``. Names held in a
    variable are not seen: they are not written at the call.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        called = function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)
        if called not in IMPORT_CALLS:
            continue
        argument = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "name"), None)
        name = _literal_text(argument)
        if name is None:
            continue
        if name.startswith("."):
            dots = len(name) - len(name.lstrip("."))
            anchor = package.split(".")
            name = ".".join([*anchor[: len(anchor) - (dots - 1)], name[dots:]])
        yield name, node.lineno


def _literal_text(node: ast.expr | None) -> str | None:
    """The text of a string literal or f-string (formatted parts as ``{…}``), or None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else "{…}"
            for part in node.values
        )
    return None


def import_graph() -> dict[str, dict[str, int]]:
    """Module → {project module it imports → first line}."""
    files = module_files()
    graph: dict[str, dict[str, int]] = {}
    for module, path in files.items():
        edges: dict[str, int] = {}
        for name, line in imported_names(path, module):
            target = name
            while target and target not in files:
                target = target.rpartition(".")[0]
            if target and target != module:  # a package's own modules importing it count too
                edges.setdefault(target, line)
        graph[module] = edges
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found
