"""The organisation's dashboard, put together: incident rates and felt safety by
quarter, each as a chart, a data table and a sentence for screen readers, every
figure through disclosure control. Reads only; who may see it is decided in
permissions.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from alongside.core.disclosure import Audience, people
from alongside.organisations.models import Organisation

from .charts import rate_chart, shares_chart, stacked_chart
from .models import Answer, Kind
from .rates import Filters, IncidentFigures, Quarter, incident_figures, last_quarters
from .shown_back import QUESTIONS, Distribution, distribution_of

NOT_ENOUGH = "Not enough answers yet"
MORE_REPORTS = (
    "More reports often mean that people feel able to report, not that a group is "
    "less safe."
)


@dataclass
class Chart:
    title: str
    image: str  # a data: address of the SVG
    summary: str  # read by screen readers, and shown under the chart


@dataclass
class Dashboard:
    quarters: list[Quarter]
    incidents: IncidentFigures
    felt_safety: list[tuple[Quarter, Distribution]]
    answers_given: list[tuple[Quarter, str]]
    charts: dict[str, Chart] = field(default_factory=dict)


def felt_safety_by_quarter(
    organisation: Organisation,
    filters: Filters,
    quarters: list[Quarter],
    audience: Audience = Audience.INSIDE,
) -> list[tuple[Quarter, Distribution]]:
    answers = Answer.objects.filter(group__organisation=organisation, kind=Kind.MEETING)
    if filters.group_id is not None:
        answers = answers.filter(group_id=filters.group_id)
    if filters.setting:
        answers = answers.filter(group__format=filters.setting)
    found = []
    for quarter in quarters:
        in_quarter = answers.filter(
            answered_on__gte=quarter.start, answered_on__lt=quarter.end
        )
        by_score = {
            name: dict(
                in_quarter.values(name).annotate(n=Count("pk")).values_list(name, "n")
            )
            for name, _ in QUESTIONS
        }
        found.append((quarter, distribution_of(by_score, in_quarter.count(), audience)))
    return found


def _answers_given(
    organisation: Organisation, filters: Filters, quarters: list[Quarter]
) -> list[tuple[Quarter, str]]:
    answers = Answer.objects.filter(group__organisation=organisation)
    if filters.group_id is not None:
        answers = answers.filter(group_id=filters.group_id)
    if filters.setting:
        answers = answers.filter(group__format=filters.setting)
    return [
        (
            quarter,
            people(
                answers.filter(
                    answered_on__gte=quarter.start, answered_on__lt=quarter.end
                ).count()
            ).phrase,
        )
        for quarter in quarters
    ]


def _rate_summary(figures: IncidentFigures) -> str:
    parts = []
    for row in figures.rates:
        if row.per_100_meetings is None:
            parts.append(
                f"{row.quarter.label}: not shown ({row.meetings.phrase} meetings held)"
            )
        else:
            parts.append(
                f"{row.quarter.label}: {row.per_100_meetings:.1f} per 100 meetings "
                f"({row.meetings.phrase} meetings held)"
            )
    return "Incidents per 100 meetings held. " + "; ".join(parts) + "."


def _category_summary(figures: IncidentFigures) -> str:
    table = figures.by_category
    parts = [
        f"{label}: {figure.phrase}"
        for label, figure in zip(table.columns, table.column_totals, strict=True)
    ]
    return "Incidents recorded, by quarter. " + "; ".join(parts) + "."


def _felt_summary(rows: list[tuple[Quarter, Distribution]]) -> str:
    parts = []
    for quarter, distribution in rows:
        if not distribution.is_enough:
            parts.append(f"{quarter.label}: {NOT_ENOUGH.lower()}")
            continue
        label, shares = distribution.questions[0]
        agreeing = [s.percent for s in shares if s.score >= 4]
        if any(value is None for value in agreeing):
            parts.append(f"{quarter.label}: some answers hidden")
        else:
            total = sum(value or 0 for value in agreeing)
            parts.append(
                f"{quarter.label}: {total:.0f}% answered 4 or 5 to "
                f'"{label}" ({distribution.respondents.phrase} answers)'
            )
    return "Felt safety after meetings. " + "; ".join(parts) + "."


def build_dashboard(
    *, organisation: Organisation, filters: Filters, quarter_count: int = 4
) -> Dashboard:
    quarters = last_quarters(quarter_count)
    incidents = incident_figures(
        organisation=organisation, filters=filters, quarters=quarters
    )
    dashboard = Dashboard(
        quarters=quarters,
        incidents=incidents,
        felt_safety=felt_safety_by_quarter(organisation, filters, quarters),
        answers_given=_answers_given(organisation, filters, quarters),
    )
    if incidents.refusal:
        return dashboard
    labels = [quarter.label for quarter in quarters]
    dashboard.charts["rates"] = Chart(
        title="Incidents per 100 meetings held",
        image=rate_chart(
            "Incidents per 100 meetings held",
            labels,
            [row.per_100_meetings for row in incidents.rates],
            [row.meetings_interval for row in incidents.rates],
        ),
        summary=_rate_summary(incidents),
    )
    shown_categories = any(
        figure.shown for row in incidents.by_category.cells for figure in row
    )
    if shown_categories:
        dashboard.charts["categories"] = Chart(
            title="Incidents by category",
            image=stacked_chart(
                "Incidents by category",
                labels,
                [
                    (label, [figure.shown for figure in row])
                    for label, row in zip(
                        incidents.by_category.rows,
                        incidents.by_category.cells,
                        strict=True,
                    )
                ],
            ),
            summary=_category_summary(incidents),
        )
    latest = [
        (quarter, distribution)
        for quarter, distribution in dashboard.felt_safety
        if distribution.is_enough
    ]
    if latest:
        quarter, distribution = latest[-1]
        dashboard.charts["felt"] = Chart(
            title=f"Felt safety after meetings, {quarter.label}",
            image=shares_chart(
                f"Felt safety after meetings, {quarter.label} (% of answers)",
                ["1", "2", "3", "4", "5"],
                [
                    (label, [share.percent for share in shares])
                    for label, shares in distribution.questions
                ],
            ),
            summary=_felt_summary(dashboard.felt_safety),
        )
    return dashboard
