"""The commissioner's report as CSV: one tidy table per chart (columns: table,
quarter, measure, value, and the denominator where there is one), every figure
through disclosure control with the floors for reports that leave the
organisation. Never anyone's words. Reads only."""

from __future__ import annotations

import csv
import io

from alongside.core.disclosure import Audience
from alongside.organisations.models import Organisation

from .dashboard import answer_counts, felt_safety_by_quarter
from .rates import Filters, incident_figures, last_quarters

HEADER = ("table", "quarter", "measure", "value", "denominator")


def build_csv(organisation: Organisation, quarter_count: int) -> str:
    quarters = last_quarters(quarter_count)
    figures = incident_figures(
        organisation=organisation, filters=Filters(), quarters=quarters
    )
    counts = answer_counts(organisation, Filters(), quarters)
    felt = felt_safety_by_quarter(quarters, counts, Audience.LEAVING)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in figures.rates:
        label = row.quarter.label
        writer.writerow(("meetings", label, "meetings held", row.meetings.phrase, ""))
        writer.writerow(
            ("meetings", label, "attendances counted", row.attendances.phrase, "")
        )
        for measure, value, interval, denominator in (
            (
                "incidents per 100 meetings",
                row.per_100_meetings,
                row.meetings_interval,
                row.meetings.phrase,
            ),
            (
                "incidents per 100 attendances",
                row.per_100_attendances,
                row.attendances_interval,
                row.attendances.phrase,
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
                        f"{interval[0]:.2f} to {interval[1]:.2f}",
                        denominator,
                    )
                )
    for name, table in (
        ("incidents by category", figures.by_category),
        ("incidents by severity", figures.by_severity),
    ):
        for label, cells in zip(table.rows, table.cells, strict=True):
            for column, figure in zip(table.columns, cells, strict=True):
                writer.writerow((name, column, label, figure.phrase, ""))
    for quarter, distribution in felt:
        if not distribution.is_enough:
            writer.writerow(
                ("felt safety", quarter.label, "answers", "not enough answers", "")
            )
            continue
        for question, shares in distribution.questions:
            for share in shares:
                percent = "hidden" if share.percent is None else f"{share.percent:.0f}%"
                writer.writerow(
                    (
                        "felt safety",
                        quarter.label,
                        f"{question}: {share.score}",
                        percent,
                        distribution.respondents.phrase,
                    )
                )
    return out.getvalue()
