"""The apps depend downwards, in the order docs/architecture.md gives, and no two
modules import each other (directly or round a longer circle).

The order is read from the numbered list under "Dependency order" in the document,
so that the document and the code cannot drift apart: a new app needs its line
there before this test passes. Every import counts, also one inside a function or
under TYPE_CHECKING, because each ties the two modules together all the same. Tests
and migrations are left out: tests build worlds from every app's factories, and
migrations are history.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

from django.conf import settings

PACKAGE = Path(__file__).resolve().parents[2]
ARCHITECTURE = Path(settings.BASE_DIR) / "docs" / "architecture.md"
NOT_CODE = {"tests", "migrations"}


def documented_layers(path: Path = ARCHITECTURE) -> dict[str, int]:
    """{app: layer}, 1 at the bottom, from the numbered list after the
    "## Dependency order" heading."""
    text = path.read_text()
    section = text.split("## Dependency order", 1)[1].split("\n## ", 1)[0]
    layers: dict[str, int] = {}
    for line in section.splitlines():
        match = re.match(r"(\d+)\. (.*)", line)
        if match:
            for app in re.findall(r"`([a-z_]+)`", match[2]):
                layers[app] = int(match[1])
    return layers


def app_names() -> set[str]:
    return {
        path.name
        for path in PACKAGE.iterdir()
        if path.is_dir() and (path / "__init__.py").exists()
    }


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def code_modules() -> dict[str, Path]:
    """Every module of an app (not the `alongside` package itself), by dotted name."""
    return {
        _module_name(path): path
        for path in PACKAGE.glob("*/**/*.py")
        if not NOT_CODE & set(path.relative_to(PACKAGE).parts)
    }


def imports_of(name: str, path: Path) -> set[str]:
    """Every `alongside` module or name the module imports, as dotted names."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {target for target in found if target.startswith("alongside.")}


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports."""
    modules = code_modules()
    return {
        name: {
            target
            for target in imports_of(name, path)
            if target in modules and target != name
        }
        for name, path in modules.items()
    }


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a circle
    (strongly connected components of two or more, by Tarjan's algorithm)."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = lowest[module] = len(index)
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in index:
                visit(target)
                lowest[module] = min(lowest[module], lowest[target])
            elif target in stack:
                lowest[module] = min(lowest[module], index[target])
        if lowest[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(found)


def upward_imports(graph: dict[str, set[str]], layers: dict[str, int]) -> list[str]:
    found: defaultdict[str, set[str]] = defaultdict(set)
    for module, targets in graph.items():
        app = module.split(".")[1]
        for target in targets:
            other = target.split(".")[1]
            if other != app and layers.get(other, 0) > layers.get(app, 0):
                found[module].add(target)
    return [
        f"{module} imports {target} ({target.split('.')[1]} is above "
        f"{module.split('.')[1]})"
        for module, targets in sorted(found.items())
        for target in sorted(targets)
    ]


def test_the_document_gives_every_app_a_place_in_the_order() -> None:
    layers = documented_layers()

    assert set(layers) == app_names(), (
        f"apps missing from the order: {sorted(app_names() - set(layers))}; "
        f"named there but not apps: {sorted(set(layers) - app_names())}"
    )


def test_no_app_imports_an_app_above_it() -> None:
    assert upward_imports(import_graph(), documented_layers()) == []


def test_no_two_modules_import_each_other() -> None:
    assert circles(import_graph()) == []


def test_the_checks_notice_an_upward_import_and_a_circle() -> None:
    graph = {
        "alongside.core.views": {"alongside.safety.models"},
        "alongside.safety.actions": {"alongside.safety.tasks"},
        "alongside.safety.tasks": {"alongside.safety.actions"},
    }
    layers = {"core": 1, "safety": 2}

    assert upward_imports(graph, layers) == [
        "alongside.core.views imports alongside.safety.models (safety is above core)"
    ]
    assert circles(graph) == [["alongside.safety.actions", "alongside.safety.tasks"]]
