"""The daily check sends the reminders owners asked for, and queues itself once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from alongside.accounts.models import Person
from alongside.notifications.models import Notification

from .. import actions, tasks
from ..models import SafetyPlan
from .factories import plan_with_words


@pytest.fixture(autouse=True)
def database_task_queue(settings: Any) -> None:
    """These tests look at the queue itself, so they use the real database backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _waiting() -> int:
    return DBTaskResult.objects.filter(
        task_path=tasks.check_plan_reviews.module_path,
        status=TaskResultStatus.READY,
    ).count()


def test_the_daily_check_reminds_and_queues_tomorrows(
    peer: Person, django_capture_on_commit_callbacks: Any
) -> None:
    plan_with_words(peer)
    actions.set_review_reminder(person=peer, months=1)
    SafetyPlan.objects.filter(owner=peer).update(
        review_due_on=timezone.localdate() - timedelta(days=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        reminded = tasks.check_plan_reviews.call()

    assert reminded == 1
    assert Notification.objects.get(person=peer).message == actions.REVIEW_MESSAGE
    assert _waiting() == 1


def test_the_start_up_command_queues_one_check(db: None, capsys: Any) -> None:
    call_command("schedule_plan_reviews")
    call_command("schedule_plan_reviews")

    output = capsys.readouterr().out
    assert "is queued" in output and "already queued" in output
    assert _waiting() == 1
