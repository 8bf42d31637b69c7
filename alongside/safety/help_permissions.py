"""Who may call for help now as a supporter, see their own calls, and see and answer
a call that reached them. The only place that decides about supporters' calls for
help; an answer is the escalation's own acknowledgement (`permissions.can_acknowledge`).
"""

from __future__ import annotations

from django.db import models
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.supporters.permissions import can_ask_for_help

from .models import Escalation, EscalationReason
from .permissions import escalations_visible_to


def can_ask_for_help_now(person: Person, organisation: Organisation) -> bool:
    """Any supporter of the organisation, for themselves (supporters' rule)."""
    return can_ask_for_help(person, organisation)


def check_ask_for_help_now(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_ask_for_help_now. No side effects."""
    if not can_ask_for_help_now(person, organisation):
        raise Http404


def own_help_calls(
    person: Person, organisation: Organisation
) -> models.QuerySet[Escalation]:
    """The person's own calls for help now in the organisation: only they see these
    as the asker (those it reached see them through escalations_visible_to)."""
    if not person.is_authenticated:
        return Escalation.objects.none()
    return Escalation.objects.filter(
        organisation=organisation,
        person_at_risk=person,
        reason=EscalationReason.SUPPORTER_HELP,
    )


def get_help_alert_for(person: Person, escalation_id: int) -> Escalation:
    """A call for help, or a supporter's missed check-out, that reached the person
    (escalations_visible_to); 404 otherwise, also when missing, and for the
    supporter it is about."""
    try:
        return escalations_visible_to(person).get(
            pk=escalation_id,
            reason__in=[
                EscalationReason.SUPPORTER_HELP,
                EscalationReason.LONE_WORKING,
            ],
        )
    except Escalation.DoesNotExist:
        raise Http404 from None
