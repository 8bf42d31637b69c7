"""The commissioner's report: its figures gathered once (`gather`), then written
as CSV, one tidy table per chart (columns: table, quarter, measure, value, and the
denominator where there is one), and as PDF (`report_pdf.py`) from the very same
figures. Every figure goes through disclosure control with the floors for reports
that leave the organisation. Never anyone's words. Reads only."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from alongside.core.disclosure import Audience, Figure, Table
from alongside.organisations.models import Organisation

from .dashboard import answer_counts, felt_safety_by_quarter
from .models import Report
from .one_to_one import one_to_one_felt_safety_by_quarter
from .rates import Filters, IncidentFigures, Quarter, incident_figures, last_quarters
from .shown_back import Distribution

HEADER = ("table", "quarter", "measure", "value", "denominator")
ALL_QUARTERS = "all quarters"
NOT_ENOUGH_ANSWERS = "not enough answers"
# Every hidden count reads the same, whether it is small itself or hidden so that
# a small one cannot be worked out from a total: "fewer than 8" would be untrue of
# the second kind, and telling the two apart would give the first away.
HIDDEN = "hidden"


@dataclass(frozen=True)
class ReportFigures:
    """Everything the report shows, already through disclosure control."""

    organisation_name: str
    quarters: list[Quarter]
    incidents: IncidentFigures
    felt_safety: list[tuple[Quarter, Distribution]]
    one_to_one: list[tuple[Quarter, Distribution]]

    @property
    def period(self) -> str:
        """ "2025 Q4 to 2026 Q3", or one quarter's label."""
        first, last = self.quarters[0].label, self.quarters[-1].label
        return first if first == last else f"{first} to {last}"


def gather(
    organisation: Organisation, quarter_count: int, *, today: date | None = None
) -> ReportFigures:
    """The whole organisation's figures for the `quarter_count` whole quarters
    that had ended by `today`: a fixed number of queries, each counted in the
    database, however many meetings and answers there are."""
    quarters = last_quarters(quarter_count, today)
    counts = answer_counts(organisation, Filters(), quarters)
    return ReportFigures(
        organisation_name=organisation.name,
        quarters=quarters,
        incidents=incident_figures(
            organisation=organisation, filters=Filters(), quarters=quarters
        ),
        felt_safety=felt_safety_by_quarter(quarters, counts, Audience.LEAVING),
        one_to_one=one_to_one_felt_safety_by_quarter(
            organisation, quarters, Audience.LEAVING
        ),
    )


def file_name(report: Report, extension: str) -> str:
    """A neutral name: the period only, no organisation, group or person."""
    quarters = last_quarters(report.quarters, timezone.localdate(report.created_at))
    first, last = quarters[0].label, quarters[-1].label
    period = first if first == last else f"{first}-to-{last}"
    return f"figures-{period.replace(' ', '-')}.{extension}"


def interval_phrase(interval: tuple[float, float]) -> str:
    return f"{interval[0]:.2f} to {interval[1]:.2f}"


def share_phrase(percent: float | None) -> str:
    return HIDDEN if percent is None else f"{percent:.0f}%"


def cell_phrase(figure: Figure) -> str:
    return HIDDEN if figure.is_hidden else figure.phrase


def build_csv(figures: ReportFigures) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in figures.incidents.rates:
        label = row.quarter.label
        writer.writerow(
            ("meetings", label, "meetings held", cell_phrase(row.meetings), "")
        )
        writer.writerow(
            ("meetings", label, "attendances counted", cell_phrase(row.attendances), "")
        )
        for measure, value, interval, denominator in (
            (
                "incidents per 100 meetings",
                row.per_100_meetings,
                row.meetings_interval,
                cell_phrase(row.meetings),
            ),
            (
                "incidents per 100 attendances",
                row.per_100_attendances,
                row.attendances_interval,
                cell_phrase(row.attendances),
            ),
        ):
            shown = "not shown" if value is None else f"{value:.2f}"
            writer.writerow(("incident rates", label, measure, shown, denominator))
            if interval is not None:
                writer.writerow(
                    (
                        "incident rates",
                        label,
                        f"{measure}, 95% interval",
                        interval_phrase(interval),
                        denominator,
                    )
                )
    for name, table, everything in (
        ("incidents by category", figures.incidents.by_category, "all categories"),
        ("incidents by severity", figures.incidents.by_severity, "all severities"),
    ):
        for column, label, phrase in table_cells(table, everything):
            writer.writerow((name, column, label, phrase, ""))
    for name, rows in (
        ("felt safety", figures.felt_safety),
        ("felt safety, one-to-one", figures.one_to_one),
    ):
        writer.writerows(_distribution_rows(name, rows))
    return out.getvalue()


def _distribution_rows(
    name: str, rows: list[tuple[Quarter, Distribution]]
) -> list[tuple[str, ...]]:
    """One tidy table: each quarter's share of answers per score, with the number
    who answered as its denominator, or that there were not enough."""
    found: list[tuple[str, ...]] = []
    for quarter, distribution in rows:
        if not distribution.is_enough:
            found.append((name, quarter.label, "answers", NOT_ENOUGH_ANSWERS, ""))
            continue
        for question, shares in distribution.questions:
            found.extend(
                (
                    name,
                    quarter.label,
                    f"{question}: {share.score}",
                    share_phrase(share.percent),
                    cell_phrase(distribution.respondents),
                )
                for share in shares
            )
    return found


def table_cells(table: Table, everything: str) -> list[tuple[str, str, str]]:
    """(quarter, row label, phrase) for every cell of a protected table with its
    totals: each row's total over all quarters, and each quarter's over all rows."""
    found = []
    for label, cells, total in zip(
        table.rows, table.cells, table.row_totals, strict=True
    ):
        for column, figure in zip(table.columns, cells, strict=True):
            found.append((column, label, cell_phrase(figure)))
        found.append((ALL_QUARTERS, label, cell_phrase(total)))
    for column, figure in zip(table.columns, table.column_totals, strict=True):
        found.append((column, everything, cell_phrase(figure)))
    found.append((ALL_QUARTERS, everything, cell_phrase(table.total)))
    return found
