"""My plan is offered, never pushed: a quiet link on the crisis card after a worrying
post and in a live room's step-away space, which never show anything of the plan."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.conversations.tests.factories import open_room
from alongside.peergroups.models import PeerGroup

from .factories import plan_with_words

pytestmark = pytest.mark.django_db
PLAN_LINK = f'href="{reverse("safetyplans:plan-detail")}">My plan</a>'
WORDS = "A made-up thing that helps me"


def test_the_crisis_card_offers_the_plan(
    peer: Person,
    peer_client: Client,
    group: PeerGroup,
    django_capture_on_commit_callbacks: Any,
) -> None:
    plan_with_words(peer, WORDS)
    with django_capture_on_commit_callbacks(execute=True):
        thread = conversation_actions.start_thread(
            person=peer,
            group=group,
            title="Tonight",
            kind="sharing",
            body="I want to end my life tonight. I have written my goodbye letters.",
            content_warning="",
            content_warning_text="",
            client_id=uuid.uuid4(),
        )

    page = peer_client.get(
        reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    ).content.decode()

    card = page.split('aria-label="Support for you now"')[1].split("</section>")[0]
    assert PLAN_LINK in card
    assert WORDS not in page


def test_the_step_away_space_offers_the_plan(
    peer: Person, peer_client: Client, group: PeerGroup
) -> None:
    plan_with_words(peer, WORDS)
    open_room(group)

    page = peer_client.get(
        reverse("conversations:step-away", args=[group.pk])
    ).content.decode()

    assert PLAN_LINK in page
    assert WORDS not in page
