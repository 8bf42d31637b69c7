"""Meetings that existed before meetings were asked count as agreed (both sides
lived with them), dated when they were added; who asked is not known."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from alongside.organisations.tests.factories import OrganisationFactory

from ..models import PairMeeting
from .factories import matched

BEFORE = [("buddying", "0007_meeting_cancelled_at")]
AFTER = [("buddying", "0008_meeting_asked_and_agreed")]


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_meetings_from_before_count_as_agreed() -> None:
    match = matched(OrganisationFactory.create())
    executor = _migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldMeeting = old.get_model("buddying", "PairMeeting")
    added = timezone.now() - timedelta(days=3)
    old_meeting = OldMeeting.objects.create(
        match_id=match.pk,
        starts_at=timezone.now() + timedelta(days=2),
        ends_at=timezone.now() + timedelta(days=2, hours=1),
        format="in_person",
        created_at=added,
    )

    _migrate(executor.loader.graph.leaf_nodes())

    meeting = PairMeeting.objects.get(pk=old_meeting.pk)
    assert meeting.is_agreed and meeting.agreed_at == added
    assert meeting.planned_by == "" and meeting.declined_at is None
    assert not meeting.is_waiting
