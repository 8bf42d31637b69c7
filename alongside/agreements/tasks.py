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

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task
from django_tasks.base import TaskResultStatus

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
    local = timezone.localtime(now)
    tomorrow = local.date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, CHECK_AT))


def pending_checks() -> int:
    """How many checks are waiting in the database queue."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=check_review_dates.module_path, status=TaskResultStatus.READY
    ).count()


def schedule_review_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next check unless one is already waiting. Returns whether it queued.

    Needs a backend that can run tasks later (the database backend); with any other
    backend it does nothing.
    """
    if not default_task_backend.supports_defer:
        return False
    if pending_checks():
        return False
    when = run_after or next_check_time(timezone.now())
    check_review_dates.using(run_after=when).enqueue()
    return True
