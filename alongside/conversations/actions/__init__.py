"""Every change to conversations. Each action checks permission, screens what is
written, writes, and only after the transaction commits tells anyone (live broadcast).

Posts carry a client-made id: sending the same id again returns the post already made
instead of a second one."""

from __future__ import annotations

from alongside.conversations.actions.choices import (
    set_topic_filters,
    toggle_response,
    update_participation,
)
from alongside.conversations.actions.posting import (
    delete_post,
    edit_post,
    erased_post_fields,
    post_live_message,
    reply_to_thread,
    start_thread,
)
from alongside.conversations.actions.rooms import (
    close_live_room,
    open_live_room,
    set_room_always_open,
)
from alongside.conversations.actions.system import (
    delete_in_batches,
    erase_posts_of,
    pause_posting,
    redact_thread_title,
    set_post_status,
)

__all__ = [
    "close_live_room",
    "delete_in_batches",
    "delete_post",
    "edit_post",
    "erase_posts_of",
    "erased_post_fields",
    "open_live_room",
    "pause_posting",
    "post_live_message",
    "redact_thread_title",
    "reply_to_thread",
    "set_post_status",
    "set_room_always_open",
    "set_topic_filters",
    "start_thread",
    "toggle_response",
    "update_participation",
]
