"""What the socket sends: the same words the page shows, for each reader."""

from __future__ import annotations

import json

import pytest

from alongside.organisations.tests.factories import OrganisationFactory

from ..live import message_event
from ..models import MessageStatus
from ..pairs import open_support_conversation
from .factories import member_of, say

PHONE_NUMBER = "07700 900123"


@pytest.mark.django_db
def test_a_pair_hears_live_that_a_message_waits_without_its_words() -> None:
    organisation = OrganisationFactory.create()
    peer = member_of(organisation)
    supporter = member_of(organisation)
    conversation = open_support_conversation(
        organisation=organisation,
        peer=peer,
        supporter=supporter,
        peer_name="Peer",
        supporter_name="Supporter",
    )
    held = say(peer, conversation, f"You can ring me on {PHONE_NUMBER}.")
    assert held.status == MessageStatus.HELD

    event = message_event(held)
    to_the_other = json.loads(event["person_frame"])["html"]
    to_the_author = json.loads(event["author_frame"])["html"]

    assert "A message is waiting for a quick check by someone from the team." in (
        to_the_other
    )
    assert "from the team is waiting" not in to_the_other
    assert PHONE_NUMBER not in to_the_other
    assert PHONE_NUMBER in to_the_author
    assert "It looks like this includes a phone number." in to_the_author
