"""Which posts an open safety concern still needs: retention keeps them, and a
group is not deleted while it has any.

A post is needed while any of these is open about it:
- it is held, waiting for a facilitator's check (its status is "held"), and no
  facilitator has decided about it since it last changed or its author last asked
  for another look (after "ask the author to change it", the post waits on its
  author, not on anyone keeping people safe);
- a member's report about it has not been resolved;
- an alert (escalation) about it is still waiting for someone to acknowledge it;
- an incident made from an alert or a moderation decision about it is not closed.
  Incidents have no "closed" mark yet: one counts as open until its outcome is
  written and any follow-up date has passed.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from alongside.conversations.models import Post, PostQuerySet, PostStatus
from alongside.peergroups.models import PeerGroup
from alongside.safety.models import (
    Escalation,
    EscalationStatus,
    HoldAppeal,
    Incident,
    ModerationDecision,
    Report,
)


def open_incidents() -> Q:
    """Incidents that are not closed (see the module's docstring)."""
    return Q(outcome="") | Q(follow_up_by__gte=timezone.localdate())


def under_open_safety_item() -> Q:
    """A filter for posts an open safety concern still needs. Use on Post."""
    post = OuterRef("pk")
    open_report = Report.objects.filter(post=post, resolved_at__isnull=True)
    open_alert = Escalation.objects.filter(post=post, status=EscalationStatus.ALERTING)
    open_incident = Incident.objects.filter(open_incidents()).filter(
        Q(escalation__post=post) | Q(decision__post=post)
    )
    decided = ModerationDecision.objects.filter(
        post=post,
        created_at__gte=Coalesce(OuterRef("edited_at"), OuterRef("created_at")),
    ).exclude(
        Exists(
            HoldAppeal.objects.filter(
                post=OuterRef("post"), created_at__gt=OuterRef("created_at")
            )
        )
    )
    return (
        (Q(status=PostStatus.HELD) & ~Q(Exists(decided)))
        | Q(Exists(open_report))
        | Q(Exists(open_alert))
        | Q(Exists(open_incident))
    )


def posts_under_open_safety_items() -> PostQuerySet:
    return Post.objects.filter(under_open_safety_item())


def open_safety_items_in(group: PeerGroup) -> int:
    """How many posts in the group an open safety concern still needs, plus alerts
    about the group still waiting for someone (a group is not deleted under them)."""
    posts = Post.objects.filter(group=group).filter(under_open_safety_item()).count()
    alerts = Escalation.objects.filter(
        group=group, status=EscalationStatus.ALERTING, post__isnull=True
    ).count()
    return posts + alerts
