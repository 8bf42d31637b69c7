"""Who may ask for one-to-one support, match a request, and answer an offer.

- A peer asks for a supporter in an organisation they belong to, one request at a
  time, and sees and withdraws only their own.
- The organisation's matching coordinators (its facilitators, supervisors and
  admins) see the requests waiting there, never their own. Supporters see a request
  only once it is offered to them, and only while that offer is theirs.
- A supporter answers an offer made to them while it is open and within 72 hours.

Anything a person may not see is 404, as is anything missing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import STAFF_ROLES, Organisation
from alongside.organisations.permissions import is_staff, role_in
from alongside.supporters.permissions import is_supporter

from ..models import (
    Offer,
    OfferStatus,
    SupportRequest,
    SupportRequestQuerySet,
)

LAPSED = (
    "This offer was not answered within 72 hours, so it has gone to someone else. "
    "Thank you for looking."
)
NOT_OPEN = "This offer has already been answered or withdrawn. Nothing has changed."


# ---- Asking ----------------------------------------------------------------------


def can_ask(person: Person, organisation: Organisation) -> bool:
    """Anyone in the organisation may ask for a supporter, while they have no
    request waiting and no match under way there."""
    return (
        role_in(person, organisation) is not None
        and not SupportRequest.objects.filter(
            organisation=organisation,
            peer=person,
            status__in=["waiting", "offered", "matched"],
        ).exists()
    )


def check_ask(person: Person, organisation: Organisation) -> None:
    """Raise PermissionDenied unless can_ask. No side effects."""
    if not can_ask(person, organisation):
        raise PermissionDenied(
            "You already have a request or a supporter here. You can see it on your "
            "one-to-one support page."
        )


def own_requests(person: Person) -> SupportRequestQuerySet:
    """The person's own requests, newest first; none when signed out."""
    if not person.is_authenticated:
        return SupportRequest.objects.none()
    return SupportRequest.objects.filter(peer=person).order_by("-created_at", "-pk")


def get_own_request_for(person: Person, request_id: int) -> SupportRequest:
    """The person's own request; 404 for any other id."""
    try:
        return own_requests(person).get(pk=request_id)
    except SupportRequest.DoesNotExist:
        raise Http404 from None


def can_withdraw(person: Person, support_request: SupportRequest) -> bool:
    """The peer withdraws their own request while it waits or is offered."""
    return support_request.peer_id == person.pk and support_request.is_open


def check_withdraw(person: Person, support_request: SupportRequest) -> None:
    """Raise PermissionDenied unless can_withdraw."""
    if not can_withdraw(person, support_request):
        raise PermissionDenied(
            "This request is no longer waiting, so there is nothing to withdraw."
        )


# ---- Coordinating ----------------------------------------------------------------


def is_coordinator(person: Person, organisation: Organisation) -> bool:
    """The organisation's facilitators, supervisors and admins match requests."""
    return is_staff(person, organisation)


def coordinated_organisations(person: Person) -> QuerySet[Organisation]:
    """Where the person matches requests."""
    if not person.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        roles__person=person, roles__role__in=STAFF_ROLES
    ).distinct()


def requests_to_match_for(person: Person) -> SupportRequestQuerySet:
    """Requests in organisations the person coordinates, never their own."""
    if not person.is_authenticated:
        return SupportRequest.objects.none()
    return SupportRequest.objects.filter(
        organisation__in=coordinated_organisations(person)
    ).exclude(peer=person)


def get_request_to_match_for(person: Person, request_id: int) -> SupportRequest:
    """A request the person coordinates; 404 otherwise, also when missing."""
    try:
        return requests_to_match_for(person).get(pk=request_id)
    except SupportRequest.DoesNotExist:
        raise Http404 from None


def can_offer(person: Person, support_request: SupportRequest) -> bool:
    """A coordinator offers a request that is waiting (not already offered)."""
    return (
        support_request.status == "waiting"
        and support_request.peer_id != person.pk
        and is_coordinator(person, support_request.organisation)
    )


def check_offer(person: Person, support_request: SupportRequest) -> None:
    """Raise PermissionDenied unless can_offer."""
    if not can_offer(person, support_request):
        raise PermissionDenied(
            "This request is not waiting for a match any more, so nothing was "
            "offered. The page now shows where it is."
        )


# ---- Offers ----------------------------------------------------------------------


def offers_visible_to(person: Person) -> QuerySet[Offer]:
    """Offers made to the person as a supporter."""
    if not person.is_authenticated:
        return Offer.objects.none()
    return Offer.objects.filter(supporter=person)


def open_offers_for(person: Person) -> QuerySet[Offer]:
    """Offers waiting for the person's answer, within their 72 hours."""
    return offers_visible_to(person).filter(
        status=OfferStatus.OPEN, expires_at__gt=timezone.now()
    )


def get_offer_for(person: Person, offer_id: int) -> Offer:
    """An offer made to the person; 404 for any other id."""
    try:
        return offers_visible_to(person).select_related("request").get(pk=offer_id)
    except Offer.DoesNotExist:
        raise Http404 from None


def can_see_offered_request(person: Person, offer: Offer) -> bool:
    """The supporter reads the request's words only while the offer is open and
    they are still a supporter there (as `check_answer` asks to take it)."""
    return (
        offer.supporter_id == person.pk
        and offer.status == OfferStatus.OPEN
        and offer.expires_at > timezone.now()
        and is_supporter(person, offer.request.organisation)
    )


def check_answer(person: Person, offer: Offer) -> None:
    """Raise PermissionDenied, with the kind reason, unless the supporter may still
    answer: open, theirs, within 72 hours, and still a supporter here."""
    if offer.supporter_id != person.pk:
        raise Http404
    if offer.status != OfferStatus.OPEN:
        raise PermissionDenied(NOT_OPEN)
    if offer.expires_at <= timezone.now():
        raise PermissionDenied(LAPSED)
    if not is_supporter(person, offer.request.organisation):
        raise PermissionDenied(
            "You are no longer a supporter here, so this offer cannot be taken."
        )
