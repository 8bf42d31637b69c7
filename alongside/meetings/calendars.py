"""Meetings as iCalendar (RFC 5545), written with the `icalendar` library.

Every event has a stable UID (one per occurrence) and a SEQUENCE that rises on each
change; a cancelled meeting stays in the feed as STATUS:CANCELLED so calendars take
it away. Events are CLASS:PRIVATE with no attendees, no address and, unless the
person chose otherwise for that group, the neutral title "Alongside meeting".

A feed of a year of weekly meetings in 50 groups is 2,600 events; writing them all
with icalendar takes seconds. So each event, once written, is kept in memory (per
process) under what makes it: its id, its sequence, when it last changed and its
title. A change to the meeting changes the sequence and the time of the change, so a
kept event is never stale; the calendar's own lines frame the kept events.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar, Event

from alongside.accounts.models import Person

from .models import MeetingChoice, Occurrence, OccurrenceQuerySet

NEUTRAL_TITLE = "Alongside meeting"
NEUTRAL_DESCRIPTION = "Sign in to Alongside to see the details."
# A feed shows the last month too, so that a cancellation just past still arrives.
FEED_LOOKS_BACK = timedelta(days=31)
# Written events kept in memory, per process: enough for a busy organisation's year.
EVENTS_KEPT = 50_000


class EventRow(NamedTuple):
    """What identifies one occurrence's event, read without building models."""

    pk: int
    sequence: int
    changed_at: datetime
    is_cancelled: bool
    group_id: int


ROW_FIELDS = ("pk", "sequence", "changed_at", "is_cancelled", "meeting__group_id")

EventKey = tuple[int, int, datetime, bool, str, str]
_written: dict[EventKey, bytes] = {}


def rows_of(occurrences: OccurrenceQuerySet) -> list[EventRow]:
    """The occurrences as rows for a calendar, in one query."""
    return [EventRow(*values) for values in occurrences.values_list(*ROW_FIELDS)]


def _uid_domain() -> str:
    return urlsplit(settings.ALONGSIDE_SITE_URL).hostname or "alongside.invalid"


def uid_for(occurrence_id: int, domain: str | None = None) -> str:
    """The occurrence's UID: stable for its life, whatever changes."""
    return f"occurrence-{occurrence_id}@{domain or _uid_domain()}"


def titles_for(person: Person) -> dict[int, str]:
    """Group id -> the title the person chose (the group's name) for groups where
    they asked for it; every other group gets the neutral title."""
    return dict(
        MeetingChoice.objects.filter(
            person=person, calendar_names_group=True
        ).values_list("group_id", "group__name")
    )


def write_event(
    row: EventRow, *, starts_at: datetime, ends_at: datetime, title: str, domain: str
) -> bytes:
    """One VEVENT, written by icalendar. DTSTAMP is when the occurrence last
    changed."""
    event = Event()
    event.add("uid", uid_for(row.pk, domain))
    event.add("sequence", row.sequence)
    event.add("dtstamp", row.changed_at)
    event.add("dtstart", starts_at)
    event.add("dtend", ends_at)
    event.add("summary", title)
    event.add("description", NEUTRAL_DESCRIPTION)
    event.add("class", "PRIVATE")
    event.add("status", "CANCELLED" if row.is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return bytes(event.to_ical())


def _calendar_frame() -> tuple[bytes, bytes]:
    calendar = Calendar()
    calendar.add("prodid", "-//Alongside//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    written = bytes(calendar.to_ical())
    end = written.index(b"END:VCALENDAR")
    return written[:end], written[end:]


def calendar_of(rows: Iterable[EventRow], *, titles: dict[int, str]) -> bytes:
    """The occurrences as one calendar, each titled by `titles` (group id -> title)
    or neutrally. Events not written before are written now (their times read in one
    query) and kept."""
    domain = _uid_domain()
    keyed = [
        (row, (row.pk, row.sequence, row.changed_at, row.is_cancelled, title, domain))
        for row in rows
        for title in [titles.get(row.group_id, NEUTRAL_TITLE)]
    ]
    missing = {row.pk for row, key in keyed if key not in _written}
    if missing:
        times = {
            pk: (starts_at, ends_at)
            for pk, starts_at, ends_at in Occurrence.objects.filter(
                pk__in=missing
            ).values_list("pk", "starts_at", "ends_at")
        }
        if len(_written) + len(missing) > EVENTS_KEPT:
            _written.clear()
        for row, key in keyed:
            if key in _written or row.pk not in times:
                continue
            starts_at, ends_at = times[row.pk]
            _written[key] = write_event(
                row, starts_at=starts_at, ends_at=ends_at, title=key[4], domain=domain
            )
    head, tail = _calendar_frame()
    return head + b"".join(_written[key] for _, key in keyed if key in _written) + tail
