"""Offers of a request to a supporter: a coordinator offers, the supporter says yes
(and the two are matched) or no, and offers left unanswered for 72 hours lapse.
Each action checks permission, keeps the invariants, writes, and only after the
commit tells anyone (`notify` waits for it). Notices are in the system's own
words and never carry what anyone wrote."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation
from alongside.privateconversations.pairs import open_support_conversation
from alongside.supporters.models import SupporterProfile

from ..matching import reasons_for, shortlist
from ..models import (
    AgreementVersion,
    ConflictFlag,
    Match,
    Offer,
    OfferStatus,
    RequestStatus,
    SupportRequest,
)
from ..pair_policy import policy_for
from ..permissions import check_answer, check_offer
from ..starter import STARTER
from .shared import coordinators, match_link, request_link

OFFER_OPEN_FOR = timedelta(hours=72)
FULL = (
    "Your caseload is full now, so this offer cannot be taken. It has gone back to "
    "the coordinator. Thank you."
)
NOT_SUGGESTABLE = (
    "This supporter cannot be offered this request now (their caseload, training, "
    "language or times no longer fit). Please choose from the list as it is now."
)


def _make_offer(
    support_request: SupportRequest,
    supporter: Person,
    reasons: list[str],
    *,
    by: Person | None,
) -> Offer:
    """Precondition: the request is locked and waiting, and the supporter passes
    the hard filters (`reasons` are why)."""
    offer = Offer.objects.create(
        request=support_request,
        supporter=supporter,
        offered_by=by,
        reasons=reasons,
        expires_at=timezone.now() + OFFER_OPEN_FOR,
    )
    support_request.status = RequestStatus.OFFERED
    support_request.save(update_fields=["status"])
    notify(
        people=[supporter],
        message="You have been asked whether you could support someone one to one. "
        "Please answer within three days.",
        link=reverse("buddying:offer-detail", kwargs={"offer_id": offer.pk}),
    )
    return offer


def _lock_supporter(organisation: Organisation, supporter: Person) -> None:
    """Two coordinators offering the same supporter at once take turns here, so
    the second sees the first's offer in the supporter's free places."""
    list(
        SupporterProfile.objects.select_for_update().filter(
            organisation=organisation, person=supporter
        )
    )


@transaction.atomic
def offer_request(
    *, person: Person, support_request: SupportRequest, supporter: Person
) -> Offer:
    """A coordinator offers the request to one supporter from the shortlist (or
    anyone passing the same hard filters). Open for 72 hours."""
    support_request = SupportRequest.objects.select_for_update().get(
        pk=support_request.pk
    )
    check_offer(person, support_request)
    _lock_supporter(support_request.organisation, supporter)
    reasons = reasons_for(support_request, supporter)
    if reasons is None:
        raise PermissionDenied(NOT_SUGGESTABLE)
    return _make_offer(support_request, supporter, reasons, by=person)


def _back_to_waiting(support_request: SupportRequest, *, by: Person | None) -> None:
    """The request goes to the next suggestion, or back to the coordinators."""
    support_request.status = RequestStatus.WAITING
    support_request.save(update_fields=["status"])
    suggestions = shortlist(support_request, length=1)
    if suggestions:
        supporter = suggestions[0].supporter
        _lock_supporter(support_request.organisation, supporter)
        _make_offer(support_request, supporter, suggestions[0].reasons, by=by)
        return
    notify(
        people=coordinators(support_request.organisation, besides=support_request.peer),
        message="A one-to-one request is waiting for a match again.",
        link=request_link(support_request),
    )


def _locked_offer(offer: Offer) -> Offer:
    return Offer.objects.select_for_update().select_related("request").get(pk=offer.pk)


def accept_offer(*, person: Person, offer: Offer) -> Match:
    """The supporter says yes: the two are matched, their private conversation
    opens and the first version of their agreement waits for both to agree. A
    caseload that filled while the offer was open refuses it (PermissionDenied,
    kindly), and the request goes on to the next suggestion."""
    with transaction.atomic():
        match = _accept(person, offer)
    if match is None:
        raise PermissionDenied(FULL)
    return match


def _accept(person: Person, offer: Offer) -> Match | None:
    offer = _locked_offer(offer)
    check_answer(person, offer)
    support_request = offer.request
    organisation = support_request.organisation
    _lock_supporter(organisation, person)
    limit = (
        SupporterProfile.objects.filter(organisation=organisation, person=person)
        .values_list("max_matches", flat=True)
        .first()
        or 0
    )
    active = Match.objects.active().filter(organisation=organisation, supporter=person)
    if active.count() >= limit:
        offer.status = OfferStatus.DECLINED
        offer.answered_at = timezone.now()
        offer.save(update_fields=["status", "answered_at"])
        _back_to_waiting(support_request, by=offer.offered_by)
        return None
    now = timezone.now()
    offer.status = OfferStatus.ACCEPTED
    offer.answered_at = now
    offer.save(update_fields=["status", "answered_at"])
    support_request.status = RequestStatus.MATCHED
    support_request.save(update_fields=["status"])
    # Where pairs meet in person only, they have no conversation in Alongside.
    conversation = (
        None
        if policy_for(organisation).is_in_person_only
        else open_support_conversation(
            organisation=organisation,
            peer=support_request.peer,
            supporter=person,
            peer_name=support_request.peer.shown_name,
            supporter_name=person.shown_name,
        )
    )
    match = Match.objects.create(
        organisation=organisation,
        request=support_request,
        peer=support_request.peer,
        supporter=person,
        conversation=conversation,
        started_at=now,
    )
    AgreementVersion.objects.create(match=match, number=1, **STARTER)
    notify(
        people=[support_request.peer],
        message="A peer supporter has said yes to supporting you. Your next step is "
        "your support agreement.",
        link=match_link(match),
    )
    return match


@transaction.atomic
def decline_offer(*, person: Person, offer: Offer, knows_person: bool) -> None:
    """The supporter says no, with no reason needed. "I know this person" means
    the two are never offered each other again. The request goes on to the next
    suggestion."""
    offer = _locked_offer(offer)
    check_answer(person, offer)
    offer.status = OfferStatus.DECLINED
    offer.answered_at = timezone.now()
    offer.save(update_fields=["status", "answered_at"])
    support_request = SupportRequest.objects.select_for_update().get(
        pk=offer.request_id
    )
    if knows_person:
        ConflictFlag.objects.get_or_create(
            organisation=support_request.organisation,
            supporter=person,
            peer=support_request.peer,
        )
    if support_request.status == RequestStatus.OFFERED:
        _back_to_waiting(support_request, by=offer.offered_by)


@transaction.atomic
def lapse_expired_offers(*, now: datetime) -> int:
    """A system action for the regular check: offers unanswered for 72 hours
    lapse, and each request goes on to the next suggestion. Returns how many."""
    expired = list(
        Offer.objects.select_for_update()
        .filter(status=OfferStatus.OPEN, expires_at__lte=now)
        .select_related("request")
    )
    for offer in expired:
        offer.status = OfferStatus.LAPSED
        offer.answered_at = now
        offer.save(update_fields=["status", "answered_at"])
        if offer.request.status == RequestStatus.OFFERED:
            _back_to_waiting(offer.request, by=offer.offered_by)
    return len(expired)
