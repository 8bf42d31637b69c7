"""Background work for agreements: the daily check that reminds facilitators ahead of
a review date.

django-tasks has no cron. The check schedules its own next run: each run, when it
finishes, queues the next for the following morning with `run_after`. The
`schedule_agreement_reviews` command (run by scripts/serve.sh at start-up) starts the
chain if nothing is waiting. Queuing is skipped when a run is already waiting, so
restarts never pile up duplicates, and the reminder itself is claimed once per review
date in the database, so even two runs at once send it only once.
"""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from alongside.core import recurring

from . import actions

CHECK_AT = time(7, 0)


@task()
def check_review_dates() -> int:
    """Send any review reminders that are due, then queue tomorrow's check."""
    try:
        return actions.send_review_reminders(now=timezone.now())
    finally:
        # Even if this run fails, tomorrow's check is queued: the chain never breaks.
        schedule_review_check()


def next_check_time(now: datetime) -> datetime:
    """Seven o'clock tomorrow morning, local time."""
    return recurring.tomorrow_at(now, CHECK_AT)


def pending_checks() -> int:
    """How many checks are waiting in the database queue."""
    return recurring.pending(check_review_dates)


def schedule_review_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next check unless one is already waiting. Returns whether it queued."""
    when = run_after or next_check_time(timezone.now())
    return recurring.queue_once(check_review_dates, run_after=when)
