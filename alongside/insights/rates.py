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
from django.db.models import Case, Count, IntegerField, Sum, Value, When
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
from alongside.meetings.models import Occurrence
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
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


def _chosen_groups(organisation: Organisation, filters: Filters) -> list[int]:
    """The ids of the groups a narrower view keeps (a group, a kind of meeting)."""
    groups = PeerGroup.objects.filter(organisation=organisation)
    if filters.group_id is not None:
        groups = groups.filter(pk=filters.group_id)
    if filters.setting:
        groups = groups.filter(format=filters.setting)
    return list(groups.values_list("pk", flat=True))


def _quarter_of(field: str, quarters: list[Quarter]) -> Case:
    """The index of the quarter a row falls in, worked out in the database."""
    return Case(
        *(
            When(**{f"{field}__lt": quarter.bounds()[1]}, then=Value(index))
            for index, quarter in enumerate(quarters)
        ),
        output_field=IntegerField(),
    )


def _chosen(field: str, groups: list[int] | None) -> Case | Value:
    """1 for a row of the narrower view, 0 for the rest of the organisation; 1 for
    every row when the view is the whole organisation."""
    if groups is None:
        return Value(1)
    return Case(
        When(**{f"{field}__in": groups}, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


@dataclass(frozen=True)
class _Counts:
    meetings: list[int]
    attendances: list[int]
    categories: list[list[int]]  # [category][quarter]
    severities: list[list[int]]


def _empty(quarters: list[Quarter]) -> _Counts:
    return _Counts(
        meetings=[0] * len(quarters),
        attendances=[0] * len(quarters),
        categories=[[0] * len(quarters) for _ in IncidentCategory.values],
        severities=[[0] * len(quarters) for _ in Severity.values],
    )


def _counts(
    organisation: Organisation, filters: Filters, quarters: list[Quarter]
) -> tuple[_Counts, _Counts]:
    """The counts of the view chosen and of the whole organisation, each quarter's,
    in one grouped query per table however many quarters (the whole
    organisation's are the sum of both parts of each group)."""
    groups = (
        None if filters.is_whole_organisation else _chosen_groups(organisation, filters)
    )
    part, rest = _empty(quarters), _empty(quarters)
    start, _ = quarters[0].bounds()
    _, end = quarters[-1].bounds()
    held = (
        Occurrence.objects.filter(meeting__group__organisation=organisation)
        .held_between(start=start, end=end)
        .annotate(
            quarter=_quarter_of("starts_at", quarters),
            chosen=_chosen("meeting__group_id", groups),
        )
        .values_list("quarter", "chosen")
        .annotate(meetings=Count("pk"), attendances=Sum("head_count"))
        .order_by()
    )
    for column, chosen, meetings, attendances in held:
        counts = part if chosen else rest
        counts.meetings[column] += meetings
        counts.attendances[column] += attendances or 0
    category_row = {value: i for i, value in enumerate(IncidentCategory.values)}
    severity_row = {value: i for i, value in enumerate(Severity.values)}
    incidents = (
        Incident.objects.filter(
            organisation=organisation, occurred_at__gte=start, occurred_at__lt=end
        )
        .annotate(
            quarter=_quarter_of("occurred_at", quarters),
            chosen=_chosen("group_id", groups),
        )
        .values_list("quarter", "chosen", "category", "severity")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for column, chosen, category, severity, n in incidents:
        counts = part if chosen else rest
        counts.categories[category_row[category]][column] += n
        counts.severities[severity_row[severity]][column] += n
    return part, _sum(part, rest)


def _sum(one: _Counts, other: _Counts) -> _Counts:
    def add(a: list[int], b: list[int]) -> list[int]:
        return [x + y for x, y in zip(a, b, strict=True)]

    return _Counts(
        meetings=add(one.meetings, other.meetings),
        attendances=add(one.attendances, other.attendances),
        categories=[
            add(a, b) for a, b in zip(one.categories, other.categories, strict=True)
        ],
        severities=[
            add(a, b) for a, b in zip(one.severities, other.severities, strict=True)
        ],
    )


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
    counts, whole = _counts(organisation, filters, quarters)
    refusal = ""
    if not filters.is_whole_organisation:
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
