"""Private conversation pages: allowed, forbidden and not found; the plain form
without JavaScript; the logged read of earlier messages."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from alongside.access.models import StaffRead
from alongside.accounts.models import Person
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory

from .. import actions
from ..models import Conversation, Message, MessageStatus
from ..pairs import open_support_conversation
from .factories import conversation_between, member_of, say

pytestmark = pytest.mark.django_db


def client_for(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create(peers_may_message_team=True)


def detail(conversation: Conversation) -> str:
    return reverse(
        "privateconversations:conversation-detail",
        kwargs={"conversation_id": conversation.pk},
    )


def test_participants_read_and_others_get_not_found(organisation: Organisation) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    say(fran, conversation, "A warm hello from the team")
    admin = member_of(organisation, Role.ADMIN)

    assert (
        "A warm hello from the team" in client_for(peer).get(detail(conversation)).text
    )
    assert client_for(fran).get(detail(conversation)).status_code == 200
    refused = client_for(admin).get(detail(conversation))
    assert refused.status_code == 404
    assert "A warm hello" not in refused.text
    missing = reverse(
        "privateconversations:conversation-detail", kwargs={"conversation_id": 99999}
    )
    assert client_for(peer).get(missing).status_code == 404


def test_the_plain_form_sends_without_javascript(organisation: Organisation) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    send = reverse(
        "privateconversations:message-send", kwargs={"conversation_id": conversation.pk}
    )
    data = {"body": "Could we talk tomorrow?", "client_id": str(uuid.uuid4())}

    first = client_for(peer).post(send, data)
    again = client_for(peer).post(send, data)  # a double click

    assert first.status_code == again.status_code == 302
    assert Message.objects.filter(author=peer).count() == 1


def test_an_empty_message_is_kindly_refused_and_a_long_one_keeps_its_words(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    send = reverse(
        "privateconversations:message-send", kwargs={"conversation_id": conversation.pk}
    )

    empty = client_for(peer).post(send, {"body": "   ", "client_id": str(uuid.uuid4())})
    long_words = "word " * 1100
    too_long = client_for(peer).post(
        send, {"body": long_words, "client_id": str(uuid.uuid4())}
    )

    assert empty.status_code == too_long.status_code == 400
    assert "Please write something before sending." in empty.text
    assert "a little long for one message" in too_long.text
    assert "word word word" in too_long.text
    assert not Message.objects.filter(author=peer).exists()


def test_a_held_message_tells_the_author_kindly_and_the_team_sees_it_waits(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    send = reverse(
        "privateconversations:message-send", kwargs={"conversation_id": conversation.pk}
    )

    response = client_for(peer).post(
        send,
        {"body": "My number is 07700 900461.", "client_id": str(uuid.uuid4())},
        follow=True,
    )
    held = Message.objects.get(author=peer)

    assert held.status == MessageStatus.HELD
    assert "waiting for a quick check" in response.text
    team_page = client_for(fran).get(detail(conversation)).text
    assert "is waiting for a quick check" in team_page
    share = reverse(
        "privateconversations:held-share",
        kwargs={"conversation_id": conversation.pk, "message_id": held.pk},
    )
    assert client_for(fran).post(share).status_code == 302
    assert client_for(fran).post(share).status_code == 302  # a double click
    held.refresh_from_db()
    assert held.status == MessageStatus.PUBLISHED


def test_a_held_message_in_a_pair_is_never_shown_to_the_other(
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
        held = say(peer, conversation, "My number is 07700 900461.")

    assert held.status == MessageStatus.HELD
    assert not Notification.objects.filter(person=supporter).exists()
    author_page = client_for(peer).get(detail(conversation)).text
    other_page = client_for(supporter).get(detail(conversation)).text
    assert "07700 900461" in author_page
    assert "It looks like this includes a phone number." in author_page
    assert "07700 900461" not in other_page
    assert "Waiting for you to look at" not in other_page
    assert "A message is waiting for a quick check by someone from the team." in (
        other_page
    )


def test_a_peer_writes_to_the_team_first_where_it_is_allowed(
    organisation: Organisation,
) -> None:
    peer = member_of(organisation)
    admin = member_of(organisation, Role.ADMIN)
    url = reverse(
        "privateconversations:team-message",
        kwargs={"organisation_slug": organisation.slug},
    )

    response = client_for(peer).post(
        url, {"body": "Could someone talk with me?", "client_id": str(uuid.uuid4())}
    )
    conversation = Conversation.objects.get(person=peer)

    assert response.status_code == 302
    assert response["Location"] == detail(conversation)
    own_inbox = client_for(peer).get(reverse("privateconversations:inbox")).text
    assert "With the team at" in own_inbox
    assert "Write to the team" not in own_inbox
    inbox = client_for(admin).get(reverse("privateconversations:inbox")).text
    assert "waiting since" in inbox
    assert "Could someone talk" not in inbox
    join = reverse(
        "privateconversations:waiting-detail",
        kwargs={"conversation_id": conversation.pk},
    )
    assert client_for(admin).post(join)["Location"] == detail(conversation)
    earlier = reverse(
        "privateconversations:earlier-messages",
        kwargs={"conversation_id": conversation.pk},
    )
    page = client_for(admin).get(earlier)
    assert "Could someone talk with me?" in page.text
    assert StaffRead.objects.filter(author=peer, reader=admin).count() == 1
    assert (
        "private conversation"
        in client_for(peer).get(reverse("access:staff-reads")).text
    )


def test_a_secure_service_refuses_peers_writing_first() -> None:
    secure = OrganisationFactory.create(setting="secure", peers_may_message_team=True)
    peer = member_of(secure)
    url = reverse(
        "privateconversations:team-message", kwargs={"organisation_slug": secure.slug}
    )
    assert client_for(peer).get(url).status_code == 403


def test_asking_for_someone_else_and_leaving(organisation: Organisation) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    someone_else = reverse(
        "privateconversations:someone-else", kwargs={"conversation_id": conversation.pk}
    )
    leave = reverse(
        "privateconversations:conversation-leave",
        kwargs={"conversation_id": conversation.pk},
    )

    assert client_for(fran).get(someone_else).status_code == 403
    assert client_for(peer).post(someone_else).status_code == 302
    assert client_for(fran).get(detail(conversation)).status_code == 404
    assert (
        "Someone new will join you here"
        in client_for(peer).get(detail(conversation)).text
    )
    assert client_for(peer).post(leave).status_code == 302
    conversation.refresh_from_db()
    assert not conversation.is_open


def test_the_inbox_marks_unread_conversations(organisation: Organisation) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    say(fran, conversation, "A new message")
    inbox = reverse("privateconversations:inbox")

    assert (
        'New<span class="visually-hidden"> messages' in client_for(peer).get(inbox).text
    )
    client_for(peer).get(detail(conversation))
    assert "New<span" not in client_for(peer).get(inbox).text


def test_pages_use_a_few_queries_however_long_the_conversation(
    organisation: Organisation, django_assert_max_num_queries: Any
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    for number in range(30):
        say(peer if number % 2 else fran, conversation, f"message {number}")
    for _ in range(5):
        conversation_between(fran, member_of(organisation), organisation)
    client = client_for(fran)

    with django_assert_max_num_queries(30):
        client.get(detail(conversation))
    with django_assert_max_num_queries(20):
        client.get(reverse("privateconversations:inbox"))


def test_joining_twice_by_a_double_click_joins_once(organisation: Organisation) -> None:
    peer = member_of(organisation)
    admin = member_of(organisation, Role.ADMIN)
    message, _ = actions.message_team(
        person=peer, organisation=organisation, body="hello", client_id=uuid.uuid4()
    )
    join = reverse(
        "privateconversations:waiting-detail",
        kwargs={"conversation_id": message.conversation_id},
    )
    client = client_for(admin)
    client.post(join)
    client.post(join)
    assert message.conversation.participants.filter(person=admin).count() == 1
    notes = message.conversation.messages.exclude(note="")
    assert notes.filter(note__contains="has joined").count() == 1


def test_sending_very_fast_is_kindly_slowed_and_keeps_the_words(
    organisation: Organisation, settings: Any
) -> None:
    settings.ALONGSIDE_RATE_LIMITS = {"live_message": "3/m"}
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    send = reverse(
        "privateconversations:message-send", kwargs={"conversation_id": conversation.pk}
    )
    client = client_for(peer)
    sent = [
        {"body": f"Message number {n}", "client_id": str(uuid.uuid4())}
        for n in range(3)
    ]
    for data in sent:
        assert client.post(send, data).status_code == 302

    slowed = client.post(
        send, {"body": "One more right away", "client_id": str(uuid.uuid4())}
    )
    resent = client.post(send, sent[0])  # its answer was lost; asked again

    assert slowed.status_code == 400
    assert "Please wait a moment" in slowed.text
    assert "One more right away" in slowed.text
    assert resent.status_code == 302
    assert Message.objects.filter(author=peer).count() == 3
