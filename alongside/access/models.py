"""A staff read: one time someone acting as staff read a peer's words that an
ordinary member of the group could not have read there (a held post in the
moderation queue, a reported post, an escalated post, an incident about a post, a
reply to a decision, the note added to a report).

A row holds who read, in which role, whose words, which item and why. Never the
words themselves: the author's own page describes the item, it does not quote it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup


class ReaderRole(models.TextChoices):
    FACILITATOR = "facilitator", "A facilitator of the group"
    ON_DUTY = "on_duty", "The person on duty"
    SUPERVISOR = "supervisor", "A supervisor"
    ADMIN = "admin", "An organisation admin"


class Item(models.TextChoices):
    POST = "post", "Your post in a conversation"
    LIVE_MESSAGE = "live_message", "Your message in the live room"
    REPORT_NOTE = "report_note", "The note you added when you reported a post"
    DECISION_REPLY = "decision_reply", "Your reply to a facilitator's decision"
    INCIDENT = "incident", "A safety record about your post"
    PRIVATE_MESSAGE = "private_message", "Your message in a private conversation"


class Reason(models.TextChoices):
    MODERATION = "moderation", "checking a post, as the group's facilitator"
    HELD_POST = "held_post", "checking a post that was held for a quick check"
    REPORT = "report", "looking at a concern someone raised"
    APPEAL = "appeal", "looking again, as you asked"
    RISK = "risk", "making sure you were safe, after screening noticed a risk"
    ESCALATION = "escalation", "handling an alert to make sure you were safe"
    INCIDENT = "incident", "reviewing a safety record"
    DECISION_REPLY = "decision_reply", "reading your reply to their decision"
    JOINED_LATER = (
        "joined_later",
        ("joining your conversation with the team, to carry it on"),
    )


class StaffReadQuerySet(models.QuerySet["StaffRead"]):
    def about(self, person: Person) -> StaffReadQuerySet:
        """Reads of what this person wrote, newest first."""
        return self.filter(author=person).order_by("-read_at", "-pk")


class StaffRead(models.Model):
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Kept for the organisation's own audit; the author sees the role.",
    )
    reader_role = models.CharField(max_length=12, choices=ReaderRole.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    group = models.ForeignKey(
        PeerGroup, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_reads"
    )
    item = models.CharField(max_length=16, choices=Item.choices)
    post = models.ForeignKey(
        "conversations.Post", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(
        help_text="The report, decision or incident read, when the item is one."
    )
    reason = models.CharField(max_length=16, choices=Reason.choices)
    read_at = models.DateTimeField(default=timezone.now)

    objects = StaffReadQuerySet.as_manager()

    class Meta:
        ordering = ["-read_at", "-pk"]
        indexes = [
            models.Index(fields=["author", "-read_at"]),
            models.Index(fields=["reader", "item", "object_id", "read_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_reader_role_display()} read {self.item} {self.object_id}"
