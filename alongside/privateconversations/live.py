"""What travels over the channel layer for private conversations, and how it is
rendered. Everything here runs after a transaction commits.

Channel-layer groups: "private-<conversation id>" holds every open socket of the
conversation; "person-<id>-private" holds a person's notice sockets (the crisis card
and the inbox hear there that the team has written).
"""

from __future__ import annotations

import json
from typing import Any

from django.template.loader import render_to_string

from alongside.conversations.live import _send

from .models import Message, Side

MESSAGE_PARTIAL = "privateconversations/detail.html#private-message"
NOTICE_PARTIAL = "privateconversations/includes/team_notice.html"


def conversation_channel_group(conversation_id: int) -> str:
    return f"private-{conversation_id}"


def notices_channel_group(person_id: int) -> str:
    return f"person-{person_id}-private"


def render_message(message: Message, *, viewer_id: int | None, viewer_side: str) -> str:
    """The one rendering of a message, shared by the page and the socket (which
    needs the conversation too: a held message reads differently in a pair's)."""
    return render_to_string(
        MESSAGE_PARTIAL,
        {
            "message": message,
            "conversation": message.conversation,
            "viewer_id": viewer_id,
            "viewer_side": viewer_side,
        },
    )


def frame(message: Message, html: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": message.pk,
        "client_id": str(message.client_id),
        "html": html,
    }


def message_event(message: Message) -> dict[str, Any]:
    """Render a message once for its author, once for the person and once for the
    team, and encode each as its frame; each socket takes its own."""
    return {
        "type": "private.message",
        "conversation_id": message.conversation_id,
        "message_id": message.pk,
        "author_id": message.author_id,
        "author_frame": json.dumps(
            frame(
                message,
                render_message(
                    message,
                    viewer_id=message.author_id,
                    viewer_side=message.author_side,
                ),
            )
        ),
        "person_frame": json.dumps(
            frame(
                message,
                render_message(message, viewer_id=None, viewer_side=Side.PERSON),
            )
        ),
        "team_frame": json.dumps(
            frame(
                message, render_message(message, viewer_id=None, viewer_side=Side.TEAM)
            )
        ),
    }


def broadcast_message(message_id: int) -> None:
    message = Message.objects.filter(pk=message_id).first()
    if message is not None:
        _send(
            conversation_channel_group(message.conversation_id), message_event(message)
        )


def participant_left(conversation_id: int, person_id: int) -> None:
    """Close the socket of someone who left, or stepped back as the person asked."""
    _send(
        conversation_channel_group(conversation_id),
        {"type": "participant.left", "person_id": person_id},
    )


def conversation_ended(conversation_id: int) -> None:
    _send(
        conversation_channel_group(conversation_id),
        {"type": "conversation.ended"},
    )


def push_team_notice(conversation_id: int) -> None:
    """Tell the person's open pages (the crisis card, the inbox) what the team has
    done in the conversation, rendered by the partial those pages use."""
    from .models import Conversation
    from .notices import team_notice_context

    conversation = (
        Conversation.objects.select_related("organisation")
        .filter(pk=conversation_id)
        .first()
    )
    if conversation is None:
        return
    context = team_notice_context(conversation)
    html = render_to_string(NOTICE_PARTIAL, context)
    _send(
        notices_channel_group(conversation.person_id),
        {
            "type": "notice.changed",
            "organisation_id": conversation.organisation_id,
            "html": html,
        },
    )
