"""No import cycles among the modules of ``app``, ``db``, ``search`` and ``ui``.

Each file's syntax tree is read (nothing is imported): every ``import x`` and
``from x import y`` counts, at module level and inside functions, except those under
``if TYPE_CHECKING:`` (never run). A cycle fails the test, naming its modules in order.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "db", "search", "ui")

KNOWN_CYCLES: set[frozenset[str]] = set()
"""Pairs of modules allowed to import each other for now (being rewritten): their
imports of each other are left out of the graph. Empty it when they are fixed."""

Graph = dict[str, set[str]]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    """Every module of the packages checked, by dotted name."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that can run: anywhere but an ``if TYPE_CHECKING:`` body."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]))
        else:
            yield from _imports(node)


def _targets(
    node: ast.Import | ast.ImportFrom, name: str, path: Path, known: dict[str, Path]
) -> Iterator[str]:
    """The checked modules an import statement loads."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in known:
                yield alias.name
        return
    base = node.module or ""
    if node.level:  # relative: from the importing module's package
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, *([base] if base else [])])
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        if sub in known:  # from app import library
            yield sub
        elif base in known:
            yield base


def import_graph(skip: set[frozenset[str]] = KNOWN_CYCLES) -> Graph:
    """Module name to the checked modules it imports, without the pairs in ``skip``."""
    known = _modules()
    graph: Graph = {name: set() for name in known}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in _imports(tree):
            for target in _targets(node, name, path, known):
                if target != name and frozenset({name, target}) not in skip:
                    graph[name].add(target)
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """One cycle (a path back to its start) in each strongly connected group of modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_path_in(graph, group) for group in groups]


def _path_in(graph: Graph, group: set[str]) -> list[str]:
    """A shortest cycle through the first module (by name) of a connected group."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    for node in queue:
        for target in sorted(graph[node] & group):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no cycle through {start}")  # a connected group always has one


def test_no_import_cycles() -> None:
    found = [" -> ".join(cycle) for cycle in cycles(import_graph())]
    assert not found, "import cycles:\n" + "\n".join(found)


def test_known_cycles_name_modules_that_exist() -> None:
    modules = _modules()
    unknown = sorted(name for pair in KNOWN_CYCLES for name in pair if name not in modules)
    assert not unknown, f"KNOWN_CYCLES names modules that do not exist: {unknown}"


def test_a_cycle_is_found_and_named() -> None:
    graph = {"app.a": {"app.b"}, "app.b": {"app.c"}, "app.c": {"app.a"}, "app.d": {"app.a"}}
    assert cycles(graph) == [["app.a", "app.b", "app.c", "app.a"]]
    assert cycles({"app.a": {"app.b"}, "app.b": set()}) == []


WINDOW_PARTS = (
    "ui.window_search",
    "ui.window_selection",
    "ui.importer",
    "ui.index_rebuild",
    "ui.export_dialog",
    "ui.tasks",
)
"""The parts the main window holds: each is handed what it uses when it is made."""


def test_the_parts_of_the_window_do_not_import_the_window() -> None:
    """Not even for annotations: a part that names ``MainWindow`` reads the window's
    members instead of being handed them."""
    known = _modules()
    found = []
    for name in WINDOW_PARTS:
        path = known[name]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            imports = isinstance(node, ast.Import | ast.ImportFrom)
            if imports and "ui.main_window" in set(_targets(node, name, path, known)):
                found.append(f"{name} (line {node.lineno})")
    assert not found, "parts of the window importing ui.main_window: " + ", ".join(found)
