"""The live-room socket: translates JSON frames to actions and channel-layer events to
frames.

Protocol in docs/live-sessions.md. Who may be in the room, which history they may
read and which live events this socket passes on (`permissions.live_frame_for`) come
from permissions.py, and every message is written through actions.py, as for the
pages. The socket keeps the facts the rule for writing reads between messages
(`live_facts.py`, which lists the events that make it read them again). Its presence
row is written through presence.py as it connects, keeps fresh, steps away and
leaves.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from dataclasses import replace
from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.sessions import InstanceSessionWrapper
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.core.live import person_channel_group
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.permissions import get_group_for

from . import actions, catch_up, fanout, live, presence
from .forms import LiveSocketMessageForm
from .live_facts import LiveFacts, live_facts_of
from .models import Post, TopicFilter
from .permissions import (
    LiveViewer,
    can_join_live_room,
    live_frame_for,
    live_history_starts_at,
)
from .presence_keeper import presence_keeper

NOT_ALLOWED = 4403
SIGNED_OUT = 4401
CATCH_UP_LIMIT = catch_up.CATCH_UP_LIMIT
# How often a socket checks it may stay (signed in, still a member).
HEARTBEAT_SECONDS = 300
UNREADABLE = "That message could not be read."
SEND_FAILED = "Your message has not gone yet. It is still in the box; please try again."
TOO_LARGE = "That was too long to read. Nothing was sent."
COULD_NOT_SEND = (
    "Your message could not be sent. It is back in the box: you could change it "
    "and send it again."
)
# The largest frame read: a message at its longest, with room to spare for escapes.
LARGEST_FRAME = 64 * 1024

logger = logging.getLogger(__name__)


def _frames_send(send: Any) -> Any:
    """The send a socket's frames go through. Channels' session middleware wraps it
    to save a changed session before an HTTP response; a socket's frames never save
    one (nor does this socket change its session), so they skip that wrapper
    rather than ask the session twice about every frame. Any other send is used as
    it is."""
    wrapper = getattr(send, "__self__", None)
    if isinstance(wrapper, InstanceSessionWrapper):
        return getattr(wrapper, "real_send", send)
    return send


def session_is_open(session_key: str) -> bool:
    """Whether the session a socket signed in with is still there and unexpired:
    signing out, or signing out everywhere, ends it. Reads only."""
    return Session.objects.filter(
        session_key=session_key, expire_date__gt=timezone.now()
    ).exists()


class LiveRoomConsumer(AsyncJsonWebsocketConsumer):  # type: ignore[misc]
    person: Person
    group: PeerGroup | None = None
    # Whose socket this is, for permissions.live_frame_for.
    viewer: LiveViewer
    heartbeat: asyncio.Task[None] | None = None
    has_left = False
    # Kept between messages; None until read, and again once an event says one of
    # them may have changed. The count tells facts read before such an event from
    # facts read after it.
    facts: LiveFacts | None = None
    facts_changes = 0

    async def connect(self) -> None:
        self.group_id = int(self.scope["url_route"]["kwargs"]["group_id"])
        self.person = self.scope["user"]
        session = self.scope.get("session")
        self.session_key = session.session_key if session is not None else None
        self.viewer = LiveViewer(
            person_id=self.person.pk,
            history_starts_at=float("inf"),
            hidden_topics=frozenset(),
        )
        await self.accept()
        if not self.person.is_authenticated:
            await self.close(code=NOT_ALLOWED)
            return
        # Join the channel groups before checking, so that a leave committed in
        # between still reaches this socket.
        await self.channel_layer.group_add(
            person_channel_group(self.person.pk), self.channel_name
        )
        await fanout.room_sockets().join(
            self.channel_layer, live.room_channel_group(self.group_id), self
        )
        if not await database_sync_to_async(self._enter)():
            await self.close(code=NOT_ALLOWED)
            return
        self.heartbeat = asyncio.create_task(self._keep_presence_fresh())
        presence_keeper().keep(self)
        await self._announce_presence()

    def _enter(self) -> bool:
        try:
            group = get_group_for(self.person, self.group_id)
        except Http404:
            return False
        if not can_join_live_room(self.person, group):
            return False
        self.group = group
        self.links_allowed = group.organisation.allows_links
        starts_at = live_history_starts_at(self.person, group)
        self.viewer = LiveViewer(
            person_id=self.person.pk,
            history_starts_at=float("inf")
            if starts_at is None
            else starts_at.timestamp(),
            hidden_topics=frozenset(TopicFilter.objects.topics_hidden_by(self.person)),
        )
        presence.join_room(
            channel_name=self.channel_name, group=group, person=self.person
        )
        return True

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        # A socket can drop while a frame is on its way to it, and the server then
        # raises instead of saying goodbye, so disconnect() is never called. Leave
        # the room either way, or the person would go on being counted as here.
        # Frames go out in order through one outbox, which the room's events also
        # use (fanout.py).
        self.outbox = fanout.Outbox(_frames_send(send))
        try:
            await super().__call__(scope, receive, self.outbox.send)
        finally:
            await asyncio.shield(self._leave())

    async def disconnect(self, code: int) -> None:
        await self._leave()

    async def _leave(self) -> None:
        """Stop the heartbeat, leave the channel groups and the room. Safe to call
        twice."""
        if self.heartbeat is not None:
            self.heartbeat.cancel()
            self.heartbeat = None
        presence_keeper().drop(self)
        if getattr(self, "group_id", None) is None or self.has_left:
            return
        self.has_left = True
        await fanout.room_sockets().leave(
            self.channel_layer, live.room_channel_group(self.group_id), self
        )
        if self.person.is_authenticated:
            await self.channel_layer.group_discard(
                person_channel_group(self.person.pk), self.channel_name
            )
        if self.group is not None:
            await database_sync_to_async(presence.leave_room)(
                channel_name=self.channel_name
            )
            self.group = None
            await self._announce_presence()

    async def _keep_presence_fresh(self) -> None:
        """The row itself is refreshed with every other socket of this process
        (presence_keeper.py); this checks now and then that the socket may stay."""
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            # Should an event have gone astray, read the kept facts again too.
            self._forget_facts()
            await fanout.room_sockets().keep(
                self.channel_layer, live.room_channel_group(self.group_id)
            )
            if not await database_sync_to_async(self._may_stay)():
                await self._stop(code=NOT_ALLOWED)
                return

    def presence_row(self) -> presence.Row | None:
        """This socket's presence row, to be kept fresh; None once it has left."""
        if self.group is None or self.has_left:
            return None
        return presence.Row(self.channel_name, self.group.pk, self.person.pk)

    def _may_stay(self) -> bool:
        """Checked every few minutes, in case a change reached no socket (a session
        that expired, or a membership changed elsewhere): still signed in, with the
        same session, and still allowed in the room."""
        if self.group is None or self.session_key is None:
            return False
        return session_is_open(self.session_key) and can_join_live_room(
            self.person, self.group
        )

    async def _stop(self, *, code: int) -> None:
        """Stop delivering straight away, before the close handshake finishes."""
        was_in_room = self.group is not None
        self.group = None
        if was_in_room:
            await database_sync_to_async(presence.leave_room)(
                channel_name=self.channel_name
            )
            with contextlib.suppress(Exception):
                await self._announce_presence()
        await self.close(code=code)

    async def _announce_presence(self) -> None:
        presence = await database_sync_to_async(live.presence_in)(self.group_id)
        await self.channel_layer.group_send(
            live.room_channel_group(self.group_id),
            {**presence.as_message(), "type": "presence.changed"},
        )

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels awaits aclose_old_connections() before every handler: a trip to the
        # single database thread for every event delivered to every socket. All the
        # database work here goes through database_sync_to_async, which closes old
        # connections itself, so the trip is skipped.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    # Frames from the browser -----------------------------------------------------

    async def receive(
        self,
        text_data: str | None = None,
        bytes_data: bytes | None = None,
        **kwargs: Any,
    ) -> None:
        """Every frame gets an answer and the socket stays open: a frame we cannot
        use (binary, empty, too large, not JSON, nested too deep, the wrong shape)
        gets a kind error frame, and so does one that fails while we act on it,
        logged by the kind of failure only, never with anyone's words."""
        if text_data is not None and len(text_data) > LARGEST_FRAME:
            await self._error(None, TOO_LARGE)
            return
        content = await self.decode_json(text_data) if text_data else None
        try:
            await self.receive_json(content, **kwargs)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            logger.warning(
                "A live-room frame failed (%s); the socket stays open.",
                type(error).__name__,
            )
            client_id = content.get("client_id") if isinstance(content, dict) else None
            await self._error(client_id, COULD_NOT_SEND)

    @classmethod
    async def decode_json(cls, text_data: str) -> Any:
        try:
            return json.loads(text_data)
        except (ValueError, RecursionError):
            # RecursionError: JSON nested deeper than Python will follow.
            return None

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if self.group is None:
            return
        if not isinstance(content, dict):
            await self._error(None, UNREADABLE)
            return
        kind = content.get("type")
        if kind == "send":
            await self._send_message(content)
        elif kind == "catch_up":
            await self._catch_up(content.get("after"), content.get("shown"))
        elif kind == "step_away":
            await self._set_away(
                is_away=True, shows_away=content.get("visible") is True
            )
        elif kind == "back":
            await self._set_away(is_away=False, shows_away=False)
        else:
            await self._error(None, UNREADABLE)

    async def _error(self, client_id: object, message: str) -> None:
        await self.send_json(
            {
                "type": "error",
                "client_id": client_id if isinstance(client_id, str) else None,
                "message": message,
            }
        )

    async def _send_message(self, content: dict[str, Any]) -> None:
        client_id = content.get("client_id")
        warning_fields = (
            content.get("content_warning"),
            content.get("content_warning_text"),
        )
        if not all(value is None or isinstance(value, str) for value in warning_fields):
            await self._error(client_id, UNREADABLE)
            return
        form = LiveSocketMessageForm(
            data={
                "body": content.get("body")
                if isinstance(content.get("body"), str)
                else "",
                "content_warning": content.get("content_warning") or "",
                "content_warning_text": content.get("content_warning_text") or "",
                "client_id": client_id if isinstance(client_id, str) else "",
            }
        )
        if not form.is_valid():
            first_error = next(iter(form.errors.values()))[0]
            if "client_id" in form.errors:
                first_error = SEND_FAILED
            await self._error(client_id, str(first_error))
            return
        changes = self.facts_changes
        try:
            post, facts, kept = await database_sync_to_async(self._post)(
                form.cleaned_data, self.facts
            )
        except PermissionDenied as error:
            await self._error(client_id, str(error) or SEND_FAILED)
            return
        except ValidationError as error:
            await self._error(client_id, error.messages[0])
            return
        if changes == self.facts_changes:
            self.facts = facts
        # To the room (or the author's own sockets), as the action asked after its
        # commit; made here, so the one database call is the only trip there and back.
        await live.send_kept(kept)
        # The action has returned, so the message is committed.
        await self.send_json(
            {
                "type": "ack",
                "client_id": str(post.client_id),
                "id": post.pk,
                "status": post.status,
            }
        )

    def _post(
        self, data: dict[str, Any], held: LiveFacts | None
    ) -> tuple[Post, LiveFacts, live.Kept]:
        """Write the message on the facts kept, or read them first. Should the kept
        facts refuse it, read them afresh and try once more: they only miss events
        that give the right to write (live_facts.py). Returns what it broadcasts,
        for the event loop to send (live.sends_kept)."""
        with live.sends_kept() as kept:
            post, facts = self._post_on(data, held)
        return post, facts, kept

    def _post_on(
        self, data: dict[str, Any], held: LiveFacts | None
    ) -> tuple[Post, LiveFacts]:
        assert self.group is not None
        facts = held if held is not None else live_facts_of(self.person, self.group)
        fields = {
            "person": self.person,
            "group": self.group,
            "body": data["body"],
            "content_warning": data["content_warning"],
            "content_warning_text": data["content_warning_text"],
            "client_id": data["client_id"],
        }
        try:
            post, _ = actions.post_live_message(**fields, held=facts)
        except PermissionDenied:
            if held is None:
                raise
            facts = live_facts_of(self.person, self.group)
            post, _ = actions.post_live_message(**fields, held=facts)
        return post, facts

    def _forget_facts(self) -> None:
        self.facts = None
        self.facts_changes += 1

    def _catch_up_frames(
        self, after: int, shown: list[int]
    ) -> tuple[bool, list[dict[str, Any]], list[dict[str, Any]]]:
        assert self.group is not None
        return catch_up.frames(
            self.person,
            self.group,
            hidden_topics=self.viewer.hidden_topics,
            links_allowed=self.links_allowed,
            after=after,
            shown=shown,
        )

    async def _catch_up(self, after: object, shown: object) -> None:
        if not isinstance(after, int) or isinstance(after, bool) or after < 0:
            after = 0
        shown_ids = catch_up.shown_ids(shown)
        if shown_ids is None:
            await self._error(None, UNREADABLE)
            shown_ids = []
        is_open, refreshed, missed = await database_sync_to_async(
            self._catch_up_frames
        )(after, shown_ids)
        await self.send_json({"type": "room", "is_open": is_open})
        for message in refreshed + missed:
            await self.send_json(message)
        last_id = missed[-1]["id"] if missed else after
        await self.send_json({"type": "caught_up", "last_id": last_id})

    async def _set_away(self, *, is_away: bool, shows_away: bool) -> None:
        await database_sync_to_async(presence.step_away)(
            channel_name=self.channel_name, is_away=is_away, shows_away=shows_away
        )
        await self._announce_presence()

    # Events from the channel layer ----------------------------------------------

    def room_event(self, event: dict[str, Any]) -> None:
        """An event for the whole room, handed over by this process's one reader of
        the room (fanout.py): it writes at once and never waits."""
        if self.group is None:
            return
        kind = event["type"]
        if kind in ("post.published", "post.withdrawn"):
            if event["group_id"] != self.group_id:
                return
            frame = live_frame_for(event, self.viewer)
            if frame is not None:
                # Rendered and encoded once for the whole room (live.message_event).
                self.outbox.put({"type": "websocket.send", "text": event[frame]})
        elif kind == "presence.changed":
            self._put_json({**event, "type": "presence"})
        elif kind == "screening.changed":
            self._forget_facts()
        elif kind == "room.changed":
            self._forget_facts()
            self._put_json({"type": "room", "is_open": event["is_open"]})

    def _put_json(self, content: dict[str, Any]) -> None:
        self.outbox.put({"type": "websocket.send", "text": json.dumps(content)})

    async def post_published(self, event: dict[str, Any]) -> None:
        # A message only its author may see yet comes to their own sockets.
        self.room_event(event)

    async def posting_changed(self, event: dict[str, Any]) -> None:
        if event.get("group_id") in (None, self.group_id):
            self._forget_facts()

    async def filters_changed(self, event: dict[str, Any]) -> None:
        if self.group is None:
            return
        hidden = await database_sync_to_async(TopicFilter.objects.topics_hidden_by)(
            self.person
        )
        self.viewer = replace(self.viewer, hidden_topics=frozenset(hidden))
        # Messages on screen in a topic now hidden must go: the client asks to
        # catch up with the ids it shows.
        await self.send_json({"type": "filters"})

    async def sockets_close(self, event: dict[str, Any]) -> None:
        if event.get("group_id") not in (None, self.group_id):
            return
        session_key = event.get("session_key")
        if session_key is not None and session_key != self.session_key:
            return
        kept = event.get("except_session_key")
        if kept and kept == self.session_key:
            return
        # Only a session that has ended is told it signed out.
        await self._stop(code=SIGNED_OUT if session_key or kept else NOT_ALLOWED)
