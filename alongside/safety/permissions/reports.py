"""Who may report a shared post, and the readable-post lookup reports start from."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from alongside.accounts.models import Person
from alongside.conversations.models import Post, PostStatus
from alongside.conversations.permissions import posts_visible_to
from alongside.peergroups.models import PeerGroup


def can_report(person: Person, post: Post) -> bool:
    """Someone who can read a shared post, and did not write it, may report it."""
    return (
        post.author_id != person.pk
        and post.status == PostStatus.PUBLISHED
        and not post.is_deleted
        and posts_visible_to(person, post.group).filter(pk=post.pk).exists()
    )


def check_report(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_report. No side effects."""
    if not can_report(person, post):
        raise PermissionDenied


def get_readable_post_for(person: Person, group: PeerGroup, post_id: int) -> Post:
    """A post the person may read in the group; 404 otherwise, also when missing."""
    try:
        return posts_visible_to(person, group).get(pk=post_id)
    except Post.DoesNotExist:
        raise Http404 from None
