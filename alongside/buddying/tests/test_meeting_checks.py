"""The check after each one-to-one meeting: offered to the peer once the meeting's
planned end has passed, once; answered privately, once; a low answer asks the
coordinators (never the supporter) to offer a change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation
from alongside.organisations.tests.factories import OrganisationFactory

from .. import actions
from ..models import Match, PairMeeting, SupportCheck
from ..permissions import can_answer_meeting_check, meeting_checks_waiting_for
from .factories import agreed_before, coordinator_of, matched

pytestmark = pytest.mark.django_db(transaction=True)

ASKED = "How was your one-to-one meeting?"


def signed_in(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def meeting_ending(match: Match, ago: timedelta) -> PairMeeting:
    """An agreed meeting of an hour whose planned end was `ago` (negative: to
    come)."""
    return agreed_before(
        actions.plan_meeting(
            person=match.supporter,
            match=match,
            starts_at=timezone.now() - ago - timedelta(hours=1),
            minutes=60,
            format="phone",
        )
    )


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_the_peer_is_offered_the_check_once_after_the_meeting_ends(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    ended = meeting_ending(match, timedelta(minutes=5))
    meeting_ending(match, -timedelta(days=1))

    assert actions.offer_checks_after_meetings(now=timezone.now()) == 1
    assert actions.offer_checks_after_meetings(now=timezone.now()) == 0

    ended.refresh_from_db()
    assert ended.check_offered_at is not None
    assert Notification.objects.filter(person=match.peer, message__startswith=ASKED)
    assert not Notification.objects.filter(
        person=match.supporter, message__startswith=ASKED
    ).exists()


def test_old_meetings_and_ended_support_are_not_offered(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting_ending(match, timedelta(days=8))
    ended_match = matched(organisation)
    meeting_ending(ended_match, timedelta(minutes=5))
    actions.end_support(person=ended_match.peer, match=ended_match)

    assert actions.offer_checks_after_meetings(now=timezone.now()) == 0


def test_the_answer_is_kept_for_the_meeting_and_only_once(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting = meeting_ending(match, timedelta(minutes=5))

    answer = actions.answer_meeting_check(
        person=match.peer, meeting=meeting, helpful=4, felt_safe=5
    )

    assert answer.meeting == meeting and answer.match == match
    assert not answer.is_low
    with pytest.raises(PermissionDenied):
        actions.answer_meeting_check(
            person=match.peer, meeting=meeting, helpful=1, felt_safe=1
        )
    assert SupportCheck.objects.count() == 1


def test_a_meeting_still_to_come_or_the_supporter_cannot_answer(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    to_come = meeting_ending(match, -timedelta(hours=3))
    ended = meeting_ending(match, timedelta(minutes=5))

    assert not can_answer_meeting_check(match.peer, to_come)
    assert not can_answer_meeting_check(match.supporter, ended)
    assert can_answer_meeting_check(match.peer, ended)
    with pytest.raises(PermissionDenied):
        actions.answer_meeting_check(
            person=match.peer, meeting=to_come, helpful=3, felt_safe=3
        )
    with pytest.raises(PermissionDenied):
        actions.answer_meeting_check(
            person=match.supporter, meeting=ended, helpful=3, felt_safe=3
        )


@pytest.mark.parametrize(("helpful", "felt_safe"), [(0, 3), (3, 6), (-1, -1)])
def test_answers_outside_one_to_five_are_refused(
    organisation: Organisation, helpful: int, felt_safe: int
) -> None:
    match = matched(organisation)
    meeting = meeting_ending(match, timedelta(minutes=5))

    with pytest.raises(ValueError):
        actions.answer_meeting_check(
            person=match.peer, meeting=meeting, helpful=helpful, felt_safe=felt_safe
        )
    assert not SupportCheck.objects.exists()


def test_a_low_answer_tells_the_coordinators_and_never_the_supporter(
    organisation: Organisation,
) -> None:
    coordinator = coordinator_of(organisation)
    match = matched(organisation)
    meeting = meeting_ending(match, timedelta(minutes=5))
    before = Notification.objects.filter(person=match.supporter).count()

    actions.answer_meeting_check(
        person=match.peer, meeting=meeting, helpful=4, felt_safe=2
    )

    told = Notification.objects.filter(person=coordinator).latest("pk")
    assert "may welcome a different supporter" in told.message
    assert Notification.objects.filter(person=match.supporter).count() == before


def test_the_peer_answers_on_the_page_and_only_they_see_it(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting = meeting_ending(match, timedelta(minutes=5))
    actions.offer_checks_after_meetings(now=timezone.now())
    peer = signed_in(match.peer)
    detail = reverse("buddying:match-detail", args=[match.pk])
    url = reverse("buddying:meeting-check", args=[match.pk, meeting.pk])

    waiting = peer.get(detail).content.decode()
    form = peer.get(url)
    answered = peer.post(url, {"helpful": "5", "felt_safe": "4"})
    after = peer.get(detail).content.decode()
    supporter_page = signed_in(match.supporter).get(detail).content.decode()

    assert url in waiting
    assert form.status_code == 200 and "I felt safe" in form.content.decode()
    assert answered.status_code == 302
    assert url not in after
    assert "helpful 5 of 5, felt safe 4 of 5" in after
    assert url not in supporter_page and "felt safe" not in supporter_page
    assert list(meeting_checks_waiting_for(match.peer, match)) == []


def test_junk_answers_get_a_kind_message_and_nothing_is_kept(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting = meeting_ending(match, timedelta(minutes=5))
    url = reverse("buddying:meeting-check", args=[match.pk, meeting.pk])

    response = signed_in(match.peer).post(url, {"helpful": "9", "felt_safe": ""})

    assert response.status_code == 400
    assert "Please choose a number from 1 to 5." in response.content.decode()
    assert not SupportCheck.objects.exists()


def test_an_answered_check_or_the_supporter_is_sent_back_kindly(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting = meeting_ending(match, timedelta(minutes=5))
    url = reverse("buddying:meeting-check", args=[match.pk, meeting.pk])
    signed_in(match.peer).post(url, {"helpful": "5", "felt_safe": "5"})

    again = signed_in(match.peer).post(url, {"helpful": "1", "felt_safe": "1"})
    supporter = signed_in(match.supporter).get(url)
    missing = signed_in(match.peer).get(
        reverse("buddying:meeting-check", args=[match.pk, meeting.pk + 999])
    )

    assert again.status_code == 302 and supporter.status_code == 302
    assert missing.status_code == 404
    assert SupportCheck.objects.get().helpful == 5
