"""Disclosure control: how every figure about people is shown so that nobody in a
small group can be picked out. The one module every count, rate, mean and table
about people goes through (meetings' RSVP counts, insights' answers and rates,
supporters' caseload spreads).

The rules, in order:

- counts about people below the whole organisation: 0 stays 0; 1 to 7 read "fewer
  than 8"; 8 or more are rounded to the nearest 5 (halves go up), so a change of one
  person rarely shows. Counts that are not about people (meetings held, venues) are
  shown as they are;
- rates and percentages are worked out from the unrounded numbers, and hidden when
  their numerator or denominator is hidden;
- means and scores only from 8 or more people;
- survey results only from 5 or more respondents inside the organisation, 10 or
  more in a report that leaves it; an organisation may raise these, never lower
  them;
- secondary suppression: in a table, no row or column is left with exactly one
  hidden cell beside a shown total, so a hidden cell cannot be worked out by taking
  the others from the total;
- a differencing guard: a narrower view (a custom date range, a group, a setting)
  whose difference from a published figure would be a hidden count is refused,
  with a plain explanation.

Pure functions: no models, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

SMALLEST_SHOWN = 8
ROUND_TO = 5
SMALLEST_MEAN = 8
RESPONDENTS_INSIDE = 5
RESPONDENTS_LEAVING = 10

REFUSED_RANGE = (
    "Figures are published for whole quarters. A custom range must start and end "
    "on the edges of quarters, because a few days cut from a quarter could show a "
    "small number that we hide to protect people."
)
REFUSED_NARROWING = (
    "We can't show this combination: together with the figures already shown, it "
    "would reveal a small number that we hide so that nobody can be recognised. "
    "Try a wider choice."
)


HIDDEN = "hidden"


def rounded_count(count: int) -> int | None:
    """The number that may be shown, or None when it must read "fewer than 8"."""
    if count <= 0:
        return 0
    if count < SMALLEST_SHOWN:
        return None
    return ((count + ROUND_TO // 2) // ROUND_TO) * ROUND_TO


def count_phrase(count: int) -> str:
    """The count in words: "0", "fewer than 8" or "about 15"."""
    shown = rounded_count(count)
    if shown is None:
        return f"fewer than {SMALLEST_SHOWN}"
    if shown == 0:
        return "0"
    return f"about {shown}"


@dataclass(frozen=True)
class Figure:
    """A number as it may be shown. `shown` is None when it is hidden; `exact` is
    never shown to anyone, and is kept only to work out rates."""

    exact: int
    shown: int | None
    about_people: bool = True

    @property
    def is_hidden(self) -> bool:
        return self.shown is None

    @property
    def phrase(self) -> str:
        """The figure in words: "hidden", "3" (not about people), "0" or "about
        15". A hidden figure reads "hidden" whether it is small or hidden only to
        protect a small one, which may be larger, so the two cannot be told apart."""
        if self.shown is None:
            return HIDDEN
        if not self.about_people or self.shown == 0:
            return str(self.shown)
        return f"about {self.shown}"


def people(count: int) -> Figure:
    """A count of people (answers, attendances, incidents about people)."""
    return Figure(exact=count, shown=rounded_count(count))


def things(count: int) -> Figure:
    """A count that is not about people (meetings held): shown as it is."""
    return Figure(exact=count, shown=count, about_people=False)


def hidden(figure: Figure) -> Figure:
    """The same figure, hidden (secondary suppression)."""
    return Figure(exact=figure.exact, shown=None, about_people=figure.about_people)


def rate(numerator: Figure, denominator: Figure, *, per: int = 100) -> float | None:
    """numerator / denominator x per, from the unrounded numbers; None when either
    part is hidden or there is nothing to divide by."""
    if numerator.is_hidden or denominator.is_hidden or denominator.exact <= 0:
        return None
    return per * numerator.exact / denominator.exact


def mean(values: Sequence[float]) -> float | None:
    """The mean, only from 8 or more people; None otherwise."""
    if len(values) < SMALLEST_MEAN:
        return None
    return sum(values) / len(values)


class Audience(StrEnum):
    INSIDE = "inside"  # pages inside the organisation
    LEAVING = "leaving"  # reports that leave it (commissioners)


def minimum_respondents(audience: Audience, raised_to: int | None = None) -> int:
    """How many must have answered before a survey result is shown. An
    organisation's own setting may raise the floor, never lower it."""
    floor = RESPONDENTS_LEAVING if audience == Audience.LEAVING else RESPONDENTS_INSIDE
    return max(floor, raised_to or 0)


def enough_respondents(
    respondents: int, audience: Audience, raised_to: int | None = None
) -> bool:
    return respondents >= minimum_respondents(audience, raised_to)


# --- tables -------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A two-way table of counts of people with its row, column and grand totals,
    as it may be shown: cells[r][c], row_totals[r], column_totals[c], total."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Figure, ...], ...]
    row_totals: tuple[Figure, ...]
    column_totals: tuple[Figure, ...]
    total: Figure

    def lines(self) -> list[tuple[list[Figure], Figure]]:
        """Every row and column with its total: the sums a reader could use."""
        found = [(list(row), self.row_totals[r]) for r, row in enumerate(self.cells)]
        for c in range(len(self.columns)):
            found.append(
                ([row[c] for row in self.cells], self.column_totals[c]),
            )
        found.append((list(self.row_totals), self.total))
        found.append((list(self.column_totals), self.total))
        return found


def _lines(
    height: int, width: int
) -> list[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """Positions of every line's cells and its total. Row totals sit in column
    `width`, column totals in row `height`, the grand total at (height, width)."""
    found = [([(r, c) for c in range(width)], (r, width)) for r in range(height)] + [
        ([(r, c) for r in range(height)], (height, c)) for c in range(width)
    ]
    found.append(([(r, width) for r in range(height)], (height, width)))
    found.append(([(height, c) for c in range(width)], (height, width)))
    return found


def protect_table(
    rows: Sequence[str], columns: Sequence[str], counts: Sequence[Sequence[int]]
) -> Table:
    """Round and hide every count about people (primary suppression), then hide
    more until no line of the table (a row, a column, or the totals) has exactly
    one hidden figure: each extra one is the smallest shown non-zero figure of
    that line, or the line's total when it has none (secondary suppression)."""
    height, width = len(rows), len(columns)
    grid: dict[tuple[int, int], Figure] = {}
    for r in range(height):
        for c in range(width):
            grid[r, c] = people(counts[r][c])
        grid[r, width] = people(sum(counts[r]))
    for c in range(width):
        grid[height, c] = people(sum(counts[r][c] for r in range(height)))
    grid[height, width] = people(sum(sum(row) for row in counts))
    lines = _lines(height, width)
    changed = True
    while changed:
        changed = False
        for cells, total in lines:
            members = [*cells, total]
            if sum(grid[p].is_hidden for p in members) != 1:
                continue
            candidates = [p for p in cells if not grid[p].is_hidden and grid[p].exact]
            pick = (
                min(candidates, key=lambda p: (grid[p].exact, p))
                if candidates
                else total
            )
            if grid[pick].is_hidden:
                # Only a zero cell is left beside a hidden total: hide a zero too,
                # read as "fewer than 8", so nothing can be taken away.
                pick = next(p for p in cells if not grid[p].is_hidden)
            grid[pick] = hidden(grid[pick])
            changed = True
    return Table(
        rows=tuple(rows),
        columns=tuple(columns),
        cells=tuple(tuple(grid[r, c] for c in range(width)) for r in range(height)),
        row_totals=tuple(grid[r, width] for r in range(height)),
        column_totals=tuple(grid[height, c] for c in range(width)),
        total=grid[height, width],
    )


# --- the differencing guard ----------------------------------------------------------


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def next_quarter_start(day: date) -> date:
    start = quarter_start(day)
    if start.month == 10:
        return date(start.year + 1, 1, 1)
    return date(start.year, start.month + 3, 1)


def range_refusal(start: date, end: date) -> str:
    """Why a custom date range [start, end) is refused, or "" when it may be shown:
    it must cover whole published quarters, so that no two ranges differ by a few
    days of one quarter."""
    if end <= start:
        return "The end of the range must come after its start."
    if start != quarter_start(start) or end != quarter_start(end):
        return REFUSED_RANGE
    return ""


def narrowing_refusal(whole: Iterable[int], part: Iterable[int]) -> str:
    """Why a narrower view is refused, or "" when it may be shown. `whole` holds
    the unrounded counts of people already published (by category, say) and `part`
    the same counts for the narrower choice (one group, one setting). Taking one
    from the other must not leave a count that would have been hidden."""
    for everyone, some in zip(whole, part, strict=True):
        if people(everyone - some).is_hidden:
            return REFUSED_NARROWING
    return ""
