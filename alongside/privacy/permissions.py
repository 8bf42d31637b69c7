"""Who may erase their account, and what has to happen first."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole, Role


def organisations_needing_another_admin(person: Person) -> list[Organisation]:
    """Organisations where the person is the only admin: erasing the account would
    leave nobody able to run the service."""
    administered = OrganisationRole.objects.filter(person=person, role=Role.ADMIN)
    return [
        role.organisation
        for role in administered.select_related("organisation")
        if not OrganisationRole.objects.filter(
            organisation=role.organisation, role=Role.ADMIN
        )
        .exclude(person=person)
        .exists()
    ]


def can_erase_account(person: Person) -> bool:
    """Anyone signed in erases their own account, unless an organisation would
    be left with no admin (another admin is needed first). Reads only."""
    return person.is_authenticated and not organisations_needing_another_admin(person)


def check_erase_account(person: Person) -> None:
    """Raise PermissionDenied, saying another admin is needed, unless
    can_erase_account. No side effects."""
    if not can_erase_account(person):
        raise PermissionDenied("Another admin is needed first.")
