"""Peer supporters' training, supervision, self-care, caseloads, the on-duty rota and
asking to talk soon: fields, querysets and one-row facts.

Supervision notes and reflections are the only words kept here; they are sealed at
rest under the organisation's data key, like incident notes.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from alongside.organisations.models import Organisation
from alongside.sealing.fields import SealedTextField

REMIND_DAYS_BEFORE_EXPIRY = 30
# Without a session that happened for this long, supervision is overdue: new
# one-to-one matches pause and the supervisor is told.
SUPERVISION_OVERDUE_AFTER = timedelta(weeks=6)


class Gate(models.TextChoices):
    """Work that needs current training before someone may take it on."""

    ON_DUTY = "on_duty", "going on duty"
    FACILITATE = "facilitate", "facilitating a group"
    ONE_TO_ONE = "one_to_one", "one-to-one support"


class Evidence(models.TextChoices):
    ATTENDED = "attended", "Took part in the session"
    PRACTICE = "practice", "Observed in a practice session"
    ASSESSED = "assessed", "Assessed by the trainer"
    CERTIFICATE = "certificate", "Certificate from the provider"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class TrainingModuleQuerySet(models.QuerySet["TrainingModule"]):
    def current(self) -> TrainingModuleQuerySet:
        """Modules still on the path: a removed one is kept for the records that
        name it, but nobody needs it any more."""
        return self.filter(removed_at__isnull=True)

    def needed_for(self, gate: str) -> TrainingModuleQuerySet:
        return self.current().filter(**{GATE_FIELDS[Gate(gate)]: True})


class TrainingModule(models.Model):
    """One module of an organisation's training path."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="training_modules"
    )
    name = models.CharField(max_length=120)
    about = models.CharField("what it covers", max_length=400, blank=True)
    provider = models.CharField("who runs it", max_length=120, blank=True)
    hours = models.DecimalField(max_digits=4, decimal_places=1, default=2)
    evidence = models.CharField(
        "how completion is shown",
        max_length=12,
        choices=Evidence.choices,
        default=Evidence.ATTENDED,
    )
    refresh_months = models.PositiveSmallIntegerField(
        "refresh every (months)",
        default=0,
        help_text="0 means it does not need refreshing.",
    )
    needed_for_duty = models.BooleanField("needed to go on duty", default=False)
    needed_for_facilitating = models.BooleanField(
        "needed to facilitate a group", default=False
    )
    needed_for_one_to_one = models.BooleanField(
        "needed for one-to-one support", default=False
    )
    position = models.PositiveSmallIntegerField(default=100)
    removed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TrainingModuleQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name", "pk"]

    def __str__(self) -> str:
        return self.name

    def expires_on(self, completed_on: date) -> date | None:
        if not self.refresh_months:
            return None
        return add_months(completed_on, self.refresh_months)


GATE_FIELDS = {
    Gate.ON_DUTY: "needed_for_duty",
    Gate.FACILITATE: "needed_for_facilitating",
    Gate.ONE_TO_ONE: "needed_for_one_to_one",
}


class TrainingRecordQuerySet(models.QuerySet["TrainingRecord"]):
    def completed(self) -> TrainingRecordQuerySet:
        """Real completions; practice sessions are kept but do not count."""
        return self.filter(is_practice=False)

    def current_on(self, day: date) -> TrainingRecordQuerySet:
        return self.completed().filter(
            Q(expires_on__isnull=True) | Q(expires_on__gt=day)
        )


class TrainingRecord(models.Model):
    """A module completed (or practised) by a person, recorded by a trainer or
    supervisor on a date."""

    module = models.ForeignKey(
        TrainingModule, on_delete=models.CASCADE, related_name="records"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_records",
    )
    completed_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    is_practice = models.BooleanField("a practice session", default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TrainingRecordQuerySet.as_manager()

    class Meta:
        ordering = ["module__position", "-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["module", "person", "completed_on", "is_practice"],
                name="one_record_per_module_day",
            )
        ]

    def __str__(self) -> str:
        return f"Training record {self.pk}"

    def is_current_on(self, day: date) -> bool:
        return not self.is_practice and (
            self.expires_on is None or self.expires_on > day
        )


class Supervision(models.Model):
    """Who supervises a supporter in an organisation, from when, until when."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="supervisions"
    )
    supporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervised_by"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervising"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # When the supervisor was last told supervision is overdue; cleared when a
    # session happens, so that each overdue stretch is told once.
    overdue_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "supporter"],
                condition=Q(ended_at__isnull=True),
                name="one_current_supervisor",
            )
        ]

    def __str__(self) -> str:
        return f"Supervision {self.pk}"


class SessionKind(models.TextChoices):
    ONE_TO_ONE = "one_to_one", "One-to-one supervision"
    GROUP = "group", "Group reflection"


class SessionStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    HAPPENED = "happened", "Happened"
    DID_NOT_HAPPEN = "did_not_happen", "Did not happen"


class SupervisionSession(models.Model):
    """A supervision session. Its notes and the supervisee's reflection are readable
    only by the two of them; admins see the date, the length and the status."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="supervision_sessions"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="supervision_sessions_held",
    )
    supervisee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="supervision_sessions",
    )
    kind = models.CharField(
        max_length=12, choices=SessionKind.choices, default=SessionKind.ONE_TO_ONE
    )
    scheduled_for = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField(default=60)
    status = models.CharField(
        max_length=16, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    notes = SealedTextField(
        "supervision notes", max_length=6000, blank=True, group_path="organisation"
    )
    reflection = SealedTextField(
        "your own reflection", max_length=4000, blank=True, group_path="organisation"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-scheduled_for", "-pk"]

    def __str__(self) -> str:
        return f"Supervision session {self.pk}"


class Feeling(models.IntegerChoices):
    STRUGGLING = 1, "Struggling"
    LOW = 2, "Low"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"


class Load(models.TextChoices):
    MANAGEABLE = "manageable", "Manageable"
    A_LOT = "a_lot", "A lot right now"
    TOO_MUCH = "too_much", "Too much"


class CheckIn(models.Model):
    """A supporter's own self-care check-in: choices only, no words. Private to them
    unless they share one with their supervisor."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    feeling = models.PositiveSmallIntegerField("how are you", choices=Feeling.choices)
    load = models.CharField("how is your load", max_length=12, choices=Load.choices)
    would_like_to_talk = models.BooleanField(
        "I would like to talk to someone", default=False
    )
    shared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Check-in {self.pk}"


class EmploymentKind(models.TextChoices):
    VOLUNTEER = "volunteer", "Volunteer"
    EMPLOYED = "employed", "Employed peer support worker"


DEFAULT_MAX_MATCHES = {EmploymentKind.VOLUNTEER: 3, EmploymentKind.EMPLOYED: 8}


class Register(models.TextChoices):
    HCPC = "hcpc", "HCPC"
    NMC = "nmc", "NMC"
    BACP = "bacp", "BACP"
    UKCP = "ukcp", "UKCP"
    GMC = "gmc", "GMC"
    SWE = "swe", "Social Work England"
    OTHER = "other", "Another register"


class SupporterProfileQuerySet(models.QuerySet["SupporterProfile"]):
    def available(self) -> SupporterProfileQuerySet:
        """Not on a break and not pausing new matches."""
        return self.filter(on_break_since__isnull=True, matching_paused=False)


class SupporterProfile(models.Model):
    """A supporter's caseload and availability in one organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="supporter_profiles"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="supporter_profiles",
    )
    employment = models.CharField(
        max_length=10, choices=EmploymentKind.choices, default=EmploymentKind.VOLUNTEER
    )
    max_matches = models.PositiveSmallIntegerField(
        "most one-to-one matches at once", default=3
    )
    matching_paused = models.BooleanField("new matches paused", default=False)
    on_break_since = models.DateTimeField(null=True, blank=True)
    # For supervisors: the practitioner's profession and professional registration.
    profession = models.CharField(max_length=120, blank=True)
    register = models.CharField(max_length=8, choices=Register.choices, blank=True)
    register_number = models.CharField(max_length=40, blank=True)

    objects = SupporterProfileQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"], name="one_profile_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"Supporter profile {self.pk}"

    @property
    def is_on_break(self) -> bool:
        return self.on_break_since is not None

    @property
    def registration(self) -> str:
        """For example "Counsellor, BACP 012345"; empty when not given."""
        registered = " ".join(
            part
            for part in (
                self.get_register_display() if self.register else "",
                self.register_number,
            )
            if part
        )
        return ", ".join(part for part in (self.profession, registered) if part)


class ShiftKind(models.TextChoices):
    CRISIS = "crisis", "Crisis cover"
    LIVE_ROOMS = "live_rooms", "Live rooms"
    ONE_TO_ONE = "one_to_one", "One-to-one cover"


# The training each kind of shift needs.
SHIFT_GATES = {
    ShiftKind.CRISIS: Gate.ON_DUTY,
    ShiftKind.LIVE_ROOMS: Gate.FACILITATE,
    ShiftKind.ONE_TO_ONE: Gate.ONE_TO_ONE,
}


class ShiftQuerySet(models.QuerySet["Shift"]):
    def covering(self, moment: datetime) -> ShiftQuerySet:
        return self.filter(starts_at__lte=moment, ends_at__gt=moment)

    def between(self, start: datetime, end: datetime) -> ShiftQuerySet:
        return self.filter(starts_at__lt=end, ends_at__gt=start)


class Shift(models.Model):
    """A stretch of the on-duty rota. With nobody on it, it is a gap to fill."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="shifts"
    )
    kind = models.CharField(max_length=12, choices=ShiftKind.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shifts",
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    # Its person asked someone else to take it; until then it stays theirs.
    swap_asked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ShiftQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="shift_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"Shift {self.pk}"


class Urgency(models.TextChoices):
    """ "Now" is not kept here: it is a call through the escalation chain
    (alongside.safety.help_actions), which supporters sits below."""

    SOON = "soon", "In the next two working days"


class HelpRequestQuerySet(models.QuerySet["HelpRequest"]):
    def open(self) -> HelpRequestQuerySet:
        return self.filter(acknowledged_at__isnull=True)


class HelpRequest(models.Model):
    """A supporter asking to talk with a supervisor in the next two working days:
    it reaches their supervisor (or, without one, the supervisors, then the
    admins). No words: the supporter says what they need when someone is in touch.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="help_requests"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_requests"
    )
    urgency = models.CharField(
        max_length=6, choices=Urgency.choices, default=Urgency.SOON
    )
    alerted = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="help_requests_received", blank=True
    )
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Help request {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None


# Models of their own modules, registered with the app here.
from .facilitating_models import (  # noqa: E402
    FacilitatedMeeting as FacilitatedMeeting,
)
from .facilitating_models import MeetingDebrief as MeetingDebrief  # noqa: E402
from .followup_models import FollowUp as FollowUp  # noqa: E402
