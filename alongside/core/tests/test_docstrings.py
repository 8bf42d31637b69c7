"""Every permission and action says what it needs and what it changes, in its
docstring, so that a reader does not have to work it out from the code."""

from __future__ import annotations

import inspect
from types import ModuleType

import pytest

from alongside.meetings import actions as meeting_actions
from alongside.meetings import permissions as meeting_permissions
from alongside.notifications import actions as notification_actions
from alongside.organisations import actions as organisation_actions
from alongside.organisations import permissions as organisation_permissions
from alongside.peergroups import actions as group_actions
from alongside.peergroups import permissions as group_permissions

MODULES = [
    group_permissions,
    organisation_permissions,
    organisation_actions,
    notification_actions,
    group_actions,
    meeting_actions,
    meeting_permissions,
]


def public_functions(module: ModuleType) -> list[str]:
    return [
        name
        for name, value in vars(module).items()
        if inspect.isfunction(value)
        and not name.startswith("_")
        and inspect.unwrap(value).__module__ == module.__name__
    ]


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_every_public_function_has_a_docstring(module: ModuleType) -> None:
    missing = [
        name
        for name in public_functions(module)
        if not (inspect.getdoc(getattr(module, name)) or "").strip()
    ]

    assert missing == []
