"""The members' view of a venue: three anonymous questions after a meeting there, at
most every three months, shown to staff only once five members have answered."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings import actions
from alongside.meetings.models import Occurrence, Venue, VenueCheck, VenueCheckTurn
from alongside.meetings.permissions import venue_check_blocker
from alongside.meetings.venue_view import members_view
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups.tests.states import person_in_state
from conftest import client_for

from .factories import VenueFactory, occurrence_in

ANSWERS = {"safe_getting_there": "yes", "safe_in_room": "yes", "not_overheard": "no"}


def past_meeting(group: PeerGroup) -> Occurrence:
    """A meeting at a venue yesterday, which everyone in the group could have come
    to (they joined a month ago)."""
    month_ago = timezone.now() - timedelta(days=30)
    Membership.objects.filter(group=group).update(
        created_at=month_ago, joined_at=month_ago
    )
    venue = VenueFactory.create(organisation=group.organisation)
    return occurrence_in(
        group,
        starts_at=timezone.now() - timedelta(days=1),
        format="in_person",
        venue=venue,
    )


def test_a_member_answers_after_a_meeting_and_the_answer_names_nobody(
    group: PeerGroup, member: Person
) -> None:
    occurrence = past_meeting(group)

    check = actions.answer_venue_check(
        person=member, occurrence=occurrence, answers=ANSWERS
    )

    field_names = {field.name for field in VenueCheck._meta.get_fields()}
    assert not {"person", "created_at"} & field_names
    assert check.answered_on == timezone.localdate()
    turn = VenueCheckTurn.objects.get(person=member)
    assert turn.next_from.day == 1
    assert turn.next_from > timezone.localdate() + timedelta(days=90)


def test_answering_again_waits_three_months(group: PeerGroup, member: Person) -> None:
    occurrence = past_meeting(group)
    actions.answer_venue_check(person=member, occurrence=occurrence, answers=ANSWERS)

    with pytest.raises(ValidationError, match="three months"):
        actions.answer_venue_check(
            person=member, occurrence=occurrence, answers=ANSWERS
        )
    assert not venue_check_blocker(
        member, occurrence, today=timezone.localdate() + timedelta(days=130)
    )


def test_before_the_meeting_is_over_there_is_nothing_to_answer(
    group: PeerGroup, member: Person
) -> None:
    venue = VenueFactory.create(organisation=group.organisation)
    occurrence = occurrence_in(group, format="in_person", venue=venue)

    with pytest.raises(ValidationError, match="once the meeting is over"):
        actions.answer_venue_check(
            person=member, occurrence=occurrence, answers=ANSWERS
        )


def test_people_outside_the_group_are_not_asked(group: PeerGroup) -> None:
    occurrence = past_meeting(group)
    newcomer = person_in_state("none", group)

    with pytest.raises(PermissionDenied):
        actions.answer_venue_check(
            person=newcomer, occurrence=occurrence, answers=ANSWERS
        )


def answered_by_new_members(
    group: PeerGroup, venue: Venue, today: date, answers: list[dict[str, str]]
) -> None:
    """Each answer from a different member, as the action keeps them: the answer
    with no link to anyone, and the member's next turn apart from it."""
    for given in answers:
        VenueCheck.objects.create(venue=venue, answered_on=today, **given)
        VenueCheckTurn.objects.create(
            person=person_in_state("active", group),
            venue=venue,
            next_from=date(2027, 4, 1),
        )


def test_staff_see_the_members_view_only_from_five_answers(group: PeerGroup) -> None:
    venue = VenueFactory.create(organisation=group.organisation)
    today = date(2026, 12, 1)
    answered_by_new_members(group, venue, today, [ANSWERS] * 4)

    assert members_view(venue, today) is None
    partly = {**ANSWERS, "safe_getting_there": "partly"}
    answered_by_new_members(group, venue, today, [partly])
    view = members_view(venue, today)

    assert view is not None
    assert view.answered == "fewer than 8"
    assert view.questions[0].shares == [
        ("Yes", "about 80%"),
        ("Partly", "about 20%"),
        ("No", "about 0%"),
    ]


def test_five_answers_from_fewer_than_five_members_stay_hidden(
    group: PeerGroup,
) -> None:
    """A member may answer again every three months, so five answers in a year
    can come from two people: the view waits for five members."""
    venue = VenueFactory.create(organisation=group.organisation)
    today = date(2026, 12, 1)
    answered_by_new_members(group, venue, today, [ANSWERS] * 2)
    for day in (date(2026, 3, 2), date(2026, 6, 8), date(2026, 9, 7)):
        VenueCheck.objects.create(venue=venue, answered_on=day, **ANSWERS)

    assert VenueCheck.objects.filter(venue=venue).count() == 5
    assert members_view(venue, today) is None


def test_the_form_is_offered_on_the_meeting_page_and_thanks_the_member(
    group: PeerGroup, member: Person
) -> None:
    occurrence = past_meeting(group)
    client = client_for(member)
    detail = reverse("meetings:occurrence-detail", args=[group.pk, occurrence.pk])

    offered = client.get(detail).content.decode()
    answered = client.post(
        reverse("meetings:venue-check", args=[group.pk, occurrence.pk]),
        ANSWERS,
        follow=True,
    ).content.decode()

    assert "How did the place feel?" in offered
    assert "kept without your name" in answered
    assert "How did the place feel?</a>" not in answered
    assert VenueCheck.objects.count() == 1
