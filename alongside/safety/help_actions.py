"""A supporter's "I need help now": raised as an escalation, so that it goes through
the one escalation path (`actions.py`): the people on duty (the rota included), the
organisation's chain and its background task, the live alert, the email and
acknowledging. It holds no words: the supporter does not have to say why.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.supporters.permissions import current_supervisor_of

from .actions.duty import on_duty_in
from .actions.escalations import (
    log_event,
    next_step_people,
    schedule_move_up,
    send_alert,
)
from .actions.shared import tell_staff
from .help_permissions import check_ask_for_help_now, own_help_calls
from .models import Escalation, EscalationReason, EscalationStatus, EventKind


@transaction.atomic
def ask_for_help_now(
    *, person: Person, organisation: Organisation, now: datetime | None = None
) -> Escalation:
    """A supporter calls for help now. It reaches their own supervisor and whoever
    is on duty (never the person calling), live and in their inbox. Unanswered
    within five minutes (or the chain's wait, when shorter), it moves up the
    organisation's escalation chain, and then to its supervisors and admins. A call
    still open is given back rather than sent twice (a double click)."""
    check_ask_for_help_now(person, organisation)
    now = now or timezone.now()
    existing = (
        own_help_calls(person, organisation)
        .filter(status=EscalationStatus.ALERTING)
        .first()
    )
    if existing is not None:
        return existing
    return raise_about_a_supporter(
        organisation=organisation,
        supporter=person,
        reason=EscalationReason.SUPPORTER_HELP,
        now=now,
    )


def raise_about_a_supporter(
    *,
    organisation: Organisation,
    supporter: Person,
    reason: str,
    now: datetime,
) -> Escalation:
    """Raise an alert about a supporter's own safety (a call for help, a missed
    check-out): to their supervisor and whoever is on duty, never to them, then up
    the chain. The caller has checked permission, and runs inside its transaction."""
    escalation = Escalation.objects.create(
        organisation=organisation,
        reason=reason,
        person_at_risk=supporter,
        created_at=now,
    )
    log_event(escalation, EventKind.RAISED)
    tell_staff(organisation.pk)
    supervisor = current_supervisor_of(supporter, organisation)
    people = [supervisor] if supervisor is not None else []
    people += [p for p in on_duty_in(organisation) if p not in people]
    people = [p for p in people if p.pk != supporter.pk]
    if not people:
        found = next_step_people(escalation, 0)
        if found is not None:
            escalation.level, people = found
    if people:
        send_alert(escalation, people)
        schedule_move_up(escalation, now)
    else:
        log_event(escalation, EventKind.NO_ONE_LEFT)
    return escalation
