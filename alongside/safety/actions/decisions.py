"""Moderation decisions on a post, the author's reply to one, and reaching out
privately about a decision."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.conversations.actions import (
    pause_posting,
    set_post_status,
)
from alongside.conversations.models import Post, PostStatus, Topic
from alongside.notifications.actions import notify
from alongside.organisations.permissions import is_staff
from alongside.privateconversations import actions as private_actions
from alongside.safety.actions.escalations import take_up
from alongside.safety.actions.shared import tell_staff
from alongside.safety.models import (
    DecisionAction,
    Escalation,
    EventKind,
    ModerationDecision,
    Report,
)
from alongside.safety.permissions import (
    check_decide_on,
    check_reply_to_decision,
)
from alongside.safety.queue import seen_state

NEEDS_NOTE = {
    DecisionAction.REACH_OUT,
    DecisionAction.ASK_TO_EDIT,
    DecisionAction.HIDE,
    DecisionAction.PAUSE_POSTING,
}


_AUTHOR_MESSAGES = {
    DecisionAction.PUBLISH: "A facilitator has looked at your post in {group}, and "
    "it is now shared.",
    DecisionAction.PUBLISH_WITH_WARNING: "A facilitator has shared your post in "
    "{group} with a content warning, so others can choose when to read it.",
    DecisionAction.REACH_OUT: "A facilitator in {group} has written you a private "
    "note.",
    DecisionAction.ASK_TO_EDIT: "A facilitator in {group} has asked if you could "
    "change one of your posts. Their note says why.",
    DecisionAction.HIDE: "A facilitator in {group} has hidden one of your posts. "
    "Their note says why, and you can reply.",
    DecisionAction.PAUSE_POSTING: "A facilitator in {group} has paused your posting "
    "for a little while. Their note says why, and you can reply.",
}


_ALREADY_SHARED_MESSAGES = {
    DecisionAction.PUBLISH: "A facilitator has looked at your post in {group}. It "
    "stays shared.",
    DecisionAction.PUBLISH_WITH_WARNING: "A facilitator has added a content warning "
    "to your post in {group}, so others can choose when to read it.",
}


@transaction.atomic
def decide_on_post(
    *,
    person: Person,
    post: Post,
    action: str,
    reason: str,
    note_to_author: str = "",
    content_warning: str = "",
    pause_days: int | None = None,
    seen: str = "",
) -> ModerationDecision:
    """A facilitator decides about a post in the queue, with a reason for the record.
    Never about their own post: someone else on the team decides (`can_decide_on`).

    `seen` is what the facilitator saw (`queue.seen_state`) when they opened the post;
    if someone has decided about it, or its author has changed it, since then, nothing
    is done and they are asked to look again (code "stale").

    Publishing shares it (with a content warning if chosen); hiding keeps it for its
    author only, with a note; pausing stops the author posting in the group until a
    date (reading goes on). Open reports about the post are resolved and each
    reporter is told, in general terms, that it was looked at. The author is told what
    happened and can reply.
    """
    group = post.group
    check_decide_on(person, post)
    if seen and seen != seen_state(post):
        raise ValidationError(
            "While you were deciding, someone else has decided about this post, or "
            "its author has changed it. Please look at it again: what you wrote is "
            "still here, and you can save it if it still feels right.",
            code="stale",
        )
    if action not in DecisionAction.values:
        raise ValidationError({"action": "Please choose what to do."})
    reason = reason.strip()
    note_to_author = note_to_author.strip()
    if not reason:
        raise ValidationError({"reason": "Please say briefly why, for the record."})
    if action in NEEDS_NOTE and not note_to_author:
        raise ValidationError(
            {"note_to_author": "Please write a few kind words to the author."}
        )
    if action == DecisionAction.PUBLISH_WITH_WARNING and (
        content_warning not in Topic.values
    ):
        raise ValidationError({"content_warning": "Please choose a content warning."})
    paused_until: datetime | None = None
    if action == DecisionAction.PAUSE_POSTING:
        if not pause_days or not 1 <= pause_days <= 30:
            raise ValidationError(
                {"pause_days": "Please choose between 1 and 30 days."}
            )
        paused_until = timezone.now() + timedelta(days=pause_days)

    was_shared = post.status == PostStatus.PUBLISHED
    if action == DecisionAction.PUBLISH:
        set_post_status(post=post, status=PostStatus.PUBLISHED)
    elif action == DecisionAction.PUBLISH_WITH_WARNING:
        set_post_status(
            post=post, status=PostStatus.PUBLISHED, content_warning=content_warning
        )
    elif action == DecisionAction.HIDE:
        set_post_status(post=post, status=PostStatus.HIDDEN)
    elif (
        action == DecisionAction.PAUSE_POSTING
        and post.author is not None
        and paused_until is not None
    ):
        # A former member's words have no one left to pause.
        pause_posting(person=post.author, group=group, until=paused_until)

    decision = ModerationDecision.objects.create(
        post=post,
        group=group,
        decided_by=person,
        action=action,
        reason=reason,
        note_to_author=note_to_author,
        content_warning=content_warning
        if action == DecisionAction.PUBLISH_WITH_WARNING
        else "",
        paused_until=paused_until,
    )
    tell_staff(group.organisation_id)
    for escalation in Escalation.objects.filter(post=post):
        take_up(escalation, person, EventKind.DECIDED)
    reports = list(Report.objects.filter(post=post, resolved_at__isnull=True))
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(
        resolved_at=timezone.now()
    )
    reporters = {r.reporter_id: r.reporter for r in reports}
    notify(
        people=reporters.values(),
        message=f"Thank you for your report in {group.name}. A facilitator has looked "
        "at it and done what they felt was right.",
    )
    if _reach_out_privately(person, post, decision):
        # Their note is a message in the private conversation, which tells them.
        return decision
    message = _AUTHOR_MESSAGES[DecisionAction(action)]
    if was_shared:
        # Looked at after a report: it was shared all along.
        message = _ALREADY_SHARED_MESSAGES.get(DecisionAction(action), message)
    notify(
        people=[post.author] if post.author is not None else [],
        message=message.format(group=group.name),
        link=reverse("safety:decision-detail", kwargs={"decision_id": decision.pk}),
    )
    return decision


# What the private conversation says a decision's note is about: system words.
_REACHING_OUT_ABOUT = {
    DecisionAction.REACH_OUT: "A facilitator has read one of your posts in {group} "
    "and would like to talk with you about it.",
    DecisionAction.ASK_TO_EDIT: "A facilitator has asked if you could change one of "
    "your posts in {group}. Their note says why, and you can reply here.",
}


def _reach_out_privately(
    person: Person, post: Post, decision: ModerationDecision
) -> bool:
    """ "Reach out privately" and "ask the author to edit" from someone on the team
    become a message in the author's private conversation with the team, where
    they can reply as often as they like. Returns whether it was sent so. A
    facilitator who is not staff of the organisation leaves the note with the
    decision, as before."""
    about = _REACHING_OUT_ABOUT.get(DecisionAction(decision.action))
    author = post.author
    organisation = post.group.organisation
    if about is None or author is None or not is_staff(person, organisation):
        return False
    private_actions.reach_out(
        person=person,
        with_person=author,
        organisation=organisation,
        group=post.group,
        about=about.format(group=post.group.name),
        body=decision.note_to_author,
        client_id=uuid.uuid5(uuid.NAMESPACE_URL, f"alongside:decision:{decision.pk}"),
    )
    return True


@transaction.atomic
def reply_to_decision(
    *, person: Person, decision: ModerationDecision, reply: str
) -> ModerationDecision:
    """The author's short reply, kept with the decision. The facilitator is told."""
    check_reply_to_decision(person, decision)
    reply = reply.strip()
    if not reply:
        raise ValidationError({"reply": "Please write a few words, or go back."})
    decision.author_reply = reply
    decision.replied_at = timezone.now()
    decision.save(update_fields=["author_reply", "replied_at"])
    decider = decision.decided_by
    if decider is not None and is_staff(decider, decision.group.organisation):
        # The reply opens (or carries on) their private conversation, with no cap
        # on what follows; that tells the facilitator.
        private_actions.reply_to_team_member(
            person=person,
            team_member=decider,
            organisation=decision.group.organisation,
            group=decision.group,
            body=reply,
            client_id=uuid.uuid5(
                uuid.NAMESPACE_URL, f"alongside:decision-reply:{decision.pk}"
            ),
        )
        return decision
    if decision.decided_by is not None:
        notify(
            people=[decision.decided_by],
            message=f"An author in {decision.group.name} has replied to your decision.",
            link=reverse("safety:decision-detail", kwargs={"decision_id": decision.pk}),
        )
    return decision
