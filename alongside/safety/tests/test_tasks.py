"""The check every minute: it moves up alerts whose own task was missed, and queues
itself without ever queueing twice."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.safety import actions, tasks
from alongside.safety.models import Escalation, EventKind

RISK_TEXT = "I want to end my life tonight. I have written my goodbye letters."


@pytest.fixture(autouse=True)
def database_task_queue(settings: Any) -> None:
    """These tests look at the queue itself, so they use the real database backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_scheduling_queues_one_check_and_never_a_duplicate() -> None:
    assert tasks.schedule_escalation_check() is True
    assert tasks.schedule_escalation_check() is False
    waiting = DBTaskResult.objects.filter(
        task_path=tasks.check_due_escalations.module_path,
        status=TaskResultStatus.READY,
    )
    assert waiting.count() == 1
    assert waiting.get().run_after <= timezone.now() + tasks.CHECK_EVERY


@pytest.mark.django_db
def test_the_check_moves_up_a_missed_alert_and_queues_the_next(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    org_admin: Person,
    organisation: Organisation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    actions.set_escalation_chain(
        person=org_admin,
        organisation=organisation,
        minutes_before_moving_up=10,
        steps=[
            actions.StepChoice(person=facilitator),
            actions.StepChoice(person=supervisor),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        conversation_actions.start_thread(
            person=peer,
            group=group,
            title="Tonight",
            kind="sharing",
            body=RISK_TEXT,
            content_warning="",
            content_warning_text="",
            client_id=uuid.uuid4(),
        )
    escalation = Escalation.objects.get()
    # The alert's own move is lost (say the worker was down), and its time is up.
    DBTaskResult.objects.all().delete()
    Escalation.objects.filter(pk=escalation.pk).update(
        next_move_at=timezone.now() - timedelta(minutes=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        moved = tasks.check_due_escalations.call()

    assert moved == 1
    escalation.refresh_from_db()
    assert set(escalation.alerted.all()) == {facilitator, supervisor}
    assert escalation.events.filter(kind=EventKind.MOVED_UP).count() == 1
    assert tasks.pending_escalation_checks() == 1

    # Run again at once: nothing is due, nobody is alerted twice.
    assert tasks.check_due_escalations.call() == 0
    assert escalation.events.filter(kind=EventKind.MOVED_UP).count() == 1


@pytest.mark.django_db
def test_management_command_starts_the_check_once(capsys: Any) -> None:
    call_command("schedule_escalation_checks")
    call_command("schedule_escalation_checks")
    output = capsys.readouterr().out
    assert "is queued" in output
    assert "already queued" in output
    assert tasks.pending_escalation_checks() == 1
