"""A room's events reach the sockets of one process through one subscription, and
each socket's frames go out in order without the room waiting for a slow one."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from alongside.peergroups.models import PeerGroup

from .. import fanout, live
from .factories import open_room
from .test_consumers import communicator, receive_until, send_frame, signed_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_subscription_serves_every_socket_of_a_room(group: PeerGroup) -> None:
    people = [signed_in(group) for _ in range(3)]
    open_room(group)
    layer = get_channel_layer()
    room = live.room_channel_group(group.pk)

    async def scenario() -> None:
        sockets = [communicator(group, person) for person in people]
        for socket in sockets:
            await socket.connect()
            await receive_until(socket, "presence")
        assert len(layer.groups[room]) == 1
        assert fanout.room_sockets().count(layer, room) == 3
        frame = send_frame("to all three")
        await sockets[0].send_json_to(frame)
        for socket in sockets:
            message = await receive_until(socket, "message")
            assert message["client_id"] == frame["client_id"]
        for socket in sockets:
            await socket.disconnect()
        # The last to leave ends the process's subscription.
        assert fanout.room_sockets().count(layer, room) == 0
        assert not layer.groups.get(room)

    async_to_sync(scenario)()


class SlowConnection:
    """An ASGI send that takes its time while `blocked` is set, as a connection
    whose buffer is full waits for the network."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.open = asyncio.Event()
        self.open.set()
        self.gone = False

    async def send(self, message: dict[str, Any]) -> None:
        await self.open.wait()
        if self.gone:
            raise ConnectionResetError
        self.written.append(message.get("text") or message["type"])


def frame(text: str) -> dict[str, Any]:
    return {"type": "websocket.send", "text": text}


def test_frames_go_out_in_order_while_a_connection_is_slow() -> None:
    async def scenario() -> list[str]:
        connection = SlowConnection()
        outbox = fanout.Outbox(connection.send)
        outbox.put(frame("one"))
        # Written at once: nothing waited.
        assert connection.written == ["one"]
        connection.open.clear()
        outbox.put(frame("two"))
        outbox.put(frame("three"))
        await outbox.send(frame("four"))
        # Putting never waits for the connection, so the room never does.
        assert connection.written == ["one"]
        connection.open.set()
        while len(connection.written) < 4:
            await asyncio.sleep(0)
        outbox.put(frame("five"))
        return connection.written

    assert asyncio.run(scenario()) == ["one", "two", "three", "four", "five"]


def test_a_socket_too_far_behind_is_closed_so_it_catches_up() -> None:
    async def scenario() -> list[str]:
        connection = SlowConnection()
        outbox = fanout.Outbox(connection.send)
        connection.open.clear()
        for number in range(fanout.BACKLOG_LIMIT + 5):
            outbox.put(frame(str(number)))
        connection.open.set()
        while not connection.written or connection.written[-1] != "websocket.close":
            await asyncio.sleep(0)
        return connection.written

    written = asyncio.run(scenario())
    # The first frame was on its way; the rest made way for the close, after
    # which nothing more is written (the page reconnects and catches up).
    assert written == ["0", "websocket.close"]


def test_a_connection_that_has_gone_drops_only_what_was_left_for_it() -> None:
    async def scenario() -> tuple[list[str], bool]:
        connection = SlowConnection()
        outbox = fanout.Outbox(connection.send)
        connection.open.clear()
        outbox.put(frame("one"))
        outbox.put(frame("two"))
        connection.gone = True
        connection.open.set()
        for _ in range(10):
            await asyncio.sleep(0)
        outbox.put(frame("three"))
        return connection.written, outbox.is_closed

    assert asyncio.run(scenario()) == ([], True)
