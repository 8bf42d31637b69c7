"""What a person's data download holds from groups: their memberships and display
names, and the names of the groups they may rightly see, which other apps' parts of
the download use. Used by alongside.privacy.registry."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.core.exports import Row, when

from .models import Membership


def group_names_of(person: Person) -> dict[int, str]:
    """Group names the person can rightly see: groups they have or had a place in."""
    return dict(
        Membership.objects.filter(person=person).values_list("group_id", "group__name")
    )


def export_memberships(person: Person) -> list[Row]:
    return [
        {
            "group": m.group.name,
            "display_name": m.display_name,
            "status": m.get_status_display(),
            "role": m.get_role_display(),
            "asked_or_joined_at": when(m.created_at),
            "joined_at": when(m.joined_at),
        }
        for m in Membership.objects.filter(person=person).select_related("group")
    ]
