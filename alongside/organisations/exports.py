"""What a person's data download holds from organisations: their roles, and the
invitations they created (never the codes). Used by alongside.privacy.registry."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.core.exports import Row, when

from .models import Invitation, OrganisationRole


def export_roles(person: Person) -> list[Row]:
    return [
        {
            "organisation": r.organisation.name,
            "role": r.get_role_display(),
            "since": when(r.created_at),
        }
        for r in OrganisationRole.objects.filter(person=person).select_related(
            "organisation"
        )
    ]


def export_invitations(person: Person) -> list[Row]:
    # The code itself is left out: a download can be shared by mistake, and a code
    # still in use would let someone in.
    return [
        {
            "organisation": i.organisation.name,
            "label": i.label,
            "role": i.get_role_display(),
            "uses": i.use_count,
            "max_uses": i.max_uses,
            "created_at": when(i.created_at),
            "expires_at": when(i.expires_at),
            "revoked_at": when(i.revoked_at),
        }
        for i in Invitation.objects.filter(created_by=person).select_related(
            "organisation"
        )
    ]
