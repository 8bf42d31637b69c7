"""A live message crosses from the event loop to the database thread and back once:
its broadcast, asked for after the commit, is made on the loop when the database
call returns (live.sends_kept), not handed across on its own."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.db import transaction
from pytest_django import Settings

from alongside.peergroups.models import PeerGroup

from .. import live
from ..actions import post_live_message
from .factories import open_room
from .test_consumers import communicator, receive_until, run, send_frame, signed_in
from .test_live_facts import settled

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def no_limits(settings: Settings) -> None:
    settings.ALONGSIDE_RATE_LIMITS = {}


def test_a_message_crosses_to_the_database_thread_and_back_once(
    group: PeerGroup,
) -> None:
    author, listener = signed_in(group), signed_in(group)
    open_room(group)

    async def scenario() -> None:
        a, b = communicator(group, author), communicator(group, listener)
        await a.connect()
        await b.connect()
        # Until the joins' own work on the database thread (presence) is done.
        while (await receive_until(a, "presence"))["here"] != 2:
            pass
        await asyncio.sleep(1)
        loop = asyncio.get_running_loop()
        crossings: list[Any] = []
        hand_over = loop.call_soon_threadsafe

        def counted(callback: Any, *args: Any, **kwargs: Any) -> Any:
            crossings.append(callback)
            return hand_over(callback, *args, **kwargs)

        loop.call_soon_threadsafe = counted  # type: ignore[method-assign]
        try:
            frame = send_frame("one trip there and back")
            await a.send_json_to(frame)
            ack = await receive_until(a, "ack")
            message = await receive_until(b, "message")
        finally:
            del loop.call_soon_threadsafe
        assert ack["client_id"] == frame["client_id"]
        assert message["id"] == ack["id"]
        # The database call's own return is the only thing handed to the loop.
        assert len(crossings) == 1
        await a.disconnect()
        await b.disconnect()

    run(scenario)


def test_kept_broadcasts_reach_the_room_only_when_sent(group: PeerGroup) -> None:
    author, listener = signed_in(group), signed_in(group)
    open_room(group)

    async def scenario() -> None:
        b = communicator(group, listener)
        await b.connect()
        await receive_until(b, "presence")

        def write() -> live.Kept:
            with live.sends_kept() as kept:
                post_live_message(
                    person=author,
                    group=group,
                    body="kept until sent",
                    content_warning="",
                    content_warning_text="",
                    client_id=send_frame()["client_id"],
                )
            return kept

        kept = await database_sync_to_async(write)()
        assert [event["type"] for _, event in kept] == ["post.published"]
        await settled()
        assert await b.receive_nothing(timeout=0.05)
        await live.send_kept(kept)
        message = await receive_until(b, "message")
        assert "kept until sent" in message["html"]
        await b.disconnect()

    run(scenario)


def test_what_was_kept_goes_out_when_the_call_fails_after_its_commit(
    group: PeerGroup,
) -> None:
    author, listener = signed_in(group), signed_in(group)
    open_room(group)

    async def scenario() -> None:
        b = communicator(group, listener)
        await b.connect()
        await settled()

        def write_then_fail() -> None:
            with live.sends_kept():
                with transaction.atomic():
                    post_live_message(
                        person=author,
                        group=group,
                        body="sent although the call failed",
                        content_warning="",
                        content_warning_text="",
                        client_id=send_frame()["client_id"],
                    )
                raise RuntimeError("after the commit")

        with pytest.raises(RuntimeError):
            await database_sync_to_async(write_then_fail)()
        message = await receive_until(b, "message")
        assert "sent although the call failed" in message["html"]
        await b.disconnect()

    run(scenario)
