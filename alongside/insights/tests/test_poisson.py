"""The exact Poisson intervals match the published chi-square values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alongside.insights.poisson import exact_interval, poisson_cdf, rate_interval


@pytest.mark.parametrize(
    ("count", "lower", "upper"),
    [
        # chi2.ppf(0.025, 2k) / 2 and chi2.ppf(0.975, 2k + 2) / 2, from tables.
        (0, 0.0, 3.6889),
        (1, 0.02532, 5.5716),
        (5, 1.6235, 11.6683),
        (10, 4.7954, 18.3904),
        (100, 81.3639, 121.6296),
    ],
)
def test_intervals_match_the_chi_square_tables(
    count: int, lower: float, upper: float
) -> None:
    found = exact_interval(count)

    assert found[0] == pytest.approx(lower, rel=1e-3, abs=1e-4)
    assert found[1] == pytest.approx(upper, rel=1e-3)


# No deadline: how long a case takes says nothing about the interval, and a busy
# machine must not fail the test.
@settings(deadline=None)
@given(st.integers(min_value=0, max_value=2000))
def test_the_interval_holds_the_count_and_its_tails_are_two_and_a_half_percent(
    count: int,
) -> None:
    lower, upper = exact_interval(count)

    assert lower <= count <= upper
    assert poisson_cdf(count, upper) == pytest.approx(0.025, abs=1e-6)
    if count:
        assert 1 - poisson_cdf(count - 1, lower) == pytest.approx(0.025, abs=1e-6)


def test_a_rate_interval_is_per_hundred_of_the_exposure() -> None:
    lower, upper = rate_interval(10, 200)

    assert lower == pytest.approx(100 * 4.7954 / 200, rel=1e-3)
    assert upper == pytest.approx(100 * 18.3904 / 200, rel=1e-3)
