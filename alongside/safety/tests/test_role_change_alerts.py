"""Taking a staff role away takes the person's open alert socket out of the
organisation's staff channel at once, and their open Today page looks again."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from alongside.core.live import tell_staff_pages
from alongside.organisations.actions import change_role
from alongside.organisations.models import OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.safety.models import DutyPeriod
from conftest import person_with_role

from .test_consumers import alert_socket, browser_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_ex_staff_members_alert_socket_leaves_the_staff_channel_at_once() -> None:
    organisation = OrganisationFactory.create()
    admin = person_with_role(organisation, Role.ADMIN)
    fran = person_with_role(organisation, Role.FACILITATOR)
    DutyPeriod.objects.create(person=fran, organisation=organisation)
    office = browser_of(fran)
    place = OrganisationRole.objects.get(person=fran, organisation=organisation)

    async def scenario() -> None:
        socket = alert_socket(office)
        assert (await socket.connect(timeout=5))[0]
        await hears_the_staff_channel(socket, organisation.pk)

        await database_sync_to_async(change_role)(
            person=admin, place=place, role=Role.PEER
        )

        # The change itself: the Today page looks again (and finds nothing now).
        assert await socket.receive_json_from(timeout=5) == {"type": "changed"}
        while not await socket.receive_nothing(timeout=1):
            await socket.receive_json_from(timeout=5)
        await database_sync_to_async(tell_staff_pages)(organisation_id=organisation.pk)
        assert await socket.receive_nothing(timeout=1)
        await socket.disconnect()

    async_to_sync(scenario)()

    assert not DutyPeriod.objects.filter(person=fran, ended_at__isnull=True).exists()


async def hears_the_staff_channel(
    socket: WebsocketCommunicator, organisation_id: int
) -> None:
    """The socket joins the organisation's staff channel just after it is accepted
    (it reads where the person is staff first), so a word sent at once may come
    before it has joined: tell the channel again until the socket hears it, then
    let any second telling arrive, so that the test never races the joining."""
    for _ in range(50):
        await database_sync_to_async(tell_staff_pages)(organisation_id=organisation_id)
        if not await socket.receive_nothing(timeout=0.2):
            assert await socket.receive_json_from(timeout=5) == {"type": "changed"}
            while not await socket.receive_nothing(timeout=0.5):
                assert await socket.receive_json_from(timeout=5) == {"type": "changed"}
            return
    raise AssertionError("the socket never joined the staff channel")
