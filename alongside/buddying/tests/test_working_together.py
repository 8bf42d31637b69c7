"""Meetings with the lone-working check-out, the peer's own "how is it going?",
and ending: through the actions and pages, against the real models."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.notifications.models import Notification
from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.privateconversations.permissions import can_read, can_write
from alongside.safety import actions as safety_actions
from alongside.supporters.tests.factories import member_of

from .. import actions
from ..models import MatchStatus, RequestStatus
from .factories import agreed_before, coordinator_of, matched

pytestmark = pytest.mark.django_db(transaction=True)


def client_for(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def test_a_missed_check_out_alerts_whoever_is_on_duty_once() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    on_duty = member_of(organisation, Role.FACILITATOR)
    safety_actions.go_on_duty(person=on_duty, organisation=organisation)
    started = timezone.now() - timedelta(hours=2)
    meeting = agreed_before(
        actions.plan_meeting(
            person=match.supporter,
            match=match,
            starts_at=started,
            minutes=60,
            format="in_person",
        )
    )
    actions.check_in(person=match.supporter, meeting=meeting)
    before = Notification.objects.filter(person=on_duty).count()

    assert actions.alert_missed_check_outs(now=timezone.now()) == 1
    assert actions.alert_missed_check_outs(now=timezone.now()) == 0

    alert = Notification.objects.filter(person=on_duty).latest("pk")
    assert Notification.objects.filter(person=on_duty).count() == before + 1
    assert "has not checked out" in alert.message
    assert match.peer.username not in alert.message


def test_checking_out_in_time_alerts_nobody_and_only_the_supporter_checks() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    meeting = agreed_before(
        actions.plan_meeting(
            person=match.peer,
            match=match,
            starts_at=timezone.now() - timedelta(hours=2),
            minutes=60,
            format="in_person",
        )
    )
    with pytest.raises(PermissionDenied):
        actions.check_in(person=match.peer, meeting=meeting)
    actions.check_in(person=match.supporter, meeting=meeting)
    actions.check_out(person=match.supporter, meeting=meeting)

    assert actions.alert_missed_check_outs(now=timezone.now()) == 0


def test_a_low_answer_tells_the_coordinators_never_the_supporter() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    coordinator = coordinator_of(organisation)
    before = Notification.objects.filter(person=match.supporter).count()

    actions.answer_check(person=match.peer, match=match, helpful=4, felt_safe=5)
    assert not Notification.objects.filter(
        person=coordinator, message__contains="different supporter"
    ).exists()
    actions.answer_check(person=match.peer, match=match, helpful=4, felt_safe=2)

    assert Notification.objects.filter(
        person=coordinator, message__contains="different supporter"
    ).exists()
    assert Notification.objects.filter(person=match.supporter).count() == before
    with pytest.raises(PermissionDenied):
        actions.answer_check(
            person=match.supporter, match=match, helpful=1, felt_safe=1
        )


def test_the_peers_answers_are_shown_to_them_and_not_to_the_supporter() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    url = reverse("buddying:check-answer", args=[match.pk])

    assert client_for(match.peer).post(url, {"helpful": "9"}).status_code == 400
    client_for(match.peer).post(url, {"helpful": "3", "felt_safe": "4"})

    page = reverse("buddying:match-detail", args=[match.pk])
    assert b"felt safe 4 of 5" in client_for(match.peer).get(page).content
    assert b"felt safe 4 of 5" not in client_for(match.supporter).get(page).content
    assert client_for(match.supporter).get(url).status_code == 403


def test_ending_leaves_the_conversation_read_only_for_both() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    assert match.conversation is not None

    response = client_for(match.supporter).post(
        reverse("buddying:match-end", args=[match.pk])
    )

    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED
    assert match.request.status == RequestStatus.CLOSED
    for person in (match.peer, match.supporter):
        assert can_read(person, match.conversation)
        assert not can_write(person, match.conversation)
    with pytest.raises(PermissionDenied):
        actions.end_support(person=match.peer, match=match)


def test_ending_twice_or_both_at_once_is_told_kindly_and_changes_nothing() -> None:
    """A double click on "End", or both people ending at the same moment, lands on
    the match's page with a plain word that it has already ended, never on a
    refusal page; the second end and a later "different match" change nothing."""
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    end = reverse("buddying:match-end", args=[match.pk])
    change = reverse("buddying:match-change", args=[match.pk])
    page = reverse("buddying:match-detail", args=[match.pk])
    client_for(match.supporter).post(end)
    told = Notification.objects.count()

    again = client_for(match.supporter).post(end, follow=True)
    other = client_for(match.peer).post(end, follow=True)
    changing = client_for(match.peer).post(change, follow=True)
    looking = client_for(match.peer).get(end, follow=True)

    for response in (again, other, changing, looking):
        assert response.redirect_chain == [(page, 302)]
        assert b"This support has already ended. Nothing has changed." in (
            response.content
        )
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED
    assert Notification.objects.count() == told
