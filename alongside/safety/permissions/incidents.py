"""Incidents: who records them, reads the log (all of it, or their own groups'),
and updates them."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups.permissions import is_facilitator_of

from ..models import Escalation, Incident, ModerationDecision


def _is_about(person: Person, source: Escalation | ModerationDecision | None) -> bool:
    """An alert about the person, or a decision about their own post."""
    if isinstance(source, Escalation):
        return source.person_at_risk_id == person.pk
    if isinstance(source, ModerationDecision):
        return source.post.author_id == person.pk
    return False


def can_record_incident(
    person: Person,
    organisation: Organisation,
    group: PeerGroup | None = None,
    *,
    about: Escalation | ModerationDecision | None = None,
) -> bool:
    """Admins and supervisors for the organisation; facilitators for their groups.
    Never from an alert about themselves or a decision about their own post: that
    record is for someone else on the team."""
    if about is not None and _is_about(person, about):
        return False
    role = role_in(person, organisation)
    if role in (Role.ADMIN, Role.SUPERVISOR):
        return group is None or group.organisation_id == organisation.pk
    if role != Role.FACILITATOR:
        return False
    if group is None:
        return True  # they choose one of their own groups on the form
    return group.organisation_id == organisation.pk and is_facilitator_of(person, group)


def check_record_incident(
    person: Person,
    organisation: Organisation,
    group: PeerGroup | None = None,
    *,
    about: Escalation | ModerationDecision | None = None,
) -> None:
    """Raise Http404 unless can_record_incident. No side effects."""
    if not can_record_incident(person, organisation, group, about=about):
        raise Http404


def can_see_all_incidents(person: Person, organisation: Organisation) -> bool:
    """Admins and supervisors read the organisation's whole incident log (and its
    rates, and record incidents in any of its groups); facilitators only their
    own groups'."""
    return role_in(person, organisation) in (Role.ADMIN, Role.SUPERVISOR)


def incidents_visible_to(
    person: Person, organisation: Organisation
) -> models.QuerySet[Incident]:
    """The organisation's incidents the person reads: all of them for its
    admins and supervisors; for facilitators, those in the groups they facilitate
    and those they recorded; none for anyone else."""
    role = role_in(person, organisation)
    incidents = Incident.objects.filter(organisation=organisation)
    if role in (Role.ADMIN, Role.SUPERVISOR):
        return incidents
    if role != Role.FACILITATOR:
        return Incident.objects.none()
    facilitated = Membership.objects.facilitating().filter(person=person)
    return incidents.filter(
        Q(recorded_by=person) | Q(group__in=facilitated.values("group"))
    )


def get_incident_for(
    person: Person, organisation: Organisation, incident_id: int
) -> Incident:
    """An incident the person may read (incidents_visible_to); 404 otherwise,
    also when missing."""
    try:
        return incidents_visible_to(person, organisation).get(pk=incident_id)
    except Incident.DoesNotExist:
        raise Http404 from None


def can_update_incident(person: Person, incident: Incident) -> bool:
    """Whoever may read an incident may write what happened next, unless it is
    about them (from an alert about them, or a decision about their post)."""
    if _is_about(person, incident.escalation) or _is_about(person, incident.decision):
        return False
    return (
        incidents_visible_to(person, incident.organisation)
        .filter(pk=incident.pk)
        .exists()
    )


def check_update_incident(person: Person, incident: Incident) -> None:
    """Raise Http404 unless can_update_incident. No side effects."""
    if not can_update_incident(person, incident):
        raise Http404
