"""Every permission and action says what it needs and what it changes, in its
docstring, so that a reader does not have to work it out from the code.

Every app's `permissions.py` and `actions.py` is checked (or every module of a
`permissions` or `actions` package), found on disk so that a new app is checked
without being named here."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from types import ModuleType

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
RULEBOOKS = ("permissions", "actions")


def rulebook_modules() -> list[str]:
    """Dotted names of every app's permissions and actions modules."""
    names: list[str] = []
    for app in sorted(path for path in PACKAGE.iterdir() if path.is_dir()):
        for rulebook in RULEBOOKS:
            if (app / f"{rulebook}.py").exists():
                names.append(f"alongside.{app.name}.{rulebook}")
            for module in sorted((app / rulebook).glob("*.py")):
                stem = "" if module.stem == "__init__" else f".{module.stem}"
                names.append(f"alongside.{app.name}.{rulebook}{stem}")
    return names


def public_functions(module: ModuleType) -> list[str]:
    return [
        name
        for name, value in vars(module).items()
        if inspect.isfunction(value)
        and not name.startswith("_")
        and inspect.unwrap(value).__module__ == module.__name__
    ]


def test_every_app_with_rules_is_checked() -> None:
    names = rulebook_modules()
    assert "alongside.peergroups.permissions" in names
    assert "alongside.safety.actions" in names


@pytest.mark.parametrize("name", rulebook_modules())
def test_every_public_function_has_a_docstring(name: str) -> None:
    module = importlib.import_module(name)
    missing = [
        function
        for function in public_functions(module)
        if not (inspect.getdoc(getattr(module, function)) or "").strip()
    ]

    assert missing == []
