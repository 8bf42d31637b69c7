"""The review reminder: fires once per review date as the clock moves, and the daily
check schedules itself without ever queueing twice."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from alongside.agreements import actions, tasks
from alongside.agreements.models import Agreement, AgreementVersion
from alongside.notifications.models import Notification
from alongside.peergroups.models import GroupRole, Status

from .conftest import Circle
from .factories import person_in


@pytest.fixture(autouse=True)
def database_task_queue(settings: Any) -> None:
    """These tests look at the queue itself, so they use the real database backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _at(day: int, month: int = 6, year: int = 2030) -> datetime:
    return timezone.make_aware(datetime(year, month, day, 7, 0))


def test_reminder_fires_once_as_the_clock_moves_towards_the_review(
    circle: Circle, adopted: AgreementVersion, django_capture_on_commit_callbacks: Any
) -> None:
    paused_facilitator = person_in(
        circle.group, status=Status.PAUSED, role=GroupRole.FACILITATOR
    )
    agreement = Agreement.objects.get(group=circle.group)
    agreement.review_due_on = _at(30).date()
    agreement.save()

    sent = []
    with django_capture_on_commit_callbacks(execute=True):
        for day in range(1, 31):
            sent.append(actions.send_review_reminders(now=_at(day)))

    assert sum(sent) == 1
    assert sent.index(1) == 15  # 16 June: fourteen days before 30 June
    reminders = Notification.objects.filter(person=circle.facilitator)
    assert reminders.count() == 1
    assert "30 June 2030" in reminders.get().message
    assert Notification.objects.filter(person=paused_facilitator).count() == 0
    assert Notification.objects.filter(person=circle.member).count() == 0


def test_a_new_review_date_gets_its_own_reminder(
    circle: Circle, adopted: AgreementVersion, django_capture_on_commit_callbacks: Any
) -> None:
    agreement = Agreement.objects.get(group=circle.group)
    agreement.review_due_on = _at(30).date()
    agreement.save()
    with django_capture_on_commit_callbacks(execute=True):
        first = actions.send_review_reminders(now=_at(20))
        agreement.review_due_on = _at(30, month=6, year=2031).date()
        agreement.save()
        early = actions.send_review_reminders(now=_at(1, month=6, year=2031))
        second = actions.send_review_reminders(now=_at(20, month=6, year=2031))
    assert (first, early, second) == (1, 0, 1)
    assert Notification.objects.filter(person=circle.facilitator).count() == 2


def test_no_reminder_without_a_review_date(circle: Circle) -> None:
    assert actions.send_review_reminders(now=_at(1)) == 0


def test_scheduling_queues_one_check_and_never_a_duplicate(db: None) -> None:
    assert tasks.schedule_review_check() is True
    assert tasks.schedule_review_check() is False
    assert tasks.schedule_review_check() is False
    waiting = DBTaskResult.objects.filter(
        task_path=tasks.check_review_dates.module_path,
        status=TaskResultStatus.READY,
    )
    assert waiting.count() == 1
    assert timezone.localtime(waiting.get().run_after).hour == 7


def test_the_daily_check_reminds_and_queues_tomorrows_check(
    circle: Circle, adopted: AgreementVersion, django_capture_on_commit_callbacks: Any
) -> None:
    agreement = Agreement.objects.get(group=circle.group)
    agreement.review_due_on = timezone.localdate() + timedelta(days=3)
    agreement.save()
    with django_capture_on_commit_callbacks(execute=True):
        reminded = tasks.check_review_dates.call()
    assert reminded == 1
    assert tasks.pending_checks() == 1


def test_next_check_is_tomorrow_morning() -> None:
    now = timezone.make_aware(datetime(2030, 3, 30, 23, 30))
    assert timezone.localtime(tasks.next_check_time(now)) == timezone.make_aware(
        datetime(2030, 3, 31, 7, 0)
    )


def test_management_command_starts_the_check_once(db: None, capsys: Any) -> None:
    from django.core.management import call_command

    call_command("schedule_agreement_reviews")
    call_command("schedule_agreement_reviews")
    output = capsys.readouterr().out
    assert "is queued" in output
    assert "already queued" in output
    assert tasks.pending_checks() == 1
