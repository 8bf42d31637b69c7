"""Words of risk to life in a one-to-one pair: each person is told only what is
true for them. The other of the pair cannot read a held message, and a pair has
nobody from the team in it until the team is asked in; once someone from the team
is with them, they are told directly and nobody is asked again."""

from __future__ import annotations

from typing import Any

import pytest

from alongside.accounts.models import Person
from alongside.notifications.actions import mark_all_read
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import GroupRole, Membership
from alongside.peergroups.tests.factories import MembershipFactory

from .. import actions, live
from ..models import Conversation, MessageStatus, Side
from .factories import (
    member_of,
    notes_for,
    page_for,
    pair_with_a_facilitator,
    say,
)

pytestmark = pytest.mark.django_db

# Invented words: screening holds the first (method detail) and alerts on both.
RISK_AND_METHOD = "I have 40 tablets saved up and I want to overdose tonight"
RISK = "I want to end my life tonight."
# Shows the crisis card without an alert: the worry is for someone else.
CONCERN = "My friend said she wants to kill herself"
# Held (a phone number), with no alert.
NUMBER = "My number is 07700 900461."
TEAM_TOLD = "The team in this conversation has been told straight away."
SUPPORTER_TOLD_TEAM_ASKED = (
    "Your supporter has been told, and someone from the team has been asked to join "
    "you here."
)


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


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


def test_the_crisis_card_in_a_pair_says_nobody_was_told_when_nobody_was(
    organisation: Organisation,
) -> None:
    conversation, peer, _, _ = pair_with_a_facilitator(organisation)

    sent = say(peer, conversation, CONCERN)

    assert sent.shows_crisis_support
    page = page_for(peer, conversation)
    assert 'class="crisis-card card"' in page
    assert "has been told" not in page


def test_a_held_message_of_risk_tells_its_author_who_was_told(
    organisation: Organisation,
) -> None:
    conversation, peer, _, _ = pair_with_a_facilitator(organisation)

    held = say(peer, conversation, RISK_AND_METHOD)

    assert held.status == MessageStatus.HELD
    assert SUPPORTER_TOLD_TEAM_ASKED in page_for(peer, conversation)
    frame = live.render_message(held, viewer_id=peer.pk, viewer_side=Side.PERSON)
    assert SUPPORTER_TOLD_TEAM_ASKED in frame


def with_the_team_here(
    organisation: Organisation, capture: Any
) -> tuple[Conversation, Person, Person, Person]:
    """A pair fran has joined after a held message asked the team in, and sky,
    another facilitator of the peer's group, who has read the notice asking."""
    conversation, peer, _, fran = pair_with_a_facilitator(organisation)
    sky = member_of(organisation, Role.FACILITATOR)
    group = Membership.objects.get(person=peer).group
    MembershipFactory.create(group=group, person=sky, role=GroupRole.FACILITATOR)
    with capture(execute=True):
        say(peer, conversation, NUMBER)
    assert notes_for(sky)
    with capture(execute=True):
        actions.join_conversation(person=fran, conversation=conversation)
    mark_all_read(person=sky)
    conversation.refresh_from_db()
    assert conversation.needs_someone_since is None
    return conversation, peer, fran, sky


def test_someone_from_the_team_already_here_is_told_and_nobody_is_asked_again(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, fran, sky = with_the_team_here(
        organisation, django_capture_on_commit_callbacks
    )
    asked_before = len(notes_for(sky))

    with django_capture_on_commit_callbacks(execute=True):
        sent = say(peer, conversation, RISK)

    conversation.refresh_from_db()
    assert conversation.needs_someone_since is None
    assert len(notes_for(sky)) == asked_before
    assert notes_for(fran)[-1] == (
        "Peer may need support now. Please read their message in your private "
        "conversation."
    )
    told = "Your supporter and the team in this conversation have been told straight"
    page = page_for(peer, conversation)
    assert told in page
    assert "asked to join" not in page
    frame = live.render_message(sent, viewer_id=peer.pk, viewer_side=Side.PERSON)
    assert told in frame


def test_a_held_message_with_the_team_here_goes_to_them_not_the_waiting_list(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, fran, sky = with_the_team_here(
        organisation, django_capture_on_commit_callbacks
    )
    asked_before = len(notes_for(sky))

    with django_capture_on_commit_callbacks(execute=True):
        say(peer, conversation, NUMBER)

    conversation.refresh_from_db()
    assert conversation.needs_someone_since is None
    assert len(notes_for(sky)) == asked_before
    assert notes_for(fran)[-1] == (
        "Peer has written a message that is waiting for you to look at it."
    )


def test_someone_here_who_has_left_the_team_is_not_told_and_the_team_is_asked(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, fran, sky = with_the_team_here(
        organisation, django_capture_on_commit_callbacks
    )
    OrganisationRole.objects.filter(person=fran, organisation=organisation).update(
        role=Role.PEER
    )
    told_before = notes_for(fran)

    with django_capture_on_commit_callbacks(execute=True):
        say(peer, conversation, RISK)

    conversation.refresh_from_db()
    assert conversation.needs_someone_since is not None
    assert notes_for(fran) == told_before
    assert notes_for(sky)[-1].endswith(
        "is waiting for someone from the team to talk with them privately."
    )
    assert SUPPORTER_TOLD_TEAM_ASKED in page_for(peer, conversation)


def test_asking_the_team_twice_before_they_look_leaves_one_notice(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, _, fran = pair_with_a_facilitator(organisation)

    with django_capture_on_commit_callbacks(execute=True):
        say(peer, conversation, NUMBER)
    with django_capture_on_commit_callbacks(execute=True):
        say(peer, conversation, RISK)

    assert len(notes_for(fran)) == 1


def test_asked_again_while_waiting_the_person_keeps_their_place_in_the_list(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, _, fran = pair_with_a_facilitator(organisation)
    with django_capture_on_commit_callbacks(execute=True):
        say(peer, conversation, RISK_AND_METHOD)
    conversation.refresh_from_db()
    first_asked = conversation.needs_someone_since
    assert first_asked is not None
    told = notes_for(fran)

    with django_capture_on_commit_callbacks(execute=True):
        say(peer, conversation, RISK_AND_METHOD)

    conversation.refresh_from_db()
    assert conversation.needs_someone_since == first_asked
    # The team's notice is still unread, so it is not sent twice.
    assert notes_for(fran) == told
