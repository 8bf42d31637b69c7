"""A person's meeting choices, calendar feed and quiet hours."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings.models import (
    CalendarFeed,
    MeetingChoice,
    Reminder,
    new_feed_token,
)
from alongside.meetings.permissions import check_choose_reminders
from alongside.peergroups.models import PeerGroup


def save_meeting_choice(
    *,
    person: Person,
    group: PeerGroup,
    reminders: Iterable[int],
    calendar_names_group: bool,
) -> MeetingChoice:
    """Keep a person's reminder times for a group's meetings and whether their
    calendar names the group. Preconditions: a current member. No side effects."""
    check_choose_reminders(person, group)
    minutes = sorted({int(value) for value in reminders}, reverse=True)
    if any(value not in Reminder.values for value in minutes):
        raise ValidationError("Please choose from the reminder times offered.")
    choice, _ = MeetingChoice.objects.update_or_create(
        person=person,
        group=group,
        defaults={
            "reminders": ",".join(str(value) for value in minutes),
            "calendar_names_group": calendar_names_group,
        },
    )
    return choice


def calendar_feed_for(*, person: Person) -> CalendarFeed:
    """The person's own calendar settings, made the first time they are needed.
    Touches nobody else's."""
    if not person.is_authenticated:
        raise PermissionDenied
    feed, _ = CalendarFeed.objects.get_or_create(person=person)
    return feed


def replace_feed_token(*, person: Person) -> CalendarFeed:
    """Give the person a new private calendar address; the old one stops working at
    once. No side effects."""
    feed = calendar_feed_for(person=person)
    feed.token = new_feed_token()
    feed.token_created_at = timezone.now()
    feed.save(update_fields=["token", "token_created_at"])
    return feed


def save_quiet_hours(
    *, person: Person, quiet_from: time, quiet_until: time
) -> CalendarFeed:
    """Keep when the person would rather not be reminded. Equal times mean no quiet
    hours. No side effects."""
    feed = calendar_feed_for(person=person)
    feed.quiet_from = quiet_from
    feed.quiet_until = quiet_until
    feed.save(update_fields=["quiet_from", "quiet_until"])
    return feed
