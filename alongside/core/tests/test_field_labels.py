"""Field labels say "(optional)" once: the shared field template adds it to every
field that is not required, so a label that says it too reads it twice."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import alongside


def optional_fields() -> list[tuple[str, str]]:
    found = []
    for app in pkgutil.iter_modules(alongside.__path__):
        try:
            module = importlib.import_module(f"alongside.{app.name}.forms")
        except ModuleNotFoundError:
            continue
        for form_name, form in inspect.getmembers(module, inspect.isclass):
            if form.__module__ != module.__name__:
                continue
            if not issubclass(form, forms.BaseForm):
                continue
            for name, field in getattr(form, "base_fields", {}).items():
                if not field.required and field.label:
                    found.append((f"{form_name}.{name}", str(field.label)))
    return found


@pytest.mark.parametrize(("field", "label"), optional_fields())
def test_optional_field_labels_do_not_say_optional_themselves(
    field: str, label: str
) -> None:
    assert "(optional)" not in label, field
