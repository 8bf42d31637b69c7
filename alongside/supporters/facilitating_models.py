"""The meetings a supporter facilitated, and the short debrief they may leave for
their supervisor after each: fields and querysets. Imported by `models.py`.

A meeting is an occurrence in alongside.meetings, which sits above supporters, so
it is named here by its id and its time, never by a key to it. A debrief is sealed
at rest under the organisation's data key and read only by its writer and the
supervisor it went to.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from alongside.organisations.models import Organisation
from alongside.sealing.fields import SealedTextField

# A new facilitator co-facilitates this many held meetings alongside an experienced
# one before they lead alone.
CO_FACILITATED_TO_LEAD_ALONE = 3


class FacilitatedMeetingQuerySet(models.QuerySet["FacilitatedMeeting"]):
    def alongside_experienced(self) -> FacilitatedMeetingQuerySet:
        return self.filter(with_experienced=True)


class FacilitatedMeeting(models.Model):
    """A held meeting that the person facilitated, as recorded by a facilitator of
    its group afterwards; whether an experienced facilitator was alongside them."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="facilitated_meetings",
    )
    # alongside.meetings.Occurrence, by id: supporters sits below meetings.
    occurrence_id = models.PositiveBigIntegerField()
    held_at = models.DateTimeField()
    with_experienced = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = FacilitatedMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "occurrence_id"], name="one_record_per_facilitator"
            )
        ]

    def __str__(self) -> str:
        return f"Facilitated meeting {self.pk}"


class MeetingDebrief(models.Model):
    """ "Anything to pass on, anything you need?" after a meeting the person
    facilitated. Optional; read only by its writer and the supervisor it went to."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    facilitated_meeting = models.OneToOneField(
        FacilitatedMeeting, on_delete=models.CASCADE, related_name="debrief"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="debriefs_received",
    )
    to_pass_on = SealedTextField(
        "anything to pass on", max_length=2000, blank=True, group_path="organisation"
    )
    needs = SealedTextField(
        "anything you need", max_length=2000, blank=True, group_path="organisation"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Meeting debrief {self.pk}"
