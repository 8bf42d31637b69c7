"""Felt safety after one-to-one meetings counts in the organisation's figures: the
"I felt safe" answers to the check after each meeting, by quarter, shown only from
five different people, never from answers given at any other time nor from
another organisation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from alongside.buddying import actions
from alongside.buddying.models import Match
from alongside.buddying.tests.factories import agreed_before, matched
from alongside.organisations.models import Organisation
from alongside.organisations.tests.factories import OrganisationFactory

from ..one_to_one import QUESTION, one_to_one_felt_safety
from ..rates import Quarter

pytestmark = pytest.mark.django_db


def answer_after_a_meeting(match: Match, felt_safe: int) -> None:
    meeting = agreed_before(
        actions.plan_meeting(
            person=match.supporter,
            match=match,
            starts_at=timezone.now() - timedelta(hours=2),
            minutes=60,
            format="phone",
        )
    )
    actions.answer_meeting_check(
        person=match.peer, meeting=meeting, helpful=4, felt_safe=felt_safe
    )


def around_today() -> Quarter:
    """A span holding today (quarters are whole ones elsewhere; the count does not
    mind)."""
    today = timezone.localdate()
    return Quarter(start=today - timedelta(days=1), end=today + timedelta(days=1))


def test_five_people_answering_show_the_spread_of_their_answers() -> None:
    organisation = OrganisationFactory.create()
    matches = [matched(organisation) for _ in range(5)]
    for match, score in zip(matches, [5, 5, 4, 4, 2], strict=True):
        answer_after_a_meeting(match, score)
    actions.answer_check(
        person=matches[0].peer, match=matches[0], helpful=1, felt_safe=1
    )

    shown = one_to_one_felt_safety(organisation, around_today())

    assert shown.is_enough
    label, shares = shown.questions[0]
    assert label == QUESTION
    assert [share.score for share in shares] == [1, 2, 3, 4, 5]
    # Small counts are hidden by the one disclosure control, as everywhere.
    assert [share.count.phrase for share in shares] == [
        "0",
        "hidden",
        "0",
        "hidden",
        "hidden",
    ]


def test_one_person_answering_many_times_is_not_enough() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    for _ in range(6):
        answer_after_a_meeting(match, 5)
    elsewhere: Organisation = OrganisationFactory.create()
    for _ in range(5):
        answer_after_a_meeting(matched(elsewhere), 3)

    shown = one_to_one_felt_safety(organisation, around_today())

    assert not shown.is_enough
    assert shown.questions == ()
