"""Who may see or do what with organisations. The only place that decides.

Rules answer 404 (not 403) when the person has no role in the organisation, so that
nobody learns which organisations exist.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from alongside.accounts.models import Person

from .models import (
    ROLES_IN_ORDER,
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


def people_visible_to(
    person: Person, organisation: Organisation, *, search: str = ""
) -> models.QuerySet[OrganisationRole]:
    """The organisation's people with their roles, for its admins (none for anyone
    else): admins first, then supervisors, facilitators, peer supporters and peers,
    each by the name the team sees, then by when they joined. `search` narrows to
    names containing it. Reads only; each row carries its person."""
    if not can_manage_organisation(person, organisation):
        return OrganisationRole.objects.none()
    roles = OrganisationRole.objects.filter(organisation=organisation).select_related(
        "person"
    )
    search = search.strip()
    if search:
        roles = roles.filter(person__known_as__icontains=search)
    return roles.annotate(
        rank=models.Case(
            *(
                models.When(role=role, then=models.Value(rank))
                for rank, role in enumerate(reversed(ROLES_IN_ORDER))
            ),
            default=models.Value(len(ROLES_IN_ORDER)),
        )
    ).order_by("rank", "person__known_as", "created_at", "pk")


def role_change_refusal(person: Person, place: OrganisationRole, new_role: str) -> str:
    """Why the person may not give `place` the new role, in plain words; empty when
    they may. Only the organisation's admins change roles, and any role may be given
    (admin too). An organisation always keeps at least one admin: the last one
    cannot be given another role, by someone else or by themselves. An admin may
    step down themselves while another admin remains. Reads only."""
    if not can_manage_organisation(person, place.organisation):
        return "Only the organisation's admins can change someone's role."
    if new_role not in Role.values:
        return "Please choose one of the roles."
    if place.role == Role.ADMIN and new_role != Role.ADMIN:
        others = (
            OrganisationRole.objects.filter(
                organisation=place.organisation, role=Role.ADMIN
            )
            .exclude(pk=place.pk)
            .exists()
        )
        if not others:
            if place.person_id == person.pk:
                return (
                    "You are the organisation's only admin. Make someone else an "
                    "admin first, then you can step down."
                )
            return (
                "They are the organisation's only admin. Make someone else an admin "
                "first."
            )
    return ""


def can_change_role(person: Person, place: OrganisationRole, new_role: str) -> bool:
    """Whether role_change_refusal finds nothing in the way."""
    return not role_change_refusal(person, place, new_role)


def check_change_role(person: Person, place: OrganisationRole, new_role: str) -> None:
    """Raises Http404 unless the person manages the place's organisation (so that
    nobody else learns who is in it), and PermissionDenied with the reason in plain
    words when the change is not allowed. No side effects."""
    check_manage_organisation(person, place.organisation)
    refusal = role_change_refusal(person, place, new_role)
    if refusal:
        raise PermissionDenied(refusal)
