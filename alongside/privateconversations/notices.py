"""What the person is told about their conversation with the team: on the crisis
card under a post, and on the page that lists their conversations. Reads only."""

from __future__ import annotations

from typing import Any

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation

from .models import Conversation, Message, MessageStatus, Purpose, Side


def open_team_conversation(
    person: Person, organisation: Organisation
) -> Conversation | None:
    """The person's open conversation with the organisation's team, if any."""
    if not person.is_authenticated:
        return None
    return (
        Conversation.objects.open()
        .filter(person=person, organisation=organisation, purpose=Purpose.TEAM)
        .select_related("organisation")
        .first()
    )


def team_notice_context(conversation: Conversation) -> dict[str, Any]:
    """The team's latest message to the person (the words are theirs to read), and
    how many team messages they have not read yet."""
    latest = (
        Message.objects.filter(
            conversation=conversation,
            author_side=Side.TEAM,
            status=MessageStatus.PUBLISHED,
            note="",
        )
        .order_by("-pk")
        .first()
    )
    place = conversation.participants.filter(person_id=conversation.person_id).first()
    last_read = place.last_read_message_id if place is not None else 0
    return {
        "conversation": conversation,
        "organisation": conversation.organisation,
        "latest": latest,
        "is_unread": latest is not None and latest.pk > last_read,
    }
