"""The suggested shortlist for a request: up to three supporters, each with the
reasons shown to the coordinator ("shares: bereavement; speaks Welsh; free on
weekday evenings").

Hard filters first: the supporter has room (trained for one-to-one work, supervised
in time, not on a break or pausing matches: `supporters_with_room`), has fewer
matches and open offers than their limit, shares the request's language and, when
the peer gave times, at least one of them, has not said "I know this person", is not
the peer, and has not already declined or let lapse an offer of this request. Then
the most shared experiences first, then the most room.

A constant number of queries, however many supporters and requests there are.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.supporters.models import SupporterProfile
from alongside.supporters.permissions import supporters_with_room

from .models import (
    ConflictFlag,
    Match,
    MatchStatus,
    Offer,
    OfferStatus,
    SupportProfile,
    SupportRequest,
    Window,
)

SHORTLIST_LENGTH = 3


@dataclass(frozen=True)
class Suggestion:
    supporter: Person
    reasons: list[str]
    shared: int
    free_places: int


def _count(queryset: object) -> Coalesce:
    return Coalesce(
        Subquery(queryset, output_field=IntegerField()),  # type: ignore[arg-type]
        Value(0),
    )


def _with_room(support_request: SupportRequest) -> list[Person]:
    """Supporters past the hard filters that the database decides, each with
    `free_places` set: their limit less their active matches and open offers."""
    organisation = support_request.organisation
    now = timezone.now()
    limit = SupporterProfile.objects.filter(
        organisation=organisation, person=OuterRef("pk")
    ).values("max_matches")[:1]
    matches = (
        Match.objects.filter(
            organisation=organisation,
            supporter=OuterRef("pk"),
            status=MatchStatus.ACTIVE,
        )
        .values("supporter")
        .annotate(n=Count("pk"))
        .values("n")
    )
    offers = (
        Offer.objects.filter(
            request__organisation=organisation,
            supporter=OuterRef("pk"),
            status=OfferStatus.OPEN,
            expires_at__gt=now,
        )
        .values("supporter")
        .annotate(n=Count("pk"))
        .values("n")
    )
    refused = Offer.objects.filter(request=support_request).exclude(
        status=OfferStatus.WITHDRAWN
    )
    # After "a different match, please", never the same supporter again.
    before = Match.objects.filter(
        organisation=organisation, peer_id=support_request.peer_id
    )
    conflicts = ConflictFlag.objects.filter(
        organisation=organisation, peer_id=support_request.peer_id
    )
    people = (
        supporters_with_room(organisation)
        .exclude(pk=support_request.peer_id)
        .exclude(pk__in=refused.values("supporter_id"))
        .exclude(pk__in=conflicts.values("supporter_id"))
        .exclude(pk__in=before.values("supporter_id"))
        .annotate(
            limit=_count(limit),
            matched=_count(matches),
            offered=_count(offers),
        )
        .filter(limit__gt=0)
        .distinct()
    )
    found: list[Person] = []
    for person in people:
        free = person.limit - person.matched - person.offered
        if free > 0:
            person.free_places = free  # type: ignore[attr-defined]
            found.append(person)
    return found


def _reasons(
    support_request: SupportRequest, profile: SupportProfile
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
        reasons.append("as you hoped: " + profile.get_gender_display().lower())
    return reasons, len(shared)


def shortlist(
    support_request: SupportRequest, *, length: int = SHORTLIST_LENGTH
) -> list[Suggestion]:
    """Up to `length` suggestions, best first. Three queries."""
    people = {person.pk: person for person in _with_room(support_request)}
    profiles = SupportProfile.objects.filter(
        organisation=support_request.organisation, person_id__in=list(people)
    )
    suggestions = []
    for profile in profiles:
        found = _reasons(support_request, profile)
        if found is None:
            continue
        reasons, shared = found
        person = people[profile.person_id]
        suggestions.append(
            Suggestion(
                supporter=person,
                reasons=reasons,
                shared=shared,
                free_places=person.free_places,  # type: ignore[attr-defined]
            )
        )
    suggestions.sort(key=lambda s: (-s.shared, -s.free_places, s.supporter.pk))
    return suggestions[:length]


def is_suggestable(support_request: SupportRequest, supporter: Person) -> bool:
    """Whether the supporter passes every hard filter for the request now."""
    return any(
        s.supporter.pk == supporter.pk for s in shortlist(support_request, length=10**6)
    )
