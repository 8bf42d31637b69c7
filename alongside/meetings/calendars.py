"""Meetings as iCalendar (RFC 5545), written with the `icalendar` library.

Every event has a stable UID (one per occurrence) and a SEQUENCE that rises on each
change; a cancelled meeting stays in the feed as STATUS:CANCELLED so calendars take
it away. Events are CLASS:PRIVATE with no attendees, no address and, unless the
person chose otherwise for that group, the neutral title "Alongside meeting".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from alongside.accounts.models import Person

from .models import MeetingChoice, Occurrence

NEUTRAL_TITLE = "Alongside meeting"
NEUTRAL_DESCRIPTION = "Sign in to Alongside to see the details."
# A feed shows the last month too, so that a cancellation just past still arrives.
FEED_LOOKS_BACK = timedelta(days=31)


def _uid_domain() -> str:
    return urlsplit(settings.ALONGSIDE_SITE_URL).hostname or "alongside.invalid"


def uid_for(occurrence: Occurrence) -> str:
    """The occurrence's UID: stable for its life, whatever changes."""
    return f"occurrence-{occurrence.pk}@{_uid_domain()}"


def titles_for(person: Person) -> dict[int, str]:
    """Group id -> the title the person chose (the group's name) for groups where
    they asked for it; every other group gets the neutral title."""
    return dict(
        MeetingChoice.objects.filter(
            person=person, calendar_names_group=True
        ).values_list("group_id", "group__name")
    )


def event_for(occurrence: Occurrence, *, title: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid_for(occurrence))
    event.add("sequence", occurrence.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", occurrence.starts_at)
    event.add("dtend", occurrence.ends_at)
    event.add("summary", title)
    event.add("description", NEUTRAL_DESCRIPTION)
    event.add("class", "PRIVATE")
    event.add("status", "CANCELLED" if occurrence.is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def calendar_of(occurrences: Iterable[Occurrence], *, titles: dict[int, str]) -> bytes:
    """The occurrences as one calendar, each titled by `titles` (group id -> title)
    or neutrally."""
    calendar = Calendar()
    calendar.add("prodid", "-//Alongside//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = timezone.now()
    for occurrence in occurrences:
        title = titles.get(occurrence.meeting.group_id, NEUTRAL_TITLE)
        calendar.add_component(event_for(occurrence, title=title, stamp=stamp))
    return bytes(calendar.to_ical())
