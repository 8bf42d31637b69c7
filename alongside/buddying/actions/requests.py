"""Asking for one-to-one support: a peer asks, or withdraws their request, and a
supporter says what they share for matching. Each action checks permission, keeps
the invariants, writes, and only after the commit tells anyone (`notify` waits for
it). Notices are in the system's own words and never carry what anyone wrote."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation
from alongside.supporters.permissions import check_supporter

from ..models import OfferStatus, RequestStatus, SupportProfile, SupportRequest
from ..pair_policy import policy_for
from ..permissions import check_ask, check_withdraw
from .shared import coordinators, request_link

DOUBLE_CLICK = timedelta(seconds=30)
NOT_A_TEAM = "Please choose a team from the organisation's list. Nothing was saved."


@transaction.atomic
def ask_for_support(
    *,
    person: Person,
    organisation: Organisation,
    words: str,
    experiences: list[str],
    language: str,
    gender_preference: str,
    formats: list[str],
    windows: list[str],
    access_needs: str,
    team: str = "",
    work_role: str = "",
    shares_work_role: bool = False,
) -> SupportRequest:
    """A peer asks for a one-to-one supporter. Only the organisation's coordinators
    hear of it. A double click finds the request already made. A team must be one
    from the organisation's list (`pair_policy`)."""
    # A double click finds the request the first click made.
    existing = (
        SupportRequest.objects.open()
        .filter(
            organisation=organisation,
            peer=person,
            created_at__gte=timezone.now() - DOUBLE_CLICK,
        )
        .first()
    )
    if existing is not None:
        return existing
    check_ask(person, organisation)
    policy = policy_for(organisation)
    if team and team not in policy.teams:
        raise PermissionDenied(NOT_A_TEAM)
    # Only the ways to meet the organisation allows (in person only, say).
    formats = [f for f in formats if f in dict(policy.formats)]
    support_request = SupportRequest.objects.create(
        organisation=organisation,
        peer=person,
        words=words,
        experiences=experiences,
        language=language,
        gender_preference=gender_preference,
        formats=formats,
        windows=windows,
        access_needs=access_needs,
        team=team,
        work_role=work_role,
        shares_work_role=shares_work_role and bool(work_role),
    )
    notify(
        people=coordinators(organisation, besides=person),
        message=f"Someone at {organisation.name} has asked for a one-to-one supporter.",
        link=request_link(support_request),
    )
    return support_request


@transaction.atomic
def withdraw_request(*, person: Person, support_request: SupportRequest) -> None:
    """The peer withdraws their request. A supporter it was offered to is told it
    is no longer needed, without detail."""
    support_request = SupportRequest.objects.select_for_update().get(
        pk=support_request.pk
    )
    check_withdraw(person, support_request)
    support_request.status = RequestStatus.WITHDRAWN
    support_request.closed_at = timezone.now()
    support_request.save(update_fields=["status", "closed_at"])
    offered = list(support_request.offers.filter(status=OfferStatus.OPEN))
    support_request.offers.filter(status=OfferStatus.OPEN).update(
        status=OfferStatus.WITHDRAWN, answered_at=timezone.now()
    )
    notify(
        people=[offer.supporter for offer in offered],
        message="A one-to-one request you were asked about is no longer needed. "
        "Thank you for looking.",
        link=reverse("buddying:index"),
    )


@transaction.atomic
def save_support_profile(
    *,
    person: Person,
    organisation: Organisation,
    experiences: list[str],
    languages: list[str],
    windows: list[str],
    gender: str,
    team: str = "",
) -> SupportProfile:
    """A supporter says what they share for matching (a team only from the
    organisation's list)."""
    check_supporter(person, organisation)
    if team and team not in policy_for(organisation).teams:
        raise PermissionDenied(NOT_A_TEAM)
    profile, _ = SupportProfile.objects.update_or_create(
        organisation=organisation,
        person=person,
        defaults={
            "experiences": experiences,
            "languages": languages,
            "windows": windows,
            "gender": gender,
            "team": team,
            "updated_at": timezone.now(),
        },
    )
    return profile
