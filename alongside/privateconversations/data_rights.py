"""A person's private conversations in "download my data" and "erase my account"
(entries in alongside/privacy/registry.py). The download holds the person's own
words and the facts of each conversation, never what anyone else wrote in it."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction

from alongside.accounts.models import Person
from alongside.core.exports import when

from . import live
from .models import Conversation, Message, Participant


def export_conversations(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "with_the_team_at": c.organisation.name,
            "started_at": when(c.created_at),
            "ended_at": when(c.ended_at),
        }
        for c in Conversation.objects.filter(person=person).select_related(
            "organisation"
        )
    ]


def export_places(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "organisation": p.conversation.organisation.name,
            "as": p.get_side_display(),
            "your_name_there": p.display_name,
            "joined_at": when(p.joined_at),
            "left_at": when(p.left_at),
        }
        for p in Participant.objects.filter(person=person).select_related(
            "conversation__organisation"
        )
    ]


def export_messages(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "organisation": m.conversation.organisation.name,
            "text": m.body,
            "status": m.get_status_display(),
            "sent_at": when(m.created_at),
        }
        for m in Message.objects.filter(author=person).select_related(
            "conversation__organisation"
        )
    ]


def erase_messages(person: Person, keep_posts: bool) -> None:
    """Conversations with the person themselves go with their account (and their
    key). Their words in other people's conversations (as someone from the team)
    stay for that person unless they chose to remove their words. Anyone from the
    team with a conversation open sees it has ended, once the erasure is done."""
    for conversation_id in Conversation.objects.filter(person=person).values_list(
        "pk", flat=True
    ):
        transaction.on_commit(partial(live.conversation_ended, conversation_id))
    if not keep_posts:
        for message in Message.objects.filter(author=person).exclude(body=""):
            message.body = ""
            message.save(update_fields=["body"])
