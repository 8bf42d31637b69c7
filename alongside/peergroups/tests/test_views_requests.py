"""Answering requests to join, and starting a new group."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks

from alongside.accounts.models import Person
from alongside.notifications.models import Notification
from alongside.organisations.models import GroupCreation, Organisation
from alongside.peergroups.models import (
    GroupRole,
    JoinPolicy,
    Membership,
    PeerGroup,
    Status,
)

from .factories import MembershipFactory, PeerGroupFactory
from .states import person_in_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(group: PeerGroup) -> Membership:
    group.join_policy = JoinPolicy.REQUEST
    group.save()
    return MembershipFactory.create(
        group=group, status=Status.REQUESTED, display_name="Waiting Wren"
    )


def answer_url(name: str, membership: Membership) -> str:
    return reverse(f"peergroups:{name}", args=[membership.group.pk, membership.pk])


def test_facilitator_sees_who_is_waiting(
    facilitator_client: Client, waiting: Membership
) -> None:
    response = facilitator_client.get(
        reverse("peergroups:request-list", args=[waiting.group.pk])
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Waiting Wren" in page


def test_organisation_admin_answers_requests(
    admin_client: Client, waiting: Membership
) -> None:
    response = admin_client.get(
        reverse("peergroups:request-list", args=[waiting.group.pk])
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Waiting Wren" in page


def test_facilitator_on_a_break_answers_requests(
    waiting: Membership,
) -> None:
    facilitator = person_in_state("facilitator on a break", waiting.group)
    client = Client()
    client.force_login(facilitator)

    response = client.get(reverse("peergroups:request-list", args=[waiting.group.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Waiting Wren" in page


@pytest.mark.parametrize("client_name", ["peer_client", "supervisor_client"])
def test_requests_are_forbidden_to_people_in_the_organisation_who_do_not_answer(
    request: pytest.FixtureRequest, client_name: str, waiting: Membership
) -> None:
    client: Client = request.getfixturevalue(client_name)

    response = client.get(reverse("peergroups:request-list", args=[waiting.group.pk]))

    assert response.status_code == 403


def test_requests_are_not_found_for_other_organisations(
    outsider_client: Client, waiting: Membership
) -> None:
    response = outsider_client.get(
        reverse("peergroups:request-list", args=[waiting.group.pk])
    )

    assert response.status_code == 404


def test_approving_through_the_page_welcomes_and_notifies(
    facilitator_client: Client,
    waiting: Membership,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(answer_url("request-approve", waiting))

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.ACTIVE
    assert Notification.objects.get().person == waiting.person


def test_declining_through_the_page(
    facilitator_client: Client,
    waiting: Membership,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(answer_url("request-decline", waiting))

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.DECLINED
    assert Notification.objects.get().person == waiting.person


def test_peer_cannot_approve(peer_client: Client, waiting: Membership) -> None:
    response = peer_client.post(answer_url("request-approve", waiting))

    assert response.status_code == 403
    waiting.refresh_from_db()
    assert waiting.status == Status.REQUESTED


def test_a_request_from_another_group_is_not_found(
    facilitator_client: Client, group: PeerGroup, organisation: Organisation
) -> None:
    elsewhere = MembershipFactory.create(
        group=PeerGroupFactory.create(organisation=organisation),
        status=Status.REQUESTED,
    )

    response = facilitator_client.post(
        reverse("peergroups:request-approve", args=[group.pk, elsewhere.pk])
    )

    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == Status.REQUESTED


@pytest.mark.parametrize("name", ["request-approve", "request-decline"])
def test_a_request_answered_meanwhile_says_so_and_changes_nothing(
    facilitator_client: Client,
    admin_client: Client,
    waiting: Membership,
    name: str,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = admin_client.post(answer_url("request-approve", waiting))
        response = facilitator_client.post(answer_url(name, waiting), follow=True)

    assert first.status_code == 302

    assert response.status_code == 200
    assert "already been answered" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.ACTIVE
    assert Notification.objects.filter(person=waiting.person).count() == 1


def test_answering_a_membership_that_is_not_a_request_here_is_not_found(
    facilitator_client: Client, group: PeerGroup, other_organisation: Organisation
) -> None:
    elsewhere = MembershipFactory.create(
        group=PeerGroupFactory.create(organisation=other_organisation),
        status=Status.REQUESTED,
    )
    response = facilitator_client.post(
        reverse("peergroups:request-approve", args=[group.pk, elsewhere.pk])
    )

    assert response.status_code == 404


# Starting a group

GROUP_FORM = {
    "name": "Evening walk",
    "shared_experience": "Something we share.",
    "tags": "walking, fresh air",
    "who_for": "",
    "format": "online",
    "when_and_where": "",
    "join_policy": "open",
    "is_listed": "on",
}


def test_staff_start_a_group_and_become_its_facilitator(
    supervisor_client: Client, supervisor: Person, organisation: Organisation
) -> None:
    response = supervisor_client.post(
        reverse("peergroups:group-create", args=[organisation.slug]), GROUP_FORM
    )

    group = PeerGroup.objects.get(name="Evening walk")
    assert response.headers["Location"] == reverse(
        "peergroups:group-detail", args=[group.pk]
    )
    membership = Membership.objects.get(group=group)
    assert membership.person == supervisor
    assert membership.role == GroupRole.FACILITATOR


def test_a_group_form_with_a_mistake_keeps_everything_typed(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("peergroups:group-create", args=[organisation.slug]),
        {**GROUP_FORM, "name": "???"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "name with some letters" in page
    assert 'value="???"' in page
    assert "Something we share." in page
    assert 'value="walking, fresh air"' in page
    assert not PeerGroup.objects.filter(shared_experience="Something we share.")


def test_peers_may_not_start_a_group_when_only_staff_may(
    peer_client: Client, organisation: Organisation
) -> None:
    response = peer_client.post(
        reverse("peergroups:group-create", args=[organisation.slug]), GROUP_FORM
    )

    assert response.status_code == 404
    assert not PeerGroup.objects.filter(name="Evening walk").exists()


def test_peers_may_start_a_group_when_anyone_may(
    peer_client: Client, organisation: Organisation
) -> None:
    organisation.group_creation = GroupCreation.ANYONE
    organisation.save()

    response = peer_client.post(
        reverse("peergroups:group-create", args=[organisation.slug]), GROUP_FORM
    )

    assert response.status_code == 302
    assert PeerGroup.objects.filter(name="Evening walk").exists()


def test_starting_a_group_elsewhere_is_not_found(
    outsider_client: Client, organisation: Organisation
) -> None:
    response = outsider_client.get(
        reverse("peergroups:group-create", args=[organisation.slug])
    )

    assert response.status_code == 404
