"""Follow-ups offered to a supporter after a crisis they handled: fields and a
queryset. Imported by `models.py`. A follow-up holds no words and names nobody
else: only when it is due, for whom, and whether it was sent."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from alongside.organisations.models import Organisation


class FollowUpStep(models.TextChoices):
    THREE_DAYS = "three_days", "Three days after"
    FOUR_WEEKS = "four_weeks", "Four weeks after"


FOLLOW_UP_DAYS = {FollowUpStep.THREE_DAYS: 3, FollowUpStep.FOUR_WEEKS: 28}


class FollowUpQuerySet(models.QuerySet["FollowUp"]):
    def due_on(self, day: date) -> FollowUpQuerySet:
        return self.filter(sent_at__isnull=True, due_on__lte=day)


class FollowUp(models.Model):
    """A kind check-in offered to a supporter a few days, and a few weeks, after a
    crisis they handled. Seen by them alone; never reported to anyone."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_ups"
    )
    step = models.CharField(max_length=12, choices=FollowUpStep.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["sent_at", "due_on"])]

    def __str__(self) -> str:
        return f"Follow-up {self.pk}"
