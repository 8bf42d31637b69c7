"""A held message is explained in words that fit where it was written: a one-to-one
pair has no group and no facilitator, and no private conversation offers one-click
removal, so neither is promised there."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import GroupRole
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory

from ..models import MessageStatus
from ..pairs import open_support_conversation
from .factories import conversation_between, member_of, say

pytestmark = pytest.mark.django_db

NUMBER = "My number is 07700 900461."
# Invented words that screening holds (method detail) and alerts on (risk to life).
RISK_AND_METHOD = "I have 40 tablets saved up and I want to overdose tonight"
GROUP_PROMISES = ("facilitator", "one click", "post straight away", "the group")


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_a_phone_number_held_in_a_pair_is_explained_as_a_pair_and_the_team_is_asked(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
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

    with django_capture_on_commit_callbacks(execute=True):
        held = say(supporter, conversation, NUMBER)

    assert held.status == MessageStatus.HELD
    notes = " ".join(held.author_notes)
    assert "It looks like this includes a phone number." in notes
    assert "one-to-one messages, to keep you both safe" in notes
    assert "Someone from the team has been asked to look at it." in notes
    for promise in GROUP_PROMISES:
        assert promise not in notes
    # What the note says is true: the team has been asked in.
    conversation.refresh_from_db()
    assert conversation.needs_someone_since is not None
    assert Notification.objects.filter(person=fran).exists()
    client = Client()
    client.force_login(supporter)
    page = client.get(
        reverse(
            "privateconversations:conversation-detail",
            kwargs={"conversation_id": conversation.pk},
        )
    ).text
    assert "to keep you both safe" in page
    assert "a facilitator will look at it" not in page


def test_a_phone_number_held_with_the_team_promises_no_facilitator_or_one_click(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    held = say(peer, conversation, NUMBER)

    assert held.status == MessageStatus.HELD
    notes = " ".join(held.author_notes)
    assert "Someone from the team will look at it before it is shared." in notes
    for promise in GROUP_PROMISES:
        assert promise not in notes


def test_a_held_message_with_words_of_risk_shows_its_author_where_to_get_help(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    peer, supporter = member_of(organisation), member_of(organisation)
    conversation = open_support_conversation(
        organisation=organisation,
        peer=peer,
        supporter=supporter,
        peer_name="Peer",
        supporter_name="Supporter",
    )

    with django_capture_on_commit_callbacks(execute=True):
        held = say(peer, conversation, RISK_AND_METHOD)

    assert held.status == MessageStatus.HELD
    assert held.shows_crisis_support
    # The note promises people to talk to now: the page shows them.
    assert "Here are people you can talk to now" in " ".join(held.author_notes)
    client = Client()
    client.force_login(peer)
    page = client.get(
        reverse(
            "privateconversations:conversation-detail",
            kwargs={"conversation_id": conversation.pk},
        )
    ).text
    assert reverse("organisations:help") in page
    assert "People you can talk to now" in page
