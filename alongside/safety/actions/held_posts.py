"""An author's own held post: removing details in one click, and appealing."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.conversations.actions import (
    edit_post,
    redact_thread_title,
)
from alongside.conversations.models import Post, is_opening
from alongside.notifications.actions import notify
from alongside.safety.actions.shared import tell_staff
from alongside.safety.models import (
    HoldAppeal,
)
from alongside.safety.permissions import (
    check_appeal,
    check_redact_own_post,
    people_who_may_decide_on,
)


@transaction.atomic
def redact_own_post(*, person: Person, post: Post) -> Post:
    """Remove the personal details screening found, in one click, and screen again.

    Precondition: the author's own held post. The post body is screened afresh so the
    spans match exactly what is stored now.
    """
    from alongside.safety.screening.pipeline import apply_redactions
    from alongside.safety.screening.posts import screen_post

    check_redact_own_post(person, post)
    title_redacted = False
    thread = post.thread if is_opening(post) else None
    if thread is not None:
        # The title is screened with the opening, so its details go too.
        in_title = screen_post(thread.title, group=post.group, author=person)
        if in_title.redactions:
            redact_thread_title(
                thread=thread,
                title=apply_redactions(thread.title, in_title.redactions),
            )
            title_redacted = True
    result = screen_post(post.body, group=post.group, author=person)
    if not result.redactions and not title_redacted:
        return post
    body = apply_redactions(post.body, result.redactions)
    return edit_post(
        person=person,
        post=post,
        body=body,
        content_warning=post.content_warning,
        content_warning_text=post.content_warning_text,
    )


@transaction.atomic
def appeal_hold(*, person: Person, post: Post, note: str = "") -> HoldAppeal:
    """Ask a facilitator to look again. Facilitators are told there is an appeal,
    once until they decide: asking again adds the new note without telling them
    twice, and the same request sent twice (a double click) is kept once."""
    check_appeal(person, post)
    note = note.strip()
    waiting = HoldAppeal.objects.filter(
        post=post, created_at__gte=post.edited_at or post.created_at
    )
    decided_at = (
        post.decisions.order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if decided_at is not None:
        waiting = waiting.filter(created_at__gt=decided_at)
    earlier = list(waiting)
    for appeal in earlier:
        if appeal.note == note:
            return appeal
    appeal = HoldAppeal.objects.create(post=post, note=note)
    if earlier:
        return appeal
    group = post.group
    tell_staff(group.organisation_id)
    notify(
        people=people_who_may_decide_on(post),
        message=f"Someone in {group.name} has asked for another look at a held post.",
        link=reverse("safety:queue", kwargs={"group_id": group.pk}),
    )
    return appeal
