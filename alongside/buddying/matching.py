"""The suggested shortlist for a request: up to three supporters, each with the
reasons shown to the coordinator ("shares: bereavement; speaks Welsh; free on
weekday evenings").

Hard filters first: the supporter has room (trained for one-to-one work, supervised
in time, not on a break or pausing matches: `supporters_with_room`), has fewer
matches and open offers than their limit, shares the request's language and, when
the peer gave times, at least one of them, has not said "I know this person", is not
the peer, has not already declined or let lapse an offer of this request, and,
where the organisation keeps teams apart (`pair_policy.py`), is not from the peer's
own team or department. Then the most shared experiences first, then the most room.

A constant number of queries, however many supporters and requests there are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from django.db.models import Count
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.supporters.models import SupporterProfile
from alongside.supporters.permissions import supporters_with_room

from .models import (
    ConflictFlag,
    Gender,
    Match,
    MatchStatus,
    Offer,
    OfferStatus,
    SupportProfile,
    SupportRequest,
    Window,
)
from .pair_policy import policy_for

SHORTLIST_LENGTH = 3


@dataclass(frozen=True)
class Suggestion:
    supporter: Person
    reasons: list[str]
    shared: int
    free_places: int


def _free_places(support_request: SupportRequest) -> dict[int, int]:
    """{supporter id: free places} for the supporters past the hard filters the
    database decides: their limit less their active matches and open offers. A
    fixed number of queries, each over the organisation as a whole, counted here
    rather than once per supporter."""
    organisation = support_request.organisation
    room = set(supporters_with_room(organisation).values_list("pk", flat=True))
    limits = dict(
        SupporterProfile.objects.filter(organisation=organisation).values_list(
            "person_id", "max_matches"
        )
    )
    taken: Counter[int] = Counter(
        dict(
            Match.objects.filter(organisation=organisation, status=MatchStatus.ACTIVE)
            .values("supporter_id")
            .annotate(n=Count("pk"))
            .values_list("supporter_id", "n")
        )
    )
    taken.update(
        dict(
            Offer.objects.filter(
                request__organisation=organisation,
                status=OfferStatus.OPEN,
                expires_at__gt=timezone.now(),
            )
            .values("supporter_id")
            .annotate(n=Count("pk"))
            .values_list("supporter_id", "n")
        )
    )
    # Never the peer; never a supporter who declined or let this request lapse,
    # said "I know this person", or supported this peer before (after "a
    # different match, please").
    ruled_out = {support_request.peer_id}
    ruled_out.update(
        Offer.objects.filter(request=support_request)
        .exclude(status=OfferStatus.WITHDRAWN)
        .values_list("supporter_id", flat=True)
    )
    ruled_out.update(
        ConflictFlag.objects.filter(
            organisation=organisation, peer_id=support_request.peer_id
        ).values_list("supporter_id", flat=True)
    )
    ruled_out.update(
        Match.objects.filter(
            organisation=organisation, peer_id=support_request.peer_id
        ).values_list("supporter_id", flat=True)
    )
    free = {
        person_id: limits.get(person_id, 0) - taken[person_id]
        for person_id in room - ruled_out
    }
    return {person_id: places for person_id, places in free.items() if places > 0}


class Facts(Protocol):
    """A supporter's matching facts: a SupportProfile, or a row of its values."""

    experiences: list[str]
    languages: list[str]
    windows: list[str]
    gender: str
    team: str


def team_kept_apart(support_request: SupportRequest) -> str:
    """The peer's team when the organisation keeps teams apart and they gave one;
    "" otherwise. A supporter from that team is never suggested nor offered."""
    if not support_request.team:
        return ""
    return (
        support_request.team
        if policy_for(support_request.organisation).keeps_teams_apart
        else ""
    )


def _same_team(apart: str, profile: Facts) -> bool:
    return bool(apart) and profile.team.casefold() == apart.casefold()


def _reasons(
    support_request: SupportRequest, profile: Facts
) -> tuple[list[str], int] | None:
    """The reasons to suggest this supporter, with how many experiences they
    share; None when a hard filter (language, times) rules them out."""
    languages = {language.casefold() for language in profile.languages}
    if support_request.language.casefold() not in languages:
        return None
    windows = [w for w in support_request.windows if w in profile.windows]
    if support_request.windows and not windows:
        return None
    shared = [e for e in support_request.experiences if e in profile.experiences]
    reasons = []
    if shared:
        reasons.append("shares: " + ", ".join(shared))
    reasons.append(f"speaks {support_request.language}")
    if windows:
        labels = ", ".join(Window(w).label for w in windows if w in Window.values)
        reasons.append(f"free on {labels}")
    if (
        support_request.gender_preference
        and profile.gender == support_request.gender_preference
    ):
        reasons.append("as you hoped: " + Gender(profile.gender).label.lower())
    return reasons, len(shared)


@dataclass(frozen=True)
class _Candidate:
    person_id: int
    reasons: list[str]
    shared: int
    free_places: int


def shortlist(
    support_request: SupportRequest, *, length: int = SHORTLIST_LENGTH
) -> list[Suggestion]:
    """Up to `length` suggestions, best first, in the same few queries at any
    size (ten, with one training module the organisation requires; eleven when
    the peer gave a team, to read whether teams are kept apart)."""
    free = _free_places(support_request)
    apart = team_kept_apart(support_request)
    candidates = []
    # Plain rows, not model instances: thousands of them on every shortlist.
    for profile in SupportProfile.objects.filter(
        organisation=support_request.organisation
    ).values_list(
        "person_id",
        "experiences",
        "languages",
        "windows",
        "gender",
        "team",
        named=True,
    ):
        if profile.person_id not in free or _same_team(apart, profile):
            continue
        found = _reasons(support_request, profile)
        if found is None:
            continue
        reasons, shared = found
        candidates.append(
            _Candidate(profile.person_id, reasons, shared, free[profile.person_id])
        )
    candidates.sort(key=lambda c: (-c.shared, -c.free_places, c.person_id))
    chosen = candidates[:length]
    people = Person.objects.in_bulk([c.person_id for c in chosen])
    return [
        Suggestion(
            supporter=people[c.person_id],
            reasons=c.reasons,
            shared=c.shared,
            free_places=c.free_places,
        )
        for c in chosen
        if c.person_id in people
    ]


def reasons_for(support_request: SupportRequest, supporter: Person) -> list[str] | None:
    """The reasons to suggest this supporter for the request now, or None when a
    hard filter rules them out."""
    if supporter.pk not in _free_places(support_request):
        return None
    profile = SupportProfile.objects.filter(
        organisation=support_request.organisation, person=supporter
    ).first()
    if profile is None or _same_team(team_kept_apart(support_request), profile):
        return None
    found = _reasons(support_request, profile)
    return None if found is None else found[0]
