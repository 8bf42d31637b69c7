"""Template helpers for insights: the rows of a protected table, and the gentle
felt-safety prompt after a meeting. Reads only; the prompt asks permissions.py."""

from __future__ import annotations

from typing import Any

from django import template

from alongside.core.disclosure import Figure, Table

register = template.Library()


@register.simple_tag
def table_rows(table: Table) -> list[tuple[str, tuple[Figure, ...], Figure]]:
    """(label, cells, row total) for each row."""
    return list(zip(table.rows, table.cells, table.row_totals, strict=True))


@register.inclusion_tag("insights/_on_group_page.html", takes_context=True)
def insights_on_group_page(context: dict[str, Any], group: Any) -> dict[str, Any]:
    """For members: the felt-safety prompt after a meeting (when they may answer),
    and the ways to give feedback; for facilitators, where to read it."""
    from alongside.insights.permissions import (
        can_give_feedback,
        can_read_answers,
        meeting_to_ask_about,
    )

    person = context["request"].user
    if not getattr(person, "is_authenticated", False):
        return {}
    may_give = can_give_feedback(person, group)
    return {
        "group": group,
        "may_give": may_give,
        "may_read": can_read_answers(person, group),
        "occurrence": meeting_to_ask_about(person, group) if may_give else None,
    }


@register.inclusion_tag("insights/_on_organisation_page.html", takes_context=True)
def insights_on_organisation_page(
    context: dict[str, Any], organisation: Any
) -> dict[str, Any]:
    """A link to the dashboard, for those who may see it."""
    from alongside.insights.permissions import can_see_dashboard

    person = context["request"].user
    return {
        "organisation": organisation,
        "visible": getattr(person, "is_authenticated", False)
        and can_see_dashboard(person, organisation),
    }
