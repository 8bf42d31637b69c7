"""The moderation queue of one group: what waits for a facilitator, most urgent
first (risk to life, then method detail, then everything else, oldest first).

A post waits when it has an open report, or when it is held, hidden and appealed, or
flagged for risk to life, and no decision has been made since it last changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest

from alongside.conversations.models import Post, PostQuerySet, PostStatus
from alongside.peergroups.models import PeerGroup

from .models import HoldAppeal, ModerationDecision, Report

LABELS = {
    "risk_to_life": "Risk to life",
    "method": "Details of ways of self-harm",
    "abuse": "May be hurtful to someone",
    "personal_details": "Someone's personal details",
    "link": "A link",
    "phrase_rule": "A phrase this group checks",
    "crisis_support": "Crisis options shown to the author",
}
URGENCY_LABELS = {3: "Urgent: risk to life", 2: "Soon", 1: "When you can"}


@dataclass
class QueueEntry:
    post: Post
    urgency: int
    labels: list[str]
    reports: list[Report] = field(default_factory=list)
    appeals: list[HoldAppeal] = field(default_factory=list)

    @property
    def urgency_label(self) -> str:
        return URGENCY_LABELS.get(self.urgency, "When you can")


def _waiting(group: PeerGroup):  # type: ignore[no-untyped-def]
    latest_appeal = Subquery(
        HoldAppeal.objects.filter(post=OuterRef("pk"))
        .values("post")
        .annotate(at=Max("created_at"))
        .values("at")[:1]
    )
    changed = Greatest(
        Coalesce("edited_at", "created_at"), Coalesce(latest_appeal, "created_at")
    )
    return (
        Post.objects.filter(group=group, deleted_at__isnull=True)
        .annotate(
            changed_at=changed,
            has_open_report=Exists(
                Report.objects.filter(post=OuterRef("pk"), resolved_at__isnull=True)
            ),
        )
        .annotate(
            decided=Exists(
                ModerationDecision.objects.filter(
                    post=OuterRef("pk"), created_at__gte=OuterRef("changed_at")
                )
            ),
            appealed=Exists(HoldAppeal.objects.filter(post=OuterRef("pk"))),
        )
        .filter(
            Q(has_open_report=True)
            | (
                (
                    Q(status=PostStatus.HELD)
                    | Q(screening_urgency__gte=3)
                    | Q(status=PostStatus.HIDDEN, appealed=True)
                )
                & Q(decided=False)
            )
        )
    )


def waiting_for_decision(group: PeerGroup) -> PostQuerySet:
    """The posts in the group in a state the policy names as waiting for a decision:
    reported, held, flagged for risk to life, or hidden and appealed. Only these may
    be opened to decide about, so only these justify a staff read of their words."""
    return _waiting(group)  # type: ignore[no-any-return]


def queue_for(group: PeerGroup, limit: int = 200) -> list[QueueEntry]:
    posts = list(_waiting(group).with_author_name().order_by("created_at")[:limit])
    return _entries(posts)


def entry_for(post: Post) -> QueueEntry | None:
    """The queue entry of one post, or None when it is not waiting."""
    return next(iter(_entries(list(_waiting(post.group).filter(pk=post.pk)))), None)


def _entries(posts: list[Post]) -> list[QueueEntry]:
    reports: dict[int, list[Report]] = {}
    for report in Report.objects.filter(
        post__in=[p.pk for p in posts], resolved_at__isnull=True
    ):
        reports.setdefault(report.post_id, []).append(report)
    appeals: dict[int, list[HoldAppeal]] = {}
    for appeal in HoldAppeal.objects.filter(post__in=[p.pk for p in posts]):
        appeals.setdefault(appeal.post_id, []).append(appeal)
    entries = []
    for post in posts:
        post_reports = reports.get(post.pk, [])
        urgency = max(
            [post.screening_urgency, 1 if post.status == PostStatus.HELD else 0]
            + [report.urgency for report in post_reports]
        )
        labels = [LABELS.get(str(r), str(r)) for r in post.screening_reasons]
        entries.append(
            QueueEntry(
                post=post,
                urgency=max(urgency, 1),
                labels=labels,
                reports=post_reports,
                appeals=appeals.get(post.pk, []),
            )
        )
    entries.sort(key=lambda entry: (-entry.urgency, entry.post.created_at))
    return entries


def seen_state(post: Post) -> str:
    """What a facilitator saw of a post when they opened it: its latest decision and
    its last edit. A decision sent from a page that showed an older state is stopped,
    so nobody overturns a decision, or shares an edit, that they have not seen."""
    latest = post.decisions.order_by("-pk").values_list("pk", flat=True).first()
    edited = post.edited_at.isoformat() if post.edited_at else ""
    return f"{latest or 0}:{edited}"


def queue_size(group: PeerGroup) -> int:
    return _waiting(group).count()  # type: ignore[no-any-return]
