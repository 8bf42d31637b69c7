"""The private conversation socket and the notice socket, through the real ASGI
application and channel layer."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from config.asgi import application

from .. import actions
from ..models import Conversation, Message
from .factories import conversation_between, member_of

ORIGIN = (b"origin", b"http://127.0.0.1")
pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(organisation: Organisation, role: str = Role.PEER) -> Person:
    person = member_of(organisation, role)
    client = Client()
    client.force_login(person)
    person.cookie = client.cookies["sessionid"].value  # type: ignore[attr-defined]
    return person


def socket_for(
    person: Person | None, path: str, origin: tuple[bytes, bytes] = ORIGIN
) -> WebsocketCommunicator:
    headers = [origin]
    if person is not None:
        cookie = person.cookie  # type: ignore[attr-defined]
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    return WebsocketCommunicator(application, path, headers=headers)


def path_of(conversation: Conversation) -> str:
    return f"/ws/private/{conversation.pk}/"


async def receive_until(socket: WebsocketCommunicator, kind: str) -> dict[str, Any]:
    while True:
        frame: dict[str, Any] = await socket.receive_json_from(timeout=3)
        if frame["type"] == kind:
            return frame


async def closed_with(socket: WebsocketCommunicator) -> int:
    while True:
        output = await socket.receive_output(timeout=3)
        if output["type"] == "websocket.close":
            return int(output.get("code", 1000))


def send(
    body: str = "placeholder words", client_id: str | None = None
) -> dict[str, Any]:
    return {"type": "send", "client_id": client_id or str(uuid.uuid4()), "body": body}


@pytest.fixture
def world() -> tuple[Person, Person, Conversation]:
    organisation = OrganisationFactory.create()
    peer = signed_in(organisation)
    fran = signed_in(organisation, Role.FACILITATOR)
    return peer, fran, conversation_between(fran, peer, organisation)


def test_a_message_is_acknowledged_after_commit_and_reaches_the_other_side(
    world: tuple[Person, Person, Conversation],
) -> None:
    peer, fran, conversation = world

    async def scenario() -> None:
        theirs = socket_for(fran, path_of(conversation))
        mine = socket_for(peer, path_of(conversation))
        assert (await theirs.connect())[0] and (await mine.connect())[0]
        frame = send("Thank you for writing")
        await mine.send_json_to(frame)
        ack = await receive_until(mine, "ack")
        stored = await database_sync_to_async(Message.objects.get)(pk=ack["id"])
        assert ack["client_id"] == frame["client_id"]
        assert stored.body == "Thank you for writing"
        arrived = await receive_until(theirs, "message")
        assert arrived["id"] == ack["id"]
        assert "Thank you for writing" in arrived["html"]
        await theirs.disconnect()
        await mine.disconnect()

    async_to_sync(scenario)()


def test_a_connection_killed_mid_send_loses_nothing_and_duplicates_nothing(
    world: tuple[Person, Person, Conversation],
) -> None:
    """The client keeps an unacknowledged message and sends it again after
    reconnecting, as live-room.js does; the server makes it once."""
    peer, _fran, conversation = world
    client_id = str(uuid.uuid4())
    acknowledged: list[int] = []

    async def scenario() -> None:
        first = socket_for(peer, path_of(conversation))
        assert (await first.connect())[0]
        await first.send_json_to(send("Sent as the signal went", client_id))
        await first.send_json_to(send("A second one sent just before the drop"))
        # The connection dies with no goodbye, whatever the server was doing.
        first.future.cancel()
        with pytest.raises(asyncio.CancelledError):
            await first.future

        again = socket_for(peer, path_of(conversation))
        assert (await again.connect())[0]
        await again.send_json_to({"type": "catch_up", "after": 0})
        frames = []
        while (frame := await again.receive_json_from(timeout=3))["type"] != (
            "caught_up"
        ):
            frames.append(frame)
        # The outbox is sent again with the same client id.
        await again.send_json_to(send("Sent as the signal went", client_id))
        ack = await receive_until(again, "ack")
        acknowledged.append(ack["id"])
        while not await again.receive_nothing(timeout=0.2):
            frames.append(await again.receive_json_from(timeout=3))
        ids = [f["id"] for f in frames if f["type"] == "message"]
        assert ids.count(ack["id"]) == 1
        await again.disconnect()

    async_to_sync(scenario)()

    sent = Message.objects.filter(author=peer, client_id=client_id)
    assert [m.pk for m in sent] == acknowledged
    assert sent.get().body == "Sent as the signal went"


def test_junk_frames_get_a_kind_error_and_the_socket_stays_open(
    world: tuple[Person, Person, Conversation],
) -> None:
    peer, _, conversation = world

    async def scenario() -> None:
        socket = socket_for(peer, path_of(conversation))
        assert (await socket.connect())[0]
        for junk in ("not json", "[1, 2]", '{"type": "dance"}', "null"):
            await socket.send_to(text_data=junk)
            frame = await receive_until(socket, "error")
            assert frame["message"]
        await socket.send_to(bytes_data=b"\x00\x01")
        assert (await receive_until(socket, "error"))["client_id"] is None
        await socket.send_json_to({"type": "send", "client_id": "x", "body": ""})
        assert (await receive_until(socket, "error"))["client_id"] == "x"
        await socket.send_json_to({"type": "catch_up", "after": "junk", "shown": 7})
        assert (await receive_until(socket, "error"))["client_id"] is None
        assert (await receive_until(socket, "caught_up"))["last_id"] == 0
        await socket.send_json_to(send("still here"))
        assert (await receive_until(socket, "ack"))["status"] == "published"
        await socket.disconnect()

    async_to_sync(scenario)()


def test_someone_not_in_it_is_refused_and_so_is_a_foreign_origin(
    world: tuple[Person, Person, Conversation],
) -> None:
    _, _, conversation = world
    stranger = signed_in(conversation.organisation, Role.ADMIN)
    peer = Person.objects.get(pk=conversation.person_id)
    peer.cookie = world[0].cookie  # type: ignore[attr-defined]

    async def scenario() -> None:
        socket = socket_for(stranger, path_of(conversation))
        assert (await socket.connect())[0]
        assert await closed_with(socket) == 4403
        anonymous = socket_for(None, path_of(conversation))
        assert (await anonymous.connect())[0]
        assert await closed_with(anonymous) == 4403
        foreign = socket_for(
            peer, path_of(conversation), (b"origin", b"http://evil.test")
        )
        assert not (await foreign.connect())[0]

    async_to_sync(scenario)()


def test_asking_for_someone_else_closes_the_teams_socket(
    world: tuple[Person, Person, Conversation],
) -> None:
    peer, fran, conversation = world

    async def scenario() -> None:
        theirs = socket_for(fran, path_of(conversation))
        assert (await theirs.connect())[0]
        await theirs.send_json_to({"type": "catch_up", "after": 0})
        await receive_until(theirs, "caught_up")
        await database_sync_to_async(actions.ask_for_someone_else)(
            person=peer, conversation=conversation
        )
        assert await closed_with(theirs) == 4403

    async_to_sync(scenario)()


def test_the_notice_socket_hears_the_team_write(
    world: tuple[Person, Person, Conversation],
) -> None:
    peer, fran, conversation = world

    async def scenario() -> None:
        notices = socket_for(peer, "/ws/private/")
        assert (await notices.connect())[0]
        await database_sync_to_async(actions.send_message)(
            person=fran,
            conversation=conversation,
            body="Hello, I read your post",
            client_id=uuid.uuid4(),
        )
        notice = await receive_until(notices, "notice")
        assert notice["organisation_id"] == conversation.organisation_id
        assert "Hello, I read your post" in notice["html"]
        assert "has messaged you" in notice["html"]
        await notices.disconnect()

    async_to_sync(scenario)()


def test_a_flood_of_messages_on_the_socket_is_kindly_slowed(
    world: tuple[Person, Person, Conversation], settings: Any
) -> None:
    settings.ALONGSIDE_RATE_LIMITS = {"live_message": "2/m"}
    peer, _, conversation = world

    async def scenario() -> None:
        socket = socket_for(peer, path_of(conversation))
        assert (await socket.connect())[0]
        for _ in range(2):
            await socket.send_json_to(send())
            await receive_until(socket, "ack")
        frame = send("one too many")
        await socket.send_json_to(frame)
        refused = await receive_until(socket, "error")
        assert refused["client_id"] == frame["client_id"]
        assert "Please wait a moment" in refused["message"]
        await socket.disconnect()

    async_to_sync(scenario)()
    assert Message.objects.filter(author=peer).count() == 2
