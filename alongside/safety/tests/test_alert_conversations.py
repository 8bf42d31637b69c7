"""Alerts that lead to a private conversation: "Message them", every action on an
alert in its history, and the first of them stopping the clock. Post texts are
written here, non-graphic, in our own words."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.access.models import StaffRead
from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import Post
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.privateconversations.models import Conversation, Message
from alongside.safety import actions
from alongside.safety.models import (
    DecisionAction,
    Escalation,
    EscalationStatus,
    EventKind,
)
from conftest import client_for

RISK_TEXT = "I want to end my life tonight. I have written my goodbye letters."
HELLO = "Hello, I've read your post. I'm here and I'd like to talk. How are you now?"

pytestmark = pytest.mark.django_db(transaction=True)


def _risky_post(peer: Person, group: PeerGroup) -> Post:
    thread = conversation_actions.start_thread(
        person=peer,
        group=group,
        title="Tonight",
        kind="sharing",
        body=RISK_TEXT,
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    return thread.posts.get()


def _chain(organisation: Organisation, admin: Person, *steps: Person) -> None:
    actions.set_escalation_chain(
        person=admin,
        organisation=organisation,
        minutes_before_moving_up=10,
        steps=[actions.StepChoice(person=step) for step in steps],
    )


def _message(client: Client, escalation: Escalation, body: str = HELLO, **extra: str):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("safety:escalation-message", kwargs={"escalation_id": escalation.pk}),
        {"body": body, "client_id": extra.get("client_id", str(uuid.uuid4()))},
    )


def test_message_them_opens_a_conversation_stops_the_clock_and_tells_the_person(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    org_admin: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    _chain(organisation, org_admin, facilitator, supervisor)
    post = _risky_post(peer, group)
    escalation = post.escalations.get()

    response = _message(client_for(facilitator), escalation)

    conversation = Conversation.objects.get(person=peer)
    assert response["Location"] == reverse(
        "privateconversations:conversation-detail",
        kwargs={"conversation_id": conversation.pk},
    )
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ACKNOWLEDGED
    assert escalation.next_move_at is None
    assert escalation.events.filter(
        kind=EventKind.MESSAGED, person=facilitator
    ).exists()
    later = timezone.now() + timedelta(hours=2)
    assert actions.move_up_due_escalations(now=later) == 0
    escalation.refresh_from_db()
    assert list(escalation.alerted.all()) == [facilitator]
    notices = Notification.objects.filter(person=peer)
    assert [n.message for n in notices if "messaged you" in n.message]
    assert all(HELLO not in n.message for n in notices)
    # The crisis card under their post says what happened, in plain words.
    page = (
        client_for(peer)
        .get(
            reverse(
                "conversations:thread-detail",
                kwargs={"group_id": group.pk, "thread_id": post.thread_id},
            )
        )
        .text
    )
    assert "from the team has read your post and messaged you" in page
    assert "read your post and messaged you" in page
    assert HELLO.replace("'", "&#x27;") in page
    for word in ("escalat", "alerted"):
        assert word not in page.lower()


def test_a_double_click_sends_once_and_writes_the_history_once(
    peer: Person, group: PeerGroup, facilitator: Person, organisation: Organisation
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    escalation = _risky_post(peer, group).escalations.get()
    client, client_id = client_for(facilitator), str(uuid.uuid4())

    _message(client, escalation, client_id=client_id)
    _message(client, escalation, client_id=client_id)

    assert Message.objects.filter(author=facilitator).count() == 1
    assert escalation.events.filter(kind=EventKind.MESSAGED).count() == 1


def test_two_staff_messaging_at_once_share_one_conversation(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    org_admin: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    actions.go_on_duty(person=supervisor, organisation=organisation)
    escalation = _risky_post(peer, group).escalations.get()

    _message(client_for(facilitator), escalation, "From the facilitator.")
    _message(client_for(supervisor), escalation, "From the supervisor.")

    conversation = Conversation.objects.get(person=peer)
    assert conversation.messages.filter(author__isnull=False).count() == 2
    escalation.refresh_from_db()
    assert escalation.acknowledged_by == facilitator
    assert escalation.events.filter(kind=EventKind.MESSAGED).count() == 2


def test_deciding_the_post_in_the_queue_is_in_the_history_and_stops_the_clock(
    peer: Person, group: PeerGroup, facilitator: Person, organisation: Organisation
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    post = _risky_post(peer, group)
    escalation = post.escalations.get()

    actions.decide_on_post(
        person=facilitator,
        post=post,
        action=DecisionAction.PUBLISH,
        reason="It is fine to stay shared; I am checking in with them.",
    )

    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ACKNOWLEDGED
    assert escalation.events.filter(kind=EventKind.DECIDED, person=facilitator).exists()


def test_recording_an_incident_is_in_the_history_and_stops_the_clock(
    peer: Person, group: PeerGroup, facilitator: Person, organisation: Organisation
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    escalation = _risky_post(peer, group).escalations.get()

    actions.record_incident(
        person=facilitator,
        organisation=organisation,
        group=group,
        category="risk_to_life",
        severity="high",
        what_happened="Written for the test.",
        escalation=escalation,
    )

    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ACKNOWLEDGED
    assert escalation.events.filter(kind=EventKind.INCIDENT).exists()


def test_a_supervisor_reached_by_the_chain_reads_and_messages_though_not_a_member(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    org_admin: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    _chain(organisation, org_admin, facilitator, supervisor)
    escalation = _risky_post(peer, group).escalations.get()
    assert actions.move_up_due_escalations(now=timezone.now() + timedelta(minutes=11))

    alert = client_for(supervisor).get(
        reverse("safety:escalation-detail", kwargs={"escalation_id": escalation.pk})
    )
    sent = _message(client_for(supervisor), escalation)

    assert "goodbye letters" in alert.text
    assert "Message them" in alert.text
    assert sent.status_code == 302
    assert StaffRead.objects.filter(author=peer, reader=supervisor).exists()
    reads = client_for(peer).get(reverse("access:staff-reads")).text
    assert "A supervisor" in reads
    escalation.refresh_from_db()
    assert escalation.acknowledged_by == supervisor


def test_an_empty_message_from_the_alert_keeps_the_page_and_sends_nothing(
    peer: Person, group: PeerGroup, facilitator: Person, organisation: Organisation
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    escalation = _risky_post(peer, group).escalations.get()

    response = _message(client_for(facilitator), escalation, "   ")

    assert response.status_code == 400
    assert "Please write something before sending." in response.text
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ALERTING


def test_the_person_at_risk_cannot_message_from_an_alert_about_themselves(
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=supervisor, organisation=organisation)
    escalation = _risky_post(facilitator, group).escalations.get()

    assert _message(client_for(facilitator), escalation).status_code == 403
    assert not Conversation.objects.exists()


def test_the_alert_links_to_the_post_only_for_someone_who_reads_the_group(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    org_admin: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    _chain(organisation, org_admin, facilitator, supervisor)
    post = _risky_post(peer, group)
    escalation = post.escalations.get()
    escalation.alerted.add(supervisor)
    url = reverse("safety:escalation-detail", kwargs={"escalation_id": escalation.pk})
    place = reverse(
        "conversations:thread-detail",
        kwargs={"group_id": group.pk, "thread_id": post.thread_id},
    )

    as_facilitator = client_for(facilitator).get(url).content.decode()
    as_supervisor = client_for(supervisor).get(url).content.decode()

    assert f'href="{place}' in as_facilitator
    assert f'href="{place}' not in as_supervisor
