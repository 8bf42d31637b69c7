"""A missed check-out from an in-person one-to-one meeting goes through the safety
escalation chain: it reaches the supporter's supervisor and whoever is on duty,
shows on their Today page, moves up the chain when nobody acknowledges it, and is
answered like any alert. It names the supporter, never the peer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.safety import actions as safety_actions
from alongside.safety.actions import StepChoice
from alongside.safety.models import (
    Escalation,
    EscalationReason,
    EscalationStatus,
    EventKind,
)
from alongside.supporters.models import Supervision
from alongside.supporters.tests.factories import member_of

from .. import actions, tasks
from ..models import Match, PairMeeting
from .factories import agreed_before, matched

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def missed_meeting(match: Match, *, format: str = "in_person") -> PairMeeting:
    """An agreed meeting that should have ended an hour ago, with no
    check-out."""
    return agreed_before(
        actions.plan_meeting(
            person=match.supporter,
            match=match,
            starts_at=timezone.now() - timedelta(hours=2),
            minutes=60,
            format=format,
        )
    )


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_a_missed_check_out_raises_one_alert_about_the_supporter(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    on_duty = member_of(organisation, Role.FACILITATOR)
    safety_actions.go_on_duty(person=on_duty, organisation=organisation)
    meeting = missed_meeting(match)
    actions.check_in(person=match.supporter, meeting=meeting)

    assert actions.alert_missed_check_outs(now=timezone.now()) == 1
    assert actions.alert_missed_check_outs(now=timezone.now()) == 0

    escalation = Escalation.objects.get()
    assert escalation.reason == EscalationReason.LONE_WORKING
    assert escalation.person_at_risk == match.supporter
    assert escalation.group is None and escalation.post is None
    assert list(escalation.alerted.all()) == [on_duty]
    meeting.refresh_from_db()
    assert meeting.escalation == escalation
    note = Notification.objects.filter(person=on_duty).latest("pk")
    assert "has not checked out" in note.message
    assert match.peer.shown_name not in note.message
    assert not Notification.objects.filter(
        person=match.peer, message__contains="checked out"
    ).exists()


def test_it_reaches_the_supporters_supervisor_too(organisation: Organisation) -> None:
    match = matched(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    Supervision.objects.filter(supporter=match.supporter).update(supervisor=supervisor)
    on_duty = member_of(organisation, Role.FACILITATOR)
    safety_actions.go_on_duty(person=on_duty, organisation=organisation)
    missed_meeting(match)

    actions.alert_missed_check_outs(now=timezone.now())

    alerted = set(Escalation.objects.get().alerted.all())
    assert alerted == {supervisor, on_duty}
    assert match.supporter not in alerted and match.peer not in alerted


def test_checking_out_in_time_or_meeting_by_phone_raises_nothing(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    in_person = missed_meeting(match)
    actions.check_in(person=match.supporter, meeting=in_person)
    actions.check_out(person=match.supporter, meeting=in_person)
    missed_meeting(match, format="phone")

    assert actions.alert_missed_check_outs(now=timezone.now()) == 0
    assert not Escalation.objects.exists()


def test_within_the_thirty_minutes_nothing_is_raised(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    agreed_before(
        actions.plan_meeting(
            person=match.supporter,
            match=match,
            starts_at=timezone.now() - timedelta(minutes=80),
            minutes=60,
            format="in_person",
        )
    )

    assert actions.alert_missed_check_outs(now=timezone.now()) == 0
    assert (
        actions.alert_missed_check_outs(now=timezone.now() + timedelta(minutes=11)) == 1
    )


def test_unacknowledged_it_moves_up_the_chain(organisation: Organisation) -> None:
    match = matched(organisation)
    admin = member_of(organisation, Role.ADMIN)
    on_duty = member_of(organisation, Role.FACILITATOR)
    next_up = member_of(organisation, Role.FACILITATOR)
    safety_actions.set_escalation_chain(
        person=admin,
        organisation=organisation,
        minutes_before_moving_up=10,
        steps=[StepChoice(person=next_up)],
    )
    safety_actions.go_on_duty(person=on_duty, organisation=organisation)
    missed_meeting(match)
    actions.alert_missed_check_outs(now=timezone.now())

    # A supporter's safety moves on after five minutes, however long the chain waits.
    assert safety_actions.move_up_due_escalations(
        now=timezone.now() + timedelta(minutes=6)
    )

    escalation = Escalation.objects.get()
    assert next_up in escalation.alerted.all()
    assert escalation.events.filter(kind=EventKind.MOVED_UP).exists()


def test_with_nobody_on_duty_the_supervisors_and_admins_are_told(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    admin = member_of(organisation, Role.ADMIN)
    # The supporter's supervisor (from the factory) is no staff here, so nobody
    # is on duty and there is no chain: only the last resort is left.
    missed_meeting(match)

    actions.alert_missed_check_outs(now=timezone.now())

    alerted = set(Escalation.objects.get().alerted.all())
    assert {supervisor, admin} <= alerted


def test_the_on_duty_person_sees_it_on_today_and_acknowledges_it(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    on_duty = member_of(organisation, Role.FACILITATOR)
    safety_actions.go_on_duty(person=on_duty, organisation=organisation)
    missed_meeting(match)
    tasks.check_offers.call()
    escalation = Escalation.objects.get()
    client = signed_in(on_duty)

    today = client.get(reverse("today:page"))
    alert_page = client.get(
        reverse("safety:escalation-detail", args=[escalation.pk]), follow=True
    )
    answered = client.post(reverse("safety:help-alert", args=[escalation.pk]))

    assert "A supporter has not checked out of a meeting" in today.content.decode()
    page = alert_page.content.decode()
    assert "has not checked out" in page and match.supporter.shown_name in page
    assert match.peer.shown_name not in page
    assert answered.status_code == 302
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ACKNOWLEDGED
    assert escalation.acknowledged_by == on_duty
    told = Notification.objects.filter(person=match.supporter).latest("pk")
    assert "checking you are safe" in told.message


def test_the_peer_and_the_supporter_cannot_open_the_alert(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    missed_meeting(match)
    actions.alert_missed_check_outs(now=timezone.now())
    escalation = Escalation.objects.get()
    url = reverse("safety:help-alert", args=[escalation.pk])

    assert signed_in(match.peer).get(url).status_code == 404
    assert signed_in(match.supporter).get(url).status_code == 404
    assert signed_in(match.supporter).post(url).status_code == 404


def test_the_supporter_sees_on_their_page_that_the_team_was_asked(
    organisation: Organisation,
) -> None:
    match = matched(organisation)
    missed_meeting(match)
    actions.alert_missed_check_outs(now=timezone.now())
    url = reverse("buddying:match-detail", args=[match.pk])

    supporter_page = signed_in(match.supporter).get(url).content.decode()
    peer_page = signed_in(match.peer).get(url).content.decode()

    assert "the team was asked to check you are safe" in supporter_page
    assert "the team was asked to check you are safe" not in peer_page


def test_only_the_supporter_checks_in_and_out(organisation: Organisation) -> None:
    match = matched(organisation)
    meeting = missed_meeting(match)

    with pytest.raises(PermissionDenied):
        actions.check_out(person=match.peer, meeting=meeting)
