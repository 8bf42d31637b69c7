"""Meetings of a group, their occurrences, venues and each person's meeting choices.

A `Meeting` is a series (or a one-off: a series of one) written in the group's local
wall time; its `Occurrence` rows are the dates it makes, stored in UTC, so that one of
them can be moved or cancelled without changing the rest. RSVPs are rows nobody else
reads by name; they go a week after the meeting (see `tasks.py`)."""

from __future__ import annotations

from alongside.meetings.models.meetings import (
    DEFAULT_QUIET_FROM,
    DEFAULT_QUIET_UNTIL,
    DEFAULT_TIME_ZONE,
    MAX_OCCURRENCES,
    BankHolidays,
    CalendarFeed,
    Frequency,
    Meeting,
    MeetingChoice,
    Occurrence,
    OccurrenceQuerySet,
    OnlinePlace,
    Reminder,
    Rsvp,
    RsvpQuerySet,
    SentReminder,
    new_feed_token,
)
from alongside.meetings.models.venues import (
    ACCESS_FACTS,
    CHECKLIST,
    FEELING_SAFE_FACTS,
    REVIEW_AFTER,
    VENUE_CHECK_EVERY,
    VENUE_QUESTIONS,
    VENUE_VIEW_SHOWN_FROM,
    Felt,
    StepFree,
    Venue,
    VenueCheck,
    VenueCheckTurn,
    VenueQuerySet,
)

__all__ = [
    "ACCESS_FACTS",
    "CHECKLIST",
    "DEFAULT_QUIET_FROM",
    "DEFAULT_QUIET_UNTIL",
    "DEFAULT_TIME_ZONE",
    "FEELING_SAFE_FACTS",
    "MAX_OCCURRENCES",
    "REVIEW_AFTER",
    "VENUE_CHECK_EVERY",
    "VENUE_QUESTIONS",
    "VENUE_VIEW_SHOWN_FROM",
    "BankHolidays",
    "CalendarFeed",
    "Felt",
    "Frequency",
    "Meeting",
    "MeetingChoice",
    "Occurrence",
    "OccurrenceQuerySet",
    "OnlinePlace",
    "Reminder",
    "Rsvp",
    "RsvpQuerySet",
    "SentReminder",
    "StepFree",
    "Venue",
    "VenueCheck",
    "VenueCheckTurn",
    "VenueQuerySet",
    "new_feed_token",
]
