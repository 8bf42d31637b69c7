"""With full access to the database, an anonymous check-in cannot be joined to the
person who gave it.

Two people of one organisation check in on the same day. We read every table as
someone with the whole database would, by raw SQL, and try each way of joining a
check-in to a person: a column that names a person or a "checked in" row, a
shared time or point, and the order in which rows were written.
"""

from __future__ import annotations

import pytest
from django.db import connection

from alongside.insights import check_actions
from alongside.insights.check_models import CheckAnswer, CheckAnswered
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)


def _rows(table: str) -> tuple[list[str], list[tuple[object, ...]]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table name
        columns = [column[0] for column in cursor.description]
        return columns, list(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_a_check_in_cannot_be_joined_to_its_writer() -> None:
    organisation = OrganisationFactory.create()
    writers = [OrganisationRoleFactory.create(organisation=organisation).person]
    writers.append(OrganisationRoleFactory.create(organisation=organisation).person)
    for writer, score in zip(writers, (1, 5), strict=True):
        check_actions.check_in(
            person=writer, organisation=organisation, scores=[score] * 5
        )

    answer_columns, answers = _rows(CheckAnswer._meta.db_table)
    answered_columns, answered = _rows(CheckAnswered._meta.db_table)

    # No column of a check-in refers to a person, an "answered" row or a point.
    assert set(answer_columns) == {
        "id",
        "organisation_id",
        "measure",
        "answered_on",
        "scores",
    }
    with connection.cursor() as cursor:
        relations = connection.introspection.get_relations(
            cursor, CheckAnswer._meta.db_table
        )
    assert {table for _, table in relations.values()} == {"organisations_organisation"}
    # The "answered" rows hold no time at all to match a check-in's day.
    assert set(answered_columns) == {"id", "person_id", "organisation_id", "point"}
    # What they share (the organisation) fits both writers alike.
    person_ids = {writer.pk for writer in writers}
    for row in answers:
        organisation_id = row[answer_columns.index("organisation_id")]
        matches = {
            other[answered_columns.index("person_id")]
            for other in answered
            if other[answered_columns.index("organisation_id")] == organisation_id
        }
        assert matches == person_ids


@pytest.mark.django_db(transaction=True)
def test_the_order_of_check_ins_says_nothing_about_the_order_of_writers() -> None:
    """Check-ins have random keys: sorted by key, they do not follow the order
    of the "answered" rows (a chance of about one in 1.6 million that they do)."""
    organisation = OrganisationFactory.create()
    written = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]
    for score in written:
        writer = OrganisationRoleFactory.create(organisation=organisation).person
        check_actions.check_in(
            person=writer, organisation=organisation, scores=[score] * 5
        )

    by_key = [
        scores[0]
        for scores in CheckAnswer.objects.order_by("id").values_list(
            "scores", flat=True
        )
    ]
    assert sorted(by_key) == sorted(written)
    assert by_key != written
