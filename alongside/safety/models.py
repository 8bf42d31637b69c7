"""Phrase rules that an organisation or a group chooses to act on, with their history.

Screening itself keeps nothing: its results are returned to the caller (the
conversations app stores them with the message it screened).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from alongside.organisations.models import STAFF_ROLES, Organisation, OrganisationRole
from alongside.peergroups.models import PeerGroup
from alongside.safety.screening.risk import URGENCY_NAMES, URGENCY_SIGNS
from alongside.sealing.fields import SealedTextField


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


# ---- After screening: reports, moderation, duty, escalation, incidents ------------


class ReportReason(models.TextChoices):
    AT_RISK = "at_risk", "I'm worried someone may not be safe"
    AGREEMENT = "agreement", "It goes against our group agreement"
    HURTFUL = "hurtful", "It's hurtful or unkind to someone"
    DETAILS = "details", "It shares someone's personal details"
    DETAIL_OF_HARM = "detail_of_harm", "It has details of ways of hurting oneself"
    OTHER = "other", "Something else"


class Report(models.Model):
    """A member's concern about one post. The reporter is never shown to the author
    (nor in the queue); they are told, in general terms, when it has been looked at."""

    post = models.ForeignKey(
        "conversations.Post", on_delete=models.CASCADE, related_name="reports"
    )
    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="+")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=ReportReason.choices)
    note = SealedTextField(
        "anything you'd like to add", max_length=500, blank=True, group_path="group"
    )
    # MERGE POINT: group agreements. Until alongside.agreements is merged this holds
    # the item's own reference (for example "3" or "3b"); it can become a foreign
    # key to the agreement item then, with a data migration copying this reference.
    agreement_item_reference = models.CharField(
        "the part of the group agreement it concerns", max_length=40, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["post", "resolved_at"])]

    def __str__(self) -> str:
        return f"Report {self.pk}"

    @property
    def urgency(self) -> int:
        """A worry that someone may not be safe ranks with warning signs in a post."""
        return URGENCY_SIGNS if self.reason == ReportReason.AT_RISK else 1


class HoldAppeal(models.Model):
    """An author asking a facilitator to look again at a held post."""

    post = models.ForeignKey(
        "conversations.Post", on_delete=models.CASCADE, related_name="appeals"
    )
    note = SealedTextField(
        "a note for the facilitator",
        max_length=500,
        blank=True,
        group_path="post.group",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Appeal {self.pk}"


class DecisionAction(models.TextChoices):
    # Gentler first: the order of the choices is the order facilitators see.
    PUBLISH = "publish", "Share it as it is"
    PUBLISH_WITH_WARNING = "publish_with_warning", "Share it with a content warning"
    REACH_OUT = "reach_out", "Reach out to the author privately"
    ASK_TO_EDIT = "ask_to_edit", "Ask the author to change it"
    HIDE = "hide", "Hide it, with a note to the author"
    PAUSE_POSTING = "pause_posting", "Pause the author's posting for a while"


class ModerationDecision(models.Model):
    """What a facilitator decided about one post, and why. Kept for good."""

    post = models.ForeignKey(
        "conversations.Post", on_delete=models.CASCADE, related_name="decisions"
    )
    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=24, choices=DecisionAction.choices)
    reason = SealedTextField("why (for the record)", max_length=500)
    note_to_author = SealedTextField(max_length=1500, blank=True)
    content_warning = models.CharField(max_length=12, blank=True)
    paused_until = models.DateTimeField(null=True, blank=True)
    author_reply = SealedTextField(max_length=1000, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Decision {self.pk}"


class DutyPeriodQuerySet(models.QuerySet["DutyPeriod"]):
    def covering_now(self) -> DutyPeriodQuerySet:
        """Periods not yet ended, of people still staff of that organisation (a
        role that ended ends being on duty, as in `actions.on_duty_in`)."""
        still_staff = OrganisationRole.objects.filter(
            person=models.OuterRef("person"),
            organisation=models.OuterRef("organisation"),
            role__in=STAFF_ROLES,
        )
        return self.filter(ended_at__isnull=True).filter(models.Exists(still_staff))


class DutyPeriod(models.Model):
    """A staff member on duty for an organisation: from when, until they go off."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="duty_periods"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="duty_periods"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = DutyPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"],
                condition=Q(ended_at__isnull=True),
                name="one_open_duty_period",
            )
        ]

    def __str__(self) -> str:
        return f"Duty {self.pk}"


class EscalationChain(models.Model):
    """Who is alerted next when an alert is not acknowledged in time."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="escalation_chain"
    )
    minutes_before_moving_up = models.PositiveSmallIntegerField(default=10)

    def __str__(self) -> str:
        return f"Escalation chain {self.pk}"


class EscalationStep(models.Model):
    """One step of a chain: a named person, or everyone holding a role."""

    chain = models.ForeignKey(
        EscalationChain, on_delete=models.CASCADE, related_name="steps"
    )
    position = models.PositiveSmallIntegerField()
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["chain", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, role="")
                | Q(person__isnull=True) & ~Q(role=""),
                name="step_is_person_or_role",
            )
        ]

    def __str__(self) -> str:
        return f"Step {self.position}"


class EscalationStatus(models.TextChoices):
    ALERTING = "alerting", "Waiting for someone to acknowledge"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"


class EscalationReason(models.TextChoices):
    POST = "post", "Someone's words in a group"
    SUPPORTER_HELP = "supporter_help", "A supporter asked for help now"
    LONE_WORKING = "lone_working", "A supporter has not checked out of a meeting"


class Escalation(models.Model):
    """An alert that someone's life may be at risk, or that a supporter needs help
    now (no group, no words), until a person acknowledges it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="escalations"
    )
    group = models.ForeignKey(
        PeerGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(
        max_length=16, choices=EscalationReason.choices, default=EscalationReason.POST
    )
    post = models.ForeignKey(
        "conversations.Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="escalations",
    )
    person_at_risk = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=14,
        choices=EscalationStatus.choices,
        default=EscalationStatus.ALERTING,
    )
    # 0: those on duty; n: step n of the chain.
    level = models.PositiveSmallIntegerField(default=0)
    alerted = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="escalations_received", blank=True
    )
    next_move_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    # How soon someone should reach the person (screening's urgency of the post,
    # 3 to 6, highest first; see ``screening/risk/findings.py``): orders the duty view.
    urgency = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Escalation {self.pk}"

    @property
    def urgency_label(self) -> str:
        return URGENCY_NAMES.get(self.urgency, "Someone may need support")

    @property
    def is_open(self) -> bool:
        return self.status == EscalationStatus.ALERTING


class EventKind(models.TextChoices):
    RAISED = "raised", "Alert raised"
    ALERTED = "alerted", "Person alerted"
    EMAILED = "emailed", "Email sent"
    MOVED_UP = "moved_up", "Moved up the chain"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    VIEWED = "viewed", "The post was read"
    NO_ONE_LEFT = "no_one_left", "Nobody left to alert"
    # Actions taken on the alert: the first of any of them (or acknowledging it)
    # stops the clock.
    MESSAGED = "messaged", "Messaged them privately"
    DECIDED = "decided", "Decided about the post in the queue"
    INCIDENT = "incident", "Recorded an incident"


class EscalationEvent(models.Model):
    """The log of an escalation. System words only; the post's author can see who
    read their post through it."""

    escalation = models.ForeignKey(
        Escalation, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=14, choices=EventKind.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    level = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.pk})"


class IncidentCategory(models.TextChoices):
    RISK_TO_LIFE = "risk_to_life", "Risk to someone's life"
    SELF_HARM = "self_harm", "Self-harm"
    SAFEGUARDING = "safeguarding", "Safeguarding concern"
    CONFIDENTIALITY = "confidentiality", "Confidentiality broken"
    ABUSE = "abuse", "Abuse or hostility"
    AGREEMENT = "agreement", "Group agreement not kept"
    OTHER = "other", "Something else"


class Severity(models.TextChoices):
    LOW = "low", "Low"
    MODERATE = "moderate", "Moderate"
    HIGH = "high", "High"
    CRITICAL = "critical", "Critical"


class Incident(models.Model):
    """A safety incident, in the recorder's own words. Never a peer's words: the
    recorder writes what happened, not a copy of what was posted."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="incidents"
    )
    group = models.ForeignKey(
        PeerGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incidents",
    )
    category = models.CharField(max_length=20, choices=IncidentCategory.choices)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    # Sealed under the organisation's key, not the group's: the incident log is the
    # organisation's record and must outlive a deleted group.
    what_happened = SealedTextField(
        "what happened, in your own words",
        max_length=4000,
        group_path="organisation",
    )
    actions_taken = SealedTextField(
        "what was done", max_length=4000, blank=True, group_path="organisation"
    )
    outcome = SealedTextField(max_length=2000, blank=True, group_path="organisation")
    follow_up = SealedTextField(
        "follow-up needed", max_length=2000, blank=True, group_path="organisation"
    )
    follow_up_by = models.DateField(null=True, blank=True)
    escalation = models.ForeignKey(
        Escalation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.ForeignKey(
        ModerationDecision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    occurred_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"Incident {self.pk}"
