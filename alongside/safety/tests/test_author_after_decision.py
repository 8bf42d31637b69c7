"""What the author of a held post reads once a facilitator has decided about it: no
promise that someone will look, and words written for them, not the facilitator's
choice."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import Post, PostStatus
from alongside.peergroups.models import PeerGroup
from alongside.safety import actions
from alongside.safety.models import DecisionAction
from alongside.safety.templatetags.safety_tags import for_author

pytestmark = pytest.mark.django_db


def _held_post(person: Person, group: PeerGroup) -> Post:
    thread = conversation_actions.start_thread(
        person=person,
        group=group,
        title="Tonight",
        kind="sharing",
        body="Text me any time on 07700 900123 if you want to talk.",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    return thread.posts.get()


def _thread_page(client: Client, post: Post) -> str:
    url = reverse(
        "conversations:thread-detail",
        kwargs={"group_id": post.group_id, "thread_id": post.thread_id},
    )
    return client.get(url).content.decode()


def test_a_held_post_stops_promising_a_look_once_a_facilitator_has_decided(
    peer_client: Client, peer: Person, facilitator: Person, group: PeerGroup
) -> None:
    post = _held_post(peer, group)
    assert post.status == PostStatus.HELD
    before = _thread_page(peer_client, post)

    decision = actions.decide_on_post(
        person=facilitator,
        post=post,
        action=DecisionAction.ASK_TO_EDIT,
        reason="A phone number.",
        note_to_author="Could you take your number out? Then it can go up.",
    )
    after = _thread_page(peer_client, post)

    assert "Waiting for a quick check" in before
    assert "a facilitator will look at it soon" in before
    assert "Waiting for a quick check" not in after
    assert "will look at it soon" not in after
    assert "A facilitator has looked at this post." in after
    assert reverse("safety:decision-detail", args=[decision.pk]) in after


def test_the_author_reads_what_a_decision_means_for_them(
    peer_client: Client,
    facilitator_client: Client,
    peer: Person,
    facilitator: Person,
    group: PeerGroup,
) -> None:
    post = _held_post(peer, group)
    decision = actions.decide_on_post(
        person=facilitator,
        post=post,
        action=DecisionAction.ASK_TO_EDIT,
        reason="A phone number.",
        note_to_author="Could you take your number out? Then it can go up.",
    )
    url = reverse("safety:decision-detail", args=[decision.pk])

    author_page = peer_client.get(url).content.decode()
    facilitator_page = facilitator_client.get(url).content.decode()

    assert "A facilitator asked if you could change your post, on" in author_page
    assert "Ask the author to change it" not in author_page
    assert "Ask the author to change it, on" in facilitator_page


@pytest.mark.parametrize("action", DecisionAction.values)
def test_every_decision_has_words_for_its_author(action: str) -> None:
    words = for_author(action)

    assert words != DecisionAction(action).label
    assert words != for_author("not a decision")
