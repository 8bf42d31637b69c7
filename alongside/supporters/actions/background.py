"""The supporters' daily check, run by the background worker; it queues its own
next run when it finishes, and `manage.py schedule_supporter_checks` starts it
unless a run is waiting."""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from alongside.core import recurring
from alongside.supporters.actions.supervision import (
    tell_supervisors_of_overdue_supervision,
)
from alongside.supporters.actions.training import remind_expiring_training
from alongside.supporters.followups import send_due_follow_ups

DAILY_AT = time(7, 0)


@task()
def check_supporters_daily() -> int:
    """Send follow-ups due after a crisis and training reminders, and tell
    supervisors of overdue supervision, then queue tomorrow's check."""
    try:
        send_due_follow_ups()
        tell_supervisors_of_overdue_supervision()
        return remind_expiring_training()
    finally:
        schedule_daily_check()


def schedule_daily_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next daily check unless one is waiting. Returns whether it queued."""
    when = run_after or recurring.tomorrow_at(timezone.now(), DAILY_AT)
    return recurring.queue_once(check_supporters_daily, run_after=when)
