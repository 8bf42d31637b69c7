"""Recording and updating incidents."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.safety import aftercare
from alongside.safety.actions.escalations import take_up
from alongside.safety.actions.shared import tell_staff
from alongside.safety.models import (
    Escalation,
    EventKind,
    Incident,
    ModerationDecision,
)
from alongside.safety.permissions import (
    check_record_incident,
    check_update_incident,
)


@transaction.atomic
def record_incident(
    *,
    person: Person,
    organisation: Organisation,
    group: PeerGroup | None,
    category: str,
    severity: str,
    what_happened: str,
    actions_taken: str = "",
    outcome: str = "",
    follow_up: str = "",
    follow_up_by: date | None = None,
    occurred_at: datetime | None = None,
    escalation: Escalation | None = None,
    decision: ModerationDecision | None = None,
) -> Incident:
    """Record an incident in the recorder's own words, by hand or from an escalation
    or a moderation decision. The same incident sent again by the same person within
    a few minutes (a double click) is recorded once, so the rates stay true."""
    check_record_incident(person, organisation, group, about=escalation or decision)
    if escalation is not None and escalation.organisation_id != organisation.pk:
        raise PermissionDenied
    if decision is not None and decision.group.organisation_id != organisation.pk:
        raise PermissionDenied
    recent = Incident.objects.filter(
        organisation=organisation,
        recorded_by=person,
        group=group,
        category=category,
        severity=severity,
        escalation=escalation,
        decision=decision,
        created_at__gte=timezone.now() - timedelta(minutes=5),
    )
    for earlier in recent:
        # The words are sealed, so they are compared here rather than in the query.
        if (earlier.what_happened, earlier.actions_taken, earlier.outcome) == (
            what_happened,
            actions_taken,
            outcome,
        ):
            return earlier
    tell_staff(organisation.pk)
    aftercare.after_incident(person, organisation, severity)
    if escalation is not None:
        take_up(escalation, person, EventKind.INCIDENT)
    return Incident.objects.create(
        organisation=organisation,
        group=group,
        category=category,
        severity=severity,
        what_happened=what_happened,
        actions_taken=actions_taken,
        outcome=outcome,
        follow_up=follow_up,
        follow_up_by=follow_up_by,
        occurred_at=occurred_at or timezone.now(),
        escalation=escalation,
        decision=decision,
        recorded_by=person,
    )


@transaction.atomic
def update_incident(
    *,
    person: Person,
    incident: Incident,
    actions_taken: str,
    outcome: str,
    follow_up: str,
    follow_up_by: date | None,
) -> Incident:
    """Write what happened next, in the writer's own words. Anyone who may read the
    incident may add to it. An incident with its outcome written, and no follow-up
    date still to come, no longer keeps its post or its group from being deleted."""
    check_update_incident(person, incident)
    tell_staff(incident.organisation_id)
    incident.actions_taken = actions_taken
    incident.outcome = outcome
    incident.follow_up = follow_up
    incident.follow_up_by = follow_up_by
    incident.save(
        update_fields=["actions_taken", "outcome", "follow_up", "follow_up_by"]
    )
    return incident
