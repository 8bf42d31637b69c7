"""Meetings change only through actions: creating a series, moving or cancelling
one date, RSVPs with a waiting list, venues and their checklist."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings import actions
from alongside.meetings.models import (
    CHECKLIST,
    Frequency,
    Occurrence,
    Rsvp,
)
from alongside.meetings.recurrence import Schedule
from alongside.notifications.models import Notification
from alongside.peergroups.models import Format, PeerGroup
from alongside.peergroups.tests.states import person_in_state

from .factories import VenueFactory, occurrence_in

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def fortnightly(count: int = 6) -> Schedule:
    return Schedule(
        starts_on=date(2026, 3, 17),
        local_start_time=time(19, 0),
        duration_minutes=90,
        time_zone="Europe/London",
        frequency=Frequency.WEEKLY,
        interval=2,
        count=count,
    )


def in_person(group: PeerGroup) -> actions.Place:
    return actions.Place(
        format=Format.IN_PERSON,
        venue=VenueFactory.create(
            organisation=group.organisation,
            checklist_completed_on=date(2026, 2, 1),
        ),
        in_person_host="The facilitators",
    )


def test_a_facilitator_creates_a_fortnightly_series_in_utc(
    group: PeerGroup, facilitator: Person
) -> None:
    meeting = actions.create_meeting(
        person=facilitator,
        group=group,
        schedule=fortnightly(),
        place=in_person(group),
        now=NOW,
    )

    starts = list(meeting.occurrences.values_list("starts_at", flat=True))
    assert len(starts) == 6
    assert starts[0] == datetime(2026, 3, 17, 19, 0, tzinfo=UTC)
    assert starts[1] == datetime(2026, 3, 31, 18, 0, tzinfo=UTC)  # BST


def test_a_member_cannot_create_meetings(group: PeerGroup, member: Person) -> None:
    with pytest.raises(PermissionDenied):
        actions.create_meeting(
            person=member,
            group=group,
            schedule=fortnightly(),
            place=in_person(group),
            now=NOW,
        )


def test_a_venue_with_an_overdue_checklist_blocks_the_meeting_until_waived(
    group: PeerGroup, facilitator: Person
) -> None:
    venue = VenueFactory.create(
        organisation=group.organisation, checklist_completed_on=date(2025, 1, 1)
    )
    place = actions.Place(format=Format.IN_PERSON, venue=venue)

    with pytest.raises(ValidationError, match="checklist"):
        actions.create_meeting(
            person=facilitator,
            group=group,
            schedule=fortnightly(),
            place=place,
            now=NOW,
        )
    admin = person_in_state("org admin", group)
    actions.waive_checklist(person=admin, venue=venue, days=14, now=NOW)
    meeting = actions.create_meeting(
        person=facilitator, group=group, schedule=fortnightly(), place=place, now=NOW
    )

    venue.refresh_from_db()
    assert venue.checklist_waived_by == admin
    assert meeting.occurrences.count() == 6


def test_only_an_admin_waives_a_checklist(group: PeerGroup) -> None:
    venue = VenueFactory.create(organisation=group.organisation)
    supervisor = person_in_state("supervisor", group)

    with pytest.raises(PermissionDenied):
        actions.waive_checklist(person=supervisor, venue=venue, days=14)


def test_completing_the_checklist_needs_every_item(group: PeerGroup) -> None:
    venue = VenueFactory.create(
        organisation=group.organisation, checklist_completed_on=None
    )
    staff = person_in_state("supervisor", group)
    every = {name for name, _ in CHECKLIST}

    with pytest.raises(ValidationError, match="Still to check"):
        actions.complete_checklist(
            person=staff, venue=venue, ticked=every - {"exits_known"}
        )
    actions.complete_checklist(
        person=staff, venue=venue, ticked=every, today=date(2026, 3, 1)
    )

    assert venue.checklist_is_current(date(2027, 2, 28))
    assert not venue.checklist_is_current(date(2027, 3, 1))


def test_moving_one_date_leaves_the_series_and_raises_its_sequence(
    group: PeerGroup, facilitator: Person
) -> None:
    meeting = actions.create_meeting(
        person=facilitator,
        group=group,
        schedule=fortnightly(),
        place=in_person(group),
        now=NOW,
    )
    first, second, *_ = meeting.occurrences.order_by("starts_at")

    actions.move_occurrence(
        person=facilitator,
        occurrence=second,
        starts_on=date(2026, 4, 1),
        local_start_time=time(18, 30),
        duration_minutes=60,
        now=NOW,
    )

    second.refresh_from_db()
    first.refresh_from_db()
    assert second.starts_at == datetime(2026, 4, 1, 17, 30, tzinfo=UTC)
    assert second.sequence == 1
    assert second.is_moved
    assert first.starts_at == datetime(2026, 3, 17, 19, 0, tzinfo=UTC)
    assert first.sequence == 0


def test_cancelling_one_date_tells_people_who_chose_reminders(
    group: PeerGroup,
    facilitator: Person,
    member: Person,
    django_capture_on_commit_callbacks: Any,
) -> None:
    actions.save_meeting_choice(
        person=member, group=group, reminders=[60], calendar_names_group=False
    )
    occurrence = occurrence_in(group)

    with django_capture_on_commit_callbacks(execute=True):
        actions.cancel_occurrence(person=facilitator, occurrence=occurrence)
    with django_capture_on_commit_callbacks(execute=True):
        actions.cancel_occurrence(person=facilitator, occurrence=occurrence)

    occurrence.refresh_from_db()
    assert occurrence.is_cancelled
    assert occurrence.sequence == 1
    (note,) = Notification.objects.filter(person=member)
    assert "has been cancelled" in note.message
    assert group.name not in note.message
    assert not Notification.objects.filter(person=facilitator).exists()


def test_a_full_meeting_has_a_waiting_list_and_the_first_hears_privately(
    group: PeerGroup, member: Person, django_capture_on_commit_callbacks: Any
) -> None:
    occurrence = occurrence_in(group, capacity=1)
    second = person_in_state("active", group)
    third = person_in_state("active", group)

    actions.say_coming(person=member, occurrence=occurrence)
    waiting = actions.say_coming(person=second, occurrence=occurrence)
    actions.say_coming(person=third, occurrence=occurrence)
    with django_capture_on_commit_callbacks(execute=True):
        actions.withdraw_coming(person=member, occurrence=occurrence)

    assert waiting.is_waiting
    assert not Rsvp.objects.get(person=second).is_waiting
    assert Rsvp.objects.get(person=third).is_waiting
    assert Notification.objects.filter(person=second).count() == 1
    assert not Notification.objects.filter(person=third).exists()


def test_saying_yes_twice_keeps_one(group: PeerGroup, member: Person) -> None:
    occurrence = occurrence_in(group)

    actions.say_coming(person=member, occurrence=occurrence)
    actions.say_coming(person=member, occurrence=occurrence)

    assert Rsvp.objects.filter(occurrence=occurrence).count() == 1


@pytest.mark.parametrize(
    ("cancelled", "starts_in", "message"),
    [
        (True, timedelta(days=1), "cancelled"),
        (False, timedelta(hours=-1), "already started"),
    ],
)
def test_an_rsvp_to_a_cancelled_or_past_meeting_is_a_kind_no(
    group: PeerGroup,
    member: Person,
    cancelled: bool,
    starts_in: timedelta,
    message: str,
) -> None:
    occurrence = occurrence_in(group, starts_at=timezone.now() + starts_in)
    Occurrence.objects.filter(pk=occurrence.pk).update(is_cancelled=cancelled)
    occurrence.refresh_from_db()

    with pytest.raises(ValidationError, match=message):
        actions.say_coming(person=member, occurrence=occurrence)


def test_rsvps_are_forgotten_a_week_after_the_meeting(
    group: PeerGroup, member: Person
) -> None:
    occurrence = occurrence_in(group)
    actions.say_coming(person=member, occurrence=occurrence)

    assert actions.forget_old_rsvps(now=occurrence.ends_at + timedelta(days=6)) == 0
    assert actions.forget_old_rsvps(now=occurrence.ends_at + timedelta(days=8)) == 1


def test_a_venue_in_use_is_not_removed(group: PeerGroup, facilitator: Person) -> None:
    place = in_person(group)
    actions.create_meeting(
        person=facilitator, group=group, schedule=fortnightly(), place=place, now=NOW
    )
    staff = person_in_state("supervisor", group)
    assert place.venue is not None

    with pytest.raises(ValidationError, match="still to come"):
        actions.remove_venue(person=staff, venue=place.venue, now=NOW)


def test_sessions_held_counts_meetings_that_took_place(
    group: PeerGroup, facilitator: Person
) -> None:
    now = timezone.now()
    held = occurrence_in(group, starts_at=now - timedelta(days=3))
    occurrence_in(group, starts_at=now - timedelta(days=10))
    cancelled = occurrence_in(group, starts_at=now - timedelta(days=2))
    Occurrence.objects.filter(pk=cancelled.pk).update(is_cancelled=True)
    occurrence_in(group, starts_at=now + timedelta(days=1))

    sessions = Occurrence.objects.sessions_held(
        group=group, start=now - timedelta(days=7), end=now + timedelta(days=7)
    )

    assert list(sessions) == [held]
