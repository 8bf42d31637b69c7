"""The live-room socket, through the real ASGI application and channel layer."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from typing import Any

import pytest
from allauth.account.signals import password_changed, password_reset, password_set
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.peergroups.actions import leave_group, pause_membership
from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status
from alongside.safety.actions import decide_on_post, report_post
from alongside.safety.models import DecisionAction
from config.asgi import application

from .. import consumers
from ..actions import (
    close_live_room,
    delete_post,
    edit_post,
    set_room_always_open,
    set_topic_filters,
)
from ..models import Post, PostStatus
from ..screening import ScreeningResult
from .factories import live_post, open_room, person_in

ORIGIN = (b"origin", b"http://127.0.0.1")
pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(group: PeerGroup, status: str | None = Status.ACTIVE) -> Person:
    """A person in the group with a signed-in browser session (its cookie kept on
    the object, so the async part of a test needs no database)."""
    person = person_in(group, status)
    client = Client()
    client.force_login(person)
    person.cookie = client.cookies["sessionid"].value  # type: ignore[attr-defined]
    return person


def communicator(
    group: PeerGroup, person: Person | None = None, origin: tuple[bytes, bytes] = ORIGIN
) -> WebsocketCommunicator:
    headers = [origin]
    if person is not None:
        cookie = person.cookie  # type: ignore[attr-defined]
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    return WebsocketCommunicator(
        application, f"/ws/groups/{group.pk}/live/", headers=headers
    )


async def receive_until(socket: WebsocketCommunicator, kind: str) -> dict[str, Any]:
    """Skip presence and other frames until one of the wanted type arrives."""
    while True:
        frame = await socket.receive_json_from(timeout=3)
        if frame["type"] == kind:
            return frame


async def closed_with(socket: WebsocketCommunicator) -> int:
    while True:
        output = await socket.receive_output(timeout=3)
        if output["type"] == "websocket.close":
            return int(output.get("code", 1000))


def send_frame(body: str = "placeholder words", **extra: Any) -> dict[str, Any]:
    return {
        "type": "send",
        "client_id": str(uuid.uuid4()),
        "body": body,
        "content_warning": "",
        "content_warning_text": "",
        **extra,
    }


def run(scenario: Any) -> None:
    async_to_sync(scenario)()


def test_signed_out_visitor_is_refused(group: PeerGroup) -> None:
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group)
        connected, _ = await socket.connect()
        assert connected
        assert await closed_with(socket) == 4403

    run(scenario)


def test_foreign_origin_is_refused(group: PeerGroup) -> None:
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member, origin=(b"origin", b"http://evil.test"))
        connected, _ = await socket.connect()
        assert not connected

    run(scenario)


@pytest.mark.parametrize(
    "status", [None, Status.REQUESTED, Status.PAUSED, Status.LEFT, Status.DECLINED]
)
def test_people_outside_the_room_are_refused(
    group: PeerGroup, status: str | None
) -> None:
    person = signed_in(group, status)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, person)
        await socket.connect()
        assert await closed_with(socket) == 4403

    run(scenario)


def test_message_is_acknowledged_only_once_committed_and_reaches_the_room(
    group: PeerGroup,
) -> None:
    author, listener = signed_in(group), signed_in(group)
    open_room(group)

    async def scenario() -> None:
        a, b = communicator(group, author), communicator(group, listener)
        await a.connect()
        await b.connect()
        frame = send_frame("hello there")
        await a.send_json_to(frame)
        ack = await receive_until(a, "ack")
        assert ack["client_id"] == frame["client_id"]
        assert ack["status"] == "published"
        # Committed: visible from the database when the ack arrives.
        stored = await database_sync_to_async(Post.objects.get)(pk=ack["id"])
        assert stored.body == "hello there"
        message = await receive_until(b, "message")
        assert message["id"] == ack["id"]
        assert "hello there" in message["html"]
        await a.disconnect()
        await b.disconnect()

    run(scenario)


def test_resending_the_same_client_id_does_not_duplicate(group: PeerGroup) -> None:
    author = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, author)
        await socket.connect()
        frame = send_frame()
        await socket.send_json_to(frame)
        first = await receive_until(socket, "ack")
        await socket.send_json_to(frame)
        second = await receive_until(socket, "ack")
        assert first == second
        await socket.disconnect()

    run(scenario)
    assert Post.objects.filter(author=author).count() == 1


def test_catch_up_returns_what_was_missed(group: PeerGroup) -> None:
    author, reader = signed_in(group), signed_in(group)
    seen = live_post(group, author, "seen before")
    missed = [live_post(group, author, f"missed {n}") for n in range(3)]

    async def scenario() -> None:
        socket = communicator(group, reader)
        await socket.connect()
        await socket.send_json_to({"type": "catch_up", "after": seen.pk})
        ids = []
        while True:
            frame = await socket.receive_json_from(timeout=3)
            if frame["type"] == "message":
                ids.append(frame["id"])
            if frame["type"] == "caught_up":
                assert frame["last_id"] == missed[-1].pk
                break
        assert ids == [post.pk for post in missed]
        await socket.disconnect()

    run(scenario)


def test_hidden_topic_is_not_delivered_and_collapsed_one_arrives_folded(
    group: PeerGroup,
) -> None:
    author, hider, folder = signed_in(group), signed_in(group), signed_in(group)
    set_topic_filters(person=hider, choices={"self_harm": "hide"})
    open_room(group)

    async def scenario() -> None:
        a = communicator(group, author)
        h = communicator(group, hider)
        f = communicator(group, folder)
        for socket in (a, h, f):
            await socket.connect()
        await a.send_json_to(send_frame("warned words", content_warning="self_harm"))
        await receive_until(a, "ack")
        await a.send_json_to(send_frame("plain words"))
        await receive_until(a, "ack")
        folded = await receive_until(f, "message")
        assert "<details" in folded["html"]
        assert "Content warning: self-harm" in folded["html"]
        first_for_hider = await receive_until(h, "message")
        assert "plain words" in first_for_hider["html"]
        for socket in (a, h, f):
            await socket.disconnect()

    run(scenario)


def test_a_warning_added_later_takes_the_words_away_from_those_who_hide_it(
    group: PeerGroup,
) -> None:
    author, hider = signed_in(group), signed_in(group)
    facilitator = person_in(group, group_role=GroupRole.FACILITATOR)
    set_topic_filters(person=hider, choices={"self_harm": "hide"})
    open_room(group)

    async def scenario() -> None:
        a, h = communicator(group, author), communicator(group, hider)
        await a.connect()
        await h.connect()
        await a.send_json_to(send_frame("words first sent plainly"))
        ack = await receive_until(a, "ack")
        assert "words first sent plainly" in (await receive_until(h, "message"))["html"]
        post = await database_sync_to_async(Post.objects.get)(pk=ack["id"])
        await database_sync_to_async(edit_post)(
            person=author,
            post=post,
            body="words first sent plainly",
            content_warning="self_harm",
            content_warning_text="",
        )
        frame = await receive_until(h, "message")
        assert frame["id"] == ack["id"]
        assert "words first sent plainly" not in frame["html"]
        assert " hidden>" in frame["html"]
        await a.send_json_to(send_frame("more words sent plainly"))
        ack = await receive_until(a, "ack")
        assert "more words sent plainly" in (await receive_until(h, "message"))["html"]
        post = await database_sync_to_async(Post.objects.get)(pk=ack["id"])
        # Decided about once reported: only a post waiting for a decision is.
        await database_sync_to_async(report_post)(
            person=hider, post=post, reason="other"
        )
        await database_sync_to_async(decide_on_post)(
            person=facilitator,
            post=post,
            action=DecisionAction.PUBLISH_WITH_WARNING,
            reason="a warning helps",
            content_warning="self_harm",
        )
        frame = await receive_until(h, "message")
        assert frame["id"] == ack["id"]
        assert "more words sent plainly" not in frame["html"]
        await a.disconnect()
        await h.disconnect()

    run(scenario)


def test_leaving_the_group_closes_the_socket_at_once(group: PeerGroup) -> None:
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await receive_until(socket, "presence")
        await database_sync_to_async(leave_group)(person=member, group=group)
        assert await closed_with(socket) == 4403

    run(scenario)


def test_pausing_closes_the_socket(group: PeerGroup) -> None:
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await receive_until(socket, "presence")
        await database_sync_to_async(pause_membership)(person=member, group=group)
        assert await closed_with(socket) == 4403

    run(scenario)


def test_signing_out_closes_that_sessions_socket(group: PeerGroup) -> None:
    member = person_in(group)
    open_room(group)
    client = Client()
    client.force_login(member)
    cookie = client.cookies["sessionid"].value

    async def scenario() -> None:
        socket = WebsocketCommunicator(
            application,
            f"/ws/groups/{group.pk}/live/",
            headers=[ORIGIN, (b"cookie", f"sessionid={cookie}".encode())],
        )
        await socket.connect()
        await receive_until(socket, "presence")
        await database_sync_to_async(client.post)("/account/logout/")
        assert await closed_with(socket) == 4401

    run(scenario)


def test_new_member_does_not_get_earlier_live_history(group: PeerGroup) -> None:
    author = signed_in(group)
    live_post(group, author, "said before you came")
    newcomer = signed_in(group)

    async def scenario() -> None:
        socket = communicator(group, newcomer)
        await socket.connect()
        await socket.send_json_to({"type": "catch_up", "after": 0})
        frame = await receive_until(socket, "caught_up")
        assert frame["last_id"] == 0
        await socket.disconnect()

    run(scenario)


def test_new_member_does_not_get_edits_of_earlier_live_history(
    group: PeerGroup,
) -> None:
    author = signed_in(group)
    earlier = live_post(group, author, "said before you came")
    newcomer = signed_in(group)

    async def scenario() -> None:
        socket = communicator(group, newcomer)
        await socket.connect()
        await receive_until(socket, "presence")
        await database_sync_to_async(edit_post)(
            person=author,
            post=earlier,
            body="changed words from before",
            content_warning="",
            content_warning_text="",
        )
        await database_sync_to_async(delete_post)(person=author, post=earlier)
        await socket.send_json_to({"type": "catch_up", "after": 0})
        kinds = []
        while not kinds or kinds[-1] != "caught_up":
            kinds.append((await socket.receive_json_from(timeout=3))["type"])
        assert "message" not in kinds
        await socket.disconnect()

    run(scenario)


def test_held_message_is_kept_and_reaches_its_author_only(
    group: PeerGroup, settings: Any
) -> None:
    settings.ALONGSIDE_SCREENER = (
        "alongside.conversations.tests.test_consumers.hold_everything"
    )
    author, other = signed_in(group), signed_in(group)
    open_room(group)

    async def scenario() -> None:
        a, b = communicator(group, author), communicator(group, other)
        await a.connect()
        await b.connect()
        await a.send_json_to(send_frame("needs a look"))
        ack = await receive_until(a, "ack")
        assert ack["status"] == "held"
        own = await receive_until(a, "message")
        assert "Waiting for a quick check" in own["html"]
        await b.send_json_to({"type": "catch_up", "after": 0})
        caught = await receive_until(b, "caught_up")
        assert caught["last_id"] == 0
        await a.disconnect()
        await b.disconnect()

    run(scenario)
    assert Post.objects.get(author=author).status == PostStatus.HELD


def hold_everything(text: str, *, group: object, author: object) -> ScreeningResult:
    return ScreeningResult(outcome="hold", reasons=["test"])


def test_presence_is_a_number_and_stepping_away_can_show_nothing(
    group: PeerGroup,
) -> None:
    first, second = signed_in(group), signed_in(group)
    open_room(group)

    async def scenario() -> None:
        a, b = communicator(group, first), communicator(group, second)
        await a.connect()
        await b.connect()
        presence = await receive_until(b, "presence")
        while presence["here"] != 2:
            presence = await receive_until(b, "presence")
        assert presence["names"] == []
        await a.send_json_to({"type": "step_away", "visible": True})
        presence = await receive_until(b, "presence")
        # Both arrivals may have been announced once both were counted: a repeat.
        while (presence["here"], presence["taking_a_moment"]) == (2, 0):
            presence = await receive_until(b, "presence")
        assert (presence["here"], presence["taking_a_moment"]) == (1, 1)
        await a.send_json_to({"type": "back"})
        presence = await receive_until(b, "presence")
        assert (presence["here"], presence["taking_a_moment"]) == (2, 0)
        await a.send_json_to({"type": "step_away", "visible": False})
        presence = await receive_until(b, "presence")
        assert (presence["here"], presence["taking_a_moment"]) == (2, 0)
        await a.disconnect()
        await b.disconnect()

    run(scenario)


def test_bad_frames_get_a_kind_error_not_a_crash(group: PeerGroup) -> None:
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await socket.send_to(text_data="not json")
        assert (await receive_until(socket, "error"))["client_id"] is None
        await socket.send_json_to(send_frame("   "))
        error = await receive_until(socket, "error")
        assert "write something" in error["message"]
        await socket.send_json_to(send_frame(client_id="nope"))
        await receive_until(socket, "error")
        await socket.disconnect()

    run(scenario)


def test_a_warning_of_the_wrong_kind_is_refused_in_plain_words(
    group: PeerGroup,
) -> None:
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await socket.send_json_to(send_frame(content_warning="made_up"))
        error = await receive_until(socket, "error")
        assert error["message"] == (
            "Please choose one of the content warnings in the list."
        )
        await socket.send_json_to(send_frame(content_warning=["self_harm"]))
        error = await receive_until(socket, "error")
        assert error["message"] == "That message could not be read."
        await socket.send_json_to(send_frame(content_warning_text=["not words"]))
        error = await receive_until(socket, "error")
        assert error["message"] == "That message could not be read."
        await socket.disconnect()

    run(scenario)
    assert not Post.objects.exists()


def test_binary_and_empty_frames_get_a_kind_error_not_a_crash(
    group: PeerGroup,
) -> None:
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await socket.send_to(bytes_data=b"\x00\x01")
        assert (await receive_until(socket, "error"))["client_id"] is None
        await socket.send_input({"type": "websocket.receive", "text": ""})
        assert (await receive_until(socket, "error"))["client_id"] is None
        await socket.send_json_to({"type": "catch_up", "after": 0})
        assert (await receive_until(socket, "caught_up"))["last_id"] == 0
        await socket.disconnect()

    run(scenario)


def test_sending_in_a_closed_room_is_refused_kindly(group: PeerGroup) -> None:
    member = signed_in(group)
    room = open_room(group)
    room.is_always_open = False
    room.save()

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await socket.send_json_to(send_frame())
        error = await receive_until(socket, "error")
        assert "closed" in error["message"]
        await socket.disconnect()

    run(scenario)
    assert not Post.objects.exists()


def test_a_resend_after_the_room_closed_gets_the_same_ack(group: PeerGroup) -> None:
    member = signed_in(group)
    facilitator = person_in(group, group_role=GroupRole.FACILITATOR)
    room = open_room(group)
    room.is_always_open = False
    room.is_open = True
    room.save()

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        frame = send_frame("saved before the room closed")
        await socket.send_json_to(frame)
        first = await receive_until(socket, "ack")
        await database_sync_to_async(set_room_always_open)(
            person=facilitator, group=group, is_always_open=False
        )
        await database_sync_to_async(close_live_room)(person=facilitator, group=group)
        await receive_until(socket, "room")
        # The first ack was lost on the way: the browser sends the message again.
        await socket.send_json_to(frame)
        assert await receive_until(socket, "ack") == first
        await socket.disconnect()

    run(scenario)
    assert Post.objects.filter(author=member).count() == 1


@pytest.mark.parametrize("signal", [password_changed, password_set, password_reset])
def test_a_new_password_closes_every_socket_of_the_person(
    group: PeerGroup, signal: Any
) -> None:
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await receive_until(socket, "presence")
        await database_sync_to_async(signal.send)(
            sender=Person, request=None, user=member
        )
        assert await closed_with(socket) == 4403

    run(scenario)


def test_an_ended_session_closes_the_socket_at_the_next_check(
    group: PeerGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(consumers, "HEARTBEAT_SECONDS", 0.05)
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await receive_until(socket, "presence")
        await database_sync_to_async(
            Session.objects.filter(session_key=member.cookie).update  # type: ignore[attr-defined]
        )(expire_date=timezone.now() - timedelta(seconds=1))
        assert await closed_with(socket) == 4403

    run(scenario)


def test_a_membership_ended_elsewhere_closes_the_socket_at_the_next_check(
    group: PeerGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(consumers, "HEARTBEAT_SECONDS", 0.05)
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await receive_until(socket, "presence")
        # Changed without the action, so no close message is sent.
        await database_sync_to_async(Membership.objects.filter(person=member).update)(
            status=Status.LEFT
        )
        assert await closed_with(socket) == 4403

    run(scenario)


def test_a_member_still_signed_in_stays_connected(
    group: PeerGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(consumers, "HEARTBEAT_SECONDS", 0.05)
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        await receive_until(socket, "presence")
        await asyncio.sleep(0.3)
        await socket.send_json_to({"type": "catch_up", "after": 0})
        assert (await receive_until(socket, "caught_up"))["type"] == "caught_up"
        await socket.disconnect()

    run(scenario)


async def catch_up_frames(
    socket: WebsocketCommunicator, **request: Any
) -> list[dict[str, Any]]:
    """Ask to catch up, and gather every frame but presence up to caught_up."""
    await socket.send_json_to({"type": "catch_up", **request})
    frames = []
    while not frames or frames[-1]["type"] != "caught_up":
        frame = await socket.receive_json_from(timeout=3)
        if frame["type"] != "presence":
            frames.append(frame)
    return frames


def messages_by_id(frames: list[dict[str, Any]]) -> dict[int, str]:
    return {
        frame["id"]: frame["html"] for frame in frames if frame["type"] == "message"
    }


def test_catch_up_brings_what_changed_on_screen_while_disconnected(
    group: PeerGroup,
) -> None:
    author, reader = signed_in(group), signed_in(group)
    facilitator = person_in(group, group_role=GroupRole.FACILITATOR)
    open_room(group)
    kept = live_post(group, author, "words that stay")
    to_hide = live_post(group, author, "words a facilitator hides")
    to_delete = live_post(group, author, "words their author removes")
    to_edit = live_post(group, author, "words before a change")
    to_fold = live_post(group, author, "words given a warning")
    shown = [kept.pk, to_hide.pk, to_delete.pk, to_edit.pk, to_fold.pk]

    async def scenario() -> None:
        socket = communicator(group, reader)
        await socket.connect()
        frames = await catch_up_frames(socket, after=to_fold.pk, shown=shown)
        assert {"type": "room", "is_open": True} in frames
        assert sorted(messages_by_id(frames)) == shown
        await socket.disconnect()

        held = await database_sync_to_async(live_post)(
            group, facilitator, "words still waiting", status=PostStatus.HELD
        )
        # Decided about once reported: only a post waiting for a decision is.
        for post in (to_hide, to_fold):
            await database_sync_to_async(report_post)(
                person=reader, post=post, reason="other"
            )
        await database_sync_to_async(decide_on_post)(
            person=facilitator,
            post=to_hide,
            action=DecisionAction.HIDE,
            reason="against the agreement",
            note_to_author="a kind note",
        )
        await database_sync_to_async(delete_post)(person=author, post=to_delete)
        await database_sync_to_async(edit_post)(
            person=author,
            post=to_edit,
            body="words after a change",
            content_warning="",
            content_warning_text="",
        )
        await database_sync_to_async(decide_on_post)(
            person=facilitator,
            post=to_fold,
            action=DecisionAction.PUBLISH_WITH_WARNING,
            reason="a warning helps",
            content_warning="self_harm",
        )
        await database_sync_to_async(set_topic_filters)(
            person=reader, choices={"self_harm": "hide"}
        )
        await database_sync_to_async(set_room_always_open)(
            person=facilitator, group=group, is_always_open=False
        )
        await database_sync_to_async(close_live_room)(person=facilitator, group=group)

        socket = communicator(group, reader)
        await socket.connect()
        frames = await catch_up_frames(
            socket, after=to_fold.pk, shown=[*shown, held.pk]
        )
        html = messages_by_id(frames)
        assert {"type": "room", "is_open": False} in frames
        assert sorted(html) == sorted([*shown, held.pk])
        assert "words that stay" in html[kept.pk]
        assert html[to_hide.pk] == f'<li id="post-{to_hide.pk}" hidden></li>'
        assert "words their author removes" not in html[to_delete.pk]
        assert "Removed by the person who wrote it." in html[to_delete.pk]
        assert "words after a change" in html[to_edit.pk]
        assert "(edited)" in html[to_edit.pk]
        assert html[to_fold.pk] == f'<li id="post-{to_fold.pk}" hidden></li>'
        assert html[held.pk] == f'<li id="post-{held.pk}" hidden></li>'
        everything_sent = str(frames)
        for words in ("facilitator hides", "before a change", "warning", "waiting"):
            assert words not in everything_sent
        assert frames[-1] == {"type": "caught_up", "last_id": to_fold.pk}
        await socket.disconnect()

    run(scenario)


def test_catch_up_brings_a_message_shared_after_its_check_while_disconnected(
    group: PeerGroup,
) -> None:
    author, reader = signed_in(group), signed_in(group)
    facilitator = person_in(group, group_role=GroupRole.FACILITATOR)
    open_room(group)
    first = live_post(group, author, "words already seen")
    checked = live_post(group, author, "words shared once checked", status="held")
    not_yet = live_post(group, author, "words still being checked", status="held")
    last = live_post(group, author, "more words already seen")

    async def scenario() -> None:
        await database_sync_to_async(decide_on_post)(
            person=facilitator,
            post=checked,
            action=DecisionAction.PUBLISH,
            reason="fine to share",
        )
        socket = communicator(group, reader)
        await socket.connect()
        frames = await catch_up_frames(socket, after=last.pk, shown=[first.pk, last.pk])
        html = messages_by_id(frames)
        assert sorted(html) == [first.pk, checked.pk, last.pk]
        assert "words shared once checked" in html[checked.pk]
        assert not_yet.pk not in html
        assert "still being checked" not in str(frames)
        await socket.disconnect()

    run(scenario)


def test_catch_up_never_refreshes_messages_from_before_the_person_joined(
    group: PeerGroup,
) -> None:
    author = signed_in(group)
    earlier = live_post(group, author, "said before you came")
    newcomer = signed_in(group)
    later = live_post(group, author, "said after you came")

    async def scenario() -> None:
        socket = communicator(group, newcomer)
        await socket.connect()
        frames = await catch_up_frames(
            socket, after=later.pk, shown=[earlier.pk, later.pk]
        )
        html = messages_by_id(frames)
        assert html[earlier.pk] == f'<li id="post-{earlier.pk}" hidden></li>'
        assert "said after you came" in html[later.pk]
        assert "before you came" not in str(frames)
        await socket.disconnect()

    run(scenario)


def test_junk_in_the_ids_shown_is_refused_kindly_or_ignored(group: PeerGroup) -> None:
    member = signed_in(group)
    open_room(group)
    post = live_post(group, member, "placeholder words")

    async def scenario() -> None:
        socket = communicator(group, member)
        await socket.connect()
        frames = await catch_up_frames(socket, after=post.pk, shown="all of them")
        assert frames[0] == {
            "type": "error",
            "client_id": None,
            "message": "That message could not be read.",
        }
        assert frames[-1] == {"type": "caught_up", "last_id": post.pk}
        junk = [True, "3", -1, 0, 1.5, None, {"id": 1}, [post.pk], 2**64]
        frames = await catch_up_frames(socket, after=post.pk, shown=junk)
        assert [frame["type"] for frame in frames] == ["room", "caught_up"]
        frames = await catch_up_frames(
            socket, after=post.pk, shown=[*junk, post.pk, post.pk]
        )
        assert list(messages_by_id(frames)) == [post.pk]
        many = list(range(1, 10_000))
        frames = await catch_up_frames(socket, after="junk", shown=many)
        withdrawn = [frame for frame in frames if frame.get("client_id", "") is None]
        assert len(withdrawn) == consumers.CATCH_UP_LIMIT
        assert withdrawn[0]["id"] == len(many) - consumers.CATCH_UP_LIMIT + 1
        await socket.disconnect()

    run(scenario)


def test_hiding_a_topic_elsewhere_takes_its_messages_off_an_open_screen(
    group: PeerGroup,
) -> None:
    author, reader = signed_in(group), signed_in(group)
    open_room(group)
    plain = live_post(group, author, "plain words")
    warned = live_post(group, author, "warned words", content_warning="self_harm")

    async def scenario() -> None:
        socket = communicator(group, reader)
        await socket.connect()
        await receive_until(socket, "presence")
        await database_sync_to_async(set_topic_filters)(
            person=reader, choices={"self_harm": "hide"}
        )
        assert await receive_until(socket, "filters") == {"type": "filters"}
        frames = await catch_up_frames(
            socket, after=warned.pk, shown=[plain.pk, warned.pk]
        )
        html = messages_by_id(frames)
        assert "plain words" in html[plain.pk]
        assert html[warned.pk] == f'<li id="post-{warned.pk}" hidden></li>'
        await socket.disconnect()

    run(scenario)
