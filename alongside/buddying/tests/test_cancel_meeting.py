"""Either of the two cancels a one-to-one meeting that has not started: the other
is told in neutral words, nobody needs to check in or out, no lone-working alert
goes up and no check after it is offered. Through the actions, the regular check
and the pages, against the real models."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role, Setting
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.safety import actions as safety_actions
from alongside.safety.models import Escalation
from alongside.supporters.tests.factories import member_of

from .. import actions
from ..models import Match, PairMeeting
from .factories import agreed_before, coordinator_of, matched

pytestmark = pytest.mark.django_db(transaction=True)

CANCELLED = "A one-to-one meeting has been cancelled."


def signed_in(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def coming_meeting(match: Match, *, in_days: int = 3) -> PairMeeting:
    """An in-person meeting still to come, asked by the supporter and agreed by
    the peer."""
    meeting = actions.plan_meeting(
        person=match.supporter,
        match=match,
        starts_at=timezone.now() + timedelta(days=in_days),
        minutes=60,
        format="in_person",
    )
    return actions.agree_to_meeting(person=match.peer, meeting=meeting)


def cancel_url(meeting: PairMeeting) -> str:
    return reverse("buddying:meeting-cancel", args=[meeting.match_id, meeting.pk])


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_the_peer_cancels_and_the_supporter_is_told_in_neutral_words(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting = coming_meeting(match)
    client = signed_in(match.peer)

    confirm = client.get(cancel_url(meeting))
    done = client.post(cancel_url(meeting), follow=True)

    assert confirm.status_code == 200
    assert "Cancel this meeting?" in confirm.content.decode()
    assert "Keep the meeting" in confirm.content.decode()
    assert done.status_code == 200
    assert "The meeting is cancelled" in done.content.decode()
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    told = Notification.objects.filter(person=match.supporter, message=CANCELLED)
    assert told.count() == 1
    assert told.get().link == reverse("buddying:match-detail", args=[match.pk])
    assert not Notification.objects.filter(
        person=match.peer, message=CANCELLED
    ).exists()


def test_the_supporter_cancels_and_the_peer_is_told(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting = coming_meeting(match)

    actions.cancel_meeting(person=match.supporter, meeting=meeting)

    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None
    assert Notification.objects.filter(person=match.peer, message=CANCELLED).exists()
    assert not Notification.objects.filter(
        person=match.supporter, message=CANCELLED
    ).exists()


def test_cancelling_twice_is_refused_kindly_and_tells_nobody_again(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting = coming_meeting(match)
    client = signed_in(match.supporter)
    client.post(cancel_url(meeting))

    again = client.post(cancel_url(meeting), follow=True)
    old_tab = client.get(cancel_url(meeting), follow=True)

    assert again.status_code == 200 and old_tab.status_code == 200
    assert "already cancelled" in again.content.decode()
    assert Notification.objects.filter(message=CANCELLED).count() == 1
    with pytest.raises(PermissionDenied):
        actions.cancel_meeting(person=match.peer, meeting=meeting)


def test_nobody_outside_the_pair_finds_the_meeting(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting = coming_meeting(match)
    admin = member_of(organisation, Role.ADMIN)
    other_match = matched(organisation)

    for outsider in (admin, other_match.peer, other_match.supporter):
        client = signed_in(outsider)
        assert client.get(cancel_url(meeting)).status_code == 404
        assert client.post(cancel_url(meeting)).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.cancel_meeting(person=admin, meeting=meeting)
    meeting.refresh_from_db()
    assert not meeting.is_cancelled
    assert not Notification.objects.filter(message=CANCELLED).exists()


def test_a_meeting_already_started_is_not_cancelled(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    started = agreed_before(
        actions.plan_meeting(
            person=match.peer,
            match=match,
            starts_at=timezone.now() - timedelta(minutes=10),
            minutes=60,
            format="in_person",
        )
    )
    client = signed_in(match.peer)

    page = client.post(cancel_url(started), follow=True)

    assert page.status_code == 200
    assert "already started" in page.content.decode()
    started.refresh_from_db()
    assert not started.is_cancelled
    assert not Notification.objects.filter(message=CANCELLED).exists()


def test_a_meeting_of_ended_support_is_not_cancelled(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    meeting = coming_meeting(match)
    actions.end_support(person=match.peer, match=match)

    page = signed_in(match.supporter).post(cancel_url(meeting), follow=True)

    assert "This support has ended" in page.content.decode()
    meeting.refresh_from_db()
    assert not meeting.is_cancelled


def test_a_cancelled_in_person_meeting_raises_no_lone_working_alert(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    on_duty = member_of(organisation, Role.FACILITATOR)
    safety_actions.go_on_duty(person=on_duty, organisation=organisation)
    cancelled = coming_meeting(match)
    kept = coming_meeting(match, in_days=4)
    actions.cancel_meeting(person=match.peer, meeting=cancelled)
    # The regular check, run as if an hour after both meetings would have ended.
    later = kept.ends_at + timedelta(hours=1)

    alerted = actions.alert_missed_check_outs(now=later)
    offered = actions.offer_checks_after_meetings(now=later)

    # Only the meeting that was kept (and never checked out of) raises one.
    assert alerted == 1
    assert offered == 1
    cancelled.refresh_from_db()
    kept.refresh_from_db()
    assert cancelled.alerted_at is None and cancelled.escalation is None
    assert cancelled.check_offered_at is None
    assert kept.alerted_at is not None
    assert Escalation.objects.count() == 1


def test_a_cancelled_meeting_shows_as_cancelled_with_nothing_to_do(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    cancelled = coming_meeting(match)
    kept = coming_meeting(match, in_days=4)
    actions.cancel_meeting(person=match.supporter, meeting=cancelled)
    check_in = reverse("buddying:meeting-check-in", args=[match.pk, cancelled.pk])

    page = signed_in(match.supporter).get(
        reverse("buddying:match-detail", args=[match.pk])
    )
    late = signed_in(match.supporter).post(check_in, follow=True)

    html = page.content.decode()
    assert "(cancelled)" in html
    assert "Nobody needs to go, check in or check out." in html
    # The cancelled meeting offers no check-in and no cancel; the kept one both.
    assert check_in not in html
    assert cancel_url(cancelled) not in html
    assert cancel_url(kept) in html
    assert reverse("buddying:meeting-check-in", args=[match.pk, kept.pk]) in html
    assert "nothing to check in or out of" in late.content.decode()
    cancelled.refresh_from_db()
    assert cancelled.checked_in_at is None


def test_a_cancelled_meeting_can_be_added_again(organisation: Organisation) -> None:
    match = matched(organisation)
    meeting = coming_meeting(match)
    actions.cancel_meeting(person=match.supporter, meeting=meeting)

    again = actions.plan_meeting(
        person=match.peer,
        match=match,
        starts_at=meeting.starts_at,
        minutes=60,
        format="in_person",
    )

    assert again.pk != meeting.pk and not again.is_cancelled


def test_the_team_overseeing_in_person_meetings_sees_it_was_cancelled() -> None:
    organisation = OrganisationFactory.create(setting=Setting.SECURE)
    coordinator = coordinator_of(organisation)
    match = matched(organisation)
    meeting = coming_meeting(match)
    actions.cancel_meeting(person=match.peer, meeting=meeting)

    page = signed_in(coordinator).get(
        reverse("buddying:coordinate", args=[organisation.slug])
    )

    text = page.content.decode()
    assert "Cancelled by the pair, so no check-in is needed." in text
    assert match.peer.shown_name not in text
