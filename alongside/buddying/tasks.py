"""Background work for one-to-one support: the check every five minutes for offers
left unanswered for 72 hours (they lapse and go to the next supporter), for
agreed in-person meetings with no check-out 30 minutes after their end (a
lone-working alert goes up the safety escalation chain), for agreed meetings just
ended (the peer is offered the check after the meeting, once; a meeting asked
but never agreed lapses and asks nothing of anyone), and for reminders four weeks and
one week before a planned end.

django-tasks has no cron. Each run queues the next when it finishes; the
`schedule_offer_checks` command (run by scripts/serve.sh at start-up) starts the
chain if nothing is waiting, and never queues twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

from alongside.core import recurring

from . import actions

EVERY = timedelta(minutes=5)


@task()
def check_offers() -> int:
    """Lapse offers past their 72 hours, alert missed check-outs and offer the
    checks after meetings, then queue the next check. Returns how many of all."""
    try:
        now = timezone.now()
        return (
            actions.lapse_expired_offers(now=now)
            + actions.alert_missed_check_outs(now=now)
            # Reminders before a planned end, once each (`actions/ending.py`).
            + actions.remind_of_endings(now=now)
            + actions.offer_checks_after_meetings(now=now)
        )
    finally:
        # Even if this run fails, the next is queued: the chain never breaks.
        schedule_offer_check()


def schedule_offer_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next check unless one is already waiting. Returns whether it queued."""
    when = run_after or timezone.now() + EVERY
    return recurring.queue_once(check_offers, run_after=when)
