"""The periodic check-ins (at joining, three, six and twelve months) and the
wording of licensed measures an organisation holds a licence for. Imported by
models.py, so Django finds these models in the insights app.

A `CheckAnswer` has no link to its writer, as an `Answer` has none: no person, no
point of the check-in, only the organisation, the measure and the day, and a
random key. That someone answered a point is a separate `CheckAnswered` row,
written in a transaction of its own, with no time and nothing of the answer.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

# Months after joining the organisation at which a check-in opens.
POINTS = (0, 3, 6, 12)
# A check-in stays open this long; then it lapses quietly, never chased.
OPEN_FOR = timedelta(days=30)


class Asking(models.TextChoices):
    UNDECIDED = "undecided", "Not chosen yet"
    YES = "yes", "Ask me at three, six and twelve months"
    NEVER = "never", "Never ask me"


class CheckChoice(models.Model):
    """Whether a person wants to be asked to check in, and the last point they
    were told about, so that each point is told once and never chased."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    asking = models.CharField(
        max_length=10, choices=Asking.choices, default=Asking.UNDECIDED
    )
    told_about_point = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"], name="one_check_choice"
            )
        ]

    def __str__(self) -> str:
        return "Check-in choice"


class CheckAnswered(models.Model):
    """That a person has answered the check-in at one point (months after
    joining). Holds nothing of the answer and no time."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    point = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "point"],
                name="one_check_answer_per_point",
            )
        ]

    def __str__(self) -> str:
        return "Has checked in"


class CheckAnswer(models.Model):
    """One anonymous check-in: a score for each item of one measure."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    measure = models.CharField(max_length=40)  # a code from licences.MEASURES
    answered_on = models.DateField()
    scores = models.JSONField()  # list[int], one per item, in the items' order

    class Meta:
        ordering = ["answered_on", "id"]
        indexes = [models.Index(fields=["organisation", "measure", "answered_on"])]

    def __str__(self) -> str:
        return "Anonymous check-in"


class LicensedWording(models.Model):
    """The wording of a licensed measure, entered by an organisation that holds a
    licence for it. Locked once entered: nothing in the product changes it."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    measure = models.CharField(max_length=40)  # a code from licences.MEASURES
    items = models.JSONField()  # list[str]
    points = models.PositiveSmallIntegerField()  # answer points, 1 to this
    licence_held = models.CharField(max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "measure"], name="one_wording_per_measure"
            )
        ]

    def __str__(self) -> str:
        return f"Licensed wording of {self.measure}"
