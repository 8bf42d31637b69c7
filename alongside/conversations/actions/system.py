"""System actions on posts, called by safety, privacy and retention, which check
their own rules: a post's status after a decision, a posting pause, a redacted
title, erasing a person's words, and deleting what is past an organisation's
limits."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.conversations import live
from alongside.conversations.actions.posting import erased_post_fields
from alongside.conversations.models import (
    Participation,
    Post,
    PostStatus,
    Response,
    Thread,
    is_opening,
)
from alongside.core.live import posting_facts_changed
from alongside.peergroups.models import PeerGroup


def set_post_status(
    *, post: Post, status: str, content_warning: str | None = None
) -> Post:
    """System action after a moderation decision: share, hide or keep holding a
    post, with the content warning the decision chose (if it chose one). An
    opening's conversation takes the same status; sharing counts as the
    conversation's latest activity.

    Precondition: the caller (alongside.safety) has checked that the person may
    decide about the post. Side effects: live rooms see the change, after commit.
    """
    post.status = status
    if content_warning is not None:
        post.content_warning = content_warning
    post.save(update_fields=["status", "content_warning"])
    if post.thread_id is not None:
        if is_opening(post):
            Thread.objects.filter(pk=post.thread_id).update(status=status)
        if status == PostStatus.PUBLISHED:
            Thread.objects.filter(pk=post.thread_id).update(
                last_posted_at=timezone.now()
            )
    if post.room_id is not None:
        post_id = post.pk
        transaction.on_commit(lambda: live.broadcast_post(post_id))
    return post


def pause_posting(*, person: Person, group: PeerGroup, until: datetime) -> None:
    """System action after a moderation decision: the person may not post in the
    group until then (`permissions.why_cannot_post_in` says so); reading goes on.

    Precondition: the caller (alongside.safety) has checked that the decider may
    decide about one of the person's posts. Nobody is told here; their open live
    sockets are, after the commit.
    """
    Participation.objects.update_or_create(
        person=person, group=group, defaults={"posting_paused_until": until}
    )
    # Their open live sockets stop taking messages from the next one.
    transaction.on_commit(
        partial(posting_facts_changed, person_id=person.pk, group_id=group.pk)
    )


def redact_thread_title(*, thread: Thread, title: str) -> None:
    """System action: the conversation's title with the personal details that
    screening found taken out, as the author asked.

    Precondition: the caller (alongside.safety) has checked that the person is the
    author of the held opening and may redact it (`check_redact_own_post`).
    """
    thread.title = title
    thread.save(update_fields=["title"])


def erase_posts_of(*, person: Person, keep_posts: bool) -> None:
    """System action for erasing an account: erase the words of the person's posts,
    as deleting a post does, so replies still make sense. Words never shared (held or
    hidden) always go; shared words go unless the person chose to leave them as
    "former member". Titles of their conversations go with the words.

    Precondition: the caller (alongside.privacy) has checked that the account may be
    erased, inside its transaction. Side effects: live rooms see erased messages go,
    after commit.
    """
    posts = Post.objects.filter(author=person)
    erased = posts.exclude(status=PostStatus.PUBLISHED) if keep_posts else posts
    erased_ids = list(erased.values_list("pk", flat=True))
    room_post_ids = list(erased.filter(room__isnull=False).values_list("pk", flat=True))
    Post.objects.filter(pk__in=erased_ids).update(
        **erased_post_fields(),
        deleted_at=Coalesce(F("deleted_at"), timezone.now()),
    )
    Response.objects.filter(post_id__in=erased_ids).delete()
    threads = Thread.objects.filter(author=person)
    if keep_posts:
        threads = threads.exclude(status=PostStatus.PUBLISHED)
    threads.update(title="")
    for post_id in room_post_ids:
        transaction.on_commit(partial(live.broadcast_post, post_id))


def delete_in_batches(
    *, queryset: QuerySet[Post] | QuerySet[Thread], batch_size: int
) -> dict[str, int]:
    """System action for retention: delete every post or thread of the queryset, a
    batch at a time (each batch its own transaction), and return the counts Django
    reports per model, so that posts and responses deleted with a thread count.

    Precondition: the caller (alongside.retention) has chosen only what is past the
    organisation's limits and not needed by an open safety concern. Nobody is told.
    """
    totals: dict[str, int] = {}
    model = queryset.model
    while True:
        batch = list(queryset.values_list("pk", flat=True)[:batch_size])
        if not batch:
            return totals
        with transaction.atomic():
            _, per_model = model._default_manager.filter(pk__in=batch).delete()
        for label, count in per_model.items():
            totals[label] = totals.get(label, 0) + count
