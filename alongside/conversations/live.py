"""What travels over the channel layer for live rooms, how it is rendered, and who is
in a room now.

Channel-layer groups: "live-<group id>" holds every socket in a group's room;
"person-<id>" (see alongside.core.live) holds every live socket of one person, for
closing them and for messages only that person may see. The broadcasts are called by
actions (in conversations, safety and privacy) once their transaction commits; the
signal handlers below close sockets on signing out (at once) and on a changed
password (after it commits). `presence_in` reads who is here for the room's sockets,
and deletes the connection rows a stopped server process left behind.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from asgiref.sync import SyncToAsync, async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from alongside.accounts.models import Person
from alongside.core.live import close_live_sockets, person_channel_group
from alongside.peergroups.models import Membership, PeerGroup

from . import presence
from .models import LiveConnection, Participation, Post, PostStatus

logger = logging.getLogger(__name__)

LIVE_MESSAGE_PARTIAL = "conversations/live.html#live-message"
# What differs between the author's rendering of a live message and everyone else's:
# a class on its element, and its controls.
MINE_CLASS = " is-mine"
# Where the room's rendering of a live message is cut to make its author's
# (room_and_author_html). Autoescaping turns every "<" in a person's words and name
# into "&lt;", so this can only come from the template itself.
OWN_MARK = mark_safe("<!--own-->")
# Connections refresh their rows every REFRESH_SECONDS (presence_keeper.py);
# rows older than this were left behind by a server process that stopped without
# closing them, and nobody is shown as here for longer than this after one stops.
STALE_AFTER = timedelta(minutes=1)


def room_channel_group(group_id: int) -> str:
    return f"live-{group_id}"


def render_live_message(
    post: Post, *, viewer_id: int | None, links_allowed: bool
) -> str:
    """The one rendering of a live message, shared by the page and the socket."""
    with_links([post])
    return render_to_string(
        LIVE_MESSAGE_PARTIAL,
        {"post": post, "viewer_id": viewer_id, "links_allowed": links_allowed},
    )


def room_and_author_html(post: Post, *, links_allowed: bool) -> tuple[str, str]:
    """A live message as the room sees it and as its author does, each exactly as
    render_live_message makes it, from one rendering: the author's differs only in
    a class and in its controls (the live-message-controls partial), which that
    rendering carries as well, marked, after the room's."""
    with_links([post])
    marked = render_to_string(
        LIVE_MESSAGE_PARTIAL,
        {
            "post": post,
            "viewer_id": None,
            "links_allowed": links_allowed,
            "own_mark": OWN_MARK,
        },
    )
    parts = marked.split(OWN_MARK)
    if len(parts) == 5:
        before_class, before_controls, room_controls, author_controls, after = parts
        room = "".join((before_class, before_controls, room_controls, after))
        if post.author_id is None:
            return room, room
        mine = (before_class, MINE_CLASS, before_controls, author_controls, after)
        return room, "".join(mine)
    # Others see a held message as an emptied element, with no mark: nothing to
    # share. Any other cut is never expected; the room's is then rendered on its own,
    # so that the author's controls (a crisis card only they may see) cannot reach it.
    room = (
        marked
        if len(parts) == 1
        else render_live_message(post, viewer_id=None, links_allowed=links_allowed)
    )
    if post.author_id is None:
        return room, room
    return room, render_live_message(
        post, viewer_id=post.author_id, links_allowed=links_allowed
    )


# The links every message carries, as attributes of the post, named for the URL
# each is made from.
POST_LINKS = {
    "edit_url": "conversations:post-edit",
    "delete_url": "conversations:post-delete",
    "respond_url": "conversations:post-respond",
    "report_url": "safety:post-report",
}


def with_links(posts: Iterable[Post]) -> list[Post]:
    """The posts, each with its own links (POST_LINKS) as the templates show them:
    the live room's page and frames and the thread pages alike. Built from one
    look-up for each kind of link and group (post_link) rather than one for every
    post: a long conversation would otherwise spend its time resolving URLs."""
    posts = list(posts)
    for post in posts:
        for attribute, name in POST_LINKS.items():
            setattr(post, attribute, post_link(name, post))
    return posts


def post_link(name: str, post: Post) -> str:
    """The link `name` for a post, as reverse(name, args=[group id, post id]) makes
    it, from one look-up for each kind of link and group (as the thread pages build
    theirs) rather than one for every message."""
    head, tail = _link_shape(name, post.group_id, get_script_prefix())
    return f"{head}/{int(post.pk)}/{tail}"


@functools.lru_cache(maxsize=4096)
def _link_shape(name: str, group_id: int, script_prefix: str) -> tuple[str, str]:
    head, tail = reverse(name, args=[group_id, 0]).rsplit("/0/", 1)
    return head, tail


# Broadcasts kept by `sends_kept` for a live socket to make on its event loop.
Kept = list[tuple[str, dict[str, Any]]]
_kept: ContextVar[Kept | None] = ContextVar("live_sends_kept", default=None)


@contextmanager
def sends_kept() -> Iterator[Kept]:
    """Keep the broadcasts asked for within (by the actions' after-commit hooks) in
    the list given, for a live socket's database call to return to the event loop,
    which makes them with `send_kept`: a message then crosses once each way between
    the loop and the database thread. Should the call fail after its commit, what
    it kept goes out at once, as it would have without this."""
    kept: Kept = []
    token = _kept.set(kept)
    try:
        yield kept
    except BaseException:
        _kept.reset(token)
        for channel_group, event in kept:
            _send(channel_group, event)
        kept.clear()
        raise
    _kept.reset(token)


async def send_kept(kept: Kept) -> None:
    """Make the broadcasts `sends_kept` kept, in order, on the event loop. A failed
    one is logged and the rest still go."""
    layer = get_channel_layer()
    if layer is None:
        return
    for channel_group, event in kept:
        try:
            await layer.group_send(channel_group, event)
        except Exception as error:
            # The kind of failure only: an error's text could carry part of a message.
            logger.error("A live-room broadcast failed: %s", type(error).__name__)


def _send(channel_group: str, event: dict[str, Any]) -> None:
    kept = _kept.get()
    if kept is not None:
        kept.append((channel_group, event))
        return
    layer = get_channel_layer()
    if layer is None:
        return
    # Inside a consumer's database_sync_to_async call (the on_commit of a live
    # message), hand the group send to the event loop and return, so the one
    # database thread is not held while the loop gets round to it.
    loop = getattr(SyncToAsync.threadlocal, "main_event_loop", None)
    if loop is not None and loop.is_running():
        future = asyncio.run_coroutine_threadsafe(
            layer.group_send(channel_group, event), loop
        )
        future.add_done_callback(_log_failed_send)
        return
    async_to_sync(layer.group_send)(channel_group, event)


def _log_failed_send(future: concurrent.futures.Future[None]) -> None:
    if future.cancelled():
        return
    error = future.exception()
    if error is not None:
        # The kind of failure only: an error's text could carry part of a message.
        logger.error("A live-room broadcast failed: %s", type(error).__name__)


def _frame(post: Post, html: str) -> str:
    return json.dumps(
        {
            "type": "message",
            "id": post.pk,
            "client_id": str(post.client_id),
            "html": html,
        }
    )


def _hidden_html(post_id: int) -> str:
    return f'<li id="post-{int(post_id)}" hidden></li>'


def _hidden_frame(post: Post) -> str:
    return _frame(post, _hidden_html(post.pk))


def withdrawn_frame(post_id: int) -> dict[str, Any]:
    """The withdrawal of a message the client holds, for catch-up: its element is
    emptied and hidden. Nothing is read about the message, so it carries no
    client_id."""
    return {
        "type": "message",
        "id": int(post_id),
        "client_id": None,
        "html": _hidden_html(post_id),
    }


def message_event(post: Post, *, is_new: bool = True) -> dict[str, Any]:
    """Render a message for the room and for its author, and encode each as the
    frame that goes over the socket, so that no socket renders or encodes it again.
    It is rendered once for both (room_and_author_html): the author's frame adds
    only what is theirs (their controls, what screening noted for them) to the
    room's. Which sockets get which
    frame (or none) is decided by permissions.live_frame_for."""
    room_html, author_html = room_and_author_html(
        post, links_allowed=post.group.organisation.allows_links
    )
    return {
        "type": "post.published",
        "group_id": post.group_id,
        "post_id": post.pk,
        "author_id": post.author_id,
        # Sockets of people who joined later skip edits of earlier messages.
        "created_at": post.created_at.timestamp(),
        "topic": post.content_warning,
        "status": post.status,
        "frame": _frame(post, room_html),
        "author_frame": _frame(post, author_html),
        # A change that adds a warning someone hides (the author's edit, or a
        # facilitator's) takes the earlier words away from their screen too.
        "hidden_frame": None if is_new else _hidden_frame(post),
    }


def withdrawn_event(post: Post) -> dict[str, Any]:
    """A message others may no longer see: its element is emptied and hidden."""
    return {
        "type": "post.withdrawn",
        "group_id": post.group_id,
        "post_id": post.pk,
        "author_id": post.author_id,
        "created_at": post.created_at.timestamp(),
        "frame": _hidden_frame(post),
    }


def broadcast_post(post_id: int) -> None:
    """Send a new, edited or deleted live message: to the room if it is shared, and
    only to its author's sockets while it waits for a check."""
    post = (
        Post.objects.with_author_name()
        .select_related("group__organisation")
        .filter(pk=post_id)
        .first()
    )
    if post is not None:
        _broadcast(post, is_new=False)


def broadcast_new_post(post: Post, *, author_name: str) -> None:
    """broadcast_post for a message just written, still held in memory by the action
    that wrote it (with its group and organisation) and its author's name in the
    group, which the action read when it checked they may write: nothing is read."""
    # As Post.objects.with_author_name() annotates it.
    setattr(post, "author_name", author_name)  # noqa: B010
    _broadcast(post, is_new=True)


def _broadcast(post: Post, *, is_new: bool) -> None:
    if post.status == PostStatus.PUBLISHED:
        _send(room_channel_group(post.group_id), message_event(post, is_new=is_new))
    else:
        if post.author_id is not None:
            _send(
                person_channel_group(post.author_id),
                message_event(post, is_new=is_new),
            )
        # If an edit took a shared message back for a check, others see it go.
        _send(room_channel_group(post.group_id), withdrawn_event(post))


def filters_changed(person_id: int) -> None:
    _send(person_channel_group(person_id), {"type": "filters.changed"})


def screening_changed(*, organisation_id: int, group_id: int | None) -> None:
    """What is screened in a group, or in every group of an organisation (group_id
    None), has changed (a phrase rule): their live sockets read it again before the
    next message. Call after the change commits."""
    group_ids = (
        [group_id]
        if group_id is not None
        else list(
            PeerGroup.objects.filter(organisation_id=organisation_id).values_list(
                "pk", flat=True
            )
        )
    )
    for changed in group_ids:
        _send(room_channel_group(changed), {"type": "screening.changed"})


def room_changed(group_id: int, *, is_open: bool) -> None:
    _send(room_channel_group(group_id), {"type": "room.changed", "is_open": is_open})


def close_sockets_of_session(
    sender: object, request: HttpRequest | None, user: Person | None, **kwargs: Any
) -> None:
    """Signing out closes that browser session's live sockets straight away."""
    if user is None or request is None or not user.is_authenticated:
        return
    session_key = request.session.session_key
    if session_key:
        close_live_sockets(person_id=user.pk, session_key=session_key)


def close_sockets_after_password_change(
    sender: object, user: Person | None = None, **kwargs: Any
) -> None:
    """A changed, set or reset password closes every live socket the person has, in
    every browser: whoever else was signed in stops receiving."""
    if user is None or user.pk is None:
        return
    person_id = user.pk
    transaction.on_commit(lambda: close_live_sockets(person_id=person_id))


@dataclass(frozen=True)
class Presence:
    here: int
    taking_a_moment: int
    names: list[str]

    def as_message(self) -> dict[str, Any]:
        return {
            "type": "presence",
            "here": self.here,
            "taking_a_moment": self.taking_a_moment,
            "names": self.names,
        }


def presence_in(group_id: int) -> Presence:
    """Numbers only; names only of people who chose to be named."""
    presence.forget_stale(group_id=group_id, before=timezone.now() - STALE_AFTER)
    present: set[int] = set()
    showing_away: set[int] = set()
    for person_id, is_away, shows_away in LiveConnection.objects.filter(
        group_id=group_id
    ).values_list("person_id", "is_away", "shows_away"):
        if is_away and shows_away:
            showing_away.add(person_id)
        else:
            present.add(person_id)
    showing_away -= present
    named = Participation.objects.filter(
        group_id=group_id, is_named_when_here=True, person_id__in=present
    ).values_list("person_id", flat=True)
    names = sorted(
        Membership.objects.filter(
            group_id=group_id, person_id__in=list(named)
        ).values_list("display_name", flat=True),
        key=str.casefold,
    )
    return Presence(
        here=len(present), taking_a_moment=len(showing_away), names=list(names)
    )
