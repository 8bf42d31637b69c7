"""Background work for insights' check-ins: the daily task that tells people once
when a check-in opens for them. It re-queues itself each morning
(`alongside/core/recurring.py`); `schedule_check_ins` starts the chain."""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from alongside.core import recurring

from . import check_actions

CHECK_AT = time(10, 0)


@task()
def tell_about_check_ins() -> int:
    """Tell those whose check-in opened, then queue tomorrow's run."""
    try:
        return check_actions.tell_about_open_check_ins(today=timezone.localdate())
    finally:
        schedule_check_in_task()


def schedule_check_in_task(*, run_after: datetime | None = None) -> bool:
    """Queue the next run unless one is already waiting. Returns whether it
    queued."""
    when = run_after or recurring.tomorrow_at(timezone.now(), CHECK_AT)
    return recurring.queue_once(tell_about_check_ins, run_after=when)
