"""The members' view of a venue, as staff see it: shares of each answer over the
last year, only once at least five members have answered (not five answers: a member
may answer again every three months), so that nobody's answers can be picked out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count

from .disclosure import count_phrase
from .models import (
    VENUE_CHECK_EVERY,
    VENUE_QUESTIONS,
    VENUE_VIEW_SHOWN_FROM,
    Felt,
    Venue,
    VenueCheck,
    VenueCheckTurn,
)

LOOKS_BACK = timedelta(days=365)


@dataclass(frozen=True)
class QuestionView:
    question: str
    # Felt label -> share in whole tens of percent, such as "about 70%".
    shares: list[tuple[str, str]]


@dataclass(frozen=True)
class MembersView:
    answered: str  # a disclosure-controlled count, such as "fewer than 8"
    questions: list[QuestionView]


def members_view(venue: Venue, today: date) -> MembersView | None:
    """The view, or None while fewer than five members answered in the last year."""
    checks = VenueCheck.objects.filter(venue=venue, answered_on__gte=today - LOOKS_BACK)
    total = checks.count()
    if total < VENUE_VIEW_SHOWN_FROM or _members_answered(venue, today) < (
        VENUE_VIEW_SHOWN_FROM
    ):
        return None
    questions = []
    for field, question in VENUE_QUESTIONS:
        counts = dict(
            checks.values(field).annotate(n=Count("pk")).values_list(field, "n")
        )
        shares = [
            (label, f"about {round(counts.get(value, 0) * 10 / total) * 10}%")
            for value, label in Felt.choices
        ]
        questions.append(QuestionView(question=question, shares=shares))
    return MembersView(answered=count_phrase(total), questions=questions)


def _members_answered(venue: Venue, today: date) -> int:
    """Members whose latest answer about the venue was surely in the last year. The
    answers name nobody; a member's turn keeps only when they may answer next, the
    first of a month more than VENUE_CHECK_EVERY after answering, so this counts
    only turns whose answer cannot have been earlier than a year ago."""
    surely_since = today - LOOKS_BACK + VENUE_CHECK_EVERY + timedelta(days=31)
    return VenueCheckTurn.objects.filter(
        venue=venue, next_from__gte=surely_since
    ).count()
