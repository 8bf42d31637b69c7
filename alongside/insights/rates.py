"""Incident rates by quarter: per 100 meetings held and per 100 attendances (the
facilitators' head counts), with exact Poisson 95% intervals, by category and by
severity, every count through disclosure control. Reads only.

Denominators: meetings held come from `Occurrence.objects.held_between` (not
cancelled, already begun); attendances are the sum of the head counts entered for
those meetings (meetings without a head count add none). Incidents come from the
safety incident log, by the day they happened. Quarters are whole calendar
quarters that have ended, the only periods published, so that no custom range can
be cut out of one (see `core.disclosure.range_refusal`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from alongside.core.disclosure import (
    Figure,
    Table,
    narrowing_refusal,
    people,
    protect_table,
    quarter_start,
    rate,
    things,
)
from alongside.meetings.models import Occurrence, OccurrenceQuerySet
from alongside.organisations.models import Organisation
from alongside.safety.models import Incident, IncidentCategory, Severity

from .poisson import rate_interval


@dataclass(frozen=True)
class Quarter:
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.start.year} Q{(self.start.month - 1) // 3 + 1}"

    def bounds(self) -> tuple[datetime, datetime]:
        zone = ZoneInfo(settings.TIME_ZONE)
        return (
            datetime.combine(self.start, time(), zone),
            datetime.combine(self.end, time(), zone),
        )


def last_quarters(count: int, today: date | None = None) -> list[Quarter]:
    """The `count` most recent quarters that have ended, oldest first."""
    end = quarter_start(today or timezone.localdate())
    found: list[Quarter] = []
    for _ in range(count):
        start = quarter_start(end - timedelta(days=1))
        found.append(Quarter(start=start, end=end))
        end = start
    return list(reversed(found))


@dataclass(frozen=True)
class Filters:
    group_id: int | None = None
    setting: str = ""  # a group format, or "" for all

    @property
    def is_whole_organisation(self) -> bool:
        return self.group_id is None and not self.setting


@dataclass(frozen=True)
class QuarterRates:
    quarter: Quarter
    meetings: Figure
    attendances: Figure
    incidents: Figure
    per_100_meetings: float | None
    meetings_interval: tuple[float, float] | None
    per_100_attendances: float | None
    attendances_interval: tuple[float, float] | None


@dataclass(frozen=True)
class IncidentFigures:
    quarters: list[Quarter]
    rates: list[QuarterRates]
    by_category: Table
    by_severity: Table
    refusal: str = ""


def _occurrences(organisation: Organisation, filters: Filters) -> OccurrenceQuerySet:
    found: OccurrenceQuerySet = Occurrence.objects.filter(
        meeting__group__organisation=organisation
    )
    if filters.group_id is not None:
        found = found.filter(meeting__group_id=filters.group_id)
    if filters.setting:
        found = found.filter(meeting__group__format=filters.setting)
    return found


def _incidents(organisation: Organisation, filters: Filters) -> QuerySet[Incident]:
    found = Incident.objects.filter(organisation=organisation)
    if filters.group_id is not None:
        found = found.filter(group_id=filters.group_id)
    if filters.setting:
        found = found.filter(group__format=filters.setting)
    return found


@dataclass(frozen=True)
class _Counts:
    meetings: list[int]
    attendances: list[int]
    categories: list[list[int]]  # [category][quarter]
    severities: list[list[int]]


def _counts(
    organisation: Organisation, filters: Filters, quarters: list[Quarter]
) -> _Counts:
    meetings, attendances = [], []
    categories = [[0] * len(quarters) for _ in IncidentCategory.values]
    severities = [[0] * len(quarters) for _ in Severity.values]
    category_row = {value: i for i, value in enumerate(IncidentCategory.values)}
    severity_row = {value: i for i, value in enumerate(Severity.values)}
    occurrences = _occurrences(organisation, filters)
    incidents = _incidents(organisation, filters)
    for column, quarter in enumerate(quarters):
        start, end = quarter.bounds()
        held = occurrences.held_between(start=start, end=end).aggregate(
            meetings=Count("pk"), attendances=Sum("head_count")
        )
        meetings.append(held["meetings"])
        attendances.append(held["attendances"] or 0)
        rows = (
            incidents.filter(occurred_at__gte=start, occurred_at__lt=end)
            .values_list("category", "severity")
            .annotate(n=Count("pk"))
        )
        for category, severity, n in rows:
            categories[category_row[category]][column] += n
            severities[severity_row[severity]][column] += n
    return _Counts(meetings, attendances, categories, severities)


def _flat(counts: _Counts) -> list[int]:
    return [
        *counts.attendances,
        *(n for row in counts.categories for n in row),
        *(n for row in counts.severities for n in row),
        *(sum(column) for column in zip(*counts.categories, strict=True)),
    ]


def incident_figures(
    *,
    organisation: Organisation,
    filters: Filters,
    quarters: list[Quarter],
) -> IncidentFigures:
    """Rates and tables for the quarters. A narrower view (a group, a kind of
    meeting) is refused when, beside the whole organisation's figures, it would
    leave a hidden count (`narrowing_refusal`)."""
    counts = _counts(organisation, filters, quarters)
    refusal = ""
    if not filters.is_whole_organisation:
        whole = _counts(organisation, Filters(), quarters)
        refusal = narrowing_refusal(_flat(whole), _flat(counts))
    labels = [quarter.label for quarter in quarters]
    by_category = protect_table(IncidentCategory.labels, labels, counts.categories)
    by_severity = protect_table(Severity.labels, labels, counts.severities)
    counted = people if not filters.is_whole_organisation else things
    rates = []
    for column, quarter in enumerate(quarters):
        incidents = sum(row[column] for row in counts.categories)
        meetings = things(counts.meetings[column])
        attendances = counted(counts.attendances[column])
        incident_figure = counted(incidents)
        per_meeting = rate(incident_figure, meetings)
        per_attendance = rate(incident_figure, attendances)
        rates.append(
            QuarterRates(
                quarter=quarter,
                meetings=meetings,
                attendances=attendances,
                incidents=incident_figure,
                per_100_meetings=per_meeting,
                meetings_interval=rate_interval(incidents, meetings.exact)
                if per_meeting is not None
                else None,
                per_100_attendances=per_attendance,
                attendances_interval=rate_interval(incidents, attendances.exact)
                if per_attendance is not None
                else None,
            )
        )
    return IncidentFigures(
        quarters=quarters,
        rates=rates,
        by_category=by_category,
        by_severity=by_severity,
        refusal=refusal,
    )
