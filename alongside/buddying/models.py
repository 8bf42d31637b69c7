"""Requests for a one-to-one supporter, offers to supporters, matches, the facts a
supporter gives for matching, "I know this person" flags and the support agreement.

The peer's own words (their request and access needs) and the agreement are sealed
at rest under the organisation's key. The pair's messages live in a private
conversation of their own (`alongside.privateconversations`), sealed under its key.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from alongside.organisations.models import Organisation
from alongside.privateconversations.models import Conversation
from alongside.sealing.fields import SealedTextField


class Window(models.TextChoices):
    WEEKDAY_MORNINGS = "weekday_mornings", "weekday mornings"
    WEEKDAY_AFTERNOONS = "weekday_afternoons", "weekday afternoons"
    WEEKDAY_EVENINGS = "weekday_evenings", "weekday evenings"
    WEEKENDS = "weekends", "weekends"


class Format(models.TextChoices):
    CHAT = "chat", "Writing to each other in Alongside"
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video call"
    IN_PERSON = "in_person", "In person"


class Gender(models.TextChoices):
    WOMAN = "woman", "A woman"
    MAN = "man", "A man"
    NON_BINARY = "non_binary", "A non-binary person"


class RequestStatus(models.TextChoices):
    WAITING = "waiting", "Waiting for a coordinator to find someone"
    OFFERED = "offered", "Asked a supporter, waiting for their answer"
    MATCHED = "matched", "Matched with a supporter"
    WITHDRAWN = "withdrawn", "Withdrawn by you"
    CLOSED = "closed", "Closed"


OPEN_REQUEST_STATUSES = (RequestStatus.WAITING, RequestStatus.OFFERED)


class SupportRequestQuerySet(models.QuerySet["SupportRequest"]):
    def open(self) -> SupportRequestQuerySet:
        return self.filter(status__in=OPEN_REQUEST_STATUSES)


class SupportRequest(models.Model):
    """A peer asks for a one-to-one supporter, in their own words."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="support_requests",
    )
    words = SealedTextField(max_length=500, group_path="organisation")
    experiences = models.JSONField(default=list, blank=True)
    language = models.CharField(max_length=40, default="English")
    gender_preference = models.CharField(
        max_length=12, choices=Gender.choices, blank=True
    )
    formats = models.JSONField(default=list, blank=True)
    windows = models.JSONField(default=list, blank=True)
    access_needs = SealedTextField(
        max_length=1000, blank=True, group_path="organisation"
    )
    # Where the organisation keeps teams apart (settings below): the peer's team
    # or department, from the organisation's list. Never shown to a supporter.
    team = models.CharField(max_length=80, blank=True)
    # In a workplace scheme: the peer's role at work, if they give it. The
    # supporter reads it only when the peer chose to share it with them.
    work_role = SealedTextField(max_length=80, blank=True, group_path="organisation")
    shares_work_role = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=RequestStatus.choices, default=RequestStatus.WAITING
    )
    # Set when a match ended because one side asked for a different match: the
    # coordinator sees only that a change was asked for.
    change_asked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = SupportRequestQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "peer"],
                condition=Q(status__in=["waiting", "offered", "matched"]),
                name="one_open_support_request_per_peer",
            )
        ]

    def __str__(self) -> str:
        return f"Support request {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES

    @property
    def format_labels(self) -> list[str]:
        return [Format(f).label for f in self.formats if f in Format.values]

    @property
    def window_labels(self) -> list[str]:
        return [Window(w).label for w in self.windows if w in Window.values]


class SupportProfile(models.Model):
    """What a supporter shares for matching: experiences, languages, when they are
    free, and how they describe their gender (optional)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="support_profiles",
    )
    experiences = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    windows = models.JSONField(default=list, blank=True)
    gender = models.CharField(max_length=12, choices=Gender.choices, blank=True)
    # The supporter's own team or department, from the organisation's list, so
    # that they are never matched with someone from it (where teams are kept apart).
    team = models.CharField(max_length=80, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"],
                name="one_support_profile_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"Support profile {self.pk}"


class OfferStatus(models.TextChoices):
    OPEN = "open", "Waiting for an answer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    LAPSED = "lapsed", "Not answered in time"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Offer(models.Model):
    """A coordinator asks one supporter to take a request. Open for 72 hours."""

    request = models.ForeignKey(
        SupportRequest, on_delete=models.CASCADE, related_name="offers"
    )
    supporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The matching reasons the coordinator saw, in the system's words.
    reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=OfferStatus.choices, default=OfferStatus.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status="open"),
                name="one_open_offer_per_request",
            )
        ]
        # Matching counts each supporter's open offers (matching.py).
        indexes = [
            models.Index(
                fields=["supporter", "status", "expires_at"],
                name="offer_by_supporter_status",
            )
        ]

    def __str__(self) -> str:
        return f"Offer {self.pk}"


class ConflictFlag(models.Model):
    """A supporter said "I know this person": they are never offered each other."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    supporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "supporter", "peer"],
                name="one_conflict_flag_per_pair",
            )
        ]

    def __str__(self) -> str:
        return f"Conflict flag {self.pk}"


class MatchStatus(models.TextChoices):
    ACTIVE = "active", "Working together"
    CHANGE_ASKED = "change_asked", "Ended: a different match was asked for"
    ENDED = "ended", "Ended"


class MatchQuerySet(models.QuerySet["Match"]):
    def active(self) -> MatchQuerySet:
        return self.filter(status=MatchStatus.ACTIVE)


class Match(models.Model):
    """A peer and their supporter, working together from the supporter's yes."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    request = models.OneToOneField(
        SupportRequest, on_delete=models.CASCADE, related_name="match"
    )
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    supporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=14, choices=MatchStatus.choices, default=MatchStatus.ACTIVE
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The peer deleted the conversation after the end (`actions/ending.py`).
    conversation_deleted_at = models.DateTimeField(null=True, blank=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        # Matching counts each supporter's active matches (matching.py).
        indexes = [
            models.Index(
                fields=["supporter", "status", "organisation"],
                name="match_by_supporter_status",
            )
        ]

    def __str__(self) -> str:
        return f"Match {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status == MatchStatus.ACTIVE

    @property
    def status_for_the_pair(self) -> str:
        """What the two see: a change asked for shows only as ended, since the
        other is told that and nothing more (the coordinators see the change)."""
        if self.status == MatchStatus.CHANGE_ASKED:
            return str(MatchStatus.ENDED.label)
        return self.get_status_display()


class AgreementVersion(models.Model):
    """One version of a pair's support agreement. Agreed once both have said yes to
    this same version; a change is a new version that both agree again."""

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="agreement_versions"
    )
    number = models.PositiveSmallIntegerField()
    hopes = SealedTextField(max_length=2000, group_path="match.organisation")
    meeting = SealedTextField(max_length=2000, group_path="match.organisation")
    contact = SealedTextField(max_length=2000, group_path="match.organisation")
    boundaries = SealedTextField(max_length=2000, group_path="match.organisation")
    who_else_knows = SealedTextField(max_length=2000, group_path="match.organisation")
    missed_meeting = SealedTextField(max_length=2000, group_path="match.organisation")
    ending = SealedTextField(max_length=2000, group_path="match.organisation")
    length_weeks = models.PositiveSmallIntegerField(default=12)
    review_week = models.PositiveSmallIntegerField(default=6)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    peer_agreed_at = models.DateTimeField(null=True, blank=True)
    supporter_agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["match", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["match", "number"], name="one_support_agreement_number"
            )
        ]

    def __str__(self) -> str:
        return f"Support agreement version {self.pk}"

    @property
    def is_agreed(self) -> bool:
        return self.peer_agreed_at is not None and self.supporter_agreed_at is not None


class Side(models.TextChoices):
    PEER = "peer", "the peer"
    SUPPORTER = "supporter", "the supporter"


class PairMeetingQuerySet(models.QuerySet["PairMeeting"]):
    def agreed(self) -> PairMeetingQuerySet:
        """Meetings both said yes to: the only ones that drive what follows a
        meeting (check-in and check-out, the missed check-out alert, the check
        after it, oversight)."""
        return self.filter(agreed_at__isnull=False)

    def waiting(self, now: datetime) -> PairMeetingQuerySet:
        """Meetings one side asked for that still wait for the other's yes."""
        return self.filter(
            agreed_at__isnull=True,
            declined_at__isnull=True,
            cancelled_at__isnull=True,
            starts_at__gt=now,
        )


class PairMeeting(models.Model):
    """A meeting the two plan: a day and time, and how they meet. One side asks;
    it is on only once the other says yes (`agreed_at`). The other may say the
    time does not work (`declined_at`); the one who asked may withdraw it (then
    `cancelled_at`, never agreed). A time that passes without a yes lapses, shown
    as not agreed, and asks nothing of anyone.

    In person, the supporter checks in and out of an agreed meeting; no check-out
    30 minutes after the planned end alerts whoever is on duty. Either may cancel
    an agreed meeting before it starts; a cancelled meeting asks for no check-in,
    check-out or check after it."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="meetings")
    # Which of the two asked for it; empty for meetings from before asking
    # (both lived with them, so they count as agreed).
    planned_by = models.CharField(max_length=10, choices=Side.choices, blank=True)
    # When the other side said yes; a meeting is on only from then.
    agreed_at = models.DateTimeField(null=True, blank=True)
    # When the other side said that time does not work.
    declined_at = models.DateTimeField(null=True, blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    format = models.CharField(max_length=10, choices=Format.choices)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_out_at = models.DateTimeField(null=True, blank=True)
    alerted_at = models.DateTimeField(null=True, blank=True)
    # The alert raised when nobody checked out (it goes up the safety chain).
    escalation = models.ForeignKey(
        "safety.Escalation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # When the peer was offered the check after this meeting (once).
    check_offered_at = models.DateTimeField(null=True, blank=True)
    # When one of the two cancelled it, before it started.
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = PairMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"Pair meeting {self.pk}"

    @property
    def is_in_person(self) -> bool:
        return self.format == Format.IN_PERSON

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_agreed(self) -> bool:
        return self.agreed_at is not None

    @property
    def is_declined(self) -> bool:
        return self.declined_at is not None

    @property
    def is_withdrawn(self) -> bool:
        """Withdrawn by the one who asked, before any yes."""
        return self.is_cancelled and not self.is_agreed

    @property
    def is_waiting(self) -> bool:
        """Asked, and still waiting for the other side's yes."""
        return (
            not self.is_agreed
            and not self.is_declined
            and not self.is_cancelled
            and self.starts_at > timezone.now()
        )

    @property
    def has_lapsed(self) -> bool:
        """Its time passed without a yes: it did not go ahead."""
        return (
            not self.is_agreed
            and not self.is_declined
            and not self.is_cancelled
            and self.starts_at <= timezone.now()
        )


# The ending and referrals (reminders, the ending survey, referrals on); the
# supporter's notes and the peer's checks.
from .ending_models import EndingReminder, EndingSurvey, Referral  # noqa: E402, F401
from .note_models import MeetingNote as MeetingNote  # noqa: E402
from .note_models import SupportCheck as SupportCheck  # noqa: E402


class OneToOneSettings(models.Model):
    """How one-to-one support works in an organisation, set by its coordinators.
    Without a row, the kind of service's defaults hold (`pair_policy.py`)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    # Meetings in person only, and no messages between the two in Alongside. A
    # secure service is always so, whatever this says.
    is_in_person_only = models.BooleanField(default=False)
    # Never match a peer with a supporter from their own team or department.
    keeps_teams_apart = models.BooleanField(default=False)
    # The organisation's teams or departments, one per entry, to choose from.
    teams = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"One-to-one settings {self.pk}"
