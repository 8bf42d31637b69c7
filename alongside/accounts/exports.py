"""What a person's data download holds from their account: staff-site groups and
permissions, email addresses, and which kinds of two-step sign-in are set up (never
the secrets). Used by alongside.privacy.registry."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from alongside.core.exports import Row, when

from .models import Person


def export_django_groups(person: Person) -> list[Row]:
    return [{"name": name} for name in person.groups.values_list("name", flat=True)]


def export_django_permissions(person: Person) -> list[Row]:
    return [
        {"codename": codename}
        for codename in person.user_permissions.values_list("codename", flat=True)
    ]


def export_email_addresses(person: Person) -> list[Row]:
    return [
        {"email": e.email, "verified": e.verified, "primary": e.primary}
        for e in EmailAddress.objects.filter(user=person)
    ]


def export_second_factor(person: Person) -> list[Row]:
    # Which kinds are set up and when: never the secret or the codes.
    return [
        {
            "kind": a.get_type_display(),
            "set_up_at": when(a.created_at),
            "last_used_at": when(a.last_used_at),
        }
        for a in Authenticator.objects.filter(user=person)
    ]
