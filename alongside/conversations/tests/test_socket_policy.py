"""Every socket route of ours, with every kind of person.

The table below is the policy for sockets, as the URL policy table is for pages
(alongside/core/tests/test_url_policy.py, whose actors it shares): for each route,
whether each actor's connection stays open or is closed, and with which code
(docs/live-sessions.md). `test_every_route_has_a_policy` walks the websocket routing
and fails on any route missing from the table.

OPEN means the handshake is accepted and the room's first presence frame arrives.
4403 means the handshake is accepted and the socket closed at once: not allowed in
this room (also for someone not signed in). 4401 is kept for a browser session that
signs out while connected, which no actor here does. The staff alert socket
(`/ws/duty/`) only listens: OPEN there means it is accepted and stays open, quiet; it
carries only alerts addressed to the person themselves, and stays open only for a
session that passed the second sign-in step (staff, whose actors here signed in with
both steps); everyone else's closes with 4403.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import URLPattern

from alongside.accounts.models import Person
from alongside.core.tests.test_url_policy import ACTOR_STATES, ACTORS
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import PeerGroupFactory
from alongside.peergroups.tests.states import person_in_state
from config.asgi import application, websocket_urlpatterns

from .factories import open_room

OPEN = 0

ORIGIN = (b"origin", b"http://127.0.0.1")

# Columns follow ACTORS:
#   anon  outs  peer  req   mem   paus  left  faci  admn  supv  ofac  hand  oadm
_ACTIVE_MEMBERS = (
    *(4403, 4403, 4403, 4403, OPEN, 4403, 4403, OPEN, 4403, 4403),
    *(4403, 4403, 4403),
)
_PASSED_SECOND_STEP = (4403, *(4403,) * 6, *(OPEN,) * 6)
_SIGNED_IN = (4403, *(OPEN,) * 12)

# Routes that only listen: nothing arrives when they open. A private conversation
# speaks when the client asks to catch up, so it is quiet at first too.
LISTENING = frozenset({"ws/duty/", "ws/private/", "ws/private/<int:conversation_id>/"})
_IN_ORGANISATION = (4403, 4403, *(OPEN,) * 10, 4403)

SOCKET_POLICY: dict[str, tuple[int, ...]] = {
    # Being in the live room is for active members, facilitators included. Members
    # on a break read the live history on the page; they are not in the room.
    "ws/groups/<int:group_id>/live/": _ACTIVE_MEMBERS,
    # Staff alerts: each person's socket hears only alerts addressed to them, in a
    # session that passed the second step.
    "ws/duty/": _PASSED_SECOND_STEP,
    # A private conversation is probed with the actor's own where they have one
    # (alongside/privateconversations/tests/policy_world.py); nobody outside the
    # organisation is in one there.
    "ws/private/<int:conversation_id>/": _IN_ORGANISATION,
    # Each person's notices about their own conversations.
    "ws/private/": _SIGNED_IN,
}

PROBES = [
    (route, actor, expected)
    for route, outcomes in SOCKET_POLICY.items()
    for actor, expected in zip(ACTORS, outcomes, strict=True)
]
probes_run = 0


def our_routes() -> set[str]:
    routes: set[str] = set()
    for pattern in websocket_urlpatterns:
        assert isinstance(pattern, URLPattern), pattern
        routes.add(str(pattern.pattern))
    return routes


def path_for(route: str, group: PeerGroup, person: Person | None = None) -> str:
    values = {"group_id": group.pk}
    if "conversation_id" in route:
        from alongside.privateconversations.tests.policy_world import private_objects

        values["conversation_id"] = int(
            str(private_objects(group, person)["conversation_id"])
        )
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m[1]]), route)


def cookie_for(actor: str, group: PeerGroup) -> str | None:
    """The signed-in browser session of a new person standing as `actor`."""
    return person_and_cookie_for(actor, group)[1]


def person_and_cookie_for(
    actor: str, group: PeerGroup
) -> tuple[Person | None, str | None]:
    if actor == "anonymous":
        return None, None
    person = person_in_state(ACTOR_STATES[actor], group)
    client = Client()
    client.force_login(person)
    return person, client.cookies["sessionid"].value


async def outcome_of(path: str, cookie: str | None, *, listening: bool = False) -> int:
    """OPEN if the socket is accepted and hears the room (or, for a route that only
    listens, stays open and quiet), else its close code."""
    headers = [ORIGIN]
    if cookie is not None:
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    socket = WebsocketCommunicator(application, path, headers=headers)
    connected, _ = await socket.connect(timeout=3)
    assert connected, path
    if listening and await socket.receive_nothing(timeout=0.3):
        await socket.disconnect()
        return OPEN
    output: dict[str, Any] = await socket.receive_output(timeout=3)
    await socket.disconnect()
    if output["type"] == "websocket.close":
        return int(output.get("code", 1000))
    assert '"type": "presence"' in output["text"], output
    return OPEN


def test_every_route_has_a_policy() -> None:
    routes = our_routes()

    missing = routes - set(SOCKET_POLICY)
    stale = set(SOCKET_POLICY) - routes
    assert not missing, f"Socket routes with no policy decision: {sorted(missing)}"
    assert not stale, f"Policy entries for routes that no longer exist: {stale}"


def test_policy_rows_name_every_actor() -> None:
    for route, outcomes in SOCKET_POLICY.items():
        assert len(outcomes) == len(ACTORS), route


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("route", "actor", "expected"), PROBES)
def test_socket_answers_each_actor_as_the_policy_says(
    route: str, actor: str, expected: int
) -> None:
    global probes_run
    group = PeerGroupFactory.create()
    open_room(group)
    person, cookie = person_and_cookie_for(actor, group)

    outcome = async_to_sync(outcome_of)(
        path_for(route, group, person), cookie, listening=route in LISTENING
    )
    probes_run += 1

    assert outcome == expected, f"{route} as {actor}: {outcome}, expected {expected}"


def test_probe_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(PROBES) == len(SOCKET_POLICY) * len(ACTORS)
    with capsys.disabled():
        print(
            f"\nSocket x role policy: {len(SOCKET_POLICY)} routes, {len(ACTORS)} "
            f"actors, {len(PROBES)} probes declared, {probes_run} run in this "
            "session."
        )
