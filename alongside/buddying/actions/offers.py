"""Every change in one-to-one support. Each action checks permission, keeps the
invariants, writes, and only after the commit tells anyone (`notify` waits for it).

Notices are in the system's own words and never carry what anyone wrote.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import STAFF_ROLES, Organisation
from alongside.privateconversations.pairs import (
    close_support_conversation,
    open_support_conversation,
)
from alongside.supporters.models import SupporterProfile
from alongside.supporters.permissions import check_supporter

from ..matching import reasons_for, shortlist
from ..models import (
    AgreementVersion,
    ConflictFlag,
    Match,
    MatchStatus,
    Offer,
    OfferStatus,
    RequestStatus,
    SupportProfile,
    SupportRequest,
)
from ..pair_policy import policy_for
from ..permissions import (
    check_answer,
    check_ask,
    check_ask_for_change,
    check_end,
    check_offer,
    check_withdraw,
    side_in,
)
from ..starter import STARTER

OFFER_OPEN_FOR = timedelta(hours=72)
DOUBLE_CLICK = timedelta(seconds=30)
FULL = (
    "Your caseload is full now, so this offer cannot be taken. It has gone back to "
    "the coordinator. Thank you."
)
NOT_A_TEAM = "Please choose a team from the organisation's list. Nothing was saved."
NOT_SUGGESTABLE = (
    "This supporter cannot be offered this request now (their caseload, training, "
    "language or times no longer fit). Please choose from the list as it is now."
)


def _coordinators(organisation: Organisation, *, besides: Person) -> list[Person]:
    return list(
        Person.objects.filter(
            roles__organisation=organisation, roles__role__in=STAFF_ROLES
        )
        .exclude(pk=besides.pk)
        .distinct()
    )


def _request_link(support_request: SupportRequest) -> str:
    return reverse("buddying:request-match", kwargs={"request_id": support_request.pk})


def _match_link(match: Match) -> str:
    return reverse("buddying:match-detail", kwargs={"match_id": match.pk})


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
        people=_coordinators(organisation, besides=person),
        message=f"Someone at {organisation.name} has asked for a one-to-one supporter.",
        link=_request_link(support_request),
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
        people=_coordinators(
            support_request.organisation, besides=support_request.peer
        ),
        message="A one-to-one request is waiting for a match again.",
        link=_request_link(support_request),
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
        link=_match_link(match),
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


@transaction.atomic
def ask_for_change(*, person: Person, match: Match) -> SupportRequest:
    """Either of the two asks for a different match, without a reason. The match
    ends, their conversation becomes read-only, and the peer's request waits again
    (never for the same supporter). The coordinator sees only "change asked for";
    the other person is told kindly, without detail."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    check_ask_for_change(person, match)
    now = timezone.now()
    match.status = MatchStatus.CHANGE_ASKED
    match.ended_at = now
    match.save(update_fields=["status", "ended_at"])
    if match.conversation is not None:
        close_support_conversation(
            conversation=match.conversation,
            note="This one-to-one support has ended. You can still read it.",
        )
    again = _wait_again(match, now=now)
    if side_in(person, match) == "peer":
        notify(
            people=[match.supporter],
            message="A one-to-one support you gave has come to an end. Thank you "
            "for your support.",
            link=reverse("buddying:index"),
        )
    else:
        notify(
            people=[match.peer],
            message="Your supporter cannot carry on, and this is not about anything "
            "you did. A coordinator is finding you someone new.",
            link=reverse("buddying:index"),
        )
    notify(
        people=_coordinators(match.organisation, besides=match.peer),
        message="A change of one-to-one supporter has been asked for.",
        link=_request_link(again),
    )
    return again


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


@transaction.atomic
def end_support(*, person: Person, match: Match) -> None:
    """Either of the two ends the support, as planned or early. Their conversation
    becomes read-only for both; the other is told kindly."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    check_end(person, match)
    now = timezone.now()
    match.status = MatchStatus.ENDED
    match.ended_at = now
    match.save(update_fields=["status", "ended_at"])
    SupportRequest.objects.filter(pk=match.request_id).update(
        status=RequestStatus.CLOSED, closed_at=now
    )
    if match.conversation is not None:
        close_support_conversation(
            conversation=match.conversation,
            note="This one-to-one support has ended. You can still read it.",
        )
    other = match.supporter if side_in(person, match) == "peer" else match.peer
    notify(
        people=[other],
        message="Your one-to-one support has come to its end. Thank you for the "
        "time you spent together.",
        link=_match_link(match),
    )


def end_supporting_before_erasure(person: Person, keep_posts: bool) -> None:
    """A system action for erasing an account: the person's matches as a
    supporter go with it, so each peer's conversation is closed first (read-only,
    with a short note) rather than left open with nobody in it. `keep_posts` is
    the erasure's choice about group posts; nothing here depends on it."""
    for match in Match.objects.active().filter(supporter=person):
        if match.conversation is not None:
            close_support_conversation(
                conversation=match.conversation,
                note="This one-to-one support has ended. You can still read it, "
                "and a coordinator can find you someone new.",
            )
        _wait_again(match, now=timezone.now())


def _wait_again(match: Match, *, now: datetime) -> SupportRequest:
    """The match's request closes and a new one, with the same preferences, waits
    for the coordinators, marked as a change asked for."""
    earlier = match.request
    SupportRequest.objects.filter(pk=earlier.pk).update(
        status=RequestStatus.CLOSED, closed_at=now
    )
    return SupportRequest.objects.create(
        organisation=match.organisation,
        peer=match.peer,
        words=earlier.words,
        experiences=earlier.experiences,
        language=earlier.language,
        gender_preference=earlier.gender_preference,
        formats=earlier.formats,
        windows=earlier.windows,
        access_needs=earlier.access_needs,
        team=earlier.team,
        work_role=earlier.work_role,
        shares_work_role=earlier.shares_work_role,
        change_asked_at=now,
    )
