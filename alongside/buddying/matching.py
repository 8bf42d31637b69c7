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

The database applies every filter and the order, and returns only the chosen few;
Python then writes their reasons. A constant number of queries (four, one more per
kind of training the organisation requires, and one more when the peer gave a
team), however many supporters and requests there are. Nobody's words are read:
only the request's matching facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.supporters.models import SupporterProfile
from alongside.supporters.permissions import supporters_with_room

from .json_lists import HasAnyString
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


def _count(queryset: QuerySet[Match] | QuerySet[Offer]) -> Coalesce:
    """How many rows of `queryset` (correlated to one supporter), as a number."""
    counted = (
        queryset.order_by().values("supporter_id").annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _language_spellings(support_request: SupportRequest) -> list[str]:
    """Every spelling of the request's language among the organisation's
    supporters that matches it regardless of case (casefolded, in Python, from the
    few distinct lists there are), so the database can compare them exactly."""
    wanted = support_request.language.casefold()
    lists = (
        SupportProfile.objects.filter(organisation_id=support_request.organisation_id)
        .order_by()
        .values_list("languages", flat=True)
        .distinct()
    )
    return sorted(
        {
            language
            for languages in lists
            for language in languages
            if isinstance(language, str) and language.casefold() == wanted
        }
    )


def _shared_count(support_request: SupportRequest) -> Combinable:
    """How many of the request's experiences the supporter shares, counted as
    `_reasons` counts them (each of the request's, once)."""
    total: Combinable = Value(0)
    for experience in support_request.experiences:
        total = total + Case(
            When(HasAnyString("experiences", [experience]), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return total


def candidates(support_request: SupportRequest) -> QuerySet[SupportProfile]:
    """The support profiles of every supporter past the hard filters, with
    `free_places` and `shared`, best first. Decided wholly by the database."""
    organisation_id = support_request.organisation_id
    supporter = OuterRef("person_id")
    spellings = _language_spellings(support_request)
    if not spellings:
        return SupportProfile.objects.none()
    limit = SupporterProfile.objects.filter(
        organisation_id=organisation_id, person_id=supporter
    ).values("max_matches")[:1]
    matches = Match.objects.filter(
        organisation_id=organisation_id,
        status=MatchStatus.ACTIVE,
        supporter_id=supporter,
    )
    offers = Offer.objects.filter(
        supporter_id=supporter,
        status=OfferStatus.OPEN,
        expires_at__gt=timezone.now(),
        request__organisation_id=organisation_id,
    )
    # Never the peer; never a supporter who declined or let this request lapse,
    # said "I know this person", or supported this peer before (after "a
    # different match, please").
    asked_before = Offer.objects.filter(
        request_id=support_request.pk, supporter_id=supporter
    ).exclude(status=OfferStatus.WITHDRAWN)
    knows_peer = ConflictFlag.objects.filter(
        organisation_id=organisation_id,
        peer_id=support_request.peer_id,
        supporter_id=supporter,
    )
    supported_before = Match.objects.filter(
        organisation_id=organisation_id,
        peer_id=support_request.peer_id,
        supporter_id=supporter,
    )
    found = (
        SupportProfile.objects.filter(
            organisation_id=organisation_id,
            person_id__in=supporters_with_room(support_request.organisation).values(
                "pk"
            ),
        )
        .exclude(person_id=support_request.peer_id)
        .filter(HasAnyString("languages", spellings))
        .exclude(Exists(asked_before))
        .exclude(Exists(knows_peer))
        .exclude(Exists(supported_before))
    )
    if support_request.windows:
        found = found.filter(HasAnyString("windows", support_request.windows))
    apart = team_kept_apart(support_request)
    if apart:
        found = found.exclude(team__iexact=apart)
    return (
        found.annotate(
            free_places=Coalesce(Subquery(limit, output_field=IntegerField()), Value(0))
            - _count(matches)
            - _count(offers),
            shared=_shared_count(support_request),
        )
        .filter(free_places__gt=0)
        .order_by("-shared", "-free_places", "person_id")
    )


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


def shortlist(
    support_request: SupportRequest, *, length: int = SHORTLIST_LENGTH
) -> list[Suggestion]:
    """Up to `length` suggestions, best first, in the same few queries at any
    size."""
    chosen = list(
        candidates(support_request)
        .select_related("person")
        .only(
            "person",
            "experiences",
            "languages",
            "windows",
            "gender",
        )[:length]
    )
    suggestions = []
    for profile in chosen:
        found = _reasons(support_request, profile)
        if found is None:  # the database and Python agree; this is a safety net
            continue
        reasons, shared = found
        suggestions.append(
            Suggestion(
                supporter=profile.person,
                reasons=reasons,
                shared=shared,
                free_places=profile.free_places,  # type: ignore[attr-defined]
            )
        )
    return suggestions


def reasons_for(support_request: SupportRequest, supporter: Person) -> list[str] | None:
    """The reasons to suggest this supporter for the request now, or None when a
    hard filter rules them out."""
    profile = candidates(support_request).filter(person_id=supporter.pk).first()
    found = None if profile is None else _reasons(support_request, profile)
    return None if found is None else found[0]
