"""Every change to conversations. Each action checks permission, screens what is
written, writes, and only after the transaction commits tells anyone (live broadcast).

Posts carry a client-made id: sending the same id again returns the post already made
instead of a second one.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.core.limits import LIVE_MESSAGE, POST, LimitReached, check_rate
from alongside.core.live import posting_facts_changed
from alongside.peergroups.models import PeerGroup

from . import live
from .live_facts import LiveFacts, live_facts_of
from .models import (
    FilterChoice,
    LiveRoom,
    Participation,
    Post,
    PostStatus,
    Response,
    ResponseKind,
    Thread,
    Topic,
    TopicFilter,
    is_opening,
)
from .permissions import (
    check_delete_post,
    check_edit_post,
    check_manage_live_room,
    check_post_in,
    check_post_live,
    check_read_group_conversations,
    check_reply_in,
    check_respond_to,
    responses_offered_for,
)
from .screening import ScreeningResult, after_screening, screen


def _existing(person: Person, client_id: uuid.UUID) -> Post | None:
    return Post.objects.filter(author=person, client_id=client_id).first()


def _screening_fields(
    result: ScreeningResult, content_warning: str
) -> dict[str, object]:
    suggested = ""
    if (
        result.outcome == "allow_with_warning_suggestion"
        and not content_warning
        and result.suggested_warning in Topic.values
    ):
        suggested = result.suggested_warning or ""
    return {
        "status": PostStatus.HELD if result.is_held else PostStatus.PUBLISHED,
        "screening_reasons": list(result.reasons),
        "suggested_warning": suggested,
        "author_notes": list(result.reasons_for_author),
        "shows_crisis_support": result.shows_crisis_support,
        "screening_urgency": result.urgency,
    }


def _follow_up(post: Post, result: ScreeningResult) -> None:
    """After commit, let the safety follow-up act (for example, alert the person on
    duty). Only for new screening results, never for a resend."""
    post_id = post.pk
    transaction.on_commit(lambda: after_screening(post_id, result))


def _create_post(*, person: Person, client_id: uuid.UUID, **fields: object) -> Post:
    """Insert, or return the post a concurrent resend already inserted."""
    try:
        with transaction.atomic():
            return Post.objects.create(author=person, client_id=client_id, **fields)
    except IntegrityError:
        existing = _existing(person, client_id)
        if existing is None:
            raise
        return existing


def _same_place_or_refuse(post: Post, *, group: PeerGroup) -> Post:
    if post.group_id != group.pk:
        raise ValidationError(
            "Something went wrong sending this. Please try again.", code="client_id"
        )
    return post


def _same_words_or_refuse(post: Post, *, body: str, title: str | None = None) -> Post:
    """A resend must carry the words first sent. Different words under an old client
    id (a stale draft in the browser) are never swapped for the old post."""
    changed = post.body != body or (
        title is not None and post.thread is not None and post.thread.title != title
    )
    if changed:
        raise ValidationError(
            "This did not send. Your words are still here; please send them again.",
            code="client_id_reused",
        )
    return post


@transaction.atomic
def start_thread(
    *,
    person: Person,
    group: PeerGroup,
    title: str,
    kind: str,
    body: str,
    content_warning: str,
    content_warning_text: str,
    client_id: uuid.UUID,
) -> Thread:
    """Start a conversation in a group. Screened first; a held opening keeps the whole
    thread visible to its author only until someone has looked."""
    check_post_in(person, group)
    existing = _existing(person, client_id)
    if existing is not None and existing.thread is not None:
        _same_place_or_refuse(existing, group=group)
        _same_words_or_refuse(existing, body=body, title=title)
        return existing.thread
    check_rate(action=POST, who=str(person.pk))
    result = screen(f"{title}\n{body}", group=group, author=person)
    fields = _screening_fields(result, content_warning)
    thread = Thread.objects.create(
        group=group, author=person, title=title, status=str(fields["status"])
    )
    post = _create_post(
        person=person,
        client_id=client_id,
        group=group,
        thread=thread,
        kind=kind,
        body=body,
        content_warning=content_warning,
        content_warning_text=content_warning_text,
        **fields,
    )
    _follow_up(post, result)
    return thread


@transaction.atomic
def reply_to_thread(
    *,
    person: Person,
    thread: Thread,
    kind: str,
    body: str,
    content_warning: str,
    content_warning_text: str,
    client_id: uuid.UUID,
) -> Post:
    """Reply in a thread. A resend with the same client id returns the first reply."""
    check_reply_in(person, thread)
    existing = _existing(person, client_id)
    if existing is not None:
        _same_place_or_refuse(existing, group=thread.group)
        return _same_words_or_refuse(existing, body=body)
    check_rate(action=POST, who=str(person.pk))
    result = screen(body, group=thread.group, author=person)
    post = _create_post(
        person=person,
        client_id=client_id,
        group=thread.group,
        thread=thread,
        kind=kind,
        body=body,
        content_warning=content_warning,
        content_warning_text=content_warning_text,
        **_screening_fields(result, content_warning),
    )
    if post.status == PostStatus.PUBLISHED:
        Thread.objects.filter(pk=thread.pk).update(last_posted_at=post.created_at)
    _follow_up(post, result)
    return post


def post_live_message(
    *,
    person: Person,
    group: PeerGroup,
    body: str,
    content_warning: str,
    content_warning_text: str,
    client_id: uuid.UUID,
    held: LiveFacts | None = None,
) -> tuple[Post, bool]:
    """Write a message in the group's live room. Returns (post, created).

    The message is committed when this returns; the broadcast to the room (or, for a
    held message, to its author only) goes out after the commit. A resend with the
    same client id returns the existing message and broadcasts nothing new. A live
    socket passes the facts it keeps (`live_facts.LiveFacts`) as `held`; otherwise
    they are read here. The checks only read, so the one transaction is the insert:
    no savepoint.
    """
    facts = held if held is not None else live_facts_of(person, group)
    room = facts.room
    try:
        membership = check_post_live(person, group, room, facts=facts.posting)
    except PermissionDenied:
        # A resend of a message saved before the room closed (its ack was lost on
        # the way) gets the same answer, so its words never go back in the box to
        # be sent twice.
        existing = _existing(person, client_id)
        if existing is None or existing.room_id is None:
            raise
        _same_place_or_refuse(existing, group=group)
        return _same_words_or_refuse(existing, body=body), False
    assert room is not None
    try:
        check_rate(action=LIVE_MESSAGE, who=str(person.pk))
    except LimitReached:
        # A resend of a message already saved is answered as before, never refused.
        existing = _existing(person, client_id)
        if existing is None:
            raise
        _same_place_or_refuse(existing, group=group)
        return _same_words_or_refuse(existing, body=body), False
    result = screen(body, group=group, author=person, rules=facts.screening_rules)
    # Insert first and let the unique client id find a resend: a resend is rare, a
    # look-up before every insert is not.
    try:
        with transaction.atomic():
            post = Post.objects.create(
                author=person,
                client_id=client_id,
                group=group,
                room=room,
                body=body,
                content_warning=content_warning,
                content_warning_text=content_warning_text,
                **_screening_fields(result, content_warning),
            )
            author_name = membership.display_name
            transaction.on_commit(
                lambda: live.broadcast_new_post(post, author_name=author_name)
            )
            _follow_up(post, result)
    except IntegrityError:
        existing = _existing(person, client_id)
        if existing is None:
            raise
        _same_place_or_refuse(existing, group=group)
        return _same_words_or_refuse(existing, body=body), False
    return post, True


@transaction.atomic
def edit_post(
    *,
    person: Person,
    post: Post,
    body: str,
    content_warning: str,
    content_warning_text: str,
) -> Post:
    """Change one's own post. It is screened again; live rooms see the change."""
    check_edit_post(person, post)
    opening = is_opening(post)
    # An opening is screened with its conversation's title, as when it was started,
    # so details held back in the title never go out with an edit of the words.
    text = f"{post.thread.title}\n{body}" if opening and post.thread else body
    result = screen(text, group=post.group, author=person)
    fields = _screening_fields(result, content_warning)
    if post.status == PostStatus.HIDDEN and fields["status"] == PostStatus.PUBLISHED:
        # A facilitator hid it: the changed words go back to them before anyone
        # else sees them.
        fields["status"] = PostStatus.HELD
    post.body = body
    post.content_warning = content_warning
    post.content_warning_text = content_warning_text
    post.status = str(fields["status"])
    post.screening_reasons = fields["screening_reasons"]
    post.suggested_warning = str(fields["suggested_warning"])
    post.author_notes = fields["author_notes"]
    post.shows_crisis_support = bool(fields["shows_crisis_support"])
    post.screening_urgency = int(str(fields["screening_urgency"]))
    post.edited_at = timezone.now()
    post.save()
    _follow_up(post, result)
    if opening and post.thread_id is not None:
        Thread.objects.filter(pk=post.thread_id).update(status=post.status)
    if post.room_id is not None:
        post_id = post.pk
        transaction.on_commit(lambda: live.broadcast_post(post_id))
    return post


def erased_post_fields() -> dict[str, Any]:
    """The fields of a post blanked when its words are erased, whether its author
    deletes it or erases their account: the words, their warnings, and what screening
    noted about them. The one list both erasures use; new values each call."""
    return {
        "body": "",
        "content_warning": "",
        "content_warning_text": "",
        "suggested_warning": "",
        "screening_reasons": [],
        "author_notes": [],
    }


@transaction.atomic
def delete_post(*, person: Person, post: Post) -> Post:
    """Remove one's own post. The words are erased; a quiet note keeps replies making
    sense. Removing a conversation's opening erases its title too. Live rooms see it
    go."""
    check_delete_post(person, post)
    for name, value in erased_post_fields().items():
        setattr(post, name, value)
    post.deleted_at = timezone.now()
    post.save()
    post.responses.all().delete()
    if post.thread_id is not None and is_opening(post):
        Thread.objects.filter(pk=post.thread_id).update(title="")
    if post.room_id is not None:
        post_id = post.pk
        transaction.on_commit(lambda: live.broadcast_post(post_id))
    return post


# ---- System actions: called by safety and privacy, which check their own rules ----


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


@transaction.atomic
def toggle_response(*, person: Person, post: Post, kind: str) -> bool:
    """Say "I hear you", "thank you" or "me too" to a post, or take it back.
    Only the responses offered for the post (`responses_offered_for`) may be given.
    Returns whether the response is now given."""
    check_respond_to(person, post)
    if kind not in ResponseKind.values:
        raise ValidationError("Please choose one of the responses.")
    deleted, _ = Response.objects.filter(post=post, person=person, kind=kind).delete()
    if deleted:
        return False
    if kind not in responses_offered_for(post):
        # Taking a response back is always possible; giving one needs it offered.
        raise ValidationError("Please choose one of the responses.")
    Response.objects.create(post=post, person=person, kind=kind)
    return True


@transaction.atomic
def set_topic_filters(*, person: Person, choices: Mapping[str, str]) -> None:
    """Keep the person's private choices: fold away (the default) or hide, per topic.
    Their open live sockets pick up the change at once."""
    for topic, choice in choices.items():
        if topic not in Topic.values or choice not in FilterChoice.values:
            raise ValidationError("Please choose for each topic.")
        TopicFilter.objects.update_or_create(
            person=person, topic=topic, defaults={"choice": choice}
        )
    person_id = person.pk
    transaction.on_commit(lambda: live.filters_changed(person_id))


@transaction.atomic
def update_participation(
    *,
    person: Person,
    group: PeerGroup,
    is_just_listening: bool,
    is_named_when_here: bool,
) -> Participation:
    """How the person takes part in this group. Nobody else is told."""
    check_read_group_conversations(person, group)
    participation, _ = Participation.objects.update_or_create(
        person=person,
        group=group,
        defaults={
            "is_just_listening": is_just_listening,
            "is_named_when_here": is_named_when_here,
        },
    )
    return participation


@transaction.atomic
def open_live_room(*, person: Person, group: PeerGroup) -> LiveRoom:
    """A facilitator opens the room for a meeting."""
    check_manage_live_room(person, group)
    room, _ = LiveRoom.objects.get_or_create(group=group)
    room.is_open = True
    room.opened_at = timezone.now()
    room.save()
    transaction.on_commit(lambda: live.room_changed(group.pk, is_open=True))
    return room


@transaction.atomic
def close_live_room(*, person: Person, group: PeerGroup) -> LiveRoom:
    """A facilitator closes the room after a meeting. Everything said stays readable."""
    check_manage_live_room(person, group)
    room, _ = LiveRoom.objects.get_or_create(group=group)
    room.is_open = False
    room.save()
    is_open = room.is_open_now
    transaction.on_commit(lambda: live.room_changed(group.pk, is_open=is_open))
    return room


@transaction.atomic
def set_room_always_open(
    *, person: Person, group: PeerGroup, is_always_open: bool
) -> LiveRoom:
    """The group chooses a room that is always open, or one opened for meetings."""
    check_manage_live_room(person, group)
    room, _ = LiveRoom.objects.get_or_create(group=group)
    room.is_always_open = is_always_open
    room.save()
    is_open = room.is_open_now
    transaction.on_commit(lambda: live.room_changed(group.pk, is_open=is_open))
    return room
