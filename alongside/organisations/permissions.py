"""Who may see or do what with organisations. The only place that decides.

Rules answer 404 (not 403) when the person has no role in the organisation, so that
nobody learns which organisations exist.
"""

from __future__ import annotations

from django.http import Http404

from alongside.accounts.models import Person

from .models import (
    STAFF_ROLES,
    GroupCreation,
    Organisation,
    OrganisationQuerySet,
    OrganisationRole,
    Role,
)


def organisations_visible_to(person: Person) -> OrganisationQuerySet:
    """Organisations the person has a role in; none when not signed in. Reads only."""
    if not person.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.for_person(person)


def role_in(person: Person, organisation: Organisation) -> str | None:
    """The person's role in the organisation, or None (also when not signed in).
    Reads only."""
    if not person.is_authenticated:
        return None
    role = (
        OrganisationRole.objects.filter(organisation=organisation, person=person)
        .values_list("role", flat=True)
        .first()
    )
    return role


def is_staff(person: Person, organisation: Organisation | None = None) -> bool:
    """Whether the person is a facilitator, supervisor or admin of the organisation
    now (anywhere, when none is given); False when not signed in, and once their
    staff role is removed. Reads only."""
    if not person.is_authenticated:
        return False
    roles = OrganisationRole.objects.filter(person=person, role__in=STAFF_ROLES)
    if organisation is not None:
        roles = roles.filter(organisation=organisation)
    return roles.exists()


def get_organisation_for(person: Person, slug: str) -> Organisation:
    """The organisation with this slug, if the person belongs to it; otherwise 404
    (also when missing). Reads only."""
    try:
        return organisations_visible_to(person).get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None


def can_manage_organisation(person: Person, organisation: Organisation) -> bool:
    """Only the organisation's admins change its settings, invitations and help
    directory."""
    return role_in(person, organisation) == Role.ADMIN


def check_manage_organisation(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_manage_organisation, so that the page's existence is
    not confirmed. No side effects."""
    if not can_manage_organisation(person, organisation):
        raise Http404


def can_facilitate_in(person: Person, organisation: Organisation) -> bool:
    """Whether the person may be made, or become, a facilitator of a group in the
    organisation: anyone in it, unless it requires facilitators to be staff, when
    only facilitators, supervisors and admins may. Nobody outside it."""
    return _may_facilitate(role_in(person, organisation), organisation)


def _may_facilitate(role: str | None, organisation: Organisation) -> bool:
    if role is None:
        return False
    return not organisation.requires_staff_facilitators or role in STAFF_ROLES


def check_facilitate_in(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_facilitate_in. No side effects."""
    if not can_facilitate_in(person, organisation):
        raise Http404


def can_create_group(person: Person, organisation: Organisation) -> bool:
    """Who may start a group follows the organisation's choice: anyone in it, its
    staff, or its admins only. Nobody outside it. The person who starts a group is
    its first facilitator, so they must also be allowed to facilitate there."""
    role = role_in(person, organisation)
    if not _may_facilitate(role, organisation):
        return False
    if organisation.group_creation == GroupCreation.ANYONE:
        return True
    if organisation.group_creation == GroupCreation.STAFF:
        return role in STAFF_ROLES
    return role == Role.ADMIN


def check_create_group(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_create_group. No side effects."""
    if not can_create_group(person, organisation):
        raise Http404
