"""The front door, and the home page that lists the groups one is in."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.peergroups.models import PeerGroup, Status
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.peergroups.tests.states import person_in_state

pytestmark = pytest.mark.django_db


def test_visitors_see_the_welcome_page(client: Client) -> None:
    response = client.get(reverse("core:home"))

    assert response.status_code == 200
    assert "peergroups/welcome.html" in [
        template.name for template in response.templates
    ]


def test_home_lists_the_groups_one_is_in_including_a_break(group: PeerGroup) -> None:
    person = person_in_state("paused", group)
    organisation = group.organisation
    active_in = PeerGroupFactory.create(organisation=organisation, name="ZZ active")
    MembershipFactory.create(group=active_in, person=person, status=Status.ACTIVE)
    for status in [Status.LEFT, Status.REQUESTED, Status.DECLINED]:
        MembershipFactory.create(
            group=PeerGroupFactory.create(organisation=organisation),
            person=person,
            status=status,
        )
    client = Client()
    client.force_login(person)

    response = client.get(reverse("core:home"))

    shown = [membership.group for membership in response.context["memberships"]]
    assert shown == [group, active_in]
    assert "You are taking a break" in response.content.decode()
