"""What a live socket sends when its browser asks to catch up: the messages it
missed, and the ones it holds as a fresh page would show them now. Read through
the conversations policy (`permissions.live_posts_visible_to`), as the page reads.
"""

from __future__ import annotations

from typing import Any

from alongside.accounts.models import Person
from alongside.peergroups.models import PeerGroup

from . import live
from .models import Post, PostQuerySet
from .permissions import live_posts_visible_to, room_of

CATCH_UP_LIMIT = 500
# The largest id a message can have (a 64-bit key): larger numbers are junk.
LARGEST_POST_ID = 2**63 - 1


def shown_ids(shown: object) -> list[int] | None:
    """The ids of the messages the client holds, in order: the last
    CATCH_UP_LIMIT it lists (its newest), and only numbers that could be ids.
    None when the field is there but is not a list."""
    if shown is None:
        return []
    if not isinstance(shown, list):
        return None
    ids = {
        value
        for value in shown[-CATCH_UP_LIMIT:]
        if isinstance(value, int)
        and not isinstance(value, bool)
        and 0 < value <= LARGEST_POST_ID
    }
    return sorted(ids)


def frames(
    person: Person,
    group: PeerGroup,
    *,
    hidden_topics: frozenset[str],
    links_allowed: bool,
    after: int,
    shown: list[int],
) -> tuple[bool, list[dict[str, Any]], list[dict[str, Any]]]:
    """Whether the room is open, the messages the client holds refreshed, and the
    messages after `after` that it missed."""
    room = room_of(group)
    is_open = room is not None and room.is_open_now
    visible = (
        live_posts_visible_to(person, group)
        .without_hidden_topics(set(hidden_topics))
        .with_author_name()
    )

    def frame(post: Post) -> dict[str, Any]:
        return {
            "type": "message",
            "id": post.pk,
            "client_id": str(post.client_id),
            "html": live.render_live_message(
                post, viewer_id=person.pk, links_allowed=links_allowed
            ),
        }

    missed = visible.filter(pk__gt=after).order_by("pk")[:CATCH_UP_LIMIT]
    return (
        is_open,
        _refreshed(visible, frame, after, shown),
        [frame(post) for post in missed],
    )


def _refreshed(
    visible: PostQuerySet, frame: Any, after: int, shown: list[int]
) -> list[dict[str, Any]]:
    """The messages the client holds, as a fresh page would show them now: each
    one it may still see afresh (edited, removed by its author, given a warning),
    a withdrawal for each it may no longer see (hidden, held, a topic it now
    hides, or never its to see), and any it may now see between them that it
    was not sent at the time (a held message since shared)."""
    if not shown:
        return []
    still_seen = {post.pk: post for post in visible.filter(pk__in=shown)}
    now_seen = {
        post.pk: post
        for post in visible.filter(pk__gte=shown[0], pk__lte=after)
        .exclude(pk__in=shown)
        .order_by("pk")[:CATCH_UP_LIMIT]
    }
    posts = still_seen | now_seen
    return [
        frame(posts[post_id]) if post_id in posts else live.withdrawn_frame(post_id)
        for post_id in sorted(set(shown) | set(now_seen))
    ]
