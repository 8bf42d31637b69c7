"""Counts of people are shown so that nobody in a small group can be picked out."""

from __future__ import annotations

import pytest

from alongside.meetings.disclosure import count_phrase, rounded_count


@pytest.mark.parametrize(
    ("count", "shown", "phrase"),
    [
        (0, 0, "0"),
        (1, None, "fewer than 8"),
        (7, None, "fewer than 8"),
        (8, 10, "about 10"),
        (12, 10, "about 10"),
        (13, 15, "about 15"),
        (52, 50, "about 50"),
    ],
)
def test_counts_are_suppressed_below_eight_and_rounded_to_five_above(
    count: int, shown: int | None, phrase: str
) -> None:
    assert rounded_count(count) == shown
    assert count_phrase(count) == phrase
