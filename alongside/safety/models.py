"""Phrase rules that an organisation or a group chooses to act on, with their history.

Screening itself keeps nothing: its results are returned to the caller (the
conversations app stores them with the message it screened).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup


class RuleAction(models.TextChoices):
    SUGGEST_WARNING = "suggest_warning", "Suggest a content warning"
    HOLD = "hold", "Hold for review"
    SHOW_CRISIS_OPTIONS = "show_crisis_options", "Show the author crisis options"
    ALERT_ON_DUTY = "alert_on_duty", "Alert the person on duty"


class WarningTopic(models.TextChoices):
    SUICIDE = "suicide", "Suicide"
    SELF_HARM = "self_harm", "Self-harm"
    ABUSE = "abuse", "Abuse"
    EATING = "eating", "Eating and food"
    SUBSTANCES = "substances", "Alcohol and drugs"
    VIOLENCE = "violence", "Violence"
    BEREAVEMENT = "bereavement", "Death and grief"


class PhraseRuleQuerySet(models.QuerySet["PhraseRule"]):
    def active(self) -> PhraseRuleQuerySet:
        return self.filter(is_active=True)

    def for_group(self, group: PeerGroup) -> PhraseRuleQuerySet:
        """The organisation's own rules and the group's rules, which both apply."""
        return self.filter(
            Q(organisation_id=group.organisation_id, group__isnull=True)
            | Q(group=group)
        )


class PhraseRule(models.Model):
    """A word or phrase to act on, for a whole organisation or one group.

    ``version`` goes up by one on every change; each version is kept in
    ``PhraseRuleVersion`` so that a screening result can say which wording acted.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="phrase_rules"
    )
    group = models.ForeignKey(
        PeerGroup,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="phrase_rules",
        help_text="Leave empty for a rule that applies in every group.",
    )
    pattern = models.CharField(
        "word or phrase",
        max_length=200,
        help_text='Matched as whole words. Use * for any letters, as in "hopeless*".',
    )
    action = models.CharField(max_length=30, choices=RuleAction.choices)
    topic = models.CharField(
        "content warning topic",
        max_length=20,
        choices=WarningTopic.choices,
        blank=True,
    )
    note = models.CharField("why this rule exists", max_length=300, blank=True)
    is_active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = PhraseRuleQuerySet.as_manager()

    class Meta:
        ordering = ["pattern", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="suggest_warning") | ~Q(topic=""),
                name="warning_rule_has_topic",
            )
        ]

    def __str__(self) -> str:
        return f"{self.pattern} ({self.get_action_display()})"


class PhraseRuleVersion(models.Model):
    """One saved wording of a phrase rule, and who saved it."""

    rule = models.ForeignKey(
        PhraseRule, on_delete=models.CASCADE, related_name="versions"
    )
    version = models.PositiveIntegerField()
    pattern = models.CharField(max_length=200)
    action = models.CharField(max_length=30, choices=RuleAction.choices)
    topic = models.CharField(max_length=20, blank=True)
    is_active = models.BooleanField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["rule", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "version"], name="one_row_per_rule_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pattern} v{self.version}"
