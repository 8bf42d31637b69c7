"""What an author may do with their own held post: remove details, appeal."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from alongside.accounts.models import Person
from alongside.conversations.models import Post, PostStatus
from alongside.conversations.permissions import (
    can_post_in,
    can_read_group_conversations,
)


def can_redact_own_post(person: Person, post: Post) -> bool:
    """The author removes personal details in one click, when they may write."""
    return (
        post.author_id == person.pk
        and not post.is_deleted
        and post.status == PostStatus.HELD
        and can_post_in(person, post.group)
    )


def check_redact_own_post(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_redact_own_post. No side effects."""
    if not can_redact_own_post(person, post):
        raise PermissionDenied


def can_appeal(person: Person, post: Post) -> bool:
    """The author asks for another look at a held or hidden post."""
    return (
        post.author_id == person.pk
        and not post.is_deleted
        and post.status in (PostStatus.HELD, PostStatus.HIDDEN)
        and can_read_group_conversations(person, post.group)
    )


def check_appeal(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_appeal. No side effects."""
    if not can_appeal(person, post):
        raise PermissionDenied
