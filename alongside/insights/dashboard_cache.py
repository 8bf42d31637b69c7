"""The dashboard, kept for a few minutes once built, so that an admin moving
between filters and quarters does not count 100,000 answers again each time.

Why this is safe:
- what is kept is the finished dashboard: every figure already through disclosure
  control, the narrowing guard already applied, the charts already drawn. Nobody's
  words are in it, and nothing is shown from it that was not shown when it was
  built;
- the dashboard shows only whole quarters that have ended. A new answer is dated
  the day it is given, so it falls in the current quarter and never changes what is
  kept. Only late records change an ended quarter (an incident logged after the
  event, a head count entered late, answers removed by the retention rules): they
  show within `KEPT_FOR`;
- the key holds everything the figures depend on: the organisation, the filters,
  and the quarters themselves, so a new quarter starts afresh the day it is
  published. `VERSION` changes whenever what is kept changes shape.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache

from alongside.organisations.models import Organisation

from .dashboard import Dashboard, build_dashboard
from .rates import Filters, last_quarters

KEPT_FOR = timedelta(minutes=10)
VERSION = 2


def dashboard_key(
    organisation: Organisation, filters: Filters, quarter_count: int
) -> str:
    quarters = last_quarters(quarter_count)
    return ":".join(
        str(part)
        for part in (
            "insights-dashboard",
            VERSION,
            organisation.pk,
            filters.group_id or "",
            filters.setting,
            quarters[0].start.isoformat(),
            quarters[-1].end.isoformat(),
        )
    )


def cached_dashboard(
    *, organisation: Organisation, filters: Filters, quarter_count: int = 4
) -> Dashboard:
    """The dashboard as built at most `KEPT_FOR` ago, or built now and kept."""
    key = dashboard_key(organisation, filters, quarter_count)
    found = cache.get(key)
    if isinstance(found, Dashboard):
        return found
    dashboard = build_dashboard(
        organisation=organisation, filters=filters, quarter_count=quarter_count
    )
    cache.set(key, dashboard, timeout=int(KEPT_FOR.total_seconds()))
    return dashboard
