"""Meeting objects for the URL x role policy test: a venue of the organisation with
a completed checklist, an in-person meeting there next week (shown to people
thinking of joining), and a member's private calendar address."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from alongside.meetings.models import CalendarFeed
from alongside.peergroups.models import Format, PeerGroup
from alongside.peergroups.tests.states import person_in_state

from .factories import VenueFactory, occurrence_in

FUTURE_DAY = (timezone.localdate() + timedelta(days=10)).isoformat()
CHECKLIST_TICKED = {
    name: "on"
    for name in (
        "exits_known",
        "first_aid",
        "keys_held",
        "lone_working_contact",
        "crisis_numbers_shown",
        "booked_neutrally",
        "online_platform_secure",
        "online_access_checked",
    )
}

POST_DATA: dict[str, dict[str, str]] = {
    "meetings:meeting-create": {
        "starts_on": FUTURE_DAY,
        "local_start_time": "19:00",
        "duration_minutes": "90",
        "frequency": "weekly",
        "interval": "2",
        "ends": "count",
        "count": "4",
        "format": "online",
        "online_place": "live_room",
        "is_shown_to_newcomers": "on",
    },
    "meetings:occurrence-move": {
        "starts_on": FUTURE_DAY,
        "local_start_time": "18:00",
        "duration_minutes": "60",
    },
    "meetings:head-count-save": {"head_count": "5"},
    "meetings:rsvp-save": {"choice": "coming"},
    "meetings:venue-check": {
        "safe_getting_there": "yes",
        "safe_in_room": "yes",
        "not_overheard": "partly",
    },
    "meetings:choices-edit": {"reminders": "60"},
    "meetings:calendar-settings": {
        "action": "quiet",
        "quiet_from": "21:00",
        "quiet_until": "08:00",
    },
    "meetings:venue-list": {"name": "A made-up hall", "address": "1 Made-up Road"},
    "meetings:venue-edit": {"name": "A made-up hall", "address": "1 Made-up Road"},
    "meetings:venue-checklist": CHECKLIST_TICKED,
    "meetings:venue-waive": {"days": "7"},
}


def meetings_objects(group: PeerGroup) -> dict[str, object]:
    venue = VenueFactory.create(organisation=group.organisation)
    occurrence = occurrence_in(group, format=Format.IN_PERSON, venue=venue)
    owner = person_in_state("active", group)
    feed = CalendarFeed.objects.create(person=owner)
    return {
        "occurrence_id": occurrence.pk,
        "venue_id": venue.pk,
        "token": feed.token,
    }
