"""An open live socket keeps what the rule for writing and the screener read between
messages (live_facts.py), and every action that changes one of those facts tells it
at once: the very next message obeys the change."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone
from pytest_django import Settings

from alongside.accounts.models import Person
from alongside.agreements.actions import confirm_agreement
from alongside.agreements.tests.factories import AgreementItemFactory
from alongside.peergroups.actions import leave_group, pause_membership, rename_self
from alongside.peergroups.models import GroupRole, PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.safety.actions import (
    create_phrase_rule,
    decide_on_post,
    report_post,
    update_phrase_rule,
)
from alongside.safety.models import DecisionAction, PhraseRule, RuleAction

from ..actions import close_live_room, set_room_always_open
from ..models import Participation, Post, PostStatus
from .factories import open_room, person_in
from .test_consumers import (
    closed_with,
    communicator,
    receive_until,
    run,
    send_frame,
    signed_in,
)

pytestmark = pytest.mark.django_db(transaction=True)

RULE_WORDS = "bluebell meadow"


@pytest.fixture(autouse=True)
def no_limits(settings: Settings) -> None:
    settings.ALONGSIDE_RATE_LIMITS = {}


async def sent(socket: WebsocketCommunicator, body: str = "placeholder") -> dict:  # type: ignore[type-arg]
    """Send a message and return the answer to it: its ack or an error."""
    await socket.send_json_to(send_frame(body))
    while True:
        frame = await socket.receive_json_from(timeout=10)
        if frame["type"] in ("ack", "error"):
            return frame  # type: ignore[no-any-return]


async def settled() -> None:
    """Let the socket take in the events already sent to it. They were queued
    before this is called, so no time needs to pass: this only gives the event loop
    its turns."""
    for _ in range(100):
        await asyncio.sleep(0)


def test_a_posting_pause_stops_the_next_message(group: PeerGroup) -> None:
    author, reporter = signed_in(group), signed_in(group)
    facilitator = person_in(group, group_role=GroupRole.FACILITATOR)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, author)
        await socket.connect()
        ack = await sent(socket, "first words")
        assert ack["type"] == "ack"
        post = await database_sync_to_async(Post.objects.get)(pk=ack["id"])
        await database_sync_to_async(report_post)(
            person=reporter, post=post, reason="other"
        )
        await database_sync_to_async(decide_on_post)(
            person=facilitator,
            post=post,
            action=DecisionAction.PAUSE_POSTING,
            reason="a pause for a while",
            note_to_author="Take a little time; we are here.",
            pause_days=1,
        )
        await settled()
        refused = await sent(socket, "second words")
        assert refused["type"] == "error"
        assert "paused your posting" in refused["message"]
        await socket.disconnect()

    run(scenario)
    assert Post.objects.filter(author=author).count() == 1


def test_a_new_name_in_the_group_is_used_from_the_next_message(
    group: PeerGroup,
) -> None:
    author, reader = signed_in(group), signed_in(group)
    open_room(group)

    async def scenario() -> None:
        mine, theirs = communicator(group, author), communicator(group, reader)
        await mine.connect()
        await theirs.connect()
        await sent(mine, "before the new name")
        await receive_until(theirs, "message")
        await database_sync_to_async(rename_self)(
            person=author, group=group, display_name="Quiet Heron"
        )
        await settled()
        await sent(mine, "after the new name")
        frame = await receive_until(theirs, "message")
        assert "Quiet Heron" in frame["html"]
        await mine.disconnect()
        await theirs.disconnect()

    run(scenario)


@pytest.mark.parametrize("whose", ["group", "organisation"])
def test_a_new_phrase_rule_screens_the_next_message(
    group: PeerGroup, whose: str
) -> None:
    author = signed_in(group)
    facilitator = person_in(group, group_role=GroupRole.FACILITATOR)
    admin = person_in_state("org admin", group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, author)
        await socket.connect()
        assert (await sent(socket, f"a {RULE_WORDS} before"))["status"] == "published"
        await database_sync_to_async(create_phrase_rule)(
            by=facilitator if whose == "group" else admin,
            organisation=group.organisation,
            group=group if whose == "group" else None,
            pattern=RULE_WORDS,
            action=RuleAction.HOLD,
        )
        await settled()
        assert (await sent(socket, f"a {RULE_WORDS} after"))["status"] == "held"
        await socket.disconnect()

    run(scenario)


def test_a_phrase_rule_turned_off_no_longer_screens_the_next_message(
    group: PeerGroup,
) -> None:
    author = signed_in(group)
    facilitator = person_in(group, group_role=GroupRole.FACILITATOR)
    rule = create_phrase_rule(
        by=facilitator,
        organisation=group.organisation,
        group=group,
        pattern=RULE_WORDS,
        action=RuleAction.HOLD,
    )
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, author)
        await socket.connect()
        assert (await sent(socket, f"a {RULE_WORDS} before"))["status"] == "held"
        await database_sync_to_async(update_phrase_rule)(
            by=facilitator,
            rule=rule,
            pattern=RULE_WORDS,
            action=RuleAction.HOLD,
            is_active=False,
        )
        await settled()
        assert (await sent(socket, f"a {RULE_WORDS} after"))["status"] == "published"
        await socket.disconnect()

    run(scenario)


def test_closing_the_room_refuses_the_next_message(group: PeerGroup) -> None:
    author = signed_in(group)
    facilitator = person_in(group, group_role=GroupRole.FACILITATOR)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, author)
        await socket.connect()
        assert (await sent(socket))["type"] == "ack"
        await database_sync_to_async(set_room_always_open)(
            person=facilitator, group=group, is_always_open=False
        )
        await database_sync_to_async(close_live_room)(person=facilitator, group=group)
        await receive_until(socket, "room")
        refused = await sent(socket)
        assert refused["type"] == "error"
        assert "closed" in refused["message"]
        await socket.disconnect()

    run(scenario)


@pytest.mark.parametrize("action", [pause_membership, leave_group])
def test_a_break_or_leaving_closes_the_socket_before_another_message(
    group: PeerGroup, action: object
) -> None:
    author = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, author)
        await socket.connect()
        assert (await sent(socket))["type"] == "ack"
        await database_sync_to_async(action)(person=author, group=group)  # type: ignore[operator]
        assert await closed_with(socket) == 4403

    run(scenario)
    assert Post.objects.filter(author=author).count() == 1


def test_confirming_the_agreement_lets_the_next_message_through(
    group: PeerGroup,
) -> None:
    AgreementItemFactory.create(version__agreement__group=group)
    newcomer = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, newcomer)
        await socket.connect()
        refused = await sent(socket)
        assert refused["type"] == "error"
        assert "agreement" in refused["message"]
        # No event is needed for a change that gives the right to write.
        await database_sync_to_async(confirm_agreement)(person=newcomer, group=group)
        assert (await sent(socket))["type"] == "ack"
        await socket.disconnect()

    run(scenario)


def test_the_socket_keeps_what_it_read_until_it_is_told(group: PeerGroup) -> None:
    """A change written around the actions sends no event, so the socket goes on
    with the facts it kept: this is what the events above are for."""
    author = signed_in(group)
    open_room(group)

    def pause_around_the_actions(person: Person) -> None:
        Participation.objects.update_or_create(
            person=person,
            group=group,
            defaults={"posting_paused_until": timezone.now() + timedelta(days=1)},
        )

    async def scenario() -> None:
        socket = communicator(group, author)
        await socket.connect()
        assert (await sent(socket, "first"))["type"] == "ack"
        await database_sync_to_async(pause_around_the_actions)(author)
        assert (await sent(socket, "kept facts"))["type"] == "ack"
        await socket.disconnect()

    run(scenario)
    assert Post.objects.filter(author=author, status=PostStatus.PUBLISHED).count() == 2
    assert PhraseRule.objects.count() == 0
