"""Meetings, their occurrences, RSVPs, a person's calendar feed and meeting
choices, and the reminders already sent."""

from __future__ import annotations

import secrets
from datetime import datetime, time

from django.conf import settings
from django.db import models
from django.utils import timezone

from alongside.meetings.models.venues import Venue
from alongside.peergroups.models import Format, PeerGroup

DEFAULT_TIME_ZONE = "Europe/London"


MAX_OCCURRENCES = 500


# Reminders wait out these hours unless the person chooses others.
DEFAULT_QUIET_FROM = time(21, 0)


DEFAULT_QUIET_UNTIL = time(8, 0)


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class Frequency(models.TextChoices):
    ONCE = "once", "Once"
    WEEKLY = "weekly", "Every week, or every few weeks"
    MONTHLY = "monthly", "Monthly, on a weekday such as the second Tuesday"


class OnlinePlace(models.TextChoices):
    LIVE_ROOM = "live_room", "The group's live room on Alongside"
    LINK = "link", "Another link"


class BankHolidays(models.TextChoices):
    NONE = "", "Meet on bank holidays too"
    ENGLAND_AND_WALES = "england-and-wales", "Skip bank holidays in England and Wales"
    SCOTLAND = "scotland", "Skip bank holidays in Scotland"
    NORTHERN_IRELAND = "northern-ireland", "Skip bank holidays in Northern Ireland"


class Meeting(models.Model):
    """A series of meetings of one group (one-off meetings are a series of one),
    written in local wall time so that 7pm stays 7pm across the clock changes."""

    group = models.ForeignKey(
        PeerGroup, on_delete=models.CASCADE, related_name="meetings"
    )
    venue = models.ForeignKey(
        Venue,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    format = models.CharField(max_length=10, choices=Format.choices)
    online_place = models.CharField(
        max_length=10, choices=OnlinePlace.choices, blank=True
    )
    online_link = models.URLField(max_length=500, blank=True)
    in_person_host = models.CharField(max_length=80, blank=True)
    online_host = models.CharField(max_length=80, blank=True)
    time_zone = models.CharField(max_length=60, default=DEFAULT_TIME_ZONE)
    starts_on = models.DateField()
    local_start_time = models.TimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=90)
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.ONCE
    )
    interval = models.PositiveSmallIntegerField(default=1)
    # Monthly: which week of the month (1-4, or -1 for the last).
    week_of_month = models.SmallIntegerField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    count = models.PositiveSmallIntegerField(null=True, blank=True)
    skips_bank_holidays = models.CharField(
        max_length=20, choices=BankHolidays.choices, blank=True
    )
    is_shown_to_newcomers = models.BooleanField(default=True)
    capacity = models.PositiveSmallIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_on", "pk"]

    def __str__(self) -> str:
        return f"Meeting {self.pk}"

    @property
    def is_in_person(self) -> bool:
        return self.format in {Format.IN_PERSON, Format.HYBRID}

    @property
    def is_online(self) -> bool:
        return self.format in {Format.ONLINE, Format.HYBRID}


class OccurrenceQuerySet(models.QuerySet["Occurrence"]):
    def scheduled(self) -> OccurrenceQuerySet:
        return self.filter(is_cancelled=False)

    def upcoming(self, now: datetime | None = None) -> OccurrenceQuerySet:
        """Not yet over, soonest first (cancelled ones included, so people see it)."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at")

    def of_group(self, group: PeerGroup) -> OccurrenceQuerySet:
        return self.filter(meeting__group=group)

    def sessions_held(
        self, *, group: PeerGroup, start: datetime, end: datetime
    ) -> OccurrenceQuerySet:
        """The group's meetings that took place in [start, end): not cancelled and
        already begun. The denominator for rates per session."""
        return self.held_between(start=start, end=end).filter(meeting__group=group)

    def held_between(self, *, start: datetime, end: datetime) -> OccurrenceQuerySet:
        """Every meeting that took place in [start, end), of any group: for rates
        across an organisation (filter it by group or organisation)."""
        return self.filter(
            is_cancelled=False,
            starts_at__gte=start,
            starts_at__lt=end,
            starts_at__lte=timezone.now(),
        )


class Occurrence(models.Model):
    """One date of a meeting, in UTC. Moving or cancelling it leaves the series be;
    `sequence` rises on every change, for calendars."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="occurrences"
    )
    # Where the series put it; stays when it is moved, so it is never made twice.
    slot_at = models.DateTimeField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    is_cancelled = models.BooleanField(default=False)
    is_moved = models.BooleanField(default=False)
    sequence = models.PositiveIntegerField(default=0)
    # When it last changed (made, moved or cancelled): the calendars' DTSTAMP.
    changed_at = models.DateTimeField(default=timezone.now)
    # An optional head count a facilitator enters afterwards; never names.
    head_count = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "slot_at"], name="one_occurrence_per_slot"
            )
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return f"Occurrence {self.pk}"


class RsvpQuerySet(models.QuerySet["Rsvp"]):
    def coming(self) -> RsvpQuerySet:
        return self.filter(is_waiting=False)

    def waiting(self) -> RsvpQuerySet:
        return self.filter(is_waiting=True).order_by("created_at", "pk")


class Rsvp(models.Model):
    """Someone said they will come. Optional, never needed to attend, never shown to
    anyone else by name, and deleted a week after the meeting."""

    occurrence = models.ForeignKey(
        Occurrence, on_delete=models.CASCADE, related_name="rsvps"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rsvps"
    )
    # Past the meeting's capacity: first come, first offered a place.
    is_waiting = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = RsvpQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "person"], name="one_rsvp_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"RSVP {self.pk}"


class CalendarFeed(models.Model):
    """A person's private calendar address and quiet hours for reminders."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    token_created_at = models.DateTimeField(default=timezone.now)
    quiet_from = models.TimeField(default=DEFAULT_QUIET_FROM)
    quiet_until = models.TimeField(default=DEFAULT_QUIET_UNTIL)

    def __str__(self) -> str:
        return f"Calendar of person {self.person_id}"


class Reminder(models.IntegerChoices):
    """How long before a meeting a reminder comes, in minutes."""

    WEEK = 7 * 24 * 60, "A week before"
    DAY = 24 * 60, "A day before"
    THREE_HOURS = 3 * 60, "Three hours before"
    HOUR = 60, "An hour before"
    QUARTER = 15, "Fifteen minutes before"


class MeetingChoice(models.Model):
    """One person's choices for one group's meetings: reminders (none by default) and
    whether their calendar names the group (it does not by default)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_choices",
    )
    group = models.ForeignKey(
        PeerGroup, on_delete=models.CASCADE, related_name="meeting_choices"
    )
    # Comma-separated minutes, from Reminder.
    reminders = models.CharField(max_length=60, blank=True)
    calendar_names_group = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "group"], name="one_meeting_choice_per_group"
            )
        ]

    def __str__(self) -> str:
        return f"Meeting choices {self.pk}"

    @property
    def reminder_minutes(self) -> list[int]:
        return sorted(
            (int(value) for value in self.reminders.split(",") if value.strip()),
            reverse=True,
        )


class SentReminder(models.Model):
    """A reminder already sent, so that it is sent once however often the worker
    runs."""

    occurrence = models.ForeignKey(
        Occurrence, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    minutes_before = models.PositiveIntegerField()
    # The start it was about: a moved meeting is reminded about again.
    starts_at = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "person", "minutes_before", "starts_at"],
                name="one_reminder_per_offset",
            )
        ]

    def __str__(self) -> str:
        return f"Reminder {self.pk}"
