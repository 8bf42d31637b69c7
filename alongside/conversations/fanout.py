"""A live room's events reach the sockets of one server process in one pass.

Each server process holds one subscription per live room it has sockets in: one
channel of its own in the room's channel-layer group (`live.room_channel_group`),
read by one task, which hands each event to every socket of that room in the
process (`RoomSockets.join`). A message to a room of ten is then one event on the
channel layer for each process, not one for each socket, and no socket starts a
task of its own to take it: with Redis, one copy goes to each process rather than
one to each socket.

What a socket does with an event is still its own (the consumer's `room_event`):
whether it may see a message is decided there, by `permissions.live_frame_for`.

Frames are written to a socket in order through its `Outbox`, which never makes
the room wait for one slow socket.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
import weakref
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, Protocol

logger = logging.getLogger(__name__)

# Frames a socket may have waiting (its connection writes more slowly than the room
# talks) before it is closed, so that it reconnects and catches up instead.
BACKLOG_LIMIT = 500
# The code a socket closed for falling behind gets; the page reconnects and
# catches up (docs/live-sessions.md).
FELL_BEHIND = 4408
# Channel layers forget a group member after a day (group_expiry); a room's
# subscription joins again at least this often while it has sockets.
REJOIN_SECONDS = 3600.0
# After the channel layer fails to give the next event (Redis restarting), wait
# this long before asking again.
RETRY_SECONDS = 1.0

Send = Callable[[dict[str, Any]], Coroutine[Any, Any, None]]


class Outbox:
    """Writes one socket's frames in order, without waiting while the connection
    takes them: a frame is written at once when nothing is waiting before it (the
    usual case, with no task started), and otherwise waits its turn in a task of
    its own. A connection that has gone only drops what is still to be written."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self._waiting: collections.deque[dict[str, Any]] | None = None
        self._task: asyncio.Task[None] | None = None
        self.is_closed = False

    def put(self, message: dict[str, Any]) -> None:
        if self.is_closed:
            return
        if self._waiting is not None:
            if len(self._waiting) >= BACKLOG_LIMIT:
                self._waiting.clear()
                message = {"type": "websocket.close", "code": FELL_BEHIND}
                self.is_closed = True
            self._waiting.append(message)
            if message["type"] == "websocket.close":
                self.is_closed = True
            return
        sending = self._send(message)
        if message["type"] == "websocket.close":
            self.is_closed = True
        try:
            waits_for = _step(sending)
        except StopIteration:
            return
        except Exception as error:
            self._failed(error)
            return
        self._waiting = collections.deque()
        self._task = asyncio.get_running_loop().create_task(
            self._finish(sending, waits_for)
        )

    async def send(self, message: dict[str, Any]) -> None:
        """As the ASGI send, for the consumer's own frames."""
        self.put(message)

    async def _finish(
        self, sending: Coroutine[Any, Any, None], waits_for: object
    ) -> None:
        try:
            try:
                await _resume(sending, waits_for)
            except Exception as error:
                self._failed(error)
            while self._waiting:
                message = self._waiting.popleft()
                try:
                    await self._send(message)
                except Exception as error:
                    self._failed(error)
        finally:
            self._waiting = None
            self._task = None

    def _failed(self, error: Exception) -> None:
        # The connection has gone (the server then says so to the consumer, which
        # leaves the room); what was still to be written to it is dropped. The kind
        # of failure only: an error's text could carry part of a message.
        self.is_closed = True
        if self._waiting is not None:
            self._waiting.clear()
        logger.info("A live-room frame was not written (%s).", type(error).__name__)


def _step(sending: Coroutine[Any, Any, None]) -> object:
    """Run a send until it first waits; StopIteration when it never did."""
    return sending.send(None)


async def _resume(sending: Coroutine[Any, Any, None], waits_for: object) -> None:
    """Finish a send that `_step` started, as a task would have run it."""
    while True:
        try:
            if isinstance(waits_for, asyncio.Future):
                await asyncio.wait((waits_for,))
            else:
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            sending.close()
            raise
        try:
            waits_for = sending.send(None)
        except StopIteration:
            return


class RoomSocket(Protocol):
    def room_event(self, event: dict[str, Any]) -> None: ...


@dataclass(eq=False)
class _Room:
    layer: Any
    group: str
    sockets: set[RoomSocket] = field(default_factory=set)
    channel: str = ""
    joined_at: float = 0.0
    ready: asyncio.Task[None] | None = None
    reader: asyncio.Task[None] | None = None

    async def subscribe(self) -> None:
        self.channel = await self.layer.new_channel()
        await self.layer.group_add(self.group, self.channel)
        self.joined_at = time.monotonic()
        self.reader = asyncio.get_running_loop().create_task(self.read())

    async def read(self) -> None:
        while True:
            try:
                event = await self.layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                logger.error(
                    "A live room's events could not be read (%s); trying again.",
                    type(error).__name__,
                )
                await asyncio.sleep(RETRY_SECONDS)
                continue
            for socket in tuple(self.sockets):
                try:
                    socket.room_event(event)
                except Exception as error:
                    logger.error(
                        "A live-room event failed for one socket (%s).",
                        type(error).__name__,
                    )

    async def keep(self) -> None:
        """Join the group again if the layer may be about to forget it."""
        if self.ready is None or not self.ready.done():
            return
        if time.monotonic() - self.joined_at > REJOIN_SECONDS:
            self.joined_at = time.monotonic()
            await self.layer.group_add(self.group, self.channel)

    async def close(self) -> None:
        if self.ready is not None:
            # A room left while it was still joining the group finishes joining
            # first, so that nothing is left subscribed.
            with contextlib.suppress(Exception):
                await asyncio.shield(self.ready)
        if self.reader is not None:
            self.reader.cancel()
        if self.channel:
            await self.layer.group_discard(self.group, self.channel)


class RoomSockets:
    """The live-room sockets of this process (of its event loop), by room."""

    def __init__(self) -> None:
        self._rooms: dict[tuple[int, str], _Room] = {}

    async def join(self, layer: Any, group: str, socket: RoomSocket) -> None:
        """Deliver the group's events to the socket from now on: when this returns,
        an event sent to the group reaches it."""
        key = (id(layer), group)
        room = self._rooms.get(key)
        if room is None:
            room = self._rooms[key] = _Room(layer=layer, group=group)
            room.ready = asyncio.get_running_loop().create_task(room.subscribe())
        room.sockets.add(socket)
        assert room.ready is not None
        try:
            await asyncio.shield(room.ready)
        except Exception:
            # The layer could not be reached: the next socket to join tries again.
            room.sockets.discard(socket)
            if self._rooms.get(key) is room:
                del self._rooms[key]
            raise
        await room.keep()

    async def leave(self, layer: Any, group: str, socket: RoomSocket) -> None:
        key = (id(layer), group)
        room = self._rooms.get(key)
        if room is None or socket not in room.sockets:
            return
        room.sockets.discard(socket)
        if not room.sockets:
            del self._rooms[key]
            await room.close()

    async def keep(self, layer: Any, group: str) -> None:
        room = self._rooms.get((id(layer), group))
        if room is not None:
            await room.keep()

    def count(self, layer: Any, group: str) -> int:
        room = self._rooms.get((id(layer), group))
        return 0 if room is None else len(room.sockets)


_by_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, RoomSockets] = (
    weakref.WeakKeyDictionary()
)


def room_sockets() -> RoomSockets:
    """This event loop's rooms (a server process has one loop; tests may have
    several, one after another)."""
    loop = asyncio.get_running_loop()
    rooms = _by_loop.get(loop)
    if rooms is None:
        rooms = _by_loop[loop] = RoomSockets()
    return rooms
