"""The daily check-in task tells those whose check-in opened, and queues itself
once."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from alongside.insights import tasks
from alongside.insights.check_actions import INVITATION
from alongside.notifications.models import Notification
from alongside.organisations.tests.factories import OrganisationRoleFactory


@pytest.fixture(autouse=True)
def database_task_queue(settings: Any) -> None:
    """These tests look at the queue itself, so they use the real database backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _waiting() -> int:
    return DBTaskResult.objects.filter(
        task_path=tasks.tell_about_check_ins.module_path,
        status=TaskResultStatus.READY,
    ).count()


def test_the_daily_task_tells_newcomers_and_queues_tomorrows(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    person = OrganisationRoleFactory.create().person

    with django_capture_on_commit_callbacks(execute=True):
        told = tasks.tell_about_check_ins.call()

    assert told == 1
    assert Notification.objects.get(person=person).message == INVITATION
    assert _waiting() == 1


def test_the_start_up_command_queues_one_run(db: None, capsys: Any) -> None:
    call_command("schedule_check_ins")
    call_command("schedule_check_ins")

    output = capsys.readouterr().out
    assert "is queued" in output and "already queued" in output
    assert _waiting() == 1
