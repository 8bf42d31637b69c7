"""The second step is passed by a session, not owned by an account.

A staff page asks this browser's session whether it passed the second step; an
account merely having one is not enough. Turning the second step on or off ends
every other session of the account, and closes their live-room and alert sockets.
"""

from __future__ import annotations

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.accounts.second_factor import PASSED_SESSION_KEY
from alongside.accounts.tests.factories import PASSWORD
from alongside.conversations.tests.factories import open_room
from alongside.core.tests.test_url_policy import (
    ACTOR_STATES,
    ACTORS,
    POLICY,
    build_world,
)
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory
from alongside.peergroups.tests.states import alert_about_group, person_in_state
from config.asgi import application

ORIGIN = (b"origin", b"http://127.0.0.1")
STAFF_ACTORS = ("facilitator", "admin", "supervisor", "handler")


def forget_second_step(client: Client) -> Client:
    """The session of someone who signed in with their password alone (before the
    account had a second step, say)."""
    session = client.session
    session.pop(PASSED_SESSION_KEY, None)
    session.save()
    return client


def _asks_for_the_code(location: str) -> bool:
    return location.startswith(reverse("mfa_reauthenticate"))


@pytest.mark.django_db
@pytest.mark.parametrize("actor", STAFF_ACTORS)
def test_no_staff_page_opens_for_a_session_that_skipped_the_second_step(
    actor: str,
) -> None:
    """Every page of ours the actor may open: a staff page (one that sends staff
    without a second step to set one up) asks a session that skipped it for the
    code; any other page opens as before."""
    world = build_world()
    person = person_in_state(ACTOR_STATES[actor], world.group)
    if actor == "handler":
        alert_about_group(world.group, person)
    client = forget_second_step(Client())
    client.force_login(person)
    forget_second_step(client)
    column = ACTORS.index(actor)
    staff_pages = 0

    for name, methods in sorted(POLICY.items()):
        if methods["GET"][column] != 200:
            continue
        url = reverse(name, kwargs=world.kwargs_for(name, person))
        response = client.get(url)
        if response.status_code == 302 and _asks_for_the_code(
            response.headers["Location"]
        ):
            staff_pages += 1
            continue
        # It opened (or went elsewhere) without the code: it must not be a staff
        # page, which sends someone with no second step to set one up.
        keys = list(Authenticator.objects.filter(user=person))
        Authenticator.objects.filter(user=person).delete()
        without = client.get(url)
        for key in keys:
            key.save()
        assert without.headers.get("Location") != reverse("mfa_activate_totp"), (
            f"{name} opened for {actor} in a session that skipped the second step"
        )

    assert staff_pages > 0


@pytest.mark.django_db
def test_the_code_asked_for_opens_the_page_in_that_session_only(
    group: PeerGroup,
) -> None:
    person = person_in_state("org admin", group)
    totp = _known_key(person)
    asked, other = Client(), Client()
    for client in (asked, other):
        client.force_login(person)
        forget_second_step(client)
    page = reverse("safety:incident-list", args=[group.organisation.slug])

    response = asked.get(page)
    assert _asks_for_the_code(response.headers["Location"])
    form = asked.get(response.headers["Location"])
    assert "type the code" in form.content.decode()
    carried_on = asked.post(
        reverse("mfa_reauthenticate"), {"code": totp.now(), "next": page}
    )

    assert carried_on.headers["Location"] == page
    assert asked.get(page).status_code == 200
    assert _asks_for_the_code(other.get(page).headers["Location"])


def _known_key(person: Person) -> pyotp.TOTP:
    from allauth.mfa.utils import encrypt

    secret = pyotp.random_base32()
    Authenticator.objects.filter(user=person).delete()
    Authenticator.objects.create(
        user=person, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)}
    )
    return pyotp.TOTP(secret)


def _signed_in_with_password(person: Person) -> Client:
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": person.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def _confirm_password(client: Client) -> None:
    """Changing how one signs in first asks for the password again."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def _is_signed_in(client: Client) -> bool:
    response = client.get(reverse("accounts:settings"))
    return response.status_code == 200


def _socket(client: Client, path: str) -> WebsocketCommunicator:
    cookie = client.cookies["sessionid"].value
    return WebsocketCommunicator(
        application, path, headers=[ORIGIN, (b"cookie", f"sessionid={cookie}".encode())]
    )


async def _closed_with(socket: WebsocketCommunicator) -> int:
    while True:
        output = await socket.receive_output(timeout=3)
        if output["type"] == "websocket.close":
            return int(output.get("code", 1000))


@pytest.mark.django_db(transaction=True)
def test_turning_the_second_step_on_ends_every_other_session_and_its_sockets(
    group: PeerGroup,
) -> None:
    person = person_in_state("facilitator", group)
    Authenticator.objects.filter(user=person).delete()
    open_room(group)
    office = _signed_in_with_password(person)
    phone = _signed_in_with_password(person)
    live = f"/ws/groups/{group.pk}/live/"
    _confirm_password(phone)
    secret = phone.get(reverse("mfa_activate_totp")).context["form"].secret

    async def scenario() -> None:
        office_room = _socket(office, live)
        assert (await office_room.connect())[0]
        await office_room.receive_json_from(timeout=3)  # the room's first frames
        turned_on = await database_sync_to_async(phone.post)(
            reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()}
        )
        assert turned_on.status_code == 302
        assert await _closed_with(office_room) == 4401

    async_to_sync(scenario)()

    assert not _is_signed_in(office)
    assert _is_signed_in(phone)
    # Setting it up passed it in the phone's session: staff pages open there.
    incidents = reverse("safety:incident-list", args=[group.organisation.slug])
    assert phone.get(incidents).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_turning_the_second_step_off_ends_every_other_session_and_its_alerts(
    group: PeerGroup,
) -> None:
    person = person_in_state("org admin", group)
    totp = _known_key(person)
    office = _signed_in_with_password(person)
    phone = _signed_in_with_password(person)
    for client in (office, phone):
        client.post(reverse("mfa_authenticate"), {"code": totp.now()})
        totp = _known_key(person)  # each code is used once; a new key per sign-in
    MembershipFactory.create(group=group, person=person)
    _confirm_password(phone)

    async def scenario() -> None:
        office_alerts = _socket(office, "/ws/duty/")
        assert (await office_alerts.connect())[0]
        turned_off = await database_sync_to_async(phone.post)(
            reverse("mfa_deactivate_totp")
        )
        assert turned_off.status_code == 302
        assert await _closed_with(office_alerts) == 4401

    async_to_sync(scenario)()

    assert not _is_signed_in(office)
    assert _is_signed_in(phone)


@pytest.mark.django_db(transaction=True)
def test_the_alert_socket_refuses_a_session_that_skipped_the_second_step(
    group: PeerGroup,
) -> None:
    person = person_in_state("supervisor", group)
    skipped = Client()
    skipped.force_login(person)
    forget_second_step(skipped)
    passed = Client()
    passed.force_login(person)

    async def scenario() -> None:
        refused = _socket(skipped, "/ws/duty/")
        assert (await refused.connect())[0]
        assert await _closed_with(refused) == 4403
        allowed = _socket(passed, "/ws/duty/")
        assert (await allowed.connect())[0]
        assert await allowed.receive_nothing(timeout=0.2)
        await allowed.disconnect()

    async_to_sync(scenario)()
