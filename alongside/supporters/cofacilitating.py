"""Co-facilitating: where facilitating needs training, a new facilitator leads
alone (starts a group of their own) only after co-facilitating three held meetings
alongside an experienced facilitator. Read-only rules; `permissions.py` applies
them at the facilitating gate, and `facilitating.py` keeps the records.

Experienced means: the organisation's supervisors and admins (SUPERVISING_ROLES:
practitioners, who also train and supervise), and anyone who has co-facilitated the
three meetings.
An organisation that needs no training for facilitating has no co-facilitating.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from alongside.accounts.models import Person
from alongside.organisations.models import (
    SUPERVISING_ROLES,
    Organisation,
    OrganisationRole,
)

from .facilitating_models import CO_FACILITATED_TO_LEAD_ALONE, FacilitatedMeeting
from .models import Gate, TrainingModule


class StillCoFacilitating(PermissionDenied):
    """Refused because the person is still co-facilitating; says how far along."""


def co_facilitated_count(person: Person, organisation: Organisation) -> int:
    """Held meetings the person facilitated alongside an experienced facilitator."""
    return (
        FacilitatedMeeting.objects.alongside_experienced()
        .filter(person=person, organisation=organisation)
        .count()
    )


def is_experienced_facilitator(person: Person, organisation: Organisation) -> bool:
    """Leads alone, and so counts as experienced beside someone co-facilitating."""
    if (
        not TrainingModule.objects.filter(organisation=organisation)
        .needed_for(Gate.FACILITATE)
        .exists()
    ):
        return True
    if OrganisationRole.objects.filter(
        organisation=organisation, person=person, role__in=SUPERVISING_ROLES
    ).exists():
        return True
    return co_facilitated_count(person, organisation) >= CO_FACILITATED_TO_LEAD_ALONE


def is_co_facilitating(person: Person, organisation: Organisation) -> bool:
    return person.is_authenticated and not is_experienced_facilitator(
        person, organisation
    )


def co_facilitating_reason(person: Person, organisation: Organisation) -> str:
    """Why the person cannot lead alone yet, in plain words; empty when they can."""
    if not is_co_facilitating(person, organisation):
        return ""
    done = co_facilitated_count(person, organisation)
    return (
        "You are co-facilitating for now: you lead alone once you have "
        f"co-facilitated {CO_FACILITATED_TO_LEAD_ALONE} meetings alongside an "
        f"experienced facilitator. So far: {done} of {CO_FACILITATED_TO_LEAD_ALONE}. "
        "A facilitator of the group records who facilitated each meeting on the "
        "meeting's page, once it has happened."
    )


def check_leads_alone(person: Person, organisation: Organisation) -> None:
    """Raises StillCoFacilitating (a PermissionDenied with the plain reason) while
    the person is co-facilitating. No side effects."""
    reason = co_facilitating_reason(person, organisation)
    if reason:
        raise StillCoFacilitating(reason)


def facilitators_recorded_for(occurrence_id: int) -> list[int]:
    """Who is recorded as having facilitated a meeting (ids, for its form). Who
    facilitated is a record of work, seen by the group's facilitators."""
    return list(
        FacilitatedMeeting.objects.filter(occurrence_id=occurrence_id).values_list(
            "person_id", flat=True
        )
    )
