"""Writing in a group: starting a conversation, replying, a live message, editing
and removing one's own post. Each is screened first; the same client id twice
makes one post."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.conversations import live
from alongside.conversations.live_facts import LiveFacts, live_facts_of
from alongside.conversations.models import (
    Post,
    PostStatus,
    Thread,
    Topic,
    is_opening,
)
from alongside.conversations.permissions import (
    check_delete_post,
    check_edit_post,
    check_post_in,
    check_post_live,
    check_reply_in,
)
from alongside.conversations.screening import ScreeningResult, after_screening, screen
from alongside.core.limits import LIVE_MESSAGE, POST, LimitReached, check_rate
from alongside.peergroups.models import PeerGroup


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
