"""The generated confidentiality statement, for any page that shows it (the join
page, the service page and the "What stays private" page)."""

from __future__ import annotations

from typing import Any

from django import template

from alongside.organisations.contradictions import contradictions_in
from alongside.organisations.kinds import kind_meaning
from alongside.organisations.models import Organisation
from alongside.organisations.statement import statement_for

register = template.Library()


@register.inclusion_tag("organisations/_statement.html")
def confidentiality_statement(
    organisation: Organisation, heading_level: int = 2
) -> dict[str, Any]:
    """The statement's sections under headings one level below the page's, then
    the organisation's own words. Words saved before they were checked, which the
    statement contradicts, are left out until an admin changes them (the settings
    page says so)."""
    own_words = organisation.confidentiality_statement
    return {
        "organisation": organisation,
        "sections": statement_for(organisation),
        "heading": f"h{heading_level}",
        "own_words": "" if contradictions_in(own_words) else own_words,
    }


@register.simple_tag
def kind_of_service(organisation: Organisation) -> str:
    """One plain paragraph: what kind of service this is, for the person."""
    return kind_meaning(organisation)
