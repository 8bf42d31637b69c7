"""Background work for supporters: moving an unanswered "I need help — now" on to
the next people, and the daily check that reminds people of training running out,
tells supervisors of overdue supervision, and catches any help request whose own
move was missed.

Like the escalation checks, the daily check queues its own next run when it
finishes; `manage.py schedule_supporter_checks` starts it unless a run is waiting.
"""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from alongside.core import recurring

from .models import HelpRequest

DAILY_AT = time(7, 0)


@task()
def move_help_request_on(help_request_id: int) -> None:
    from .actions import move_help_request_on as move_on

    help_request = HelpRequest.objects.filter(pk=help_request_id).first()
    if help_request is not None:
        move_on(help_request=help_request, now=timezone.now())


@task()
def check_supporters_daily() -> int:
    """Send training reminders and move on any help request left behind, then
    queue tomorrow's check."""
    from .actions import (
        move_on_due_help_requests,
        remind_expiring_training,
        tell_supervisors_of_overdue_supervision,
    )

    try:
        move_on_due_help_requests()
        tell_supervisors_of_overdue_supervision()
        return remind_expiring_training()
    finally:
        schedule_daily_check()


def schedule_daily_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next daily check unless one is waiting. Returns whether it queued."""
    when = run_after or recurring.tomorrow_at(timezone.now(), DAILY_AT)
    return recurring.queue_once(check_supporters_daily, run_after=when)
