"""Show a group's next meetings on the group page (another app's template) without
that app importing this one, and small filters for the meetings templates. Read-only:
every rule is asked of permissions.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

from alongside.organisations.models import Organisation
from alongside.peergroups.models import Membership, PeerGroup

from ..listing import meeting_context
from ..models import Venue
from ..permissions import can_manage_venues

register = template.Library()

ON_GROUP_PAGE = 3


@register.inclusion_tag("meetings/_on_group_page.html", takes_context=True)
def meetings_on_group_page(context: dict[str, Any], group: PeerGroup) -> dict[str, Any]:
    """The next few meetings the person may see, with joining details for members."""
    membership = context.get("membership")
    shown = meeting_context(
        context["request"].user,
        group,
        membership=membership if isinstance(membership, Membership) else None,
    )
    shown["occurrences"] = shown["occurrences"][:ON_GROUP_PAGE]
    return shown


@register.inclusion_tag("meetings/_on_organisation_page.html", takes_context=True)
def venues_on_organisation_page(
    context: dict[str, Any], organisation: Organisation
) -> dict[str, Any]:
    """A link to the organisation's venues, for the staff who keep them."""
    person = context["request"].user
    return {
        "visible": can_manage_venues(person, organisation),
        "organisation": organisation,
    }


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key, "")


@register.filter
def attr(venue: Venue, name: str) -> Any:
    return getattr(venue, name, "")


@register.filter
def checklist_current(venue: Venue, today: date) -> bool:
    return venue.checklist_is_current(today)
