"""Every change to private conversations. Each action checks permission, keeps the
invariants, writes, and only after the transaction commits tells anyone (the live
broadcast, notices).

Messages carry a client-made id: sending the same id again returns the message
already made instead of a second one. Every message is screened first, with the
same outcomes as a post in a group: a held message is kept and shown to its author,
and the team sees that one is waiting; words of risk to life show the author the
crisis card and tell the team at once, or ask them in (`actions.risk` says who is
told, and records it for the card)."""

from __future__ import annotations

from alongside.privateconversations.actions.keeping import (
    KEEP_ENDED_FOR,
    KEEP_QUIET_FOR,
    delete_expired_conversations,
)
from alongside.privateconversations.actions.messages import (
    mark_read,
    read_earlier_messages,
    send_message,
    share_held_message,
)
from alongside.privateconversations.actions.opening import (
    message_team,
    open_conversation,
    reach_out,
    reply_to_team_member,
)
from alongside.privateconversations.actions.shared import (
    EMPTY,
    MAX_LENGTH,
    RESENT_DIFFERENTLY,
    TOO_LONG,
    system_note,
)
from alongside.privateconversations.actions.team import (
    ask_for_someone_else,
    join_conversation,
    leave_conversation,
    settle_former_staff,
    settle_team,
    settle_teams_of,
)

__all__ = [
    "EMPTY",
    "KEEP_ENDED_FOR",
    "KEEP_QUIET_FOR",
    "MAX_LENGTH",
    "RESENT_DIFFERENTLY",
    "TOO_LONG",
    "ask_for_someone_else",
    "delete_expired_conversations",
    "join_conversation",
    "leave_conversation",
    "mark_read",
    "message_team",
    "open_conversation",
    "reach_out",
    "read_earlier_messages",
    "reply_to_team_member",
    "send_message",
    "settle_former_staff",
    "settle_team",
    "settle_teams_of",
    "share_held_message",
    "system_note",
]
