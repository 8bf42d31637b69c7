"""The safety notes under a post: what the author is told after screening (with the
crisis card), and short guidance for others replying. Reads only."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.context import Context

from alongside.conversations.models import Post, PostStatus

register = template.Library()

AFTER_SCREENING = "safety/includes/after_screening.html"


@register.simple_tag(takes_context=True)
def after_screening(context: Context, post: Post, viewer_id: int | None) -> str:
    """What screening says under a post to one viewer (AFTER_SCREENING), rendered as
    an inclusion tag renders its template; or nothing, unrendered, for the posts it
    says nothing about (most of them; `says_something`)."""
    is_author = viewer_id is not None and post.author_id == viewer_id
    if not says_something(post, is_author=is_author):
        return ""
    notes = context.new(_after_screening(post, is_author=is_author))
    csrf_token = context.get("csrf_token")
    if csrf_token is not None:
        notes["csrf_token"] = csrf_token
    assert context.template is not None
    shown: str = context.template.engine.get_template(AFTER_SCREENING).render(notes)
    return shown


def says_something(post: Post, *, is_author: bool) -> bool:
    """Whether AFTER_SCREENING shows this viewer anything: the same conditions as
    its outer branches. To its author: a held or hidden post, a crisis card, or the
    guidance on responding safely; to others, the guidance on replying to a post
    that shows crisis support."""
    if not is_author:
        return post.shows_crisis_support and post.status == PostStatus.PUBLISHED
    return not post.is_deleted and (
        post.status in (PostStatus.HELD, PostStatus.HIDDEN)
        or post.shows_crisis_support
        or "responding_safely" in post.screening_reasons
    )


def _after_screening(post: Post, *, is_author: bool) -> dict[str, Any]:
    from alongside.organisations.models import SupportService

    from ..models import Escalation, ModerationDecision

    context: dict[str, Any] = {
        "post": post,
        "is_author": is_author,
        "shows_guidance": not is_author
        and post.shows_crisis_support
        and post.status == PostStatus.PUBLISHED,
    }
    if not is_author or post.is_deleted:
        return context
    if post.shows_crisis_support:
        context["support_services"] = list(
            SupportService.objects.filter(
                organisation_id=post.group.organisation_id, is_urgent=True
            )[:4]
        )
        escalation = (
            Escalation.objects.filter(post=post).order_by("-created_at").first()
        )
        context["escalation"] = escalation
        # Only promise a message when someone was actually alerted.
        context["someone_alerted"] = (
            escalation is not None and escalation.alerted.exists()
        )
        context.update(_team_notice(post, escalation))
    if post.status in (PostStatus.HIDDEN, PostStatus.HELD):
        context["decision"] = (
            ModerationDecision.objects.filter(post=post).order_by("-pk").first()
        )
    if post.status == PostStatus.HELD and context["decision"] is not None:
        # Decided about (asked to change it, say) and not changed since: nobody is
        # still to look, so the author is not told that someone will.
        from ..queue import waiting_for_decision

        context["is_decided"] = (
            not waiting_for_decision(post.group).filter(pk=post.pk).exists()
        )
    return context


def _team_notice(post: Post, escalation: Any) -> dict[str, Any]:
    """What the team has done about the post, in plain words, and their latest
    private message to its author (which the notice socket keeps up to date)."""
    from alongside.privateconversations.notices import (
        open_team_conversation,
        team_notice_context,
    )

    from ..models import EventKind

    organisation = post.group.organisation
    conversation = (
        open_team_conversation(post.author, organisation)
        if post.author is not None
        else None
    )
    notice = (
        team_notice_context(conversation)
        if conversation is not None
        else {"organisation": organisation, "latest": None, "conversation": None}
    )
    kinds = (
        set(escalation.events.values_list("kind", flat=True))
        if escalation is not None
        else set()
    )
    return {
        "notice": notice,
        "team_said_they_will_message": EventKind.ACKNOWLEDGED in kinds,
    }


@register.inclusion_tag("safety/includes/queue_link.html", takes_context=True)
def queue_link(context: dict[str, Any], group: Any) -> dict[str, Any]:
    """A link to the group's moderation queue, for those who may see it."""
    from ..permissions import can_see_queue
    from ..queue import queue_size

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not can_see_queue(user, group):
        return {"group": None}
    return {
        "group": group,
        "waiting": queue_size(group),
        "current": context.get("current"),
    }


# What a decision means, in words written for the post's author (the choices'
# labels are written for the facilitator choosing).
_FOR_AUTHOR = {
    "publish": "Your post was shared as it is",
    "publish_with_warning": "Your post was shared with a content warning, so "
    "others can choose when to read it",
    "reach_out": "A facilitator wrote to you privately about your post",
    "ask_to_edit": "A facilitator asked if you could change your post",
    "hide": "Your post was hidden, so only you can see it",
    "pause_posting": "Your posting in the group is paused for a while; you can "
    "still read",
}


@register.filter
def for_author(action: str) -> str:
    """A decision's action in words for the author of the post."""
    return _FOR_AUTHOR.get(str(action), "A facilitator looked at your post")
