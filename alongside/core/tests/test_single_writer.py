"""One writer per model, and one place that decides: in the apps named below, only
the modules of the app's `actions` package change a model, and only the modules of
its `permissions` package hold rules.

A change is a call to `save`, `delete`, `create`, `get_or_create`,
`update_or_create`, `bulk_create` or `bulk_update`, or `update` on a query (never
on a plain dictionary). A rule is a function named as the style guide names them:
`can_*`, `*_visible_to` or `get_*_for`. Tests and migrations are left out, and so
is the demo data, which sets up history (a match that started weeks ago) that no
action could make today. An app joins by adding its name to `APPS`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
APPS = ["buddying"]
NOT_CODE = {"tests", "migrations"}
DEMO = re.compile(r"^(demo|demo_\w+|\w+_demo)\.py$")
WRITES = {
    "save",
    "delete",
    "create",
    "get_or_create",
    "update_or_create",
    "bulk_create",
    "bulk_update",
}
RULE = re.compile(r"^(can_\w+|\w+_visible_to|get_\w+_for)$")


def writes_in(source: str) -> list[str]:
    """Each call in the source that changes a model, as "line: name"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name, receiver = node.func.attr, node.func.value
        # `x.update(...)` on a plain name is a dictionary or a set; on a query it
        # is `Model.objects.update()` or `....filter(...).update()`.
        on_query = isinstance(receiver, ast.Call) or (
            isinstance(receiver, ast.Attribute) and receiver.attr == "objects"
        )
        if name in WRITES or (name == "update" and on_query):
            found.append(f"{node.lineno}: {name}")
    return found


def rules_in(source: str) -> list[str]:
    """Each top-level function in the source named as a permission rule."""
    return [
        node.name
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and RULE.match(node.name)
    ]


def modules_outside(app: str, package: str) -> dict[str, str]:
    """{path: source} of the app's modules outside its `package` (and outside
    tests, migrations and the demo data)."""
    root = PACKAGE / app
    return {
        str(path.relative_to(PACKAGE)): path.read_text()
        for path in root.rglob("*.py")
        if not (NOT_CODE | {package}) & set(path.relative_to(root).parts)
        and not DEMO.match(path.name)
    }


def test_the_checks_see_a_write_and_a_rule() -> None:
    source = (
        "def can_do(person, thing):\n"
        "    return True\n"
        "def view(request, thing):\n"
        "    settings = {}\n"
        "    settings.update(a=1)\n"
        "    thing.save(update_fields=['a'])\n"
        "    Thing.objects.filter(pk=1).update(a=2)\n"
        "    Thing.objects.create(a=3)\n"
    )
    assert writes_in(source) == ["6: save", "7: update", "8: create"]
    assert rules_in(source) == ["can_do"]


@pytest.mark.parametrize("app", APPS)
def test_only_the_actions_package_changes_a_model(app: str) -> None:
    assert (PACKAGE / app / "actions" / "__init__.py").exists()
    writers = {
        path: found
        for path, source in modules_outside(app, "actions").items()
        if (found := writes_in(source))
    }
    assert writers == {}, f"move these writes into {app}/actions/: {writers}"


@pytest.mark.parametrize("app", APPS)
def test_only_the_permissions_package_holds_rules(app: str) -> None:
    assert (PACKAGE / app / "permissions" / "__init__.py").exists()
    rules = {
        path: found
        for path, source in modules_outside(app, "permissions").items()
        if (found := rules_in(source))
    }
    assert rules == {}, f"move these rules into {app}/permissions/: {rules}"
