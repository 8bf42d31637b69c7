"""An open Today page hears of new items over the staff alert socket, through the
real ASGI application, channel layer and actions."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.conversations.models import Post
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)
from alongside.peergroups import actions as group_actions
from alongside.peergroups.models import GroupRole, JoinPolicy, PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.safety import actions as safety_actions
from config.asgi import application

from .worlds import member_of, post_in

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = (b"origin", b"http://127.0.0.1")


def browser_of(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def today_socket(client: Client) -> WebsocketCommunicator:
    """The socket every staff page opens, the Today page included."""
    cookie = client.cookies["sessionid"].value
    return WebsocketCommunicator(
        application,
        "/ws/duty/",
        headers=[ORIGIN, (b"cookie", f"sessionid={cookie}".encode())],
    )


def staff_of(organisation: Organisation, role: str = Role.FACILITATOR) -> Person:
    """Staff with a second step, passed when their browser signs in: the staff
    socket is only for sessions that passed it."""
    person = PersonFactory.create()
    OrganisationRoleFactory.create(organisation=organisation, person=person, role=role)
    give_second_factor(person)
    return person


def facilitated_group(organisation: Organisation, facilitator: Person) -> PeerGroup:
    group = PeerGroupFactory.create(
        organisation=organisation, join_policy=JoinPolicy.REQUEST
    )
    MembershipFactory.create(
        group=group, person=facilitator, role=GroupRole.FACILITATOR
    )
    return group


async def frames_until(socket: WebsocketCommunicator, kind: str) -> list[Any]:
    frames: list[Any] = []
    while not frames or frames[-1]["type"] != kind:
        frames.append(await socket.receive_json_from(timeout=3))
    return frames


def test_a_new_alert_reaches_the_open_today_page_of_the_facilitator_on_duty() -> None:
    organisation = OrganisationFactory.create()
    facilitator = staff_of(organisation)
    group = facilitated_group(organisation, facilitator)
    safety_actions.go_on_duty(person=facilitator, organisation=organisation)
    post = post_in(group, member_of(group), "placeholder words")

    browser = browser_of(facilitator)

    async def scenario() -> list[Any]:
        socket = today_socket(browser)
        assert (await socket.connect())[0]
        escalation = await database_sync_to_async(safety_actions.raise_escalation)(
            post_id=post.pk
        )
        frames = await frames_until(socket, "alert")
        await socket.disconnect()
        assert escalation is not None
        assert frames[-1]["id"] == escalation.pk
        return frames

    frames = async_to_sync(scenario)()

    assert {"type": "changed"} in frames
    assert f"Someone in {group.name} may need support now" in frames[-1]["html"]
    assert "placeholder words" not in str(frames)


def test_a_request_to_join_tells_every_open_staff_page_of_the_organisation() -> None:
    organisation = OrganisationFactory.create()
    facilitator = staff_of(organisation)
    supervisor = staff_of(organisation, Role.SUPERVISOR)
    group = facilitated_group(organisation, facilitator)
    asking = PersonFactory.create()
    OrganisationRoleFactory.create(organisation=organisation, person=asking)

    browsers = browser_of(facilitator), browser_of(supervisor)

    async def scenario() -> None:
        facilitators, supervisors = (today_socket(b) for b in browsers)
        assert (await facilitators.connect())[0]
        assert (await supervisors.connect())[0]
        await database_sync_to_async(group_actions.join_group)(
            person=asking, group=group, display_name="Placeholder Name"
        )
        assert await facilitators.receive_json_from(timeout=3) == {"type": "changed"}
        assert await supervisors.receive_json_from(timeout=3) == {"type": "changed"}
        await facilitators.disconnect()
        await supervisors.disconnect()

    async_to_sync(scenario)()


def test_a_held_post_tells_open_staff_pages() -> None:
    import uuid

    from alongside.conversations import actions as conversation_actions

    organisation = OrganisationFactory.create()
    facilitator = staff_of(organisation)
    group = facilitated_group(organisation, facilitator)
    author = member_of(group)

    browser = browser_of(facilitator)

    async def scenario() -> Post:
        socket = today_socket(browser)
        assert (await socket.connect())[0]
        thread = await database_sync_to_async(conversation_actions.start_thread)(
            person=author,
            group=group,
            title="A title",
            kind="sharing",
            body="Text me on 07700 900123 any time.",
            content_warning="",
            content_warning_text="",
            client_id=uuid.uuid4(),
        )
        assert await socket.receive_json_from(timeout=3) == {"type": "changed"}
        await socket.disconnect()
        post: Post = await database_sync_to_async(thread.posts.get)()
        return post

    post = async_to_sync(scenario)()

    assert post.status == "held"


def test_staff_of_another_organisation_and_peers_hear_nothing() -> None:
    organisation = OrganisationFactory.create()
    facilitator = staff_of(organisation)
    group = facilitated_group(organisation, facilitator)
    elsewhere = staff_of(OrganisationFactory.create())
    peer = member_of(group)
    asking = PersonFactory.create()
    OrganisationRoleFactory.create(organisation=organisation, person=asking)

    browsers = [browser_of(someone) for someone in (facilitator, elsewhere, peer)]

    async def scenario() -> None:
        sockets = [today_socket(browser) for browser in browsers]
        for socket in sockets:
            assert (await socket.connect())[0]
        await database_sync_to_async(group_actions.join_group)(
            person=asking, group=group, display_name="Placeholder Name"
        )
        assert await sockets[0].receive_json_from(timeout=3) == {"type": "changed"}
        assert await sockets[1].receive_nothing(timeout=0.5)
        # A peer's socket is closed at once: it never hears anything.
        closed = await sockets[2].receive_output(timeout=3)
        assert closed["type"] == "websocket.close"
        for socket in sockets:
            await socket.disconnect()

    async_to_sync(scenario)()
