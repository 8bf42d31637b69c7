"""What the page confirming a change of someone's role says about the people they
support one to one."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from alongside.organisations.models import SUPPORTER_ROLES, OrganisationRole
from alongside.organisations.role_changes import StillHeld

from .models import Match


def still_supporting(
    sender: object,
    place: OrganisationRole,
    new_role: str,
    is_self: bool = False,
    **kwargs: Any,
) -> StillHeld | None:
    """A supporter given a role that does not support keeps their active pairs:
    ending a pair at once could leave someone in distress without a word. The
    confirming page says how many, and that their endings need planning, with a link
    to the coordinators' page of one-to-one support; spoken to the person when an
    admin steps down (`is_self`). No permission check: the caller is that page,
    behind the organisation's admin check."""
    if place.role not in SUPPORTER_ROLES or new_role in SUPPORTER_ROLES:
        return None
    pairs = (
        Match.objects.active()
        .filter(organisation_id=place.organisation_id, supporter_id=place.person_id)
        .count()
    )
    if not pairs:
        return None
    people = "person" if pairs == 1 else "people"
    if is_self:
        # A role that does not support is no coordinator either, so the person
        # plans the endings with a coordinator rather than as one.
        sentence = (
            f"You support {pairs} {people} one to one here, and changing your role "
            "does not end those pairs: ending one suddenly could leave someone "
            "without support when they need it. The pairs go on until each is ended "
            "well, so please plan those endings with a coordinator."
        )
    else:
        sentence = (
            f"They support {pairs} {people} one to one here, and changing their role "
            "does not end those pairs: ending one suddenly could leave someone "
            "without support when they need it. The pairs go on until each is ended "
            "well, so please plan those endings with them as a coordinator."
        )
    return StillHeld(
        sentence=sentence,
        link=reverse(
            "buddying:coordinate",
            kwargs={"organisation_slug": place.organisation.slug},
        ),
        link_text="One-to-one support, for coordinators",
    )
