"""Venues: where a group meets in person, its access facts, its safety checklist,
and the members' anonymous view of it."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from alongside.organisations.models import Organisation, Role

# A venue's facts and checklist are looked at again after this long.
REVIEW_AFTER = timedelta(days=365)


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
