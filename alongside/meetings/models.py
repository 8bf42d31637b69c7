"""Meetings of a group, their occurrences, venues and each person's meeting choices.

A `Meeting` is a series (or a one-off: a series of one) written in the group's local
wall time; its `Occurrence` rows are the dates it makes, stored in UTC, so that one of
them can be moved or cancelled without changing the rest. RSVPs are rows nobody else
reads by name; they go a week after the meeting (see `tasks.py`).
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from alongside.organisations.models import Organisation, Role
from alongside.peergroups.models import Format, PeerGroup

DEFAULT_TIME_ZONE = "Europe/London"
# A venue's facts and checklist are looked at again after this long.
REVIEW_AFTER = timedelta(days=365)
MAX_OCCURRENCES = 500
# Reminders wait out these hours unless the person chooses others.
DEFAULT_QUIET_FROM = time(21, 0)
DEFAULT_QUIET_UNTIL = time(8, 0)


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class StepFree(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"
    UNKNOWN = "", "Not checked yet"


class VenueQuerySet(models.QuerySet["Venue"]):
    def in_use(self) -> VenueQuerySet:
        """Venues that have not been removed."""
        return self.filter(removed_at__isnull=True)


# The being-safe checklist: (field name, what it asks), in the order shown.
CHECKLIST = (
    ("exits_known", "We know where the exits are and how to leave quietly."),
    ("first_aid", "There is first aid, and someone knows where it is."),
    ("keys_held", "We know who holds the keys and who opens and locks up."),
    (
        "lone_working_contact",
        "Someone outside the meeting knows when it starts and ends, and hears from "
        "us when we arrive and leave.",
    ),
    ("crisis_numbers_shown", "Crisis numbers are on the wall or on a card."),
    (
        "booked_neutrally",
        "The room is booked under a neutral name that says nothing about the group.",
    ),
    (
        "online_platform_secure",
        "Anyone joining online uses a secure platform (or nobody joins online).",
    ),
    (
        "online_access_checked",
        "Members who join online have what they need to do so (or nobody does).",
    ),
)

# The access facts and the feeling-safe facts: (field name, label), as shown.
ACCESS_FACTS = (
    ("step_free_route", "The step-free route"),
    ("door_widths", "Door widths"),
    ("lift", "Lift"),
    ("accessible_toilet", "Accessible toilet"),
    ("hearing_loop", "Hearing loop, and staff who can use it"),
    ("quiet_room", "Quiet room"),
    ("lighting_and_noise", "Lighting and noise"),
    ("seating", "Seating"),
    ("assistance_dogs", "Assistance dogs"),
    ("parking", "Parking"),
    ("transport", "Nearest bus and train stops"),
)
FEELING_SAFE_FACTS = (
    ("not_overheard", "Private, and not overheard"),
    ("building_users", "Who else uses the building"),
    ("seen_going_in", "Whether people can be seen going in"),
    ("route_from_transport", "A safe route from transport"),
    ("atmosphere", "Welcoming or clinical"),
    ("refreshments", "Refreshments"),
    ("space_away", "A space to take a moment away from the group"),
)


def _fact() -> models.CharField[str, str]:
    return models.CharField(max_length=300, blank=True)


class Venue(models.Model):
    """A place an organisation's groups meet. The address is a joining detail: only
    current members of a group meeting there, and the organisation's staff, read it.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="venues"
    )
    name = models.CharField(
        "name of the place or room",
        max_length=120,
        help_text="In a secure service, the ward or room name is all people see.",
    )
    address = models.TextField(max_length=500, blank=True)
    step_free = models.CharField(
        "step-free access",
        max_length=10,
        choices=StepFree.choices,
        default=StepFree.UNKNOWN,
        blank=True,
    )
    step_free_route = _fact()
    door_widths = _fact()
    lift = _fact()
    accessible_toilet = _fact()
    hearing_loop = _fact()
    quiet_room = _fact()
    lighting_and_noise = _fact()
    seating = _fact()
    assistance_dogs = _fact()
    parking = _fact()
    transport = _fact()
    access_checked_on = models.DateField(null=True, blank=True)
    access_checked_by_role = models.CharField(
        max_length=20, choices=Role.choices, blank=True
    )
    not_overheard = _fact()
    building_users = _fact()
    seen_going_in = _fact()
    route_from_transport = _fact()
    atmosphere = _fact()
    refreshments = _fact()
    space_away = _fact()
    exits_known = models.BooleanField(default=False)
    first_aid = models.BooleanField(default=False)
    keys_held = models.BooleanField(default=False)
    lone_working_contact = models.BooleanField(default=False)
    crisis_numbers_shown = models.BooleanField(default=False)
    booked_neutrally = models.BooleanField(default=False)
    online_platform_secure = models.BooleanField(default=False)
    online_access_checked = models.BooleanField(default=False)
    checklist_completed_on = models.DateField(null=True, blank=True)
    checklist_completed_by_role = models.CharField(
        max_length=20, choices=Role.choices, blank=True
    )
    # An admin may let meetings be published here while the checklist is overdue,
    # for a short while; who and when are kept, as the log of that decision.
    checklist_waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checklist_waived_at = models.DateTimeField(null=True, blank=True)
    checklist_waived_until = models.DateField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = VenueQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def checklist_due_on(self) -> date | None:
        """When the checklist must next be reviewed; None before it is completed."""
        if self.checklist_completed_on is None:
            return None
        return self.checklist_completed_on + REVIEW_AFTER

    def checklist_is_current(self, today: date) -> bool:
        due = self.checklist_due_on()
        return due is not None and today < due

    def checklist_is_waived(self, today: date) -> bool:
        return (
            self.checklist_waived_until is not None
            and today <= self.checklist_waived_until
        )

    def may_host_meetings(self, today: date) -> bool:
        """Whether a meeting may be published here: the checklist is complete and
        reviewed within a year, or an admin has waived it for now."""
        return self.checklist_is_current(today) or self.checklist_is_waived(today)

    def access_facts_are_old(self, today: date) -> bool:
        return (
            self.access_checked_on is not None
            and today >= self.access_checked_on + REVIEW_AFTER
        )


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


class Felt(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


# The members' view of a venue: three questions, in our own words.
VENUE_QUESTIONS = (
    ("safe_getting_there", "I felt safe getting there"),
    ("safe_in_room", "I felt safe in the room"),
    ("not_overheard", "I could speak without being overheard"),
)
VENUE_VIEW_SHOWN_FROM = 5
VENUE_CHECK_EVERY = timedelta(days=91)


class VenueCheck(models.Model):
    """One member's anonymous answers about a venue. No link to the person: no
    foreign key, and only the day it was answered."""

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="checks")
    answered_on = models.DateField()
    safe_getting_there = models.CharField(max_length=10, choices=Felt.choices)
    safe_in_room = models.CharField(max_length=10, choices=Felt.choices)
    not_overheard = models.CharField(max_length=10, choices=Felt.choices)

    class Meta:
        ordering = ["-answered_on", "pk"]

    def __str__(self) -> str:
        return f"Venue check {self.pk}"


class VenueCheckTurn(models.Model):
    """When a person may next be asked about a venue. It holds no answers, and only
    the month the next turn comes, so it cannot be matched to an answer's day."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="+")
    next_from = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "venue"], name="one_venue_check_turn"
            )
        ]

    def __str__(self) -> str:
        return f"Venue check turn {self.pk}"
