"""With full access to the database, an anonymous answer cannot be joined to the
person who wrote it.

Two members answer about the same meeting on the same day. We then read every
table as someone with the whole database would, by raw SQL, and try each way of
joining an answer to a person: a column that names a person or an "answered"
row, a shared time, and the order in which rows were written. Each way either
does not exist or points at both members equally.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.urls import reverse

from alongside.insights import actions
from alongside.insights.models import Answer, Answered
from alongside.peergroups import actions as group_actions
from alongside.peergroups.tests.factories import PeerGroupFactory
from alongside.peergroups.tests.states import person_in_state

from .factories import past_meeting


def _rows(table: str) -> tuple[list[str], list[tuple[object, ...]]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table name
        columns = [column[0] for column in cursor.description]
        return columns, list(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_an_answer_cannot_be_joined_to_its_writer() -> None:
    group = PeerGroupFactory.create()
    occurrence = past_meeting(group)
    writers = [person_in_state("active", group) for _ in range(2)]
    for writer, score in zip(writers, (1, 5), strict=True):
        actions.answer_felt_safety(
            person=writer, occurrence=occurrence, felt_safe=score, could_say=score
        )

    answer_columns, answers = _rows(Answer._meta.db_table)
    answered_columns, answered = _rows(Answered._meta.db_table)

    # No column of an answer refers to a person or to an "answered" row.
    assert set(answer_columns) == {
        "id",
        "group_id",
        "meeting_id",
        "kind",
        "answered_on",
        "felt_safe",
        "could_say",
        "text",
    }
    with connection.cursor() as cursor:
        relations = connection.introspection.get_relations(
            cursor, Answer._meta.db_table
        )
    assert {table for _, table in relations.values()} == {
        "peergroups_peergroup",
        "meetings_meeting",
    }
    person_ids = {writer.pk for writer in writers}
    # The "answered" rows hold no time at all to match an answer's day.
    assert set(answered_columns) == {
        "id",
        "person_id",
        "group_id",
        "occurrence_id",
        "week_of",
        "left_in",
    }
    assert {row[answered_columns.index("week_of")] for row in answered} == {None}
    assert {row[answered_columns.index("left_in")] for row in answered} == {None}
    # What the two share (the group, the meeting) fits both writers alike.
    for row in answers:
        group_id = row[answer_columns.index("group_id")]
        matches = {
            other[answered_columns.index("person_id")]
            for other in answered
            if other[answered_columns.index("group_id")] == group_id
        }
        assert matches == person_ids


@pytest.mark.django_db(transaction=True)
def test_a_parting_note_cannot_be_joined_to_the_day_its_writer_left() -> None:
    """Two people leave a group and each leaves a note, on different days of one
    month. The facilitators may know who left and when; the database still cannot
    tell which note is whose: both notes carry the month's last day, and both
    "answered" rows the same month and nothing else of the note."""
    group = PeerGroupFactory.create()
    writers = []
    for day in (3, 20):
        writer = person_in_state("active", group)
        group_actions.leave_group(person=writer, group=group)
        actions.leave_parting_note(
            person=writer,
            group=group,
            text=f"A made-up note written on day {day}.",
            today=date(2026, 3, day),
        )
        writers.append(writer)

    answer_columns, answers = _rows(Answer._meta.db_table)
    answered_columns, answered = _rows(Answered._meta.db_table)

    assert len(answers) == 2
    assert {str(row[answer_columns.index("answered_on")]) for row in answers} == {
        "2026-03-31"
    }
    assert len({row[answered_columns.index("left_in")] for row in answered}) == 1
    for row in answers:
        group_id = row[answer_columns.index("group_id")]
        matches = {
            other[answered_columns.index("person_id")]
            for other in answered
            if other[answered_columns.index("group_id")] == group_id
        }
        assert matches == {writer.pk for writer in writers}


@pytest.mark.django_db(transaction=True)
def test_the_order_of_answers_says_nothing_about_the_order_of_writers() -> None:
    """Answers have random keys: sorted by key (or as stored), they do not follow
    the order of the "answered" rows. With these 12 scores, the chance that a random
    order matches the writers' is about one in 1.6 million."""
    group = PeerGroupFactory.create()
    occurrence = past_meeting(group)
    for score in [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]:
        writer = person_in_state("active", group)
        actions.answer_felt_safety(
            person=writer, occurrence=occurrence, felt_safe=score, could_say=1
        )

    written = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]
    by_key = [
        score or 0
        for score in Answer.objects.order_by("id").values_list("felt_safe", flat=True)
    ]
    assert sorted(by_key) == sorted(written)
    assert by_key != written


@pytest.mark.django_db
def test_a_facilitator_cannot_fill_a_batch_to_single_out_one_members_answer() -> None:
    """Answers show in batches of five so that none stands alone. If the people who
    read them could also write them, a facilitator could send four of their own
    beside one member's and read the fifth as that member's. So a group's
    facilitators, on a break or not, neither send feedback nor answer how its
    meetings felt: their page says so, and nothing is kept."""
    group = PeerGroupFactory.create()
    facilitator = person_in_state("facilitator", group)
    member = person_in_state("active", group)
    occurrence = past_meeting(group)
    actions.give_feedback(person=member, group=group, text="A made-up worry.")
    client = Client()
    client.force_login(facilitator)

    feedback = client.post(
        reverse("insights:feedback-give", args=[group.pk]),
        {"text": "Padding of my own."},
    )
    felt = client.post(
        reverse("insights:felt-safety-answer", args=[group.pk, occurrence.pk]),
        {"felt_safe": "5", "could_say": "5"},
    )
    page = client.get(reverse("peergroups:group-detail", args=[group.pk]))

    assert feedback.status_code == 403
    assert felt.status_code == 403
    assert "Tell the facilitators something" not in page.content.decode()
    with pytest.raises(PermissionDenied):
        actions.answer_felt_safety(
            person=facilitator, occurrence=occurrence, felt_safe=5, could_say=5
        )
    assert Answer.objects.filter(group=group).count() == 1
    assert not Answered.objects.filter(person=facilitator).exists()
