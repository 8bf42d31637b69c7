"""Private conversations, the people in them and their messages.

A conversation is with one person (`Conversation.person`, usually a peer) and the
people supporting them: members of the organisation's team now, a one-to-one
supporter later (a `Side`, not a second kind of conversation). Its words are sealed
under a data key of its own, which goes when the conversation is deleted.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.sealing import SealedTextField


class Purpose(models.TextChoices):
    TEAM = "team", "With the team"
    SUPPORT = "support", "With a one-to-one supporter"


class Side(models.TextChoices):
    PERSON = "person", "The person the conversation is with"
    TEAM = "team", "Someone from the team"
    SUPPORTER = "supporter", "Their one-to-one supporter"


class MessageStatus(models.TextChoices):
    PUBLISHED = "published", "Sent"
    HELD = "held", "Waiting for a quick check"


class TeamTold(models.TextChoices):
    """What happened with the team when someone wrote words of risk to life."""

    NOT_TOLD = "", "Not told"
    IN_IT = "in_it", "Told, being in the conversation"
    ASKED = "asked", "Asked to join the conversation"


class AlsoTold(models.TextChoices):
    """Who else was told when someone wrote words of risk to life."""

    NOBODY = "", "Nobody"
    SUPPORTER = "supporter", "Their one-to-one supporter"
    SUPERVISOR = "supervisor", "Their supervisor"
    COORDINATOR = "coordinator", "A coordinator of one-to-one support"


class ConversationQuerySet(models.QuerySet["Conversation"]):
    def open(self) -> ConversationQuerySet:
        return self.filter(ended_at__isnull=True)


class Conversation(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    purpose = models.CharField(
        max_length=10, choices=Purpose.choices, default=Purpose.TEAM
    )
    # Deleted with the person's account, and with it the key to its words.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="private_conversations",
    )
    # The group it began from (an alert or a decision there), for names only.
    group = models.ForeignKey(
        PeerGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set while nobody from the team is in it: the person asked for someone else,
    # or the last of the team left.
    needs_someone_since = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)
    # The person left: nobody writes in it again.
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person", "purpose"],
                condition=Q(ended_at__isnull=True),
                name="one_open_conversation_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"Private conversation {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class Participant(models.Model):
    """One person's place in a conversation."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="private_participations",
    )
    side = models.CharField(max_length=10, choices=Side.choices)
    display_name = models.CharField(max_length=80)
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    # Messages up to this id were written before they joined: someone from the team
    # reads them only through the logged staff read the person can see.
    reads_from_message_id = models.PositiveBigIntegerField(default=0)
    last_read_message_id = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "person"], name="one_place_per_conversation"
            )
        ]

    def __str__(self) -> str:
        return f"Participant {self.pk}"

    @property
    def is_current(self) -> bool:
        return self.left_at is None


# Screening's urgency for words of risk to life (Message.screening_urgency).
RISK_TO_LIFE_URGENCY = 3


class Message(models.Model):
    """Words someone wrote, or a short note in the system's own words (someone
    joined, left, or was asked for)."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    # Empty once its author erased their account.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="private_messages",
    )
    author_name = models.CharField(max_length=80, blank=True)
    author_side = models.CharField(max_length=10, choices=Side.choices)
    body = SealedTextField(max_length=5000, blank=True, group_path="conversation")
    # The system's own words, never anyone's: "Fran has joined".
    note = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=10, choices=MessageStatus.choices, default=MessageStatus.PUBLISHED
    )
    screening_reasons = models.JSONField(default=list, blank=True)
    author_notes = models.JSONField(default=list, blank=True)
    shows_crisis_support = models.BooleanField(default=False)
    screening_urgency = models.PositiveSmallIntegerField(default=0)
    # Who was told of words of risk to life, as it was done, so that the author's
    # crisis card says only what is true.
    team_told = models.CharField(
        max_length=8, choices=TeamTold.choices, default=TeamTold.NOT_TOLD, blank=True
    )
    also_told = models.CharField(
        max_length=12, choices=AlsoTold.choices, default=AlsoTold.NOBODY, blank=True
    )
    client_id = models.UUIDField(default=uuid.uuid4)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_id"],
                name="private_message_client_id_unique_per_author",
            )
        ]
        indexes = [models.Index(fields=["conversation", "id"])]

    def __str__(self) -> str:
        return f"Private message {self.pk}"

    @property
    def is_held(self) -> bool:
        return self.status == MessageStatus.HELD

    @property
    def is_note(self) -> bool:
        return bool(self.note)

    @property
    def raised_alert(self) -> bool:
        """Screening found words of risk to life, so someone was told at once
        (`team_told` and `also_told` say who)."""
        return self.screening_urgency >= RISK_TO_LIFE_URGENCY
