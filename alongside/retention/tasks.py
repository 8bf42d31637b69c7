"""The nightly retention run.

django-tasks has no cron: like the agreements' daily check, each run queues the next
for the following night with `run_after`, and `schedule_retention` (run by
scripts/serve.sh at start-up) starts the chain unless a run is already waiting, so
restarts never pile up duplicates. Two runs at once are harmless: each deletes only
what is still there.
"""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from alongside.buddying.actions import forget_old_surveys
from alongside.core import recurring
from alongside.insights.actions import forget_old_records
from alongside.insights.check_actions import forget_old_check_records
from alongside.privateconversations.actions import (
    delete_expired_conversations,
    settle_former_staff,
)
from alongside.supporters.retention import clear_old_supporter_records

from . import actions

RUN_AT = time(3, 0)


@task()
def enforce_retention() -> dict[str, int]:
    """Delete what is past each organisation's limits and any orphaned data key,
    then queue tomorrow's run. Returns counts only."""
    try:
        counts = actions.enforce_retention(now=timezone.now())
        private_conversations = delete_expired_conversations(now=timezone.now())
        # Anyone no longer on a team leaves its private conversations.
        settle_former_staff()
        # The same night, any data key whose group is gone (left behind if the keys
        # database could not be reached when the group was deleted) goes too.
        orphaned_keys = actions.delete_orphan_keys()
        supporters = clear_old_supporter_records(now=timezone.now())
        # "Has answered" records no longer needed, and anonymous answers past
        # three years (alongside.insights).
        insights_records = forget_old_records(now=timezone.now())
        insights_records += forget_old_check_records(now=timezone.now())
        # Ending surveys of one-to-one support past a year (alongside.buddying).
        ending_surveys = forget_old_surveys(now=timezone.now())
        return {
            **supporters,
            "live_messages": counts.live_messages,
            "threads": counts.threads,
            "kept_for_safety": counts.kept_for_safety,
            "orphaned_keys": orphaned_keys,
            "private_conversations": private_conversations,
            "insights_records": insights_records,
            "ending_surveys": ending_surveys,
        }
    finally:
        # Even if this run fails, tomorrow's is queued: the chain never breaks.
        schedule_retention_run()


def next_run_time(now: datetime) -> datetime:
    """Three o'clock tomorrow morning, local time, when the service is quiet."""
    return recurring.tomorrow_at(now, RUN_AT)


def pending_runs() -> int:
    """How many retention runs are waiting in the database queue."""
    return recurring.pending(enforce_retention)


def schedule_retention_run(*, run_after: datetime | None = None) -> bool:
    """Queue the next run unless one is already waiting. Returns whether it queued."""
    when = run_after or next_run_time(timezone.now())
    return recurring.queue_once(enforce_retention, run_after=when)
