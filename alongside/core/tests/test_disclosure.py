"""Disclosure control: property tests that try to recover a hidden count from every
table the module emits, and the rules for rates, means, respondents and narrower
views."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alongside.core.disclosure import (
    REFUSED_NARROWING,
    REFUSED_RANGE,
    Audience,
    Figure,
    Table,
    count_phrase,
    enough_respondents,
    hidden,
    mean,
    minimum_respondents,
    narrowing_refusal,
    people,
    protect_table,
    range_refusal,
    rate,
    rounded_count,
    things,
)

UNBOUNDED = 10**9

# Small counts on purpose: most tables then hold hidden cells beside shown ones.
counts = st.integers(min_value=0, max_value=40)
tables = st.integers(min_value=1, max_value=5).flatmap(
    lambda height: st.integers(min_value=1, max_value=5).flatmap(
        lambda width: st.lists(
            st.lists(counts, min_size=width, max_size=width),
            min_size=height,
            max_size=height,
        )
    )
)


def _published(table: Table) -> dict[tuple[int, int], Figure]:
    height, width = len(table.rows), len(table.columns)
    grid = {(r, c): table.cells[r][c] for r in range(height) for c in range(width)}
    grid.update({(r, width): table.row_totals[r] for r in range(height)})
    grid.update({(height, c): table.column_totals[c] for c in range(width)})
    grid[height, width] = table.total
    return grid


def _lines(height: int, width: int) -> list[list[tuple[int, int]]]:
    """Each line's cells, its total last."""
    found = [[(r, c) for c in range(width + 1)] for r in range(height)]
    found += [[(r, c) for r in range(height + 1)] for c in range(width)]
    found.append([(r, width) for r in range(height + 1)])
    found.append([(height, c) for c in range(width + 1)])
    return found


def attack(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """The tightest bounds an attacker gets on each figure, told every shown figure
    exactly (as a rate on an exact denominator could tell them) and nothing about a
    hidden one, by narrowing each figure with every sum it is part of until nothing
    changes."""
    grid = _published(table)
    bounds = {
        place: (0, UNBOUNDED) if figure.is_hidden else (figure.exact, figure.exact)
        for place, figure in grid.items()
    }
    lines = _lines(len(table.rows), len(table.columns))
    changed = True
    while changed:
        changed = False
        for line in lines:
            *cells, total = line
            low_sum = sum(bounds[p][0] for p in cells)
            high_sum = sum(bounds[p][1] for p in cells)
            narrowed = {
                total: (
                    max(bounds[total][0], low_sum),
                    min(bounds[total][1], high_sum),
                )
            }
            for place in cells:
                others_low = low_sum - bounds[place][0]
                others_high = high_sum - bounds[place][1]
                narrowed[place] = (
                    max(bounds[place][0], bounds[total][0] - others_high),
                    min(bounds[place][1], bounds[total][1] - others_low),
                )
            for place, new in narrowed.items():
                if new != bounds[place]:
                    bounds[place] = new
                    changed = True
    return bounds


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_hidden_count_can_be_recovered_from_a_table(grid: list[list[int]]) -> None:
    rows = [f"r{r}" for r in range(len(grid))]
    columns = [f"c{c}" for c in range(len(grid[0]))]

    table = protect_table(rows, columns, grid)
    bounds = attack(table)

    for place, figure in _published(table).items():
        if figure.is_hidden:
            low, high = bounds[place]
            assert high > low, f"{place} recovered as {low}"


@settings(max_examples=300, deadline=None)
@given(tables)
def test_every_small_count_is_hidden_and_no_line_has_one_hidden_figure(
    grid: list[list[int]],
) -> None:
    table = protect_table(
        [str(r) for r in range(len(grid))], [str(c) for c in range(len(grid[0]))], grid
    )

    for figure in _published(table).values():
        assert figure.shown is None or figure.shown == rounded_count(figure.exact)
        if 0 < figure.exact < 8:
            assert figure.is_hidden
    for cells, total in table.lines():
        assert sum(f.is_hidden for f in [*cells, total]) != 1


def test_a_hidden_cell_beside_a_shown_total_takes_another_with_it() -> None:
    table = protect_table(["a"], ["x", "y", "z"], [[3, 20, 40]])

    assert table.cells[0][0].is_hidden
    assert table.cells[0][1].is_hidden  # the smallest shown beside it
    assert not table.cells[0][2].is_hidden


@given(st.integers(min_value=0, max_value=10_000))
def test_counts_of_people_are_never_shown_between_one_and_seven(count: int) -> None:
    shown = people(count).shown

    assert shown is None or shown == 0 or shown >= 8
    assert shown is None or abs(shown - count) <= 2
    assert (shown is None) == (0 < count < 8)


def test_counts_that_are_not_about_people_are_shown_as_they_are() -> None:
    assert things(3).shown == 3
    assert things(3).phrase == "3"
    assert count_phrase(3) == "fewer than 8"


def test_a_hidden_figure_reads_the_same_whether_small_or_protecting_a_small_one() -> (
    None
):
    small = people(3)
    protecting = hidden(people(40))

    assert small.phrase == protecting.phrase == "hidden"
    # "fewer than 8" would be untrue of the second, which holds 40.
    assert "fewer" not in protecting.phrase
    assert people(40).phrase == "about 40"
    assert people(0).phrase == "0"


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=0, max_value=500))
def test_a_rate_is_hidden_when_a_part_is_hidden(top: int, bottom: int) -> None:
    shown = rate(people(top), people(bottom))

    if people(top).is_hidden or people(bottom).is_hidden or bottom == 0:
        assert shown is None
    else:
        assert shown == pytest.approx(100 * top / bottom)


def test_a_rate_uses_the_unrounded_numbers() -> None:
    assert rate(people(12), things(100)) == pytest.approx(12.0)
    assert rate(people(3), things(100)) is None


def test_a_mean_needs_eight_people() -> None:
    assert mean([4.0] * 7) is None
    assert mean([4.0] * 7 + [5.0]) == pytest.approx(4.125)


@given(st.integers(min_value=0, max_value=50))
def test_an_organisation_may_raise_the_respondent_floor_but_never_lower_it(
    setting: int,
) -> None:
    assert minimum_respondents(Audience.INSIDE, setting) >= 5
    assert minimum_respondents(Audience.LEAVING, setting) >= 10
    assert minimum_respondents(Audience.INSIDE, setting) >= setting


def test_respondent_floors_inside_and_leaving() -> None:
    assert not enough_respondents(4, Audience.INSIDE)
    assert enough_respondents(5, Audience.INSIDE)
    assert not enough_respondents(9, Audience.LEAVING)
    assert enough_respondents(10, Audience.LEAVING)
    assert not enough_respondents(7, Audience.INSIDE, raised_to=8)


@pytest.mark.parametrize(
    ("start", "end", "refusal"),
    [
        (date(2026, 1, 1), date(2026, 4, 1), ""),
        (date(2026, 1, 1), date(2026, 10, 1), ""),
        (date(2026, 1, 1), date(2026, 3, 25), REFUSED_RANGE),
        (date(2026, 1, 8), date(2026, 4, 1), REFUSED_RANGE),
    ],
)
def test_a_custom_range_must_cover_whole_quarters(
    start: date, end: date, refusal: str
) -> None:
    assert range_refusal(start, end) == refusal


def test_a_range_that_ends_before_it_starts_is_explained() -> None:
    assert "after its start" in range_refusal(date(2026, 4, 1), date(2026, 1, 1))


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=60),
            st.integers(min_value=0, max_value=60),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_narrower_view_never_leaves_a_small_difference(
    pairs: list[tuple[int, int]],
) -> None:
    part = [some for some, _ in pairs]
    whole = [some + rest for some, rest in pairs]

    refusal = narrowing_refusal(whole, part)

    small = any(0 < rest < 8 for _, rest in pairs)
    assert refusal == (REFUSED_NARROWING if small else "")
