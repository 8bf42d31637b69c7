"""Taking a staff role away takes the person's open alert socket out of the
organisation's staff channel at once, and their open Today page looks again."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

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
        await database_sync_to_async(tell_staff_pages)(organisation_id=organisation.pk)
        assert await socket.receive_json_from(timeout=5) == {"type": "changed"}

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
