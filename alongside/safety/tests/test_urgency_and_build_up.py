"""Urgency on every alert, ordering the queue and the duty view; risk that builds up
over a person's own recent posts; and the card each author is shown. Every post text
is written here, non-graphic."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import Post, Thread
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.safety import actions
from alongside.safety.models import Escalation
from alongside.safety.queue import queue_for
from alongside.safety.screening.risk import (
    URGENCY_BUILD_UP,
    URGENCY_IMMEDIATE,
    URGENCY_INTENT,
    URGENCY_SIGNS,
)

PLAN_TEXT = "I've chosen the night and I know exactly how I'm going to do it."
INTENT_TEXT = "I honestly want to end my life."
SIGNS_TEXT = "Nobody really listens to me, and I feel trapped."
DETAILS_TEXT = "Ring me on 07700 900321 after work."
FIRST_WEAK_TEXT = "Nobody really listens to me these days."
SECOND_WEAK_TEXT = "I feel trapped at the moment."


def _thread(person: Person, group: PeerGroup, body: str) -> Thread:
    return conversation_actions.start_thread(
        person=person,
        group=group,
        title="This week",
        kind="sharing",
        body=body,
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )


def _alert_ids(page: str) -> list[int]:
    """The alerts listed on the duty page, in order (each once)."""
    found = re.findall(r'class="card duty-alert" id="alert-(\d+)"', page)
    return [int(pk) for pk in dict.fromkeys(found)]


def _post(person: Person, group: PeerGroup, body: str) -> Post:
    return _thread(person, group, body).posts.get()


@pytest.mark.django_db(transaction=True)
def test_the_queue_puts_a_plan_first_and_ordinary_holds_last(
    peer: Person, group: PeerGroup
) -> None:
    details = _post(peer, group, DETAILS_TEXT)
    signs = _post(peer, group, SIGNS_TEXT)
    intent = _post(peer, group, INTENT_TEXT)
    plan = _post(peer, group, PLAN_TEXT)

    entries = queue_for(group)

    assert [entry.post.pk for entry in entries] == [
        plan.pk,
        intent.pk,
        signs.pk,
        details.pk,
    ]
    assert [entry.urgency for entry in entries] == [
        URGENCY_IMMEDIATE,
        URGENCY_INTENT,
        URGENCY_SIGNS,
        1,
    ]
    assert entries[0].urgency_label.startswith("Urgent")


@pytest.mark.django_db(transaction=True)
def test_each_alert_keeps_its_urgency_and_the_duty_view_shows_the_most_urgent_first(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    facilitator_client: Client,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    signs = _post(peer, group, SIGNS_TEXT)
    plan = _post(peer, group, PLAN_TEXT)
    intent = _post(peer, group, INTENT_TEXT)

    alerts = {escalation.post_id: escalation for escalation in Escalation.objects.all()}
    assert alerts[plan.pk].urgency == URGENCY_IMMEDIATE
    assert alerts[intent.pk].urgency == URGENCY_INTENT
    assert alerts[signs.pk].urgency == URGENCY_SIGNS

    page = facilitator_client.get(reverse("safety:duty")).content.decode()
    shown = _alert_ids(page)
    assert shown == [alerts[plan.pk].pk, alerts[intent.pk].pk, alerts[signs.pk].pk]
    assert "Urgent: a plan, a time or a goodbye" in page


@pytest.mark.django_db(transaction=True)
def test_an_acknowledged_alert_comes_after_those_still_waiting(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    facilitator_client: Client,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    plan = _post(peer, group, PLAN_TEXT)
    signs = _post(peer, group, SIGNS_TEXT)
    handled = Escalation.objects.get(post=plan)
    actions.acknowledge_escalation(person=facilitator, escalation=handled)

    page = facilitator_client.get(reverse("safety:duty")).content.decode()
    shown = _alert_ids(page)
    assert shown == [Escalation.objects.get(post=signs).pk, handled.pk]


@pytest.mark.django_db(transaction=True)
def test_two_weak_signs_in_two_posts_alert_like_two_in_one(
    peer: Person, group: PeerGroup
) -> None:
    first = _post(peer, group, FIRST_WEAK_TEXT)
    assert not first.escalations.exists()
    assert not first.shows_crisis_support

    second = _post(peer, group, SECOND_WEAK_TEXT)

    assert second.screening_urgency == URGENCY_BUILD_UP
    assert second.shows_crisis_support
    assert "risk_to_life" in second.screening_reasons
    assert Escalation.objects.get(post=second).urgency == URGENCY_BUILD_UP
    # The author is told only what any crisis card says: nothing about earlier posts.
    assert not any("earlier" in note or "posts" in note for note in second.author_notes)


@pytest.mark.django_db(transaction=True)
def test_build_up_counts_only_the_authors_own_posts_in_the_same_group(
    peer: Person, group: PeerGroup, facilitator: Person, organisation: Organisation
) -> None:
    _post(facilitator, group, FIRST_WEAK_TEXT)
    other_group = PeerGroupFactory.create(organisation=organisation)
    MembershipFactory.create(group=other_group, person=peer)
    _post(peer, other_group, FIRST_WEAK_TEXT)

    second = _post(peer, group, SECOND_WEAK_TEXT)

    assert not second.shows_crisis_support
    assert not second.escalations.exists()


@pytest.mark.django_db(transaction=True)
def test_build_up_forgets_posts_older_than_a_week(
    peer: Person, group: PeerGroup
) -> None:
    first = _post(peer, group, FIRST_WEAK_TEXT)
    Post.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - timedelta(days=8)
    )

    second = _post(peer, group, SECOND_WEAK_TEXT)

    assert not second.escalations.exists()


@pytest.mark.django_db(transaction=True)
def test_worry_for_a_friend_shows_how_to_help_them_and_who_to_call(
    peer: Person, peer_client: Client, group: PeerGroup
) -> None:
    thread = _thread(peer, group, "My sister is about to hurt herself, I'm scared.")
    post = thread.posts.get()
    assert not post.escalations.exists()
    assert "concern_for_someone" in post.screening_reasons

    page = peer_client.get(
        reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    ).content.decode()

    assert "Worried about someone? You can help" in page
    assert "call 999" in page


@pytest.mark.django_db(transaction=True)
def test_wanting_to_self_harm_tonight_shows_the_self_harm_card_and_alerts(
    peer: Person, peer_client: Client, group: PeerGroup
) -> None:
    thread = _thread(peer, group, "I'm going to hurt myself tonight, I can't stop.")
    post = thread.posts.get()
    assert post.escalations.exists()

    page = peer_client.get(
        reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    ).content.decode()

    assert "If you want to hurt yourself right now" in page


@pytest.mark.django_db(transaction=True)
def test_a_supporters_question_gets_guidance_not_an_alert(
    peer: Person, peer_client: Client, group: PeerGroup
) -> None:
    thread = _thread(peer, group, "Are you having thoughts of suicide? I'm here.")
    post = thread.posts.get()
    assert not post.escalations.exists()
    assert not post.shows_crisis_support

    page = peer_client.get(
        reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    ).content.decode()

    assert "Responding safely to someone who is struggling" in page
