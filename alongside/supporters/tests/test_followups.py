"""Follow-ups after a crisis a supporter handled: planned when they take up an
alert about someone at risk or record a serious incident, sent by the daily check
at three days and four weeks, to them alone, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.tests.factories import PeerGroupFactory
from alongside.safety import actions as safety_actions
from alongside.safety import help_actions
from alongside.safety.models import Escalation
from alongside.supporters.followups import send_due_follow_ups
from alongside.supporters.models import FollowUp

from .factories import member_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_taking_up_an_alert_brings_two_kind_notes_to_the_handler_alone(
    organisation: Organisation,
) -> None:
    handler = member_of(organisation, Role.FACILITATOR)
    admin = member_of(organisation, Role.ADMIN)
    at_risk = member_of(organisation, Role.PEER)
    alert = Escalation.objects.create(
        organisation=organisation,
        group=PeerGroupFactory.create(organisation=organisation),
        person_at_risk=at_risk,
    )
    alert.alerted.add(handler)
    today = timezone.localdate()

    safety_actions.acknowledge_escalation(person=handler, escalation=alert)

    assert FollowUp.objects.filter(person=handler).count() == 2
    before = Notification.objects.filter(person=handler).count()
    assert send_due_follow_ups(today=today + timedelta(days=2)) == 0
    assert send_due_follow_ups(today=today + timedelta(days=3)) == 1
    assert send_due_follow_ups(today=today + timedelta(days=3)) == 0
    assert send_due_follow_ups(today=today + timedelta(days=28)) == 1
    notes = Notification.objects.filter(person=handler).order_by("pk")[before:]
    assert [note.message[:20] for note in notes] == [
        "A few days ago you h",
        "It is four weeks sin",
    ]
    assert all("Nobody else sees this" in note.message for note in notes)
    assert not Notification.objects.filter(
        person__in=[admin, at_risk], message__contains="crisis"
    ).exists()


def test_a_serious_incident_offers_them_and_a_low_one_does_not(
    organisation: Organisation,
) -> None:
    recorder = member_of(organisation, Role.SUPERVISOR)
    for severity in ("low", "moderate"):
        safety_actions.record_incident(
            person=recorder,
            organisation=organisation,
            group=None,
            category="other",
            severity=severity,
            what_happened="Made up for a test.",
        )
    assert not FollowUp.objects.exists()

    for _ in range(2):
        safety_actions.record_incident(
            person=recorder,
            organisation=organisation,
            group=None,
            category="other",
            severity="critical",
            what_happened="Made up for a test, again.",
        )

    assert FollowUp.objects.filter(person=recorder).count() == 2


def test_answering_a_supporters_call_for_help_is_not_a_crisis_follow_up(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    call = help_actions.ask_for_help_now(person=supporter, organisation=organisation)

    safety_actions.acknowledge_escalation(person=supervisor, escalation=call)

    assert not FollowUp.objects.exists()
