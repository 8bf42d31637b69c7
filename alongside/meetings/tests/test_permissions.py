"""The meetings policy, role by state: who sees meetings, joining details, counts,
takes part, manages meetings and keeps venues."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings import permissions
from alongside.organisations.models import Organisation, Setting
from alongside.peergroups.models import GroupRole, PeerGroup, Status
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.peergroups.tests.states import STATES, person_in_state

from .factories import occurrence_in


def person_for(state: str, group: PeerGroup) -> Person:
    if state == "anonymous":
        return AnonymousUser()  # type: ignore[return-value]
    if state == "paused facilitator":
        person = person_in_state("none", group)
        MembershipFactory.create(
            group=group,
            person=person,
            status=Status.PAUSED,
            role=GroupRole.FACILITATOR,
        )
        return person
    return person_in_state(state, group)


# see: the meetings list · details: address and links · take part: RSVP,
# reminders, calendar · manage: create, move, cancel, counts · venues: keep venues
POLICY = [
    # state                  see    details part   manage venues
    ("anonymous",            False, False,  False, False, False),
    ("other organisation",   False, False,  False, False, False),
    ("none",                 True,  False,  False, False, False),
    ("requested",            True,  False,  False, False, False),
    ("declined",             True,  False,  False, False, False),
    ("left",                 True,  False,  False, False, False),
    ("active",               True,  True,   True,  False, False),
    ("paused",               True,  True,   True,  False, False),
    ("facilitator",          True,  True,   True,  True,  True),
    ("paused facilitator",   True,  True,   True,  False, False),
    ("org admin",            True,  False,  False, False, True),
    ("supervisor",           True,  False,  False, False, True),
    ("other group",          True,  False,  False, False, False),
]  # fmt: skip


def test_the_table_covers_every_state() -> None:
    assert {row[0] for row in POLICY} >= set(STATES)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "see", "details", "part", "manage", "venues"), POLICY
)
def test_meetings_policy_by_state(
    state: str, see: bool, details: bool, part: bool, manage: bool, venues: bool
) -> None:
    group = PeerGroupFactory.create()
    person = person_for(state, group)
    occurrence = occurrence_in(group)

    assert permissions.can_see_meetings(person, group) is see
    assert permissions.can_see_joining_details(person, group) is details
    assert permissions.can_see_address(person, group) is details
    assert permissions.can_rsvp(person, occurrence) is part
    assert permissions.can_choose_reminders(person, group) is part
    assert permissions.can_download_calendar(person, group) is part
    assert permissions.can_manage_meetings(person, group) is manage
    assert permissions.can_see_rsvp_count(person, group) is manage
    assert permissions.can_manage_venues(person, group.organisation) is venues
    assert (occurrence in permissions.meetings_visible_to(person, group)) is see
    assert (
        occurrence in permissions.feed_occurrences_for(person)
        if person.is_authenticated
        else False
    ) is part


@pytest.mark.django_db
def test_meetings_hidden_from_newcomers_are_for_members_only() -> None:
    group = PeerGroupFactory.create()
    occurrence = occurrence_in(group, is_shown_to_newcomers=False)

    newcomer = person_in_state("none", group)
    member = person_in_state("active", group)

    assert occurrence not in permissions.meetings_visible_to(newcomer, group)
    assert occurrence in permissions.meetings_visible_to(member, group)


@pytest.mark.django_db
def test_an_online_link_shows_only_from_fifteen_minutes_before() -> None:
    group = PeerGroupFactory.create()
    member = person_in_state("active", group)
    start = timezone.now() + timedelta(hours=1)
    occurrence = occurrence_in(
        group, starts_at=start, online_place="link", online_link="https://a.example"
    )

    assert not permissions.can_see_online_link(
        member, occurrence, now=start - timedelta(minutes=16)
    )
    assert permissions.can_see_online_link(
        member, occurrence, now=start - timedelta(minutes=15)
    )
    assert permissions.can_see_online_link(
        member, occurrence, now=start + timedelta(minutes=30)
    )
    assert not permissions.can_see_online_link(
        member, occurrence, now=start + timedelta(hours=2)
    )


@pytest.mark.django_db
def test_a_secure_service_shows_no_address_link_or_calendar() -> None:
    group = PeerGroupFactory.create()
    Organisation.objects.filter(pk=group.organisation_id).update(setting=Setting.SECURE)
    group.organisation.refresh_from_db()
    member = person_in_state("active", group)
    start = timezone.now() + timedelta(minutes=5)
    occurrence = occurrence_in(
        group, starts_at=start, online_place="link", online_link="https://a.example"
    )

    assert permissions.can_see_joining_details(member, group)
    assert not permissions.can_see_address(member, group)
    assert not permissions.can_see_online_link(member, occurrence)
    assert not permissions.can_download_calendar(member, group)
    assert occurrence not in permissions.feed_occurrences_for(member)


@pytest.mark.django_db
def test_only_an_admin_waives_a_venue_checklist() -> None:
    group = PeerGroupFactory.create()
    organisation = group.organisation

    assert permissions.can_waive_checklist(
        person_in_state("org admin", group), organisation
    )
    assert not permissions.can_waive_checklist(
        person_in_state("supervisor", group), organisation
    )
    assert not permissions.can_waive_checklist(
        person_in_state("facilitator", group), organisation
    )
