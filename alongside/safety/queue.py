"""The moderation queue of one group: what waits for a facilitator, most urgent
first: risk to life by its urgency (a plan, a time or a goodbye; intent; warning
signs; signs built up over recent posts), then method detail, then everything else,
oldest first within each level.

A post waits when it has an open report, or when it is held, hidden and appealed, or
flagged for risk to life, and no decision has been made since it last changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest

from alongside.conversations.models import Post, PostQuerySet, PostStatus
from alongside.peergroups.models import PeerGroup

from .models import HoldAppeal, ModerationDecision, Report
from .screening.risk import URGENCY_NAMES

LABELS = {
    "risk_to_life": "Risk to life",
    "method": "Details of ways of self-harm",
    "abuse": "May be hurtful to someone",
    "personal_details": "Someone's personal details",
    "link": "A link",
    "phrase_rule": "A phrase this group checks",
    "crisis_support": "Crisis options shown to the author",
    "self_harm_now": "Wants to self-harm now",
    "concern_for_someone": "Worried about someone else",
    "responding_safely": "Guidance on responding safely shown to the author",
}
URGENCY_LABELS = {
    **URGENCY_NAMES,
    2: "Soon: details of ways of self-harm",
    1: "When you can",
}


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
    return _waiting_among(Post.objects.filter(group=group, deleted_at__isnull=True))


def _waiting_among(posts: QuerySet[Post]):  # type: ignore[no-untyped-def]
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
        posts.annotate(
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


@dataclass
class Waiting:
    """What waits in one group's queue, in counts only (never words)."""

    group_id: int
    group_name: str
    held: int = 0
    reported: int = 0
    appealed: int = 0  # hidden, and its author asked for another look
    at_risk: int = 0  # shared, and screening found a risk to life
    since: datetime | None = None

    @property
    def total(self) -> int:
        return self.held + self.reported + self.appealed + self.at_risk


def waiting_by_group(groups: QuerySet[PeerGroup]) -> list[Waiting]:
    """What waits in each of these groups' queues, with how long the longest has
    waited: one query, however many groups and posts. Groups with nothing waiting
    are left out. A post counts once: held, else reported, else appealed, else
    flagged for a risk to life."""
    first_report = Subquery(
        Report.objects.filter(post=OuterRef("pk"), resolved_at__isnull=True)
        .order_by("created_at")
        .values("created_at")[:1]
    )
    rows = (
        _waiting_among(Post.objects.filter(group__in=groups, deleted_at__isnull=True))
        .annotate(reported_at=first_report)
        .values(
            "group_id",
            "group__name",
            "status",
            "has_open_report",
            "changed_at",
            "reported_at",
        )
        .order_by("group__name", "group_id")
    )
    found: dict[int, Waiting] = {}
    for row in rows:
        waiting = found.setdefault(
            row["group_id"], Waiting(row["group_id"], row["group__name"])
        )
        since = row["changed_at"]
        if row["status"] == PostStatus.HELD:
            waiting.held += 1
        elif row["has_open_report"]:
            waiting.reported += 1
            since = row["reported_at"] or since
        elif row["status"] == PostStatus.HIDDEN:
            waiting.appealed += 1
        else:
            waiting.at_risk += 1
        if waiting.since is None or since < waiting.since:
            waiting.since = since
    return list(found.values())
