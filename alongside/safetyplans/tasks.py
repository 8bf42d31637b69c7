"""Background work for plans: the daily check that sends the review reminders
owners asked for. It re-queues itself each morning like the agreements' check
(`alongside/core/recurring.py`); `schedule_plan_reviews` starts the chain."""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from alongside.core import recurring

from . import actions

CHECK_AT = time(9, 0)


@task()
def check_plan_reviews() -> int:
    """Send any plan review reminders that are due, then queue tomorrow's check."""
    try:
        return actions.send_plan_review_reminders(now=timezone.now())
    finally:
        schedule_plan_review_check()


def next_check_time(now: datetime) -> datetime:
    return recurring.tomorrow_at(now, CHECK_AT)


def schedule_plan_review_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next check unless one is already waiting. Returns whether it queued."""
    when = run_after or next_check_time(timezone.now())
    return recurring.queue_once(check_plan_reviews, run_after=when)
