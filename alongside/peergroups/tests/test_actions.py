"""Joining, asking, pausing, leaving and coming back, and starting a group."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from alongside.accounts.models import Person
from alongside.notifications.models import Notification
from alongside.organisations.models import GroupCreation, Role
from alongside.organisations.tests.factories import OrganisationRoleFactory
from alongside.peergroups import actions, pseudonyms
from alongside.peergroups.models import (
    GroupRole,
    JoinPolicy,
    Membership,
    PeerGroup,
    Status,
)
from alongside.peergroups.permissions import can_join

from .factories import MembershipFactory, PeerGroupFactory
from .states import person_in_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_group() -> PeerGroup:
    return PeerGroupFactory.create(join_policy=JoinPolicy.REQUEST)


def facilitator_of(group: PeerGroup, *, status: str = Status.ACTIVE) -> Person:
    person = person_in_state("none", group)
    MembershipFactory.create(
        group=group, person=person, role=GroupRole.FACILITATOR, status=status
    )
    return person


def test_joining_an_open_group_makes_an_active_member() -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.OPEN)
    person = person_in_state("none", group)

    membership = actions.join_group(
        person=person, group=group, display_name="Kind Fern"
    )

    assert membership.status == Status.ACTIVE
    assert membership.display_name == "Kind Fern"
    assert membership.role == GroupRole.MEMBER


def test_joining_an_open_group_tells_nobody(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.OPEN)
    facilitator_of(group)
    person = person_in_state("none", group)

    with django_capture_on_commit_callbacks(execute=True):
        actions.join_group(person=person, group=group, display_name="Kind Fern")

    assert Notification.objects.count() == 0


def test_asking_to_join_leaves_a_request_and_tells_present_facilitators(
    request_group: PeerGroup,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    present = facilitator_of(request_group)
    on_a_break = facilitator_of(request_group, status=Status.PAUSED)
    person = person_in_state("none", request_group)

    with django_capture_on_commit_callbacks(execute=True):
        membership = actions.join_group(
            person=person, group=request_group, display_name="Quiet Comet"
        )

    assert membership.status == Status.REQUESTED
    assert Notification.objects.filter(person=present).count() == 1
    assert Notification.objects.filter(person=on_a_break).count() == 0
    assert Notification.objects.filter(person=person).count() == 0


def test_join_request_notification_does_not_name_the_person_asking(
    request_group: PeerGroup,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    present = facilitator_of(request_group)
    person = person_in_state("none", request_group)

    with django_capture_on_commit_callbacks(execute=True):
        actions.join_group(
            person=person, group=request_group, display_name="Unusual Chosen Name"
        )

    notification = Notification.objects.get(person=present)
    assert "Unusual Chosen Name" not in notification.message
    assert person.username not in notification.message
    assert notification.link.endswith(f"/groups/{request_group.pk}/requests/")


def test_someone_outside_the_organisation_cannot_join() -> None:
    group = PeerGroupFactory.create()
    outsider = person_in_state("other organisation", group)

    with pytest.raises(PermissionDenied):
        actions.join_group(person=outsider, group=group, display_name="Kind Fern")

    assert not Membership.objects.filter(person=outsider).exists()


def test_someone_already_waiting_cannot_ask_twice(request_group: PeerGroup) -> None:
    person = person_in_state("requested", request_group)

    with pytest.raises(PermissionDenied):
        actions.join_group(person=person, group=request_group, display_name="Again")


def test_approving_a_request_welcomes_the_person_and_tells_only_them(
    request_group: PeerGroup,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    facilitator = facilitator_of(request_group)
    requester = person_in_state("none", request_group)
    membership = MembershipFactory.create(
        group=request_group,
        person=requester,
        status=Status.REQUESTED,
        display_name="Unusual Chosen Name",
    )

    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_join_request(person=facilitator, membership=membership)

    membership.refresh_from_db()
    assert membership.status == Status.ACTIVE
    notification = Notification.objects.get()
    assert notification.person == requester
    assert request_group.name in notification.message
    assert "Unusual Chosen Name" not in notification.message


def test_declining_a_request_tells_the_person_kindly_and_they_may_ask_again(
    request_group: PeerGroup,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    facilitator = facilitator_of(request_group)
    requester = person_in_state("none", request_group)
    membership = MembershipFactory.create(
        group=request_group,
        person=requester,
        status=Status.REQUESTED,
        display_name="Unusual Chosen Name",
    )

    with django_capture_on_commit_callbacks(execute=True):
        actions.decline_join_request(person=facilitator, membership=membership)

    membership.refresh_from_db()
    assert membership.status == Status.DECLINED
    notification = Notification.objects.get()
    assert notification.person == requester
    assert "not about you" in notification.message
    assert "Unusual Chosen Name" not in notification.message
    assert can_join(requester, request_group) is True


def test_organisation_admin_may_answer_a_request(request_group: PeerGroup) -> None:
    admin = person_in_state("org admin", request_group)
    membership = MembershipFactory.create(group=request_group, status=Status.REQUESTED)
    OrganisationRoleFactory.create(
        organisation=request_group.organisation, person=membership.person
    )

    actions.approve_join_request(person=admin, membership=membership)

    membership.refresh_from_db()
    assert membership.status == Status.ACTIVE


@pytest.mark.parametrize(
    "state", ["none", "active", "paused", "supervisor", "other organisation"]
)
def test_only_facilitators_and_admins_may_answer_requests(
    request_group: PeerGroup, state: str
) -> None:
    person = person_in_state(state, request_group)
    membership = MembershipFactory.create(group=request_group, status=Status.REQUESTED)

    with pytest.raises(PermissionDenied):
        actions.approve_join_request(person=person, membership=membership)
    with pytest.raises(PermissionDenied):
        actions.decline_join_request(person=person, membership=membership)

    membership.refresh_from_db()
    assert membership.status == Status.REQUESTED


def test_answering_a_request_twice_changes_nothing_the_second_time(
    request_group: PeerGroup,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    facilitator = facilitator_of(request_group)
    membership = MembershipFactory.create(group=request_group, status=Status.REQUESTED)

    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_join_request(person=facilitator, membership=membership)
        actions.decline_join_request(person=facilitator, membership=membership)

    membership.refresh_from_db()
    assert membership.status == Status.ACTIVE
    assert Notification.objects.count() == 1


def test_pause_return_leave_and_rejoin_as_often_as_wanted(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.OPEN)
    facilitator_of(group)
    person = person_in_state("active", group)
    statuses = []

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            statuses.append(actions.pause_membership(person=person, group=group).status)
            statuses.append(actions.return_to_group(person=person, group=group).status)
            statuses.append(actions.leave_group(person=person, group=group).status)
            statuses.append(actions.return_to_group(person=person, group=group).status)

    assert (
        statuses
        == [
            Status.PAUSED,
            Status.ACTIVE,
            Status.LEFT,
            Status.ACTIVE,
        ]
        * 5
    )
    assert Notification.objects.count() == 0


def test_returning_to_an_open_group_after_leaving_keeps_the_name() -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.OPEN)
    person = person_in_state("none", group)
    MembershipFactory.create(group=group, person=person, display_name="Still Me")

    actions.leave_group(person=person, group=group)
    membership = actions.return_to_group(person=person, group=group)

    assert membership.status == Status.ACTIVE
    assert membership.display_name == "Still Me"


def test_someone_who_left_a_group_that_asks_first_asks_again() -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.REQUEST)
    person = person_in_state("left", group)

    with pytest.raises(PermissionDenied):
        actions.return_to_group(person=person, group=group)
    membership = actions.join_group(person=person, group=group, display_name="New Me")

    assert membership.status == Status.REQUESTED
    assert membership.display_name == "New Me"
    assert Membership.objects.filter(person=person, group=group).count() == 1


def test_someone_who_left_an_open_group_comes_back_rather_than_joining() -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.OPEN)
    person = person_in_state("left", group)

    with pytest.raises(PermissionDenied):
        actions.join_group(person=person, group=group, display_name="New Me")


def test_withdrawing_a_request_is_leaving(request_group: PeerGroup) -> None:
    person = person_in_state("requested", request_group)

    membership = actions.leave_group(person=person, group=request_group)

    assert membership.status == Status.LEFT


@pytest.mark.parametrize(
    ("action_name", "state"),
    [
        ("pause_membership", "paused"),
        ("pause_membership", "left"),
        ("pause_membership", "requested"),
        ("return_to_group", "active"),
        ("return_to_group", "requested"),
        ("return_to_group", "declined"),
        ("leave_group", "left"),
        ("leave_group", "none"),
    ],
)
def test_a_change_that_does_not_fit_the_current_state_is_refused(
    action_name: str, state: str
) -> None:
    group = PeerGroupFactory.create()
    person = person_in_state(state, group)

    with pytest.raises(PermissionDenied):
        getattr(actions, action_name)(person=person, group=group)


def test_display_name_is_unique_in_a_group_whatever_the_case() -> None:
    group = PeerGroupFactory.create()
    MembershipFactory.create(group=group, display_name="Quiet Heron")
    person = person_in_state("none", group)

    with pytest.raises(ValidationError) as error:
        actions.join_group(person=person, group=group, display_name="quiet HERON")

    assert error.value.messages == [
        "Someone in this group already uses that name. Please choose another."
    ]
    assert not Membership.objects.filter(person=person).exists()


def test_renaming_to_a_name_taken_in_the_group_is_refused_kindly() -> None:
    group = PeerGroupFactory.create()
    MembershipFactory.create(group=group, display_name="Quiet Heron")
    person = person_in_state("active", group)

    with pytest.raises(ValidationError) as error:
        actions.rename_self(person=person, group=group, display_name="QUIET heron")

    assert "Please choose another" in error.value.messages[0]


def test_renaming_to_a_different_case_of_ones_own_name_is_fine() -> None:
    group = PeerGroupFactory.create()
    person = person_in_state("none", group)
    MembershipFactory.create(group=group, person=person, display_name="Quiet Heron")

    membership = actions.rename_self(
        person=person, group=group, display_name="quiet heron"
    )

    assert membership.display_name == "quiet heron"


def test_the_same_display_name_may_be_used_in_different_groups() -> None:
    first = PeerGroupFactory.create()
    second = PeerGroupFactory.create(organisation=first.organisation)
    MembershipFactory.create(group=first, display_name="Quiet Heron")
    person = person_in_state("none", second)

    membership = actions.join_group(
        person=person, group=second, display_name="Quiet Heron"
    )

    assert membership.display_name == "Quiet Heron"


def test_suggested_display_names_vary_from_group_to_group() -> None:
    first = PeerGroupFactory.create()
    groups = [first, *PeerGroupFactory.create_batch(9, organisation=first.organisation)]

    suggestions = {actions.suggest_display_name(group=group) for group in groups}

    assert len(suggestions) > 1


def test_suggested_display_name_avoids_names_already_in_the_group(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    group = PeerGroupFactory.create()
    MembershipFactory.create(group=group, display_name="Calm Otter")
    always_calm_otter = SimpleNamespace(
        choice=lambda options: "Calm" if "Calm" in options else "Otter",
        randbelow=lambda limit: 1,
    )
    monkeypatch.setattr(pseudonyms, "secrets", always_calm_otter)

    suggestion = actions.suggest_display_name(group=group)

    assert suggestion.casefold() != "calm otter"
    assert suggestion == "Calm Otter 101"


def test_creating_a_group_makes_the_creator_its_first_facilitator() -> None:
    group = PeerGroupFactory.create()
    creator = person_in_state("facilitator", group)

    created = actions.create_group(
        person=creator,
        organisation=group.organisation,
        name="  Evening walk  ",
        shared_experience="Something we share.",
        who_for="",
        format="online",
        when_and_where="",
        is_listed=True,
        join_policy=JoinPolicy.OPEN,
        tag_names=["Walking", " fresh  air ", ""],
    )

    membership = Membership.objects.get(group=created)
    assert membership.person == creator
    assert membership.role == GroupRole.FACILITATOR
    assert membership.status == Status.ACTIVE
    assert created.name == "Evening walk"
    assert created.slug == "evening-walk"
    assert sorted(tag.slug for tag in created.tags.all()) == ["fresh-air", "walking"]


def evening_walk(creator: Person, group: PeerGroup) -> dict[str, Any]:
    """What someone fills in to start an "Evening walk" group beside this one."""
    return {
        "person": creator,
        "organisation": group.organisation,
        "name": "Evening walk",
        "shared_experience": "Something we share.",
        "who_for": "",
        "format": "online",
        "when_and_where": "",
        "is_listed": True,
        "join_policy": JoinPolicy.OPEN,
        "tag_names": [],
    }


def test_two_groups_with_the_same_name_get_different_addresses() -> None:
    group = PeerGroupFactory.create()
    creator = person_in_state("org admin", group)
    fields = evening_walk(creator, group)

    first = actions.create_group(**fields)
    another_admin = person_in_state("org admin", group)
    second = actions.create_group(**fields | {"person": another_admin})

    assert first.slug == "evening-walk"
    assert second.slug == "evening-walk-2"


def test_starting_the_same_group_twice_by_a_double_click_starts_one() -> None:
    group = PeerGroupFactory.create()
    creator = person_in_state("org admin", group)
    fields = evening_walk(creator, group)

    first = actions.create_group(**fields)
    again = actions.create_group(**fields | {"name": " evening WALK "})

    assert again == first
    assert PeerGroup.objects.filter(name="Evening walk").count() == 1
    PeerGroup.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - actions.JUST_STARTED
    )
    later = actions.create_group(**fields)
    assert later != first


def test_a_peer_cannot_create_a_group_when_only_staff_may() -> None:
    group = PeerGroupFactory.create()
    group.organisation.group_creation = GroupCreation.STAFF
    group.organisation.save()
    peer = person_in_state("active", group)

    with pytest.raises(Http404):
        actions.create_group(
            person=peer,
            organisation=group.organisation,
            name="Evening walk",
            shared_experience="Something we share.",
            who_for="",
            format="online",
            when_and_where="",
            is_listed=True,
            join_policy=JoinPolicy.OPEN,
            tag_names=[],
        )

    assert PeerGroup.objects.count() == 1


def test_roles_are_not_changed_by_joining_a_group() -> None:
    group = PeerGroupFactory.create()
    person = person_in_state("none", group)

    actions.join_group(person=person, group=group, display_name="Kind Fern")

    assert list(person.roles.values_list("role", flat=True)) == [Role.PEER]
