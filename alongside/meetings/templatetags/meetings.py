"""Show a group's next meetings on the group page (another app's template) without
that app importing this one, and small filters for the meetings templates. Read-only:
every rule is asked of permissions.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

from alongside.peergroups.models import PeerGroup

from ..models import Venue
from ..permissions import can_see_meetings

register = template.Library()

ON_GROUP_PAGE = 3


@register.inclusion_tag("meetings/_on_group_page.html", takes_context=True)
def meetings_on_group_page(context: dict[str, Any], group: PeerGroup) -> dict[str, Any]:
    """The next few meetings the person may see, with joining details for members."""
    from ..views import meeting_context

    person = context["request"].user
    if not can_see_meetings(person, group):
        return {"visible": False}
    shown = meeting_context(person, group)
    shown["occurrences"] = shown["occurrences"][:ON_GROUP_PAGE]
    return {"visible": True, **shown}


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key, "")


@register.filter
def attr(venue: Venue, name: str) -> Any:
    return getattr(venue, name, "")


@register.filter
def checklist_current(venue: Venue, today: date) -> bool:
    return venue.checklist_is_current(today)
