"""Felt safety shown back to a group: how its members' answers spread over the
scale in the last three months, only from enough respondents, each count through
disclosure control. Reads only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count
from django.utils import timezone

from alongside.core.disclosure import (
    Audience,
    Figure,
    enough_respondents,
    people,
    rate,
)
from alongside.peergroups.models import PeerGroup

from .models import Answer, Kind

QUESTIONS = (
    ("felt_safe", "I felt safe in the meeting"),
    ("could_say", "I could say what I wanted to say"),
)
LOOKS_BACK = timedelta(days=91)


@dataclass(frozen=True)
class ScoreShare:
    score: int
    count: Figure
    percent: float | None


@dataclass(frozen=True)
class Distribution:
    respondents: Figure
    is_enough: bool
    questions: tuple[tuple[str, tuple[ScoreShare, ...]], ...]


def distribution_of(
    answers_by_score: dict[str, dict[int, int]],
    respondents: int,
    audience: Audience = Audience.INSIDE,
) -> Distribution:
    """Per question, each score's count and share of respondents; nothing when too
    few answered."""
    whole = people(respondents)
    if not enough_respondents(respondents, audience):
        return Distribution(respondents=whole, is_enough=False, questions=())
    questions = []
    for field, label in QUESTIONS:
        counts = answers_by_score.get(field, {})
        shares = []
        for score in range(1, 6):
            figure = people(counts.get(score, 0))
            percent = rate(figure, whole)
            shares.append(ScoreShare(score=score, count=figure, percent=percent))
        questions.append((label, protect_shares(shares)))
    return Distribution(respondents=whole, is_enough=True, questions=tuple(questions))


def protect_shares(shares: list[ScoreShare]) -> tuple[ScoreShare, ...]:
    """Secondary suppression: a question's shares add up to 100%, so a single
    hidden share could be worked out from the others. The smallest shown non-zero
    share is then hidden too (its count, rounded, stays as it is)."""
    if sum(share.percent is None for share in shares) != 1:
        return tuple(shares)
    shown = [s for s in shares if s.percent is not None and s.count.exact]
    if not shown:
        return tuple(shares)
    pick = min(shown, key=lambda share: (share.count.exact, share.score))
    return tuple(
        ScoreShare(score=s.score, count=s.count, percent=None) if s is pick else s
        for s in shares
    )


def group_distribution(group: PeerGroup, today: date | None = None) -> Distribution:
    today = today or timezone.localdate()
    answers = Answer.objects.filter(
        group=group, kind=Kind.MEETING, answered_on__gte=today - LOOKS_BACK
    )
    by_score: dict[str, dict[int, int]] = {}
    for field, _ in QUESTIONS:
        by_score[field] = dict(
            answers.values(field).annotate(n=Count("pk")).values_list(field, "n")
        )
    return distribution_of(by_score, answers.count())
