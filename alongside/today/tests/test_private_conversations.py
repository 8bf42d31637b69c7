"""Today shows the private conversations waiting for the person: a reply owed, and
conversations waiting for someone from the team. Never who, nor what was said."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.privateconversations import actions as private_actions
from alongside.privateconversations.tests.factories import (
    conversation_between,
    member_of,
    say,
)

# Messages and notes are written once a change commits, as the product does.
pytestmark = pytest.mark.django_db(transaction=True)

TODAY = reverse("today:page")
WORDS = "Words only the two of them should read"


def signed_in(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def test_a_reply_owed_shows_until_it_is_read() -> None:
    organisation = OrganisationFactory.create()
    fran = member_of(organisation, Role.FACILITATOR)
    sam = member_of(organisation)
    conversation = conversation_between(fran, sam, organisation)
    say(fran, conversation, "Hello from the team")
    message = say(sam, conversation, WORDS)
    link = reverse(
        "privateconversations:conversation-detail",
        kwargs={"conversation_id": conversation.pk},
    )

    page = signed_in(fran).get(TODAY).content.decode()

    assert "Conversations waiting for your reply" in page
    assert link in page
    assert WORDS not in page
    assert sam.username not in page

    private_actions.mark_read(person=fran, conversation=conversation, up_to=message.pk)
    page = signed_in(fran).get(TODAY).content.decode()
    assert link not in page
    assert "Nobody is waiting for a reply from you." in page


def test_the_teams_own_last_word_owes_no_reply() -> None:
    organisation = OrganisationFactory.create()
    fran = member_of(organisation, Role.FACILITATOR)
    sam = member_of(organisation)
    conversation = conversation_between(fran, sam, organisation)
    say(sam, conversation, WORDS)
    say(fran, conversation, "A reply")

    page = signed_in(fran).get(TODAY).content.decode()

    assert "Nobody is waiting for a reply from you." in page


def test_a_conversation_waiting_for_someone_shows_to_the_rest_of_the_team() -> None:
    organisation = OrganisationFactory.create()
    fran = member_of(organisation, Role.FACILITATOR)
    sky = member_of(organisation, Role.SUPERVISOR)
    sam = member_of(organisation)
    conversation = conversation_between(fran, sam, organisation)
    say(sam, conversation, WORDS)
    private_actions.ask_for_someone_else(person=sam, conversation=conversation)
    waiting = reverse(
        "privateconversations:waiting-detail",
        kwargs={"conversation_id": conversation.pk},
    )

    page = signed_in(sky).get(TODAY).content.decode()

    assert "Waiting for someone from the team" in page
    assert waiting in page
    assert WORDS not in page
    assert signed_in(sam).get(TODAY).status_code == 404
