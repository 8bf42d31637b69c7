"""Felt safety after one-to-one meetings, by quarter, for the organisation's
figures: the "I felt safe" answers to the check after each meeting, read from
one-to-one support through its one public function
(`alongside.buddying.felt_safety`), through the same disclosure control as every
other figure. Shown only from enough different people (5 inside the organisation,
10 in what leaves it), never pair by pair. Reads only."""

from __future__ import annotations

from alongside.buddying.felt_safety import (
    FeltSafeCounts,
    felt_safe_after_meetings,
    felt_safe_after_meetings_by_period,
)
from alongside.core.disclosure import Audience, enough_respondents, people, rate
from alongside.organisations.models import Organisation

from .rates import Quarter
from .shown_back import Distribution, ScoreShare, protect_shares

QUESTION = "I felt safe (one-to-one meetings)"


def one_to_one_felt_safety(
    organisation: Organisation,
    quarter: Quarter,
    audience: Audience = Audience.INSIDE,
) -> Distribution:
    """One quarter's spread of the answers, or nothing when too few people
    answered."""
    start, end = quarter.bounds()
    return _distribution(
        felt_safe_after_meetings(organisation, start=start, end=end), audience
    )


def one_to_one_felt_safety_by_quarter(
    organisation: Organisation,
    quarters: list[Quarter],
    audience: Audience = Audience.INSIDE,
) -> list[tuple[Quarter, Distribution]]:
    """Each quarter's spread, counted in two queries for all the quarters."""
    counted = felt_safe_after_meetings_by_period(
        organisation, periods=[quarter.bounds() for quarter in quarters]
    )
    return [
        (quarter, _distribution(counts, audience))
        for quarter, counts in zip(quarters, counted, strict=True)
    ]


def _distribution(counts: FeltSafeCounts, audience: Audience) -> Distribution:
    whole = people(counts.people)
    if not enough_respondents(counts.people, audience):
        return Distribution(respondents=whole, is_enough=False, questions=())
    answers = people(counts.answers)
    shares = protect_shares(
        [
            ScoreShare(
                score=score,
                count=people(counts.by_score[score]),
                percent=rate(people(counts.by_score[score]), answers),
            )
            for score in range(1, 6)
        ]
    )
    return Distribution(
        respondents=whole, is_enough=True, questions=((QUESTION, shares),)
    )
