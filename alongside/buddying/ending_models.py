"""The end of one-to-one support and referring on: reminders sent before the
planned end, the peer's optional ending survey (for the coordinators, never the
supporter) and referrals to a service in the organisation's directory.

Imported by `models.py`, so Django finds these models in the `buddying` app. They
refer to a match by name ("buddying.Match") so that this module never imports
`models.py` back.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from alongside.organisations.models import Organisation, SupportService
from alongside.sealing.fields import SealedTextField


class ReminderKind(models.TextChoices):
    FOUR_WEEKS = "four_weeks", "Four weeks before the planned end"
    ONE_WEEK = "one_week", "One week before the planned end"


class EndingReminder(models.Model):
    """One reminder sent to both people before the planned end. One of each kind
    per match, so nobody is reminded twice."""

    match = models.ForeignKey(
        "buddying.Match", on_delete=models.CASCADE, related_name="ending_reminders"
    )
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    # The planned end the reminder was about.
    planned_end_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["match", "kind"], name="one_ending_reminder_of_each_kind"
            )
        ]

    def __str__(self) -> str:
        return f"Ending reminder {self.pk}"


class EndingSurvey(models.Model):
    """The peer's optional answers after the support ended. Read by the
    organisation's coordinators, never by the supporter. It stays when the
    supporter's account goes (the match link empties), and goes with the peer's."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    match = models.OneToOneField(
        "buddying.Match",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ending_survey",
    )
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    helped = models.PositiveSmallIntegerField()
    felt_respected = models.PositiveSmallIntegerField()
    ending_felt_right = models.PositiveSmallIntegerField()
    words = SealedTextField(max_length=2000, blank=True, group_path="organisation")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Ending survey {self.pk}"


class ShareItem(models.TextChoices):
    """What a referral may pass on, one item at a time, in words for the peer."""

    NAME = "name", "The name you use here"
    CONTACT = "contact", "How to contact you"
    WHAT_HELP = "what_help", "What you would like help with"
    EXPERIENCES = "experiences", "The experiences you asked for support with"
    SUPPORT_HERE = "support_here", "That you have one-to-one support here"
    SAFETY = "safety", "Worries about your safety"


class Basis(models.TextChoices):
    CONSENT = "consent", "With your consent"
    LIMITS = "limits", "Under the limits of confidentiality"


class ReferralStatus(models.TextChoices):
    ASKED = "asked", "Waiting for your say"
    CONSENTED = "consented", "You agreed"
    DECLINED = "declined", "You said no: nothing is shared"
    AWAITING_SIGNATURE = "awaiting", "Waiting for a supervisor's signature"
    SIGNED = "signed", "Signed by a supervisor"
    NOT_SIGNED = "not_signed", "Not signed by a supervisor: nothing is shared"


class Referral(models.Model):
    """A supporter refers the peer to a service in the organisation's directory.
    With consent, the peer ticks each item that may be shared, and the time is
    kept. Under the limits of confidentiality, the supporter gives the reason and
    a supervisor counter-signs. The peer sees every referral about them."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    match = models.ForeignKey(
        "buddying.Match",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service = models.ForeignKey(
        SupportService,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as it was named, should the directory entry change or go.
    service_name = models.CharField(max_length=120)
    basis = models.CharField(max_length=8, choices=Basis.choices)
    # Why the supporter suggests it, written for the peer to read.
    why = SealedTextField(max_length=1000, group_path="organisation")
    # The items the supporter asked to share, and those the peer agreed to (or,
    # under the limits, those shared).
    items_asked = models.JSONField(default=list)
    items_shared = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=ReferralStatus.choices)
    consented_at = models.DateTimeField(null=True, blank=True)
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    countersigned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Referral {self.pk}"

    @property
    def items_asked_labels(self) -> list[str]:
        return [ShareItem(i).label for i in self.items_asked if i in ShareItem.values]

    @property
    def items_shared_labels(self) -> list[str]:
        return [ShareItem(i).label for i in self.items_shared if i in ShareItem.values]

    @property
    def is_under_limits(self) -> bool:
        return self.basis == Basis.LIMITS
