"""Calendars, parsed back with the icalendar library: stable UIDs, a SEQUENCE that
rises on each change, cancellations, no attendees, and neutral titles."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from alongside.accounts.models import Person
from alongside.meetings import actions
from alongside.meetings.calendars import NEUTRAL_TITLE
from alongside.peergroups import actions as group_actions
from alongside.peergroups.models import PeerGroup
from conftest import client_for

from .factories import occurrence_in


def events(body: bytes) -> list[Any]:
    return list(Calendar.from_ical(body).walk("VEVENT"))


def feed_url(person: Person) -> str:
    feed = actions.calendar_feed_for(person=person)
    return reverse("meetings:calendar-feed", args=[feed.token])


def test_one_meeting_downloads_as_a_private_neutral_event(
    group: PeerGroup, member: Person
) -> None:
    occurrence = occurrence_in(group)

    response = client_for(member).get(
        reverse("meetings:occurrence-ics", args=[group.pk, occurrence.pk])
    )

    assert response["Content-Type"].startswith("text/calendar")
    (event,) = events(response.content)
    assert str(event["SUMMARY"]) == NEUTRAL_TITLE
    assert str(event["CLASS"]) == "PRIVATE"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "ATTENDEE" not in event
    assert "LOCATION" not in event
    assert event.decoded("DTSTART") == occurrence.starts_at
    assert group.name.encode() not in response.content


def test_the_feed_keeps_the_uid_and_raises_the_sequence_on_each_change(
    group: PeerGroup, facilitator: Person, member: Person
) -> None:
    occurrence = occurrence_in(group)
    anonymous = Client()
    url = feed_url(member)
    (before,) = events(anonymous.get(url).content)

    actions.move_occurrence(
        person=facilitator,
        occurrence=occurrence,
        starts_on=timezone.localdate(occurrence.starts_at),
        local_start_time=time(10, 0),
        duration_minutes=60,
    )
    (moved,) = events(anonymous.get(url).content)
    actions.cancel_occurrence(person=facilitator, occurrence=occurrence)
    (cancelled,) = events(anonymous.get(url).content)

    assert before["UID"] == moved["UID"] == cancelled["UID"]
    assert [int(e["SEQUENCE"]) for e in (before, moved, cancelled)] == [0, 1, 2]
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_the_group_name_is_used_only_when_the_person_chooses_it(
    group: PeerGroup, member: Person
) -> None:
    occurrence_in(group)
    url = feed_url(member)

    actions.save_meeting_choice(
        person=member, group=group, reminders=[], calendar_names_group=True
    )
    (event,) = events(Client().get(url).content)

    assert str(event["SUMMARY"]) == group.name


def test_a_replaced_token_stops_working_at_once(
    group: PeerGroup, member: Person
) -> None:
    occurrence_in(group)
    old = feed_url(member)

    actions.replace_feed_token(person=member)

    assert Client().get(old).status_code == 404
    assert len(events(Client().get(feed_url(member)).content)) == 1


def test_a_former_members_feed_drops_the_group_at_once(
    group: PeerGroup, member: Person
) -> None:
    occurrence_in(group)
    url = feed_url(member)

    group_actions.leave_group(person=member, group=group)

    assert events(Client().get(url).content) == []


def test_the_feed_is_right_across_the_clock_change(
    group: PeerGroup, facilitator: Person, member: Person
) -> None:
    from alongside.meetings.models import Frequency
    from alongside.meetings.recurrence import Schedule

    actions.create_meeting(
        person=facilitator,
        group=group,
        schedule=Schedule(
            starts_on=date(2036, 10, 21),
            local_start_time=time(19, 0),
            duration_minutes=60,
            time_zone="Europe/London",
            frequency=Frequency.WEEKLY,
            count=2,
        ),
        place=actions.Place(format="online", online_place="live_room"),
    )

    starts = [
        e.decoded("DTSTART") for e in events(Client().get(feed_url(member)).content)
    ]

    # 19:00 BST, then 19:00 GMT after the clocks go back on 26 October 2036.
    assert starts == [
        datetime(2036, 10, 21, 18, 0, tzinfo=UTC),
        datetime(2036, 10, 28, 19, 0, tzinfo=UTC),
    ]
