"""Fading out of life ("I'm slipping away", "my time is up") builds up with a weak sign
in the same person's recent posts in the same group, end to end through a post.
Every post text is written here, non-graphic."""

from __future__ import annotations

import uuid

import pytest

from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import Post
from alongside.peergroups.models import PeerGroup
from alongside.safety.models import Escalation
from alongside.safety.screening.risk import URGENCY_BUILD_UP


def _post(person: Person, group: PeerGroup, body: str) -> Post:
    thread = conversation_actions.start_thread(
        person=person,
        group=group,
        title="This week",
        kind="sharing",
        body=body,
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    return thread.posts.get()


@pytest.mark.django_db(transaction=True)
def test_fading_after_an_earlier_sign_alerts_as_build_up(
    peer: Person, group: PeerGroup
) -> None:
    first = _post(peer, group, "Nobody really listens to me these days.")
    assert not first.escalations.exists()

    second = _post(peer, group, "Honestly I think I'm slipping away.")

    assert second.screening_urgency == URGENCY_BUILD_UP
    assert second.shows_crisis_support
    assert Escalation.objects.get(post=second).urgency == URGENCY_BUILD_UP


@pytest.mark.django_db(transaction=True)
def test_fading_alone_or_about_work_raises_nothing(
    peer: Person, group: PeerGroup
) -> None:
    first = _post(peer, group, "My time is up.")
    second = _post(peer, group, "My time is up at work, the contract ends in May.")

    assert not first.escalations.exists()
    assert not first.shows_crisis_support
    assert not second.escalations.exists()
