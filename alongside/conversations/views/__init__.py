"""Conversation pages: threads, replies, responses, the live room (which also works
without JavaScript), stepping away, and each person's private choices.
Views translate; permissions decide; actions write.

The views live in one module per page family (threads, posts, live_room,
filters); urls.py reaches them from here.
"""

from __future__ import annotations

from .filters import filters_edit
from .live_room import live_room, live_send, participation_edit, room_manage, step_away
from .lookups import LIVE_HISTORY_SHOWN, REPLIES_PER_PAGE, REPLY_ORPHANS
from .posts import post_delete, post_edit, post_reply, post_respond
from .threads import ThreadPage, thread_create, thread_detail, thread_list

__all__ = [
    "LIVE_HISTORY_SHOWN",
    "REPLIES_PER_PAGE",
    "REPLY_ORPHANS",
    "ThreadPage",
    "filters_edit",
    "live_room",
    "live_send",
    "participation_edit",
    "post_delete",
    "post_edit",
    "post_reply",
    "post_respond",
    "room_manage",
    "step_away",
    "thread_create",
    "thread_detail",
    "thread_list",
]
