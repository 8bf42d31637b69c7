"""Incident rates for dashboards: per 100 meetings and per 1,000 posts.

Meetings do not exist yet. Until they do, a *meeting* is counted as a day on which a
group's live room had at least one message (a stand-in for a live session; replace
`_meetings` when alongside.meetings lands). Posts are thread and live messages,
excluding removed ones. Rates are None when there is nothing to divide by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models.functions import TruncDate

from alongside.conversations.models import Post
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup

from .models import Incident


@dataclass(frozen=True)
class IncidentRates:
    incidents: int
    meetings: int
    posts: int

    @property
    def per_100_meetings(self) -> float | None:
        return round(100 * self.incidents / self.meetings, 2) if self.meetings else None

    @property
    def per_1000_posts(self) -> float | None:
        return round(1000 * self.incidents / self.posts, 2) if self.posts else None


def incident_rates(
    *,
    organisation: Organisation,
    group: PeerGroup | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> IncidentRates:
    incidents = Incident.objects.filter(organisation=organisation)
    posts = Post.objects.filter(group__organisation=organisation, deleted_at=None)
    if group is not None:
        incidents = incidents.filter(group=group)
        posts = posts.filter(group=group)
    if since is not None:
        incidents = incidents.filter(occurred_at__gte=since)
        posts = posts.filter(created_at__gte=since)
    if until is not None:
        incidents = incidents.filter(occurred_at__lt=until)
        posts = posts.filter(created_at__lt=until)
    meetings = (
        posts.filter(room__isnull=False)
        .annotate(day=TruncDate("created_at"))
        .values("group_id", "day")
        .distinct()
        .count()
    )
    return IncidentRates(
        incidents=incidents.count(), meetings=meetings, posts=posts.count()
    )
