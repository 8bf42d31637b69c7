"""Where an organisation requires facilitators to be staff, only staff become one:
starting a group (which makes its creator the facilitator) is for staff only there,
even when it lets anyone start groups."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.organisations.models import GroupCreation, Organisation
from alongside.peergroups.models import GroupRole, Membership, PeerGroup

from .test_views_requests import GROUP_FORM

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_facilitators_only(organisation: Organisation) -> Organisation:
    organisation.group_creation = GroupCreation.ANYONE
    organisation.requires_staff_facilitators = True
    organisation.save()
    return organisation


def test_a_peer_cannot_become_a_facilitator_by_starting_a_group(
    peer_client: Client, staff_facilitators_only: Organisation
) -> None:
    url = reverse("peergroups:group-create", args=[staff_facilitators_only.slug])

    assert peer_client.get(url).status_code == 404
    assert peer_client.post(url, GROUP_FORM).status_code == 404
    assert not PeerGroup.objects.filter(name="Evening walk").exists()


def test_a_peer_is_not_offered_to_start_a_group(
    peer_client: Client, staff_facilitators_only: Organisation
) -> None:
    page = peer_client.get(reverse("peergroups:group-list")).content.decode()

    assert "Start a new group" not in page


def test_staff_still_start_groups_and_facilitate_them(
    supervisor_client: Client, supervisor: Person, staff_facilitators_only: Organisation
) -> None:
    response = supervisor_client.post(
        reverse("peergroups:group-create", args=[staff_facilitators_only.slug]),
        GROUP_FORM,
    )

    assert response.status_code == 302
    membership = Membership.objects.get(group__name="Evening walk")
    assert membership.person == supervisor
    assert membership.role == GroupRole.FACILITATOR


def test_turning_the_rule_off_lets_peers_start_groups_again(
    peer_client: Client, staff_facilitators_only: Organisation
) -> None:
    staff_facilitators_only.requires_staff_facilitators = False
    staff_facilitators_only.save()

    response = peer_client.post(
        reverse("peergroups:group-create", args=[staff_facilitators_only.slug]),
        GROUP_FORM,
    )

    assert response.status_code == 302


def test_the_join_page_states_the_rule(
    peer_client: Client, staff_facilitators_only: Organisation
) -> None:
    group = PeerGroup.objects.create(
        organisation=staff_facilitators_only,
        name="Open circle",
        slug="open-circle",
        shared_experience="Something we share.",
    )

    page = peer_client.get(
        reverse("peergroups:group-join", args=[group.pk])
    ).content.decode()

    assert f"At {staff_facilitators_only.name}, only staff facilitate groups." in page
    assert "Links to other websites can be shared" in page
