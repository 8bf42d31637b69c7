"""When one-to-one support is planned to end, and which reminder before it is due.

The planned end is the day the match started plus the length, in weeks, of the
latest agreed version of the support agreement. Both people are reminded four
weeks and one week before it, once each; when the agreement is agreed late (or
changed) so that both fall due at once, only the nearer one is sent
(`actions/ending.py` sends them). Nothing here writes.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from .ending_models import ReminderKind
from .models import AgreementVersion, Match

FOUR_WEEKS = 28
ONE_WEEK = 7


def _latest_agreed(match: Match) -> AgreementVersion | None:
    return (
        match.agreement_versions.filter(
            peer_agreed_at__isnull=False, supporter_agreed_at__isnull=False
        )
        .order_by("-number")
        .first()
    )


def planned_end_of(match: Match) -> date | None:
    """The agreed end: the start plus the agreed length. None until agreed."""
    return end_from(match, _latest_agreed(match))


def end_from(match: Match, agreed: AgreementVersion | None) -> date | None:
    """The planned end given the latest agreed version (None until agreed)."""
    if agreed is None:
        return None
    start = timezone.localtime(match.started_at).date()
    return start + timedelta(weeks=agreed.length_weeks)


def reminder_due(planned_end: date, today: date) -> ReminderKind | None:
    """The reminder due today, if any: one week before (up to the day itself),
    else four weeks before. Nothing once the day has passed."""
    days_left = (planned_end - today).days
    if 0 <= days_left <= ONE_WEEK:
        return ReminderKind.ONE_WEEK
    if ONE_WEEK < days_left <= FOUR_WEEKS:
        return ReminderKind.FOUR_WEEKS
    return None
