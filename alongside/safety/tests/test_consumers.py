"""The staff alert socket, through the real ASGI application and channel layer."""

from __future__ import annotations

import pytest
from allauth.account.signals import password_changed
from allauth.mfa.models import Authenticator
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.test import Client

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.core.live import alerts_channel_group
from config.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = (b"origin", b"http://127.0.0.1")


def browser_of(person: Person) -> Client:
    """A browser where the staff member signed in with both steps: alerts need the
    second step passed in that session."""
    if not Authenticator.objects.filter(user=person).exists():
        give_second_factor(person)
    client = Client()
    client.force_login(person)
    return client


def alert_socket(client: Client) -> WebsocketCommunicator:
    cookie = client.cookies["sessionid"].value
    return WebsocketCommunicator(
        application,
        "/ws/duty/",
        headers=[ORIGIN, (b"cookie", f"sessionid={cookie}".encode())],
    )


async def closed_with(socket: WebsocketCommunicator) -> int:
    while True:
        output = await socket.receive_output(timeout=3)
        if output["type"] == "websocket.close":
            return int(output.get("code", 1000))


async def push_test_alert(person_id: int) -> None:
    await get_channel_layer().group_send(
        alerts_channel_group(person_id),
        {"type": "duty.alert", "escalation_id": 1, "html": "<li>alert</li>"},
    )


def test_signing_out_stops_alerts_in_that_browser_only() -> None:
    staff = PersonFactory.create()
    office, phone = browser_of(staff), browser_of(staff)

    async def scenario() -> None:
        at_office, on_phone = alert_socket(office), alert_socket(phone)
        assert (await at_office.connect())[0]
        assert (await on_phone.connect())[0]
        await database_sync_to_async(office.post)("/account/logout/")
        assert await closed_with(at_office) == 4401
        await push_test_alert(staff.pk)
        frame = await on_phone.receive_json_from(timeout=3)
        assert frame == {"type": "alert", "id": 1, "html": "<li>alert</li>"}
        await on_phone.disconnect()

    async_to_sync(scenario)()


def test_a_changed_password_stops_alerts_in_every_browser() -> None:
    staff = PersonFactory.create()
    office = browser_of(staff)

    async def scenario() -> None:
        at_office = alert_socket(office)
        assert (await at_office.connect())[0]
        await database_sync_to_async(password_changed.send)(
            sender=Person, request=None, user=staff
        )
        assert await closed_with(at_office) == 4403

    async_to_sync(scenario)()
