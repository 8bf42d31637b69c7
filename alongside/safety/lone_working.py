"""A supporter who has not checked out of an in-person one-to-one meeting (lone
working): raised as an escalation, so that it goes through the one escalation path
(`actions.py`): their supervisor and the people on duty (the rota included), the
organisation's chain and its background task, the live alert, the email, the
staff Today page and acknowledging. It holds no words and never names the peer
they met: only the supporter, whose safety is the point.

The check that finds a missed check-out is one-to-one support's own
(`alongside.buddying.actions.alert_missed_check_outs`); it calls
`raise_lone_working_alert` here.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation

from .help_actions import raise_about_a_supporter
from .models import Escalation, EscalationReason


@transaction.atomic
def raise_lone_working_alert(
    *, organisation: Organisation, supporter: Person, now: datetime | None = None
) -> Escalation:
    """A system action, run by one-to-one support's regular check (no permission
    to check): alert that the supporter has not checked out of a meeting. It
    reaches their own supervisor and whoever is on duty (never the supporter),
    live and in their inbox, and shows on their Today page. Unacknowledged within
    five minutes (or the chain's wait, when shorter), it moves up the chain, and
    then to the organisation's supervisors and admins. One alert per meeting is
    the caller's to keep (it raises once per meeting)."""
    return raise_about_a_supporter(
        organisation=organisation,
        supporter=supporter,
        reason=EscalationReason.LONE_WORKING,
        now=now or timezone.now(),
    )
