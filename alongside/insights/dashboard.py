"""The organisation's dashboard, put together: incident rates and felt safety by
quarter, each as a chart, a data table and a sentence for screen readers, every
figure through disclosure control. Reads only; who may see it is decided in
permissions.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Q

from alongside.core.disclosure import Audience, people
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup

from .charts import rate_chart, shares_chart, stacked_chart
from .models import Answer, Kind
from .one_to_one import one_to_one_felt_safety_by_quarter
from .rates import Filters, IncidentFigures, Quarter, incident_figures, last_quarters
from .shown_back import QUESTIONS, Distribution, distribution_of

NOT_ENOUGH = "Not enough answers yet"
ANSWER_COUNTS_KEPT = timedelta(hours=24)
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
    # Felt safety after one-to-one meetings: the whole organisation's only, since
    # one-to-one support belongs to no group; empty for a narrower view.
    one_to_one: list[tuple[Quarter, Distribution]] = field(default_factory=list)
    charts: dict[str, Chart] = field(default_factory=dict)


def answer_counts(
    organisation: Organisation, filters: Filters, quarters: list[Quarter]
) -> list[tuple[int, str, int | None, int | None, int]]:
    """(quarter index, kind, felt_safe, could_say, answers): every answer of the
    quarters counted in one query, each row's quarter worked out in the database.

    Kept for `ANSWER_COUNTS_KEPT`: the quarters have ended, and an answer is dated
    the day it is given, so no new answer can fall in them; answers leave only
    after three years (the retention rules) or with their group. The counts are
    exact: disclosure control is applied to them each time they are shown."""
    key = ":".join(
        str(part)
        for part in (
            "insights-answer-counts",
            1,
            organisation.pk,
            filters.group_id or "",
            filters.setting,
            *(quarter.start.isoformat() for quarter in quarters),
            quarters[-1].end.isoformat(),
        )
    )
    found = cache.get(key)
    if isinstance(found, list):
        return found
    counted = _count_answers(organisation, filters, quarters)
    cache.set(key, counted, timeout=int(ANSWER_COUNTS_KEPT.total_seconds()))
    return counted


def _count_answers(
    organisation: Organisation, filters: Filters, quarters: list[Quarter]
) -> list[tuple[int, str, int | None, int | None, int]]:
    groups = PeerGroup.objects.filter(organisation=organisation)
    if filters.group_id is not None:
        groups = groups.filter(pk=filters.group_id)
    if filters.setting:
        groups = groups.filter(format=filters.setting)
    chosen = list(groups.values_list("pk", flat=True))
    # Grouped in the order of the index that holds these columns
    # ("answer_figures": group, kind, the two scores, day), so that the database
    # reads the index alone, in order, without sorting, and never the rows
    # themselves (which hold the sealed words). Each row counts the answers up to
    # the end of each quarter (one comparison each, the cheapest to count); a
    # quarter's own count is the difference from the one before.
    rows = (
        Answer.objects.filter(
            group_id__in=chosen,
            answered_on__gte=quarters[0].start,
            answered_on__lt=quarters[-1].end,
        )
        .values_list("group_id", "kind", "felt_safe", "could_say")
        .annotate(
            **{
                f"up_to_{index}": Count(
                    "answered_on", filter=Q(answered_on__lt=quarter.end)
                )
                for index, quarter in enumerate(quarters)
            }
        )
        .order_by()
    )
    totals: dict[tuple[int, str, int | None, int | None], int] = {}
    for _, kind, felt_safe, could_say, *up_to in rows:
        for index, n in enumerate(up_to):
            in_quarter = n - (up_to[index - 1] if index else 0)
            if in_quarter:
                key = (index, kind, felt_safe, could_say)
                totals[key] = totals.get(key, 0) + in_quarter
    return [(*key, n) for key, n in totals.items()]


def felt_safety_by_quarter(
    quarters: list[Quarter],
    counts: list[tuple[int, str, int | None, int | None, int]],
    audience: Audience = Audience.INSIDE,
) -> list[tuple[Quarter, Distribution]]:
    """Each quarter's spread of felt-safety answers after meetings."""
    respondents = [0] * len(quarters)
    by_score: list[dict[str, dict[int, int]]] = [
        {name: {} for name, _ in QUESTIONS} for _ in quarters
    ]
    for index, kind, felt_safe, could_say, n in counts:
        if kind != Kind.MEETING or felt_safe is None or could_say is None:
            continue
        respondents[index] += n
        for name, score in (("felt_safe", felt_safe), ("could_say", could_say)):
            scores = by_score[index][name]
            scores[score] = scores.get(score, 0) + n
    return [
        (quarter, distribution_of(by_score[index], respondents[index], audience))
        for index, quarter in enumerate(quarters)
    ]


def _answers_given(
    quarters: list[Quarter], counts: list[tuple[int, str, int | None, int | None, int]]
) -> list[tuple[Quarter, str]]:
    totals = [0] * len(quarters)
    for index, _, _, _, n in counts:
        totals[index] += n
    return [
        (quarter, people(totals[index]).phrase)
        for index, quarter in enumerate(quarters)
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


def _felt_summary(
    rows: list[tuple[Quarter, Distribution]], opening: str, counted: str
) -> str:
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
                f'"{label}" ({distribution.respondents.phrase} {counted})'
            )
    return f"{opening} " + "; ".join(parts) + "."


def build_dashboard(
    *, organisation: Organisation, filters: Filters, quarter_count: int = 4
) -> Dashboard:
    quarters = last_quarters(quarter_count)
    incidents = incident_figures(
        organisation=organisation, filters=filters, quarters=quarters
    )
    counts = answer_counts(organisation, filters, quarters)
    dashboard = Dashboard(
        quarters=quarters,
        incidents=incidents,
        felt_safety=felt_safety_by_quarter(quarters, counts),
        answers_given=_answers_given(quarters, counts),
        one_to_one=one_to_one_felt_safety_by_quarter(organisation, quarters)
        if filters.is_whole_organisation
        else [],
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
    for name, rows, title, counted in (
        ("felt", dashboard.felt_safety, "Felt safety after meetings", "answers"),
        (
            "one_to_one",
            dashboard.one_to_one,
            "Felt safety after one-to-one meetings",
            "people answering",
        ),
    ):
        chart = _shares_of_latest(rows, title, counted)
        if chart is not None:
            dashboard.charts[name] = chart
    return dashboard


def _shares_of_latest(
    rows: list[tuple[Quarter, Distribution]], title: str, counted: str
) -> Chart | None:
    """A chart of the latest quarter with enough answers, and a sentence for
    every quarter; None when no quarter has enough."""
    latest = [
        (quarter, distribution)
        for quarter, distribution in rows
        if distribution.is_enough
    ]
    if not latest:
        return None
    quarter, distribution = latest[-1]
    return Chart(
        title=f"{title}, {quarter.label}",
        image=shares_chart(
            f"{title}, {quarter.label} (% of answers)",
            ["1", "2", "3", "4", "5"],
            [
                (label, [share.percent for share in shares])
                for label, shares in distribution.questions
            ],
        ),
        summary=_felt_summary(rows, f"{title}.", counted),
    )
