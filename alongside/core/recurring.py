"""Work that repeats: django-tasks has no cron, so each run queues the next.

A recurring task calls `queue_once` in a `finally` when it finishes, so the chain
never breaks even if a run fails, and a start-up command calls it too, so that a
restart starts the chain without piling up duplicates.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks.base import Task, TaskResultStatus


def tomorrow_at(now: datetime, at: time) -> datetime:
    """`at` o'clock tomorrow, local time."""
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, at))


def pending(task: Task[Any, Any]) -> int:
    """How many runs of this task are waiting in the database queue."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY
    ).count()


def queue_once(task: Task[Any, Any], *, run_after: datetime) -> bool:
    """Queue a run unless one is already waiting. Returns whether it queued.

    Needs a backend that can run tasks later (the database backend); with any other
    backend it does nothing.
    """
    if not default_task_backend.supports_defer or pending(task):
        return False
    task.using(run_after=run_after).enqueue()
    return True
