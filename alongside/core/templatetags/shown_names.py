"""`{{ person|shown_name }}`: the one way a page shows a person to someone else.

A person's sign-in name is never shown to anyone but them; see
`alongside/accounts/shown_names.py`. An empty person (someone whose account has
closed) gives "", so a page can say what it likes with `|default:`."""

from __future__ import annotations

from django import template

from alongside.accounts.models import Person

register = template.Library()


@register.filter
def shown_name(person: Person | None) -> str:
    if person is None:
        return ""
    return person.shown_name
