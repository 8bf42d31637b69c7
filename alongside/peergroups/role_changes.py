"""What the page confirming a change of someone's role says about their groups."""

from __future__ import annotations

from typing import Any

from alongside.organisations.models import STAFF_ROLES, OrganisationRole
from alongside.organisations.role_changes import StillHeld

from .models import Membership, PeerGroup


def still_facilitating(
    sender: object,
    place: OrganisationRole,
    new_role: str,
    is_self: bool = False,
    **kwargs: Any,
) -> StillHeld | None:
    """Where peers may facilitate, a staff role taken away leaves someone
    facilitating their groups, and so still seeing alerts and the words held for
    moderation there: the confirming page names those groups and offers to step them
    down too. (Where only staff facilitate, that happens anyway, and the page says
    so already.) Spoken to the person when an admin steps down (`is_self`). No
    permission check: the caller is that page, behind the
    organisation's admin check."""
    if place.role not in STAFF_ROLES or new_role in STAFF_ROLES:
        return None
    if place.organisation.requires_staff_facilitators:
        return None
    groups = (
        PeerGroup.objects.filter(
            organisation_id=place.organisation_id,
            memberships__in=Membership.objects.facilitating().filter(
                person_id=place.person_id
            ),
        )
        .distinct()
        .order_by("name")
    )
    names = tuple(group.name for group in groups)
    if not names:
        return None
    if is_self:
        sentence = (
            "You still facilitate these groups, as peers may facilitate groups here. "
            "Unless you step down from them too, you go on facilitating them, and so "
            "still see alerts when someone there may be at risk and the words held "
            "for moderation there:"
        )
    else:
        sentence = (
            "They still facilitate these groups, as peers may facilitate groups here. "
            "Unless you step them down too, they go on facilitating them, and so "
            "still see alerts when someone there may be at risk and the words held "
            "for moderation there:"
        )
    return StillHeld(
        sentence=sentence,
        names=names,
        offers_step_down=True,
    )
