"""What the two write about how it goes: the supporter's short note after a meeting,
and the peer's own answer to "how is it going?".

Imported by `models.py`, so Django finds these models in the `buddying` app. They
refer to a match and a meeting by name ("buddying.Match") so that this module never
imports `models.py` back.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from alongside.sealing.fields import SealedTextField


class MeetingNote(models.Model):
    """A short note the supporter writes after a meeting. The peer reads it, unless
    it is kept for supervision only: then the peer sees that one exists, and why."""

    match = models.ForeignKey(
        "buddying.Match", on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    met_on = models.DateField()
    body = SealedTextField(max_length=2000, group_path="match.organisation")
    is_for_supervision_only = models.BooleanField(default=False)
    # The system's words or the supporter's own short reason, shown to the peer.
    why_for_supervision = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-met_on", "-pk"]

    def __str__(self) -> str:
        return f"Meeting note {self.pk}"


class SupportCheck(models.Model):
    """The peer's own answer to "how is it going?" (1 to 5, twice). Seen only by
    them; a low answer asks the coordinators to offer a change, never the
    supporter."""

    match = models.ForeignKey(
        "buddying.Match", on_delete=models.CASCADE, related_name="checks"
    )
    # The meeting this answer is about, when it was the check after a meeting;
    # empty for an answer given at any time.
    meeting = models.ForeignKey(
        "buddying.PairMeeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="checks",
    )
    helpful = models.PositiveSmallIntegerField()
    felt_safe = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(meeting__isnull=False),
                name="one_check_per_pair_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"Support check {self.pk}"

    @property
    def is_low(self) -> bool:
        return min(self.helpful, self.felt_safe) <= 2
