"""What safety's pages share: where a post lives, and finding a post the person may
read."""

from __future__ import annotations

from django.urls import reverse

from alongside.conversations.models import Post
from alongside.conversations.permissions import check_read_group_conversations
from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.permissions import get_group_for
from alongside.safety.permissions import (
    get_readable_post_for,
)


def place_of(post: Post) -> str:
    if post.thread_id is not None:
        return (
            reverse(
                "conversations:thread-detail",
                kwargs={"group_id": post.group_id, "thread_id": post.thread_id},
            )
            # ?post= opens the page of a long conversation that holds the post.
            + f"?post={post.pk}#post-{post.pk}"
        )
    return reverse("conversations:live-room", kwargs={"group_id": post.group_id})


def readable_post(request: AuthenticatedRequest, group_id: int, post_id: int) -> Post:
    group = get_group_for(request.user, group_id)
    check_read_group_conversations(request.user, group)
    return get_readable_post_for(request.user, group, post_id)
