"""Show a group's agreement on pages that belong to other apps (the group page and
the joining page) without those apps importing this one. Read-only: every rule is
asked of permissions.py."""

from __future__ import annotations

from typing import Any

from django import template

from alongside.peergroups.models import PeerGroup

from ..contents import contents_of
from ..models import Reading
from ..permissions import (
    can_take_part,
    can_view_agreement,
    has_confirmed_current_agreement,
    has_read_latest_version,
)

register = template.Library()


@register.inclusion_tag("agreements/_on_group_page.html", takes_context=True)
def agreement_on_group_page(
    context: dict[str, Any], group: PeerGroup
) -> dict[str, Any]:
    """The agreement's dates, and for someone in the group who has not confirmed it
    yet, the agreement itself with the two choices."""
    person = context["request"].user
    if not can_view_agreement(person, group):
        return {"visible": False}
    contents = contents_of(group)
    taking_part = can_take_part(person, group)
    reading = None
    if taking_part and contents.version is not None:
        reading = Reading.objects.filter(
            person=person, version=contents.version
        ).first()
    return {
        "visible": True,
        "group": group,
        "contents": contents,
        "taking_part": taking_part,
        "has_confirmed": has_confirmed_current_agreement(person, group),
        "has_read_latest": has_read_latest_version(person, group),
        "reading": reading,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("agreements/_while_joining.html", takes_context=True)
def agreement_while_joining(
    context: dict[str, Any], group: PeerGroup
) -> dict[str, Any]:
    """The current agreement, shown to someone deciding whether to join."""
    person = context["request"].user
    if not can_view_agreement(person, group):
        return {"visible": False}
    return {"visible": True, "group": group, "contents": contents_of(group)}
