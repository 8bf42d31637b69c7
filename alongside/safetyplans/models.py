"""A person's own plan, its versions, the shares they choose to make, and each view
of a share. Every word of a plan is sealed under the owner's own key (`PersonKey`,
kept in the keys database), never a group's or the organisation's."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .sealing import PersonSealedTextField

if TYPE_CHECKING:
    from alongside.accounts.models import Person


class PersonKey(models.Model):
    """The data key that seals one person's plan, wrapped by the master key.

    It lives in the keys database beside the groups' keys (`sealing/routers.py`)
    and refers to its person by id only. It is deleted once the person's erasure is
    committed, and with it any way to read their plan, even from an old backup.
    """

    person_id = models.PositiveBigIntegerField(unique=True)
    key_id = models.CharField(max_length=32, unique=True)
    wrapped_key = models.CharField(max_length=200)
    wrapped_by = models.CharField(max_length=16)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Key {self.key_id[:8]}"


class ReviewEvery(models.IntegerChoices):
    NEVER = 0, "No reminder"
    MONTH = 1, "Every month"
    THREE_MONTHS = 3, "Every three months"
    SIX_MONTHS = 6, "Every six months"
    YEAR = 12, "Every year"


class SafetyPlan(models.Model):
    """One per person, made the first time they save anything. Kept for as long as
    the account lives; it goes with the account."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan"
    )
    created_at = models.DateTimeField(default=timezone.now)
    review_months = models.PositiveSmallIntegerField(
        choices=ReviewEvery.choices, default=ReviewEvery.NEVER
    )
    review_due_on = models.DateField(null=True, blank=True)
    review_reminder_sent_for = models.DateField(null=True, blank=True)
    # Django's password hashers; empty when there is no PIN.
    pin_hash = models.CharField(max_length=200, blank=True)

    class Meta:
        indexes = [models.Index(fields=["review_due_on"])]

    def __str__(self) -> str:
        return f"Plan {self.pk}"

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)


class PlanVersion(models.Model):
    """The whole plan as it was after one save, as JSON sealed under the owner's
    key. The newest version is the plan; older ones are its history."""

    plan = models.ForeignKey(
        SafetyPlan, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    content = PersonSealedTextField(person_path="plan.owner")
    changed_section = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="one_plan_version_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"Version {self.number}"


def digest_of(token: str) -> str:
    """What is stored to find a link share: a hash, so the table alone opens
    nothing."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ShareQuerySet(models.QuerySet["PlanShare"]):
    def live(self) -> ShareQuerySet:
        now = timezone.now()
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            revoked_at__isnull=True,
        )

    def with_person(self, person: Person) -> ShareQuerySet:
        return self.filter(recipient=person)


class PlanShare(models.Model):
    """A read-only copy of the plan, for one named person in the owner's
    organisation or for whoever holds a link. Revoked at once by the owner; a link
    also ends when it expires. It never follows group membership."""

    plan = models.ForeignKey(
        SafetyPlan, on_delete=models.CASCADE, related_name="shares"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans_shared_with_me",
    )
    # The name the owner gave when sharing: how the recipient knows them.
    shown_as = PersonSealedTextField(person_path="plan.owner", blank=True)
    # For a link: the token's hash to find it, and the token sealed so the owner can
    # copy the link again.
    token_digest = models.CharField(max_length=64, null=True, blank=True, unique=True)
    token = PersonSealedTextField(person_path="plan.owner", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Share {self.pk}"

    @property
    def is_link(self) -> bool:
        return self.token_digest is not None

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )


class ShareView(models.Model):
    """One opening of a share, shown to the plan's owner. Holds no one's name: a
    named share is opened by its recipient, a link by whoever holds it."""

    share = models.ForeignKey(PlanShare, on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-viewed_at", "-pk"]

    def __str__(self) -> str:
        return f"View of share {self.share_id}"
