"""The generated confidentiality statement, for any page that shows it (the join
page, the service page and the "What stays private" page)."""

from __future__ import annotations

from typing import Any

from django import template

from alongside.organisations.kinds import kind_meaning
from alongside.organisations.models import Organisation
from alongside.organisations.statement import statement_for

register = template.Library()


@register.inclusion_tag("organisations/_statement.html")
def confidentiality_statement(
    organisation: Organisation, heading_level: int = 2
) -> dict[str, Any]:
    """The statement's sections under headings one level below the page's, then
    the organisation's own words."""
    return {
        "organisation": organisation,
        "sections": statement_for(organisation),
        "heading": f"h{heading_level}",
    }


@register.simple_tag
def kind_of_service(organisation: Organisation) -> str:
    """One plain paragraph: what kind of service this is, for the person."""
    return kind_meaning(organisation)
