"""Group agreements, their versions and items, proposals and consent rounds.

An agreement belongs to one group. Every adoption makes an `AgreementVersion` whose
`AgreementItem` rows are never edited afterwards, so a report or a moderation decision
can cite the exact wording that applied (see `CitesAgreementItem`).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from alongside.organisations.models import UNDO_WINDOW, Organisation
from alongside.peergroups.models import PeerGroup
from alongside.sealing.fields import SealedTextField

DEFAULT_CONSENT_DAYS = 3
DEFAULT_REVIEW_MONTHS = 12
REVIEW_REMINDER_DAYS = 14


class OrganisationItemKind(models.TextChoices):
    BASELINE = "baseline", "Included in every group"
    EXAMPLE = "example", "An example groups may start from"


class OrganisationItemQuerySet(models.QuerySet["OrganisationItem"]):
    def baseline(self) -> OrganisationItemQuerySet:
        return self.filter(kind=OrganisationItemKind.BASELINE)

    def examples(self) -> OrganisationItemQuerySet:
        return self.filter(kind=OrganisationItemKind.EXAMPLE)

    def recently_removed(self) -> OrganisationItemQuerySet:
        """Items removed within the undo window, newest first: they can be put back."""
        return self.filter(removed_at__gte=timezone.now() - UNDO_WINDOW).order_by(
            "-removed_at"
        )


class OfferedItemManager(models.Manager["OrganisationItem"]):
    """Items the organisation offers now: one removed a moment ago is out of every
    list and every group's agreement at once, though it can still be put back."""

    def get_queryset(self) -> OrganisationItemQuerySet:
        return OrganisationItemQuerySet(self.model, using=self._db).filter(
            removed_at__isnull=True
        )

    def baseline(self) -> OrganisationItemQuerySet:
        return self.get_queryset().baseline()

    def examples(self) -> OrganisationItemQuerySet:
        return self.get_queryset().examples()


class OrganisationItem(models.Model):
    """An item the organisation offers its groups: a baseline that every group's
    agreement includes and cannot remove, or an example a group may start from."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="agreement_items"
    )
    kind = models.CharField(max_length=10, choices=OrganisationItemKind.choices)
    text = models.CharField("the item, in plain words", max_length=500)
    why = models.TextField("why this matters (optional)", max_length=1000, blank=True)
    position = models.PositiveIntegerField(default=100)
    created_at = models.DateTimeField(default=timezone.now)
    # Set when an admin removes it; it can be put back within UNDO_WINDOW.
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = OfferedItemManager()
    with_removed = OrganisationItemQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "position", "pk"]
        base_manager_name = "with_removed"

    def __str__(self) -> str:
        return self.text[:60]


class Agreement(models.Model):
    """The living agreement of one group, and the group's own settings for it."""

    group = models.OneToOneField(
        PeerGroup, on_delete=models.CASCADE, related_name="agreement"
    )
    consent_days = models.PositiveSmallIntegerField(
        "days a consent round stays open", default=DEFAULT_CONSENT_DAYS
    )
    review_months = models.PositiveSmallIntegerField(
        "months between reviews", default=DEFAULT_REVIEW_MONTHS
    )
    review_due_on = models.DateField(null=True, blank=True)
    # The review date whose reminder has been sent, so that it is sent only once.
    review_reminder_sent_for = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["review_due_on"])]

    def __str__(self) -> str:
        return f"Agreement of {self.group}"

    @property
    def current_version(self) -> AgreementVersion | None:
        return self.versions.order_by("-number").first()

    @property
    def review_reminder_on(self) -> date | None:
        if self.review_due_on is None:
            return None
        return self.review_due_on - timedelta(days=REVIEW_REMINDER_DAYS)


class AgreementVersion(models.Model):
    """One adopted state of the agreement. Never changed once written."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    breach_response = SealedTextField(
        "what happens if a rule is broken",
        max_length=4000,
        blank=True,
        group_path="agreement.group",
    )
    adopted_at = models.DateTimeField(default=timezone.now)
    proposal = models.OneToOneField(
        "Proposal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopted_as",
    )
    changes_content = models.BooleanField(
        default=True,
        help_text="False when a review kept everything as it was.",
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"], name="version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Version {self.number}"

    @property
    def group_items(self) -> models.QuerySet[AgreementItem]:
        return self.items.filter(is_baseline=False)


class AgreementItem(models.Model):
    """One item as it reads in one version. `key` follows the same item from version
    to version, so changes can be shown; the row itself is never edited."""

    version = models.ForeignKey(
        AgreementVersion, on_delete=models.CASCADE, related_name="items"
    )
    key = models.UUIDField(default=uuid.uuid4)
    position = models.PositiveIntegerField(default=0)
    text = SealedTextField(max_length=500, group_path="version.agreement.group")
    why = SealedTextField(
        max_length=1000, blank=True, group_path="version.agreement.group"
    )
    is_baseline = models.BooleanField(default=False)

    class Meta:
        ordering = ["-is_baseline", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "key"], name="item_key_unique_in_version"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class CitesAgreementItem(models.Model):
    """For a report or a moderation decision that cites the item concerned.

    Inherit from this in the safety app. It points at the item as worded in the
    version that applied, which is never edited, so the citation stays true after
    the agreement changes. PROTECT keeps the cited wording while the citation exists.
    """

    agreement_item = models.ForeignKey(
        AgreementItem,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="the part of the group agreement concerned",
    )

    class Meta:
        abstract = True


class ProposalStatus(models.TextChoices):
    OPEN = "open", "Open for responses"
    ADOPTED = "adopted", "Adopted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ProposalKind(models.TextChoices):
    CHANGE = "change", "A suggested change"
    REVIEW = "review", "A review of the whole agreement"


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def open(self) -> ProposalQuerySet:
        return self.filter(status=ProposalStatus.OPEN)


class Proposal(models.Model):
    """A suggestion to change the agreement, with its own discussion and consent
    round. Amending it starts the round again on the new wording."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="proposals"
    )
    kind = models.CharField(
        max_length=10, choices=ProposalKind.choices, default=ProposalKind.CHANGE
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="agreement_proposals",
    )
    reason = SealedTextField(
        "why you are suggesting this", max_length=2000, group_path="agreement.group"
    )
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    revision = models.PositiveIntegerField(default=1)
    round_started_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Proposal {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == ProposalStatus.OPEN

    @property
    def round_ends_at(self) -> datetime:
        return self.round_started_at + timedelta(days=self.agreement.consent_days)


class ChangeAction(models.TextChoices):
    ADD = "add", "Add an item"
    CHANGE = "change", "Change an item"
    REMOVE = "remove", "Remove an item"
    KEEP = "keep", "Keep as it is"
    BREACH = "breach", 'Change "what happens if a rule is broken"'


class ProposalChange(models.Model):
    """One change a proposal would make. A review has one per item."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="changes"
    )
    action = models.CharField(max_length=10, choices=ChangeAction.choices)
    item_key = models.UUIDField(default=uuid.uuid4)
    text = SealedTextField(
        max_length=4000, blank=True, group_path="proposal.agreement.group"
    )
    why = SealedTextField(
        max_length=1000, blank=True, group_path="proposal.agreement.group"
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.get_action_display()


class ResponseChoice(models.TextChoices):
    AGREE = "agree", "I agree"
    LIVE_WITH = "live_with", "I can live with it"
    CONCERN = "concern", "I have a concern"
    OBJECT = "object", "I object"


REASON_NEEDED = (ResponseChoice.CONCERN, ResponseChoice.OBJECT)


class ResponseQuerySet(models.QuerySet["Response"]):
    def objections(self) -> ResponseQuerySet:
        return self.filter(choice=ResponseChoice.OBJECT)


class Response(models.Model):
    """One person's answer in a consent round. Peers see counts and reasons; the name
    only if the person chose to show it."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="responses"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agreement_responses",
    )
    choice = models.CharField(max_length=10, choices=ResponseChoice.choices)
    reason = SealedTextField(
        max_length=2000, blank=True, group_path="proposal.agreement.group"
    )
    shows_name = models.BooleanField(default=False)
    revision = models.PositiveIntegerField(default=1)
    objection_withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "person"], name="one_response_per_person"
            )
        ]

    def __str__(self) -> str:
        return self.get_choice_display()


class Comment(models.Model):
    """A message in a proposal's own discussion, shown under the writer's name in
    the group."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="comments"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="agreement_comments",
    )
    text = SealedTextField(max_length=4000, group_path="proposal.agreement.group")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment {self.pk}"


class ReadingChoice(models.TextChoices):
    CONFIRMED = "confirmed", "Read and confirmed"
    TALK_FIRST = "talk_first", "Would like to talk about it first"


class Reading(models.Model):
    """A person's answer after reading one version: confirmed, or would like to talk
    about it first. One per person and version."""

    version = models.ForeignKey(
        AgreementVersion, on_delete=models.CASCADE, related_name="readings"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agreement_readings",
    )
    choice = models.CharField(max_length=10, choices=ReadingChoice.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "person"], name="one_reading_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.get_choice_display()


def latest_content_version(agreement: Agreement) -> AgreementVersion | None:
    """The newest version that changed what the agreement says."""
    return agreement.versions.filter(changes_content=True).order_by("-number").first()
