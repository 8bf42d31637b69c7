"""Background work for meetings: notes about a changed meeting, and a check every
few minutes that sends due reminders and forgets RSVPs a week after their meeting.

Like the agreements' review check, the reminder check queues its own next run when
it finishes (`alongside.core.recurring`); `schedule_meeting_reminders` (run by
scripts/serve.sh at start-up) starts the chain if nothing is waiting.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

from alongside.core import recurring

from . import actions

CHECK_EVERY = timedelta(minutes=5)


@task()
def tell_about_change(occurrence_id: int, what: str) -> int:
    """Tell the people who chose reminders that a meeting is new, moved or
    cancelled."""
    return actions.tell_about_change(occurrence_id=occurrence_id, what=what)


@task()
def check_reminders() -> int:
    """Send the reminders that are due and forget old RSVPs, then queue the next
    check."""
    try:
        now = timezone.now()
        actions.forget_old_rsvps(now=now)
        return actions.send_due_reminders(now=now)
    finally:
        schedule_reminder_check()


def schedule_reminder_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next check unless one is already waiting. Returns whether it
    queued."""
    return recurring.queue_once(
        check_reminders, run_after=run_after or timezone.now() + CHECK_EVERY
    )
