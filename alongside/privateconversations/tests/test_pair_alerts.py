"""Words of risk to life in a one-to-one pair: each person is told only what is
true for them. The other of the pair cannot read a held message, and a pair has
nobody from the team in it until the team is asked in."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import GroupRole
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory

from .. import live
from ..models import Conversation, MessageStatus, Side
from ..pairs import open_support_conversation
from .factories import conversation_between, member_of, say

pytestmark = pytest.mark.django_db

# Invented words: screening holds the first (method detail) and alerts on both.
RISK_AND_METHOD = "I have 40 tablets saved up and I want to overdose tonight"
RISK = "I want to end my life tonight."
# Shows the crisis card without an alert: the worry is for someone else.
CONCERN = "My friend said she wants to kill herself"
TEAM_TOLD = "The team in this conversation has been told straight away."


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def pair_with_a_facilitator(
    organisation: Organisation,
) -> tuple[Conversation, Person, Person, Person]:
    """A peer and their supporter, and a facilitator of the peer's group."""
    peer, supporter = member_of(organisation), member_of(organisation)
    fran = member_of(organisation, Role.FACILITATOR)
    group = PeerGroupFactory.create(organisation=organisation)
    MembershipFactory.create(group=group, person=peer)
    MembershipFactory.create(group=group, person=fran, role=GroupRole.FACILITATOR)
    conversation = open_support_conversation(
        organisation=organisation,
        peer=peer,
        supporter=supporter,
        peer_name="Peer",
        supporter_name="Supporter",
    )
    return conversation, peer, supporter, fran


def page_for(person: Person, conversation: Conversation) -> str:
    client = Client()
    client.force_login(person)
    return client.get(
        reverse(
            "privateconversations:conversation-detail",
            kwargs={"conversation_id": conversation.pk},
        )
    ).text


def notes_for(person: Person) -> list[str]:
    return list(
        Notification.objects.filter(person=person).values_list("message", flat=True)
    )


def test_a_held_message_of_risk_tells_the_supporter_the_team_is_asked_not_to_read_it(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, supporter, fran = pair_with_a_facilitator(organisation)

    with django_capture_on_commit_callbacks(execute=True):
        held = say(peer, conversation, RISK_AND_METHOD)

    assert held.status == MessageStatus.HELD
    assert notes_for(supporter) == [
        "Peer may need support now. Someone from the team has been asked to look "
        "at their message."
    ]
    # What the note says is true: the team has been asked in.
    conversation.refresh_from_db()
    assert conversation.needs_someone_since is not None
    assert notes_for(fran)


def test_a_sent_message_of_risk_asks_the_supporter_to_read_it(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, supporter, _ = pair_with_a_facilitator(organisation)

    with django_capture_on_commit_callbacks(execute=True):
        sent = say(peer, conversation, RISK)

    assert sent.status == MessageStatus.PUBLISHED
    assert notes_for(supporter) == [
        "Peer may need support now. Please read their message in your private "
        "conversation."
    ]


def test_the_crisis_card_tells_a_peer_who_was_told_in_their_pair(
    organisation: Organisation,
) -> None:
    conversation, peer, _, _ = pair_with_a_facilitator(organisation)

    sent = say(peer, conversation, RISK)

    told = (
        "Your supporter has been told, and someone from the team has been asked "
        "to join you here."
    )
    page = page_for(peer, conversation)
    assert told in page
    assert TEAM_TOLD not in page
    # The same words reach the author's open page over the socket.
    frame = live.render_message(sent, viewer_id=peer.pk, viewer_side=Side.PERSON)
    assert told in frame


def test_the_crisis_card_tells_a_supporter_who_was_told_in_their_pair(
    organisation: Organisation,
) -> None:
    conversation, _, supporter, _ = pair_with_a_facilitator(organisation)

    say(supporter, conversation, RISK)

    page = page_for(supporter, conversation)
    assert (
        "The person you support has been told, and someone from the team has been "
        "asked to join you here."
    ) in page
    assert TEAM_TOLD not in page


def test_the_crisis_card_in_a_pair_says_nobody_was_told_when_nobody_was(
    organisation: Organisation,
) -> None:
    conversation, peer, _, _ = pair_with_a_facilitator(organisation)

    sent = say(peer, conversation, CONCERN)

    assert sent.shows_crisis_support
    page = page_for(peer, conversation)
    assert 'class="crisis-card card"' in page
    assert "has been told" not in page


def test_the_crisis_card_with_the_team_still_says_the_team_was_told(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    say(peer, conversation, RISK)

    assert TEAM_TOLD in page_for(peer, conversation)
