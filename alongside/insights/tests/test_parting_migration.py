"""The old parting notes (peergroups' LeaveFeedback) move onto anonymous answers:
their words opened and sealed again for answers, their month kept as the month's
last day, and the old table gone."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from alongside.insights.models import Answer, Kind
from alongside.peergroups.tests.factories import PeerGroupFactory

BEFORE = [
    ("insights", "0005_check_ins"),
    ("peergroups", "0005_peergroup_someone_may_be_watching"),
]


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_old_parting_notes_become_answers_with_their_month_and_sealed_words() -> None:
    group = PeerGroupFactory.create()
    executor = _migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    LeaveFeedback = old.get_model("peergroups", "LeaveFeedback")
    old_group = old.get_model("peergroups", "PeerGroup").objects.get(pk=group.pk)
    LeaveFeedback.objects.create(
        group=old_group, text="A made-up old note.", created_in=date(2025, 2, 1)
    )
    LeaveFeedback.objects.create(
        group=old_group, text="Another made-up note.", created_in=date(2025, 11, 1)
    )

    executor = _migrate(executor.loader.graph.leaf_nodes())

    answers = list(Answer.objects.order_by("answered_on"))
    assert [(a.kind, a.answered_on, a.text) for a in answers] == [
        (Kind.PARTING, date(2025, 2, 28), "A made-up old note."),
        (Kind.PARTING, date(2025, 11, 30), "Another made-up note."),
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT text FROM {Answer._meta.db_table}")  # noqa: S608
        stored = [row[0] for row in cursor.fetchall()]
    assert all(value.startswith("sealed1:") for value in stored)
    assert not any("made-up" in value for value in stored)
    assert "peergroups_leavefeedback" not in connection.introspection.table_names()
