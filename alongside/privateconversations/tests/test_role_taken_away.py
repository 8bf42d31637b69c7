"""Taking someone's staff role away ends their place on the team at once: an open
socket on a private conversation stops receiving the very next message, with no
nightly run and nobody opening the conversation in between."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from alongside.accounts.models import Person
from alongside.organisations.actions import change_role
from alongside.organisations.models import OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationFactory

from .. import consumers, live
from ..models import Conversation, Participant, Side
from .factories import conversation_between, say
from .test_consumers import (
    closed_with,
    path_of,
    receive_until,
    send,
    signed_in,
    socket_for,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _take_role_away(admin: Person, person: Person, conversation: Conversation) -> None:
    place = OrganisationRole.objects.get(
        person=person, organisation_id=conversation.organisation_id
    )
    change_role(person=admin, place=place, role=Role.PEER)


def test_an_ex_staff_member_stops_receiving_the_moment_their_role_is_taken_away() -> (
    None
):
    organisation = OrganisationFactory.create()
    admin = signed_in(organisation, Role.ADMIN)
    peer = signed_in(organisation)
    fran = signed_in(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    async def scenario() -> None:
        theirs: WebsocketCommunicator = socket_for(fran, path_of(conversation))
        mine = socket_for(peer, path_of(conversation))
        assert (await theirs.connect())[0] and (await mine.connect())[0]
        # Before: the team side hears the person.
        await mine.send_json_to(send("before the change"))
        await receive_until(mine, "ack")
        assert "before the change" in (await receive_until(theirs, "message"))["html"]

        await database_sync_to_async(_take_role_away)(admin, fran, conversation)

        # The socket is told to stop as the change commits, before anything else.
        assert await closed_with(theirs) == 4403
        await mine.send_json_to(send("after the change"))
        await receive_until(mine, "ack")
        assert await theirs.receive_nothing(timeout=0.3)
        await mine.disconnect()

    async_to_sync(scenario)()

    place = Participant.objects.get(conversation=conversation, person=fran)
    assert place.left_at is not None and place.side == Side.TEAM


def test_reconnecting_after_the_change_is_refused() -> None:
    organisation = OrganisationFactory.create()
    admin = signed_in(organisation, Role.ADMIN)
    peer = signed_in(organisation)
    fran = signed_in(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    say(peer, conversation, "something private")
    _take_role_away(admin, fran, conversation)

    async def scenario() -> None:
        again = socket_for(fran, path_of(conversation))
        assert (await again.connect())[0]
        assert await closed_with(again) == 4403

    async_to_sync(scenario)()


def test_a_staff_role_changed_to_another_staff_role_keeps_the_conversation() -> None:
    organisation = OrganisationFactory.create()
    admin = signed_in(organisation, Role.ADMIN)
    peer = signed_in(organisation)
    fran = signed_in(organisation, Role.SUPERVISOR)
    conversation = conversation_between(fran, peer, organisation)
    place = OrganisationRole.objects.get(person=fran, organisation=organisation)

    change_role(person=admin, place=place, role=Role.FACILITATOR)

    assert (
        Participant.objects.get(conversation=conversation, person=fran).left_at is None
    )


def test_a_socket_that_missed_the_leaving_event_stops_at_the_next_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(consumers, "RECHECK_SECONDS", 0.05)
    # The one event that closes the socket is lost (a full queue drops it).
    monkeypatch.setattr(live, "participant_left", lambda *args, **kwargs: None)
    organisation = OrganisationFactory.create()
    admin = signed_in(organisation, Role.ADMIN)
    peer = signed_in(organisation)
    fran = signed_in(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    async def scenario() -> None:
        theirs: WebsocketCommunicator = socket_for(fran, path_of(conversation))
        mine = socket_for(peer, path_of(conversation))
        assert (await theirs.connect())[0] and (await mine.connect())[0]

        await database_sync_to_async(_take_role_away)(admin, fran, conversation)

        assert await closed_with(theirs) == 4403
        await mine.send_json_to(send("after the change"))
        await receive_until(mine, "ack")
        assert await theirs.receive_nothing(timeout=0.3)
        await mine.disconnect()

    async_to_sync(scenario)()


def test_a_socket_still_in_the_conversation_stays_through_the_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(consumers, "RECHECK_SECONDS", 0.05)
    organisation = OrganisationFactory.create()
    peer = signed_in(organisation)
    fran = signed_in(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    async def scenario() -> None:
        theirs: WebsocketCommunicator = socket_for(fran, path_of(conversation))
        mine = socket_for(peer, path_of(conversation))
        assert (await theirs.connect())[0] and (await mine.connect())[0]
        assert await theirs.receive_nothing(timeout=0.3)

        await mine.send_json_to(send("still here"))
        await receive_until(mine, "ack")
        assert "still here" in (await receive_until(theirs, "message"))["html"]
        await theirs.disconnect()
        await mine.disconnect()

    async_to_sync(scenario)()
