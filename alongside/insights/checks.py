"""The check-ins' figures for the organisation's admins and supervisors: for each
measure and each of the last whole quarters, how many checked in and, item by
item, how many agreed, every figure through disclosure control. Never anyone's
answer. Reads only; who may see it is decided in check_permissions.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from alongside.core.disclosure import (
    Audience,
    Figure,
    Table,
    enough_respondents,
    minimum_respondents,
    people,
    protect_table,
    rate,
)
from alongside.organisations.models import Organisation

from .check_models import CheckAnswer
from .licences import MEASURES, Measure, Wording, wording_of
from .rates import Quarter, last_quarters

AGREED = "agreed"
NOT_AGREED = "did not agree"


@dataclass(frozen=True)
class ItemFigure:
    item: str
    agreed: Figure
    share: float | None  # percent of those who answered, or None when hidden


@dataclass(frozen=True)
class QuarterFigures:
    quarter: Quarter
    respondents: Figure
    is_enough: bool
    items: tuple[ItemFigure, ...]


@dataclass(frozen=True)
class MeasureFigures:
    measure: Measure
    wording: Wording
    agree_from: int  # the lowest point counted as agreeing
    quarters: tuple[QuarterFigures, ...]


def agree_from(points: int) -> int:
    """The top two points of a scale count as agreeing (4 and 5 of 5; 6 and 7
    of 7)."""
    return points - 1


def item_table(item: str, index: int, scores: list[list[int]], points: int) -> Table:
    """How many agreed with one item and how many did not, as disclosure control
    lets them be shown (secondary suppression included). Each item is a table of
    its own: summed over items, the counts would count people more than once."""
    agreed = sum(
        1 for row in scores if len(row) > index and row[index] >= agree_from(points)
    )
    return protect_table(
        (item,), (AGREED, NOT_AGREED), [[agreed, len(scores) - agreed]]
    )


def quarter_figures(
    quarter: Quarter,
    wording: Wording,
    scores: list[list[int]],
    audience: Audience = Audience.INSIDE,
) -> QuarterFigures:
    """One quarter of one measure: nothing item by item below the floor of
    respondents."""
    respondents = people(len(scores))
    if not enough_respondents(len(scores), audience):
        return QuarterFigures(quarter, respondents, is_enough=False, items=())
    tables = [
        item_table(item, index, scores, wording.points)
        for index, item in enumerate(wording.items)
    ]
    items = tuple(
        ItemFigure(
            item=item,
            agreed=table.cells[0][0],
            share=rate(table.cells[0][0], table.row_totals[0]),
        )
        for item, table in zip(wording.items, tables, strict=True)
    )
    return QuarterFigures(quarter, respondents, is_enough=True, items=items)


def check_in_figures(
    *,
    organisation: Organisation,
    quarter_count: int = 4,
    today: date | None = None,
    audience: Audience = Audience.INSIDE,
) -> list[MeasureFigures]:
    """Every measure the organisation asks, by quarter, oldest first."""
    quarters = last_quarters(quarter_count, today)
    rows = CheckAnswer.objects.filter(
        organisation=organisation,
        answered_on__gte=quarters[0].start,
        answered_on__lt=quarters[-1].end,
    ).values_list("measure", "answered_on", "scores")
    by_measure: dict[str, list[tuple[date, list[int]]]] = {}
    for code, answered_on, scores in rows:
        by_measure.setdefault(code, []).append((answered_on, list(scores)))
    found = []
    for measure in MEASURES:
        wording = wording_of(measure, organisation.pk)
        if wording is None:
            continue
        answers = by_measure.get(measure.code, [])
        if not answers and not measure.is_our_own:
            continue
        found.append(
            MeasureFigures(
                measure=measure,
                wording=wording,
                agree_from=agree_from(wording.points),
                quarters=tuple(
                    quarter_figures(
                        quarter,
                        wording,
                        [s for day, s in answers if quarter.start <= day < quarter.end],
                        audience,
                    )
                    for quarter in quarters
                ),
            )
        )
    return found


def floor_inside() -> int:
    return minimum_respondents(Audience.INSIDE)
