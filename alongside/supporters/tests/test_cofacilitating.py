"""Co-facilitating: where facilitating needs training, a new facilitator starts a
group of their own only after co-facilitating three held meetings alongside an
experienced facilitator, as recorded on each meeting's page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings.facilitation import record_who_facilitated
from alongside.meetings.models import Occurrence
from alongside.meetings.tests.factories import occurrence_in
from alongside.notifications.models import Notification
from alongside.organisations.models import SUPERVISING_ROLES, Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups import actions as group_actions
from alongside.peergroups.models import GroupRole, PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.supporters.cofacilitating import (
    StillCoFacilitating,
    co_facilitated_count,
    is_co_facilitating,
)
from alongside.supporters.models import FacilitatedMeeting, Gate
from conftest import client_for

from .factories import member_of, required_module, trained

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def organisation() -> Organisation:
    organisation = OrganisationFactory.create()
    required_module(organisation, Gate.FACILITATE)
    return organisation


def facilitating(group: PeerGroup, role: str = Role.FACILITATOR) -> Person:
    person = member_of(group.organisation, role)
    for module in group.organisation.training_modules.all():
        trained(person, module)
    MembershipFactory.create(group=group, person=person, role=GroupRole.FACILITATOR)
    return person


def held(group: PeerGroup, days_ago: int = 1) -> Occurrence:
    return occurrence_in(group, starts_at=timezone.now() - timedelta(days=days_ago))


def start_a_group(person: Person, organisation: Organisation) -> PeerGroup:
    return group_actions.create_group(
        person=person,
        organisation=organisation,
        name="Our own group",
        shared_experience="",
        who_for="",
        format="online",
        when_and_where="",
        is_listed=True,
        join_policy="open",
        tag_names=[],
    )


def test_three_meetings_alongside_someone_experienced_let_them_lead_alone(
    organisation: Organisation,
) -> None:
    group = PeerGroupFactory.create(organisation=organisation)
    new = facilitating(group)
    experienced = facilitating(group, Role.SUPERVISOR)

    with pytest.raises(StillCoFacilitating, match="So far: 0 of 3"):
        start_a_group(new, organisation)
    first = held(group, 15)
    for occurrence in (first, first, held(group, 8)):
        assert is_co_facilitating(new, organisation)
        record_who_facilitated(
            person=experienced, occurrence=occurrence, facilitators=[new, experienced]
        )
    # The same meeting recorded twice counts once.
    assert co_facilitated_count(new, organisation) == 2
    record_who_facilitated(
        person=experienced, occurrence=held(group, 1), facilitators=[new, experienced]
    )
    assert co_facilitated_count(new, organisation) == 3

    assert not is_co_facilitating(new, organisation)
    assert start_a_group(new, organisation).name == "Our own group"
    assert Notification.objects.filter(person=new).count() >= 3


def test_meetings_with_nobody_experienced_alongside_do_not_count(
    organisation: Organisation,
) -> None:
    group = PeerGroupFactory.create(organisation=organisation)
    new, also_new = facilitating(group), facilitating(group)
    occurrence = held(group)

    record_who_facilitated(
        person=new,
        occurrence=occurrence,
        facilitators=[new, also_new],
    )
    record_who_facilitated(
        person=new,
        occurrence=occurrence,
        facilitators=[new, also_new],
    )

    assert FacilitatedMeeting.objects.filter(occurrence_id=occurrence.pk).count() == 2
    assert co_facilitated_count(new, organisation) == 0


def test_only_held_meetings_of_the_group_and_its_facilitators(
    organisation: Organisation,
) -> None:
    group = PeerGroupFactory.create(organisation=organisation)
    new = facilitating(group)
    member = member_of(organisation)
    MembershipFactory.create(group=group, person=member)
    coming = occurrence_in(group)
    cancelled = held(group)
    cancelled.is_cancelled = True
    cancelled.save()

    for occurrence in (coming, cancelled):
        with pytest.raises(ValidationError, match="once it has happened"):
            record_who_facilitated(
                person=new,
                occurrence=occurrence,
                facilitators=[new],
            )
    with pytest.raises(ValidationError, match="group's facilitators"):
        record_who_facilitated(
            person=new,
            occurrence=held(group),
            facilitators=[new, member],
        )
    with pytest.raises(PermissionDenied):
        record_who_facilitated(
            person=member,
            occurrence=held(group),
            facilitators=[new],
        )
    assert not FacilitatedMeeting.objects.exists()


def test_the_meeting_page_records_who_facilitated_and_the_group_page_says_why(
    organisation: Organisation,
) -> None:
    group = PeerGroupFactory.create(organisation=organisation)
    new = facilitating(group)
    experienced = facilitating(group, Role.ADMIN)
    occurrence = held(group)
    url = reverse("meetings:who-facilitated", args=[group.pk, occurrence.pk])
    client = client_for(experienced)

    empty = client.post(url, {})
    done = client.post(url, {"facilitators": [new.pk, experienced.pk]})

    assert "Please choose who facilitated the meeting" in empty.content.decode()
    assert done.status_code == 302
    assert co_facilitated_count(new, organisation) == 1
    page = client_for(new).get(
        reverse("peergroups:group-create", args=[organisation.slug])
    )
    assert "You are co-facilitating for now" in page.content.decode()
    assert "So far: 1 of 3" in page.content.decode()


@pytest.mark.parametrize("role", list(Role))
def test_those_who_supervise_are_experienced_from_the_start(
    organisation: Organisation, role: Role
) -> None:
    person = member_of(organisation, role)

    assert is_co_facilitating(person, organisation) is (role not in SUPERVISING_ROLES)
