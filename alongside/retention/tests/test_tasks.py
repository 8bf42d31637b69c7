"""The nightly retention run queues itself once, and the command reports counts."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from alongside.peergroups.models import PeerGroup
from alongside.retention import tasks
from alongside.sealing.models import GroupKey

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_task_queue(settings: Any) -> None:
    """These tests look at the queue itself, so they use the real database backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _waiting() -> int:
    return DBTaskResult.objects.filter(
        task_path=tasks.enforce_retention.module_path, status=TaskResultStatus.READY
    ).count()


def test_starting_the_schedule_twice_queues_one_run(database_task_queue: None) -> None:
    out = StringIO()
    call_command("schedule_retention", stdout=out)
    call_command("schedule_retention", stdout=out)

    assert _waiting() == 1
    assert "already queued" in out.getvalue()


def test_a_run_queues_the_next_night(database_task_queue: None) -> None:
    tasks.enforce_retention.call()

    assert _waiting() == 1


def test_the_run_now_command_prints_counts_only() -> None:
    out = StringIO()
    call_command("apply_retention", stdout=out)

    assert "Deleted 0 live messages and 0 threads" in out.getvalue()


def test_the_nightly_run_also_sweeps_orphaned_keys(
    database_task_queue: None, group: PeerGroup
) -> None:
    # A key left behind, as when the keys database could not be reached at the
    # moment its group's deletion was committed.
    GroupKey.objects.create(
        group_id=group.pk + 1000, key_id="ab" * 16, wrapped_key="x", wrapped_by="x"
    )

    result = tasks.enforce_retention.call()

    assert result["orphaned_keys"] == 1
    assert not GroupKey.objects.filter(group_id=group.pk + 1000).exists()
