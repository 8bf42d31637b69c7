"""Counts of the "I felt safe" answers given in the checks after one-to-one
meetings, for the organisation's felt-safety figures (`alongside.insights`, which
reads them through this function only). Counts only: never who answered, which
pair, or any other answer. Disclosure control is the reader's (insights applies
`alongside.core.disclosure` to these counts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Case, Count, IntegerField, Value, When

from alongside.organisations.models import Organisation

from .models import SupportCheck


@dataclass(frozen=True)
class FeltSafeCounts:
    # How many answers gave each score, 1 to 5.
    by_score: dict[int, int]
    # How many different peers answered: a figure needs enough people, not just
    # enough answers, since one peer answers after every meeting.
    people: int

    @property
    def answers(self) -> int:
        return sum(self.by_score.values())


def felt_safe_after_meetings(
    organisation: Organisation, *, start: datetime, end: datetime
) -> FeltSafeCounts:
    """The "I felt safe" answers to checks after a meeting (not those given at any
    other time), answered from `start` up to `end`, in the organisation. Two
    queries, however many answers."""
    answers = SupportCheck.objects.filter(
        match__organisation=organisation,
        meeting__isnull=False,
        created_at__gte=start,
        created_at__lt=end,
    )
    by_score = dict(
        answers.values("felt_safe")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("felt_safe", "n")
    )
    return FeltSafeCounts(
        by_score={score: by_score.get(score, 0) for score in range(1, 6)},
        people=answers.values("match__peer").distinct().count(),
    )


def felt_safe_after_meetings_by_period(
    organisation: Organisation, *, periods: list[tuple[datetime, datetime]]
) -> list[FeltSafeCounts]:
    """The same counts as `felt_safe_after_meetings` for each of `periods`
    (consecutive, oldest first, each [start, end)), in two queries however many
    periods: each answer's period is worked out in the database."""
    period = Case(
        *(
            When(created_at__lt=end, then=Value(index))
            for index, (_, end) in enumerate(periods)
        ),
        output_field=IntegerField(),
    )
    answers = SupportCheck.objects.filter(
        match__organisation=organisation,
        meeting__isnull=False,
        created_at__gte=periods[0][0],
        created_at__lt=periods[-1][1],
    ).annotate(period=period)
    by_score: list[dict[int, int]] = [{} for _ in periods]
    for index, score, n in (
        answers.values_list("period", "felt_safe").annotate(n=Count("pk")).order_by()
    ):
        by_score[index][score] = n
    people = dict(
        answers.values_list("period")
        .annotate(n=Count("match__peer", distinct=True))
        .order_by()
    )
    return [
        FeltSafeCounts(
            by_score={score: by_score[index].get(score, 0) for score in range(1, 6)},
            people=people.get(index, 0),
        )
        for index in range(len(periods))
    ]
