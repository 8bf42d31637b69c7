"""The private conversation socket, and the person's notice socket.

The conversation socket speaks the live-room protocol (docs/live-sessions.md;
docs/private-conversations.md lists the differences): `send` and `catch_up` from the
client; `ack` after commit, `message`, `error`, `room` and `caught_up` from the
server. It reuses the live room's frame parsing and its browser client, so a
message is acknowledged only once committed, a resend with the same client id
never makes a second one, and a reconnection catches up from the last id seen.
Rules come from permissions.py and every change from actions.py.
"""

from __future__ import annotations

import asyncio
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404

from alongside.accounts.models import Person
from alongside.conversations import catch_up
from alongside.conversations.consumers import (
    CATCH_UP_LIMIT,
    HEARTBEAT_SECONDS,
    NOT_ALLOWED,
    SEND_FAILED,
    SIGNED_OUT,
    UNREADABLE,
    LiveRoomConsumer,
    session_is_open,
)
from alongside.core.live import person_channel_group

from . import actions, live
from .forms import MessageForm
from .models import Conversation, Message
from .permissions import may_receive, messages_visible_to, participant_of

# How often an open socket reads again whether it may stay, as the live room does:
# the event that closes it when someone leaves (`participant.left`) is sent once,
# and a full channel-layer queue may drop it.
RECHECK_SECONDS: float = HEARTBEAT_SECONDS


class PrivateConversationConsumer(AsyncJsonWebsocketConsumer):  # type: ignore[misc]
    person: Person
    conversation: Conversation | None = None
    side: str = ""
    reads_from: int = 0
    has_left = False
    recheck: asyncio.Task[None] | None = None

    # The live room's reading of frames: junk, binary or empty frames get an error,
    # never a dropped socket.
    receive = LiveRoomConsumer.receive
    decode_json = LiveRoomConsumer.decode_json

    async def connect(self) -> None:
        self.conversation_id = int(self.scope["url_route"]["kwargs"]["conversation_id"])
        self.person = self.scope["user"]
        session = self.scope.get("session")
        self.session_key = session.session_key if session is not None else None
        await self.accept()
        if not self.person.is_authenticated:
            await self.close(code=NOT_ALLOWED)
            return
        # Join the channel groups before checking, so that a leave committed in
        # between still reaches this socket.
        await self.channel_layer.group_add(
            person_channel_group(self.person.pk), self.channel_name
        )
        await self.channel_layer.group_add(
            live.conversation_channel_group(self.conversation_id), self.channel_name
        )
        if not await database_sync_to_async(self._enter)():
            await self._stop(code=NOT_ALLOWED)
            return
        self.recheck = asyncio.create_task(self._keep_checking())

    async def _keep_checking(self) -> None:
        """Every few minutes, in case the event closing this socket went astray:
        stop unless it may still stay."""
        while True:
            await asyncio.sleep(RECHECK_SECONDS)
            if self.conversation is None:
                return
            if not await database_sync_to_async(self._may_stay)():
                self.recheck = None  # this task ends here; nothing to cancel
                await self._stop(code=NOT_ALLOWED)
                return

    def _may_stay(self) -> bool:
        """The live room's rule (LiveRoomConsumer._may_stay) for this socket: still
        signed in, with the same session, and still in the conversation by the
        policy's participant rule (a place left, or ended with a staff role taken
        away, is not)."""
        if self.conversation is None or self.session_key is None:
            return False
        return (
            session_is_open(self.session_key)
            and participant_of(self.person, self.conversation) is not None
        )

    def _enter(self) -> bool:
        conversation = Conversation.objects.filter(pk=self.conversation_id).first()
        if conversation is None:
            return False
        place = participant_of(self.person, conversation)
        if place is None:
            return False
        self.conversation = conversation
        self.side = place.side
        self.reads_from = place.reads_from_message_id
        return True

    async def disconnect(self, code: int) -> None:
        if self.recheck is not None:
            self.recheck.cancel()
            self.recheck = None
        await self._leave_groups()

    async def _leave_groups(self) -> None:
        if self.has_left or getattr(self, "conversation_id", None) is None:
            return
        self.has_left = True
        await self.channel_layer.group_discard(
            live.conversation_channel_group(self.conversation_id), self.channel_name
        )
        if self.person.is_authenticated:
            await self.channel_layer.group_discard(
                person_channel_group(self.person.pk), self.channel_name
            )

    async def _stop(self, *, code: int) -> None:
        """Stop delivering straight away, before the close handshake finishes."""
        self.conversation = None
        await self._leave_groups()
        await self.close(code=code)

    # Frames from the browser -----------------------------------------------------

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if self.conversation is None:
            return
        if not isinstance(content, dict):
            await self._error(None, UNREADABLE)
            return
        kind = content.get("type")
        if kind == "send":
            await self._send_message(content)
        elif kind == "catch_up":
            await self._catch_up(content.get("after"), content.get("shown"))
        elif kind in ("step_away", "back"):
            return  # the live room's calm space; nothing to do here
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
        body = content.get("body")
        form = MessageForm(
            data={
                "body": body if isinstance(body, str) else "",
                "client_id": client_id if isinstance(client_id, str) else "",
            }
        )
        if not form.is_valid():
            first_error = next(iter(form.errors.values()))[0]
            if "client_id" in form.errors:
                first_error = SEND_FAILED
            await self._error(client_id, str(first_error))
            return
        try:
            message, _ = await database_sync_to_async(actions.send_message)(
                person=self.person,
                conversation=self.conversation,
                body=form.cleaned_data["body"],
                client_id=form.cleaned_data["client_id"],
            )
        except (PermissionDenied, Http404) as error:
            await self._error(client_id, str(error) or SEND_FAILED)
            return
        except ValidationError as error:
            await self._error(client_id, error.messages[0])
            return
        # The action has returned, so the message is committed.
        await self.send_json(
            {
                "type": "ack",
                "client_id": str(message.client_id),
                "id": message.pk,
                "status": message.status,
            }
        )

    def _frame(self, message: Message) -> dict[str, Any]:
        return live.frame(
            message,
            live.render_message(
                message, viewer_id=self.person.pk, viewer_side=self.side
            ),
        )

    def _visible(self) -> QuerySet[Message]:
        assert self.conversation is not None
        return messages_visible_to(self.person, self.conversation)

    def _catch_up_frames(
        self, after: int, shown: list[int]
    ) -> tuple[bool, list[dict[str, Any]], list[dict[str, Any]]]:
        assert self.conversation is not None
        self.conversation.refresh_from_db(fields=["ended_at"])
        visible = self._visible()
        refreshed: list[dict[str, Any]] = []
        if shown:
            still = {m.pk: m for m in visible.filter(pk__in=shown)}
            refreshed = [
                self._frame(still[pk])
                if pk in still
                else {
                    "type": "message",
                    "id": pk,
                    "client_id": None,
                    "html": f'<li id="post-{int(pk)}" hidden></li>',
                }
                for pk in shown
            ]
        missed = [
            self._frame(m)
            for m in visible.filter(pk__gt=after).order_by("pk")[:CATCH_UP_LIMIT]
        ]
        if missed:
            actions.mark_read(
                person=self.person,
                conversation=self.conversation,
                up_to=int(missed[-1]["id"]),
            )
        return self.conversation.is_open, refreshed, missed

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

    # Events from the channel layer ----------------------------------------------

    async def private_message(self, event: dict[str, Any]) -> None:
        if self.conversation is None:
            return
        if not may_receive(reads_from=self.reads_from, message_id=event["message_id"]):
            return
        if event["author_id"] == self.person.pk:
            await self.send(text_data=event["author_frame"])
            return
        await self.send(
            text_data=event["team_frame"]
            if self.side == "team"
            else event["person_frame"]
        )
        await database_sync_to_async(actions.mark_read)(
            person=self.person,
            conversation=self.conversation,
            up_to=event["message_id"],
        )

    async def participant_left(self, event: dict[str, Any]) -> None:
        if event["person_id"] == self.person.pk:
            await self._stop(code=NOT_ALLOWED)

    async def conversation_ended(self, event: dict[str, Any]) -> None:
        if self.conversation is None:
            return
        await self.send_json({"type": "room", "is_open": False})

    async def sockets_close(self, event: dict[str, Any]) -> None:
        """Signing out, a changed password and erasure close this socket; leaving a
        group (an event naming one) does not."""
        if event.get("group_id") is not None:
            return
        session_key = event.get("session_key")
        if session_key is not None and session_key != self.session_key:
            return
        await self._stop(code=SIGNED_OUT if session_key else NOT_ALLOWED)

    # Live-room events sent to the person's own channel group (their held live
    # messages, changed filters) are not for this socket.
    async def post_published(self, event: dict[str, Any]) -> None:
        return None

    async def filters_changed(self, event: dict[str, Any]) -> None:
        return None


class PrivateNoticesConsumer(AsyncJsonWebsocketConsumer):  # type: ignore[misc]
    """Listens only: tells the person's open pages (the crisis card under their
    post, their inbox) that the team has written, with the notice rendered."""

    group_name: str | None = None

    async def connect(self) -> None:
        person = self.scope["user"]
        await self.accept()
        if not person.is_authenticated:
            await self.close(code=NOT_ALLOWED)
            return
        session = self.scope.get("session")
        self.session_key = session.session_key if session is not None else None
        self.group_name = live.notices_channel_group(person.pk)
        self.person_group = person_channel_group(person.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.channel_layer.group_add(self.person_group, self.channel_name)

    async def disconnect(self, code: int) -> None:
        if self.group_name is not None:
            await self.channel_layer.group_discard(self.group_name, self.channel_name)
            await self.channel_layer.group_discard(self.person_group, self.channel_name)
            self.group_name = None

    async def receive(
        self,
        text_data: str | None = None,
        bytes_data: bytes | None = None,
        **kwargs: Any,
    ) -> None:
        return None

    async def notice_changed(self, event: dict[str, Any]) -> None:
        await self.send_json(
            {
                "type": "notice",
                "organisation_id": event["organisation_id"],
                "html": event["html"],
            }
        )

    async def sockets_close(self, event: dict[str, Any]) -> None:
        if event.get("group_id") is not None:
            return
        session_key = event.get("session_key")
        if session_key is not None and session_key != self.session_key:
            return
        await self.disconnect(NOT_ALLOWED)
        await self.close(code=SIGNED_OUT if session_key else NOT_ALLOWED)

    # Events for live rooms sent to the person's group are not for this socket.
    async def filters_changed(self, event: dict[str, Any]) -> None:
        return None

    async def post_published(self, event: dict[str, Any]) -> None:
        return None
