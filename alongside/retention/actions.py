"""Deleting what is no longer kept: a group's words once they are past their
organisation's limits, a whole group when an admin deletes it, and data keys whose
group has gone. The one place that deletes groups and their words.

Live messages go when they are older than the organisation's limit for live sessions.
Threads go, with all their posts and the responses to them, when their last activity
is older than its limit for threads. Nothing an open safety concern needs is deleted
(see `alongside.safety.holds`); a thread with any such post is kept whole until it is
closed, and is deleted by the first run after that.

Deletion is done in small batches, so a big backlog never holds a long lock on either
SQLite or PostgreSQL. Only counts are returned and logged, never anyone's words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from alongside.accounts.models import Person
from alongside.conversations.actions import delete_in_batches
from alongside.conversations.models import Post, Response, Thread
from alongside.core.live import close_live_sockets
from alongside.organisations.models import Organisation, Retention
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups.permissions import check_delete_group
from alongside.safety.holds import open_safety_items_in, under_open_safety_item
from alongside.sealing.models import GroupKey

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


@dataclass
class RetentionCounts:
    """What one run deleted and kept back. Numbers only."""

    live_messages: int = 0
    threads: int = 0
    thread_posts: int = 0
    responses: int = 0
    kept_for_safety: int = 0
    organisations: int = 0
    by_organisation: dict[int, dict[str, int]] = field(default_factory=dict)

    def add(self, other: RetentionCounts) -> None:
        self.live_messages += other.live_messages
        self.threads += other.threads
        self.thread_posts += other.thread_posts
        self.responses += other.responses
        self.kept_for_safety += other.kept_for_safety


def cutoff(days: int, now: datetime) -> datetime | None:
    """The moment before which words are deleted; None when kept with the group."""
    if days == Retention.KEEP:
        return None
    return now - timedelta(days=days)


def expired_live_messages(organisation: Organisation, now: datetime) -> QuerySet[Post]:
    """Live-room messages in the organisation's groups older than its limit, open
    safety concerns aside."""
    before = cutoff(organisation.live_message_retention_days, now)
    if before is None:
        return Post.objects.none()
    return Post.objects.filter(
        group__organisation=organisation, room__isnull=False, created_at__lt=before
    )


def expired_threads(organisation: Organisation, now: datetime) -> QuerySet[Thread]:
    """Threads in the organisation's groups whose last activity is older than its
    limit, open safety concerns aside."""
    before = cutoff(organisation.thread_retention_days, now)
    if before is None:
        return Thread.objects.none()
    return Thread.objects.filter(
        group__organisation=organisation, last_posted_at__lt=before
    )


def enforce_retention_for(
    *, organisation: Organisation, now: datetime
) -> RetentionCounts:
    """Delete the organisation's live messages and threads past its limits, keeping
    anything an open safety concern needs. No permission check: run by the scheduled
    task and the `apply_retention` command only, never from a view."""
    counts = RetentionCounts()
    post_label = Post._meta.label
    response_label = Response._meta.label

    live = expired_live_messages(organisation, now)
    counts.kept_for_safety += live.filter(under_open_safety_item()).count()
    deleted = delete_in_batches(
        queryset=live.exclude(under_open_safety_item()), batch_size=BATCH_SIZE
    )
    counts.live_messages = deleted.get(post_label, 0)
    counts.responses += deleted.get(response_label, 0)

    threads = expired_threads(organisation, now)
    needed = Post.objects.filter(under_open_safety_item(), thread=OuterRef("pk"))
    counts.kept_for_safety += threads.filter(Exists(needed)).count()
    deleted = delete_in_batches(
        queryset=threads.exclude(Exists(needed)), batch_size=BATCH_SIZE
    )
    counts.threads = deleted.get(Thread._meta.label, 0)
    counts.thread_posts = deleted.get(post_label, 0)
    counts.responses += deleted.get(response_label, 0)
    return counts


def enforce_retention(*, now: datetime) -> RetentionCounts:
    """Apply every organisation's limits. Logs one line of counts per organisation
    (by its number) and a total, never a word anyone wrote."""
    total = RetentionCounts()
    limited = Organisation.objects.exclude(
        live_message_retention_days=Retention.KEEP, thread_retention_days=Retention.KEEP
    ).order_by("pk")
    for organisation in limited:
        counts = enforce_retention_for(organisation=organisation, now=now)
        total.add(counts)
        total.organisations += 1
        total.by_organisation[organisation.pk] = {
            "live_messages": counts.live_messages,
            "threads": counts.threads,
            "kept_for_safety": counts.kept_for_safety,
        }
        logger.info(
            "Retention for organisation %s: deleted %d live messages, %d threads "
            "(%d posts in them), %d responses; kept %d for open safety concerns.",
            organisation.pk,
            counts.live_messages,
            counts.threads,
            counts.thread_posts,
            counts.responses,
            counts.kept_for_safety,
        )
    logger.info(
        "Retention run: %d organisations with limits; deleted %d live messages and "
        "%d threads; kept %d for open safety concerns.",
        total.organisations,
        total.live_messages,
        total.threads,
        total.kept_for_safety,
    )
    return total


class SafetyItemsOpen(Exception):
    """The group still has an open safety concern, so it is not deleted yet."""


@transaction.atomic
def delete_group(*, person: Person, group: PeerGroup) -> None:
    """Delete the group and everything in it, for good.

    Refused (SafetyItemsOpen) while a held post, an unresolved report, an alert
    waiting for someone or an open incident still needs the group's words.
    Once that is committed, its data key is deleted from the keys database
    (`alongside/sealing/keys.py`), so its words cannot be read again even from a
    backup of the main database taken before, and everyone's live sockets in the
    group close. Nobody is notified.
    """
    check_delete_group(person, group)
    if open_safety_items_in(group):
        raise SafetyItemsOpen
    group_id = group.pk
    people = list(
        Membership.objects.filter(group=group).values_list("person_id", flat=True)
    )
    group.delete()

    def close_sockets() -> None:
        for person_id in people:
            close_live_sockets(person_id=person_id, group_id=group_id)

    transaction.on_commit(close_sockets)


def delete_orphan_keys() -> int:
    """Delete keys whose group, organisation or private conversation no longer
    exists (left behind if the keys database could not be reached when the deletion
    was committed). Needs no permission: it only finishes deletions already made.
    Returns the count."""
    from alongside.privateconversations.models import Conversation

    # The two databases cannot be joined: read the ids on each side once.
    conversation_keys = list(
        GroupKey.objects.filter(conversation_id__isnull=False).values_list(
            "pk", "conversation_id"
        )
    )
    kept = set(
        Conversation.objects.filter(
            pk__in=[owner for _, owner in conversation_keys]
        ).values_list("pk", flat=True)
    )
    gone = [pk for pk, owner in conversation_keys if owner not in kept]
    GroupKey.objects.filter(pk__in=gone).delete()
    keys = list(
        GroupKey.objects.filter(conversation_id__isnull=True).values_list(
            "pk", "group_id", "organisation_id"
        )
    )
    groups = set(
        PeerGroup.objects.filter(
            pk__in=[group_id for _, group_id, _ in keys if group_id is not None]
        ).values_list("pk", flat=True)
    )
    organisations = set(
        Organisation.objects.filter(
            pk__in=[org_id for _, _, org_id in keys if org_id is not None]
        ).values_list("pk", flat=True)
    )
    orphans = [
        pk
        for pk, group_id, org_id in keys
        if (group_id is not None and group_id not in groups)
        or (org_id is not None and org_id not in organisations)
    ]
    GroupKey.objects.filter(pk__in=orphans).delete()
    return len(orphans) + len(gone)
