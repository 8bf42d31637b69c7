"""Who may read and write in a group's conversations. The only place that decides.

- Reading (threads and live history) is for the group's current members: active, or
  taking a break. Nobody else, staff included, reads a group's words here.
- Writing, responding and being in the live room are for active members. Members taking
  a break read; they write again when they come back.
- Live history starts when the person joined the group.
- A held post is seen by its author only, in the room as on the pages
  (`live_frame_for` decides which live events each socket passes on).

Group-level refusals are 403 (the group itself is visible to its organisation); a
thread or post someone may not see is 404, as is one that does not exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.agreements.permissions import has_confirmed_current_agreement
from alongside.peergroups.models import Membership, PeerGroup, Status
from alongside.peergroups.permissions import is_facilitator_of, membership_of

from .models import (
    LiveRoom,
    Participation,
    Post,
    PostQuerySet,
    PostStatus,
    ResponseKind,
    Thread,
    ThreadQuerySet,
)

READING_STATUSES = frozenset({Status.ACTIVE, Status.PAUSED})


def _reading_membership(person: Person, group: PeerGroup) -> Membership | None:
    membership = membership_of(person, group)
    if membership is None or membership.status not in READING_STATUSES:
        return None
    return membership


def can_read_group_conversations(person: Person, group: PeerGroup) -> bool:
    """Current members (active or taking a break) read the group's conversations."""
    return _reading_membership(person, group) is not None


def check_read_group_conversations(person: Person, group: PeerGroup) -> None:
    """Raise PermissionDenied (403) unless the person may read. No side effects."""
    if not can_read_group_conversations(person, group):
        raise PermissionDenied


def can_join_live_room(person: Person, group: PeerGroup) -> bool:
    """Being in the live room (receiving as it happens) is for active members."""
    membership = membership_of(person, group)
    return membership is not None and membership.status == Status.ACTIVE


@dataclass(frozen=True)
class PostingFacts:
    """What the rule for writing reads about a person in a group, read together. A
    live socket keeps them between messages until an action that changes one tells
    it to read them again (`alongside.core.live.posting_facts_changed`)."""

    membership: Membership | None
    posting_paused_until: datetime | None = None
    has_confirmed_agreement: bool = True


def posting_facts_of(person: Person, group: PeerGroup) -> PostingFacts:
    """Read the facts the rule for writing needs. Reads only."""
    membership = membership_of(person, group)
    if membership is None or membership.status != Status.ACTIVE:
        return PostingFacts(membership)
    paused_until = (
        Participation.objects.filter(person=person, group=group)
        .values_list("posting_paused_until", flat=True)
        .first()
    )
    return PostingFacts(
        membership,
        posting_paused_until=paused_until,
        has_confirmed_agreement=has_confirmed_current_agreement(
            person, group, membership=membership
        ),
    )


def why_cannot_post(facts: PostingFacts, *, now: datetime) -> str | None:
    """The one rule for writing in a group, from facts already read: None if the
    person may write, otherwise a kind sentence saying why not. Pure."""
    membership = facts.membership
    if membership is None:
        return "Only people in this group can write here."
    if membership.status == Status.PAUSED:
        return (
            "You are taking a break from this group. Come back whenever you like, "
            "and you can write again."
        )
    if membership.status != Status.ACTIVE:
        return "Only people in this group can write here."
    paused_until = facts.posting_paused_until
    if paused_until is not None and paused_until > now:
        return (
            "A facilitator has paused your posting in this group for a little while, "
            f"until {timezone.localtime(paused_until):%-d %B at %H:%M}. You can still "
            "read, and your notifications have their note to you."
        )
    if not facts.has_confirmed_agreement:
        return (
            "Before you write here, please read the group's agreement and let the "
            "group know you have read it. It is on the group's page."
        )
    return None


def _posting_membership(
    person: Person, group: PeerGroup
) -> tuple[Membership | None, str | None]:
    """The membership the person writes under, and why they may not write (None if
    they may)."""
    facts = posting_facts_of(person, group)
    return facts.membership, why_cannot_post(facts, now=timezone.now())


def why_cannot_post_in(person: Person, group: PeerGroup) -> str | None:
    """None if the person may write in the group, otherwise a kind sentence saying
    why not. Every can_/check_ for writing derives from the same rule."""
    return _posting_membership(person, group)[1]


def can_post_in(person: Person, group: PeerGroup) -> bool:
    """Whether the person may write in the group now (see why_cannot_post_in)."""
    return why_cannot_post_in(person, group) is None


def check_post_in(person: Person, group: PeerGroup) -> Membership:
    """Raise PermissionDenied carrying the kind reason unless the person may write;
    otherwise return the membership they write under (their name in the group)."""
    membership, reason = _posting_membership(person, group)
    if reason is not None:
        raise PermissionDenied(reason)
    assert membership is not None
    return membership


def room_of(group: PeerGroup) -> LiveRoom | None:
    """The group's live room, or None before a facilitator first opens it."""
    return LiveRoom.objects.filter(group=group).first()


def can_post_live(person: Person, group: PeerGroup, room: LiveRoom | None) -> bool:
    """Writing in the live room: the room is open and the person may write."""
    return room is not None and room.is_open_now and can_post_in(person, group)


def check_post_live(
    person: Person,
    group: PeerGroup,
    room: LiveRoom | None,
    *,
    facts: PostingFacts | None = None,
) -> Membership:
    """Raise PermissionDenied with a kind reason unless can_post_live; otherwise
    return the membership the person writes under. A live socket passes the
    `facts` it keeps (`posting_facts_of`), and the same rule decides."""
    if facts is None:
        membership = check_post_in(person, group)
    else:
        reason = why_cannot_post(facts, now=timezone.now())
        if reason is not None:
            raise PermissionDenied(reason)
        assert facts.membership is not None
        membership = facts.membership
    if room is None or not room.is_open_now:
        raise PermissionDenied(
            "The room is closed just now. What you wrote is kept in this box."
        )
    return membership


def can_manage_live_room(person: Person, group: PeerGroup) -> bool:
    """The group's facilitators open and close its live room."""
    return is_facilitator_of(person, group)


def check_manage_live_room(person: Person, group: PeerGroup) -> None:
    """Raise PermissionDenied unless the person facilitates the group."""
    if not can_manage_live_room(person, group):
        raise PermissionDenied


def threads_visible_to(person: Person, group: PeerGroup) -> ThreadQuerySet:
    """The group's threads the person may read: published ones, and their own held
    ones."""
    if not can_read_group_conversations(person, group):
        return Thread.objects.none()
    return Thread.objects.filter(group=group).filter(
        Q(status=PostStatus.PUBLISHED) | Q(author=person)
    )


def get_thread_for(person: Person, group: PeerGroup, thread_id: int) -> Thread:
    """The thread if the person may read it; 404 otherwise, also when missing."""
    try:
        return threads_visible_to(person, group).get(pk=thread_id)
    except Thread.DoesNotExist:
        raise Http404 from None


def live_history_starts_at(person: Person, group: PeerGroup) -> datetime | None:
    """Live messages from before the person joined the group are not theirs to see.
    Joining again after leaving, or being welcomed after asking, starts afresh."""
    membership = _reading_membership(person, group)
    if membership is None:
        return None
    return membership.joined_at or membership.created_at


def live_posts_visible_to(person: Person, group: PeerGroup) -> PostQuerySet:
    """Live messages since the person joined: published ones and their own held."""
    starts_at = live_history_starts_at(person, group)
    if starts_at is None:
        return Post.objects.none()
    return Post.objects.filter(
        group=group, room__isnull=False, created_at__gte=starts_at
    ).seen_by(person)


def thread_posts_visible_to(person: Person, thread: Thread) -> PostQuerySet:
    """Posts in a thread the person may already read."""
    return Post.objects.filter(thread=thread).seen_by(person)


def posts_visible_to(person: Person, group: PeerGroup) -> PostQuerySet:
    """Every post in the group the person may read, in threads and in the live room."""
    if not can_read_group_conversations(person, group):
        return Post.objects.none()
    in_threads = Q(thread__in=threads_visible_to(person, group))
    starts_at = live_history_starts_at(person, group)
    in_room = Q(room__isnull=False, created_at__gte=starts_at)
    return Post.objects.filter(group=group).filter(in_threads | in_room).seen_by(person)


def get_post_for(person: Person, group: PeerGroup, post_id: int) -> Post:
    """The post if the person may read it; 404 otherwise, also when missing."""
    try:
        return posts_visible_to(person, group).get(pk=post_id)
    except Post.DoesNotExist:
        raise Http404 from None


def can_edit_post(person: Person, post: Post) -> bool:
    """Authors edit their own posts while they can write in the group."""
    return (
        post.author_id == person.pk
        and not post.is_deleted
        and can_post_in(person, post.group)
    )


def check_edit_post(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_edit_post. No side effects."""
    if not can_edit_post(person, post):
        raise PermissionDenied


def can_delete_post(person: Person, post: Post) -> bool:
    """Authors delete their own posts whenever they are in the group, even on a
    break."""
    return (
        post.author_id == person.pk
        and not post.is_deleted
        and can_read_group_conversations(person, post.group)
    )


def check_delete_post(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_delete_post. No side effects."""
    if not can_delete_post(person, post):
        raise PermissionDenied


def can_respond_to(person: Person, post: Post) -> bool:
    """Supportive responses go to other people's shared posts."""
    return (
        post.author_id != person.pk
        and post.status == PostStatus.PUBLISHED
        and not post.is_deleted
        and can_post_in(person, post.group)
    )


# Screening's urgency for a post that shows a risk to life (Post.screening_urgency).
RISK_TO_LIFE_URGENCY = 3


def responses_offered_for(post: Post) -> list[str]:
    """The supportive responses others may give to a post, in their order. "Me too"
    is not offered on a post that shows a risk to life: said to someone thinking of
    ending their life, it can read as agreeing, or as a second person at risk with
    no one to turn to. Reads only."""
    kinds = list(ResponseKind.values)
    if post.screening_urgency >= RISK_TO_LIFE_URGENCY:
        kinds.remove(ResponseKind.ME_TOO)
    return kinds


def check_respond_to(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_respond_to. No side effects."""
    if not can_respond_to(person, post):
        raise PermissionDenied


def can_reply_in(person: Person, thread: Thread) -> bool:
    """Replies go to shared (not held) threads, by people who may write."""
    return thread.status == PostStatus.PUBLISHED and can_post_in(person, thread.group)


def check_reply_in(person: Person, thread: Thread) -> None:
    """Raise PermissionDenied with a kind reason unless can_reply_in."""
    check_post_in(person, thread.group)
    if thread.status != PostStatus.PUBLISHED:
        raise PermissionDenied(
            "Replies open once the start of this conversation has had its quick check."
        )


# Live events ----------------------------------------------------------------------


@dataclass(frozen=True)
class LiveViewer:
    """What a live socket knows of the person it serves, for `live_frame_for`."""

    person_id: int
    # Live messages written before this (a timestamp) are not theirs to see.
    history_starts_at: float
    hidden_topics: frozenset[str]


def live_frame_for(event: Mapping[str, Any], viewer: LiveViewer) -> str | None:
    """May this viewer receive this live event, and which of its finished frames
    (conversations.live): "frame" (the room's), "author_frame" (their own message,
    with its controls), "hidden_frame" (the message's element emptied, for one that
    now carries a warning they hide), or None for nothing at all. Pure.

    - Nothing about a message from before they joined the group.
    - A message that is not shared (held, hidden) reaches its author only.
    - A message in a topic they hide reaches them only as its emptied element.
    - A withdrawal (a message others may no longer see) reaches all but its author.
    """
    if event["created_at"] < viewer.history_starts_at:
        return None
    is_mine = event["author_id"] == viewer.person_id
    if event["type"] == "post.withdrawn":
        return None if is_mine else "frame"
    if is_mine:
        return "author_frame"
    if event["status"] != PostStatus.PUBLISHED:
        return None
    if event["topic"] in viewer.hidden_topics:
        return "hidden_frame" if event["hidden_frame"] is not None else None
    return "frame"
