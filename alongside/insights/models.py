"""Anonymous answers, the separate record that someone has answered, the gentle
felt-safety prompt, a person's own copy of their scores, and what facilitators
changed in response.

An `Answer` has no link to its writer: no foreign key to a person, no address, no
browser details, only the day, and a random primary key so that the order of rows
says nothing about the order of `Answered` rows, which are written in a
transaction of their own.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from alongside.meetings.models import Meeting, Occurrence
from alongside.peergroups.models import PeerGroup
from alongside.sealing.fields import SealedTextField

# An answer is shown to facilitators once this long has passed since the end of the
# day it was given (so at least 72 hours), in batches of at least this many.
WINDOW = timedelta(hours=72)
BATCH = 5
PROMPT_EVERY = timedelta(days=7)
# How long after a meeting its felt-safety questions may be answered.
ANSWER_AFTER_MEETING_FOR = timedelta(days=3)
# How long after leaving a group someone may leave a parting note.
PARTING_NOTE_FOR = timedelta(days=7)
SCORES = [(n, str(n)) for n in range(1, 6)]


class Kind(models.TextChoices):
    ANYTIME = "anytime", "Feedback at any time"
    MEETING = "meeting", "After a meeting"
    # A note left by someone leaving the group. Kept with the month alone (as its
    # last day), and shown only in batches of parting notes, as the facilitators
    # know who left.
    PARTING = "parting", "On leaving the group"


class Answer(models.Model):
    """One anonymous answer to a group's facilitators."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(
        PeerGroup, on_delete=models.CASCADE, related_name="anonymous_answers"
    )
    # The series, never the date: answers pool across a series' meetings.
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    answered_on = models.DateField()
    felt_safe = models.PositiveSmallIntegerField(null=True, blank=True, choices=SCORES)
    could_say = models.PositiveSmallIntegerField(null=True, blank=True, choices=SCORES)
    text = SealedTextField(max_length=2000, blank=True, group_path="group")

    class Meta:
        ordering = ["answered_on", "id"]
        # Covers the dashboard's counts (dashboard.py): read from the index alone,
        # never from the rows, which hold the sealed words; in the order they are
        # grouped, so that they are counted without sorting.
        indexes = [
            models.Index(
                fields=["group", "kind", "felt_safe", "could_say", "answered_on"],
                name="answer_figures",
            )
        ]

    def __str__(self) -> str:
        return "Anonymous answer"


class Answered(models.Model):
    """That a person has answered about a meeting (or, for feedback at any time,
    in a week, or on leaving, the month they left), so they are not asked twice.
    It holds nothing of the answer and no time of its own."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="+")
    occurrence = models.ForeignKey(
        Occurrence, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # For feedback at any time: the Monday of the week; empty after a meeting.
    week_of = models.DateField(null=True, blank=True)
    # For a parting note: the first day of the month the person left.
    left_in = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "occurrence"],
                condition=models.Q(occurrence__isnull=False),
                name="one_answer_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["person", "group", "week_of"],
                condition=models.Q(week_of__isnull=False),
                name="one_anytime_answer_per_week",
            ),
            models.UniqueConstraint(
                fields=["person", "group", "left_in"],
                condition=models.Q(left_in__isnull=False),
                name="one_parting_note_per_leaving",
            ),
        ]

    def __str__(self) -> str:
        return "Has answered"


class FeltSafetyPrompt(models.Model):
    """When a person may next be asked how a meeting felt, or that they never want
    to be asked."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    next_from = models.DateTimeField(null=True, blank=True)
    is_dismissed = models.BooleanField(default=False)

    def __str__(self) -> str:
        return "Felt-safety prompt"


class OwnScore(models.Model):
    """A person's own copy of their felt-safety scores, for them alone: the month
    only, no group and no meeting, so it cannot be matched to an answer's day."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField()
    felt_safe = models.PositiveSmallIntegerField(choices=SCORES)
    could_say = models.PositiveSmallIntegerField(choices=SCORES)

    class Meta:
        ordering = ["month", "id"]

    def __str__(self) -> str:
        return "Own felt-safety score"


class Change(models.Model):
    """Something a group's facilitators changed in response to what members said:
    staff's words, shown to the group as "you said, we did"."""

    group = models.ForeignKey(
        PeerGroup, on_delete=models.CASCADE, related_name="insight_changes"
    )
    you_said = SealedTextField(max_length=500, group_path="group")
    we_did = SealedTextField(max_length=1000, group_path="group")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Change {self.pk}"


class ReportStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to start"
    BUILDING = "building", "Being built"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be built"


class Report(models.Model):
    """A commissioner's report of an organisation's figures, built by the
    background worker: tidy CSV tables and a PDF of the same figures, every figure
    through disclosure control for a report that leaves the organisation, never
    anyone's words."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quarters = models.PositiveSmallIntegerField(default=4)
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.WAITING
    )
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    csv = models.TextField(blank=True)
    pdf = models.BinaryField(blank=True, default=b"")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Report {self.pk}"


# The periodic check-ins and licensed wording live in their own module.
from .check_models import CheckAnswer as CheckAnswer  # noqa: E402
from .check_models import CheckAnswered as CheckAnswered  # noqa: E402
from .check_models import CheckChoice as CheckChoice  # noqa: E402
from .check_models import LicensedWording as LicensedWording  # noqa: E402
