# mypy: disallow-untyped-calls=False
"""Factories for venues, meetings and their occurrences."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from factory.declarations import LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory

from alongside.meetings.models import Meeting, Occurrence, Venue
from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import Format, PeerGroup
from alongside.peergroups.tests.factories import PeerGroupFactory


class VenueFactory(DjangoModelFactory[Venue]):
    """A venue whose being-safe checklist was completed last month."""

    class Meta:
        model = Venue

    organisation = SubFactory(OrganisationFactory)
    name = Sequence(lambda number: f"Room {number}")
    address = "1 Made-up Street, Testtown"
    step_free = "yes"
    space_away = "A quiet room across the corridor."
    exits_known = True
    first_aid = True
    keys_held = True
    lone_working_contact = True
    crisis_numbers_shown = True
    booked_neutrally = True
    online_platform_secure = True
    online_access_checked = True
    checklist_completed_on = LazyFunction(
        lambda: timezone.localdate() - timedelta(days=30)
    )
    checklist_completed_by_role = Role.FACILITATOR


class MeetingFactory(DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting

    group = SubFactory(PeerGroupFactory)
    format = Format.ONLINE
    online_place = "live_room"
    starts_on = LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    local_start_time = time(19, 0)
    duration_minutes = 90


def occurrence_in(
    group: PeerGroup,
    *,
    starts_at: datetime | None = None,
    minutes: int = 90,
    **meeting_fields: object,
) -> Occurrence:
    """One meeting of the group, a week from now unless told otherwise."""
    if starts_at is None:
        starts_at = timezone.now().replace(second=0, microsecond=0) + timedelta(days=7)
    meeting = MeetingFactory.create(
        group=group, starts_on=date(2026, 1, 1), **meeting_fields
    )
    return Occurrence.objects.create(
        meeting=meeting,
        slot_at=starts_at,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=minutes),
    )
