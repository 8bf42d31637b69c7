"""What the private conversations' actions share: limits, the words said when
something is refused, a conversation's address, and the system's own notes in
it."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.notifications.models import Notification
from alongside.privateconversations import live
from alongside.privateconversations.models import (
    Conversation,
    Message,
    Side,
)

MAX_LENGTH = 5000


EMPTY = "Please write something before sending."


TOO_LONG = "Please keep a message under 5,000 characters. Nothing you wrote is lost."


RESENT_DIFFERENTLY = (
    "This did not send. Your words are still here; please send them again."
)


def conversation_link(conversation: Conversation) -> str:
    """The address of the private conversation's page, for notes."""
    return reverse(
        "privateconversations:conversation-detail",
        kwargs={"conversation_id": conversation.pk},
    )


def system_note(conversation: Conversation, text: str) -> Message:
    """A short note in the system's own words, seen by everyone in it."""
    message = Message.objects.create(
        conversation=conversation, note=text, author_side=Side.TEAM
    )
    message_id = message.pk
    transaction.on_commit(lambda: live.broadcast_message(message_id))
    return message


def notify_once(people: list[Person], message: str, link: str) -> None:
    """One notice per person until they open it: a second message before they have
    looked adds nothing to their notices."""
    waiting = set(
        Notification.objects.filter(
            person__in=people, link=link, read_at__isnull=True
        ).values_list("person_id", flat=True)
    )
    notify(
        people=[p for p in people if p.pk not in waiting], message=message, link=link
    )
