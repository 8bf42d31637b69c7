"""The order of roles and the sets of roles (staff, supporting, supervising) are
defined once, beside Role, so that raising a role, confirming one taken away,
listing people and each app's rules cannot disagree."""

from __future__ import annotations

import ast
from pathlib import Path

from alongside.organisations.models import (
    ROLES_IN_ORDER,
    STAFF_ROLES,
    SUPERVISING_ROLES,
    SUPPORTER_ROLES,
    Role,
    role_rank,
)

PACKAGE = Path(__file__).resolve().parents[2]
HOME = PACKAGE / "organisations" / "models.py"


def test_every_role_has_one_place_in_the_order() -> None:
    assert sorted(ROLES_IN_ORDER) == sorted(Role)
    assert role_rank(Role.PEER) == 0
    assert role_rank(Role.ADMIN) == len(Role) - 1


def test_each_set_of_roles_holds_every_role_above_its_lowest() -> None:
    for roles in (STAFF_ROLES, SUPPORTER_ROLES, SUPERVISING_ROLES):
        lowest = min(role_rank(role) for role in roles)
        assert roles == set(ROLES_IN_ORDER[lowest:])


def _roles_named(node: ast.AST) -> int:
    """How many roles a list, tuple or set names directly (a mapping from roles, or
    a list of things that each have a role, is not a list of roles)."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"frozenset", "set", "tuple", "list"}
        and node.args
    ):
        node = node.args[0]
    if not isinstance(node, ast.List | ast.Tuple | ast.Set):
        return 0
    return sum(
        (
            isinstance(element, ast.Starred)
            and isinstance(element.value, ast.Name)
            and element.value.id.endswith("_ROLES")
        )
        or (
            isinstance(element, ast.Attribute)
            and isinstance(element.value, ast.Name)
            and element.value.id == "Role"
        )
        for element in node.elts
    )


# Rules of their own that happen to name roles, not copies of an order or set above.
OWN_RULES = {"insights/permissions.py:DASHBOARD_ROLES"}


def test_no_other_module_lists_the_roles_again() -> None:
    """A list, tuple or set of two roles or more assigned at module level is an
    order or a set of roles: only organisations/models.py keeps them."""
    elsewhere = []
    for path in PACKAGE.glob("*/**/*.py"):
        parts = set(path.relative_to(PACKAGE).parts)
        if path == HOME or parts & {"tests", "migrations"}:
            continue
        for node in ast.parse(path.read_text()).body:
            if not isinstance(node, ast.Assign | ast.AnnAssign):
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            name = target.id if isinstance(target, ast.Name) else ""
            where = f"{path.relative_to(PACKAGE)}:{name}"
            if (
                node.value is not None
                and _roles_named(node.value) >= 2
                and where not in OWN_RULES
            ):
                elsewhere.append(where)

    assert elsewhere == []
