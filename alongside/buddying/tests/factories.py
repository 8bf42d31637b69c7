"""Making requests, supporters ready to match, offers and matches for one-to-one
support tests. Words are neutral placeholders."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory
from alongside.organisations.models import Organisation, Role
from alongside.supporters import actions as supporter_actions
from alongside.supporters.models import SupporterProfile
from alongside.supporters.tests.factories import SupervisionFactory, member_of

from .. import actions
from ..demo import agreed_back_then
from ..models import (
    AgreementVersion,
    ConflictFlag,
    Match,
    MeetingNote,
    Offer,
    SupportProfile,
    SupportRequest,
)
from ..starter import STARTER
from .ending_factories import ending_records_for_download

# A meeting whose time may already have passed, agreed back when it was asked: the
# demo's own history writer, so tests of what follows a meeting set the same yes.
agreed_before = agreed_back_then


def peer_of(organisation: Organisation) -> Person:
    return member_of(organisation, Role.PEER)


def coordinator_of(organisation: Organisation) -> Person:
    return member_of(organisation, Role.FACILITATOR)


def ready_supporter(
    organisation: Organisation,
    *,
    experiences: tuple[str, ...] = ("loss",),
    languages: tuple[str, ...] = ("English",),
    windows: tuple[str, ...] = ("weekday_evenings",),
    max_matches: int = 2,
) -> Person:
    """A peer supporter with room: supervised recently, nothing needed in training
    (the organisation has no one-to-one modules), and their matching facts given."""
    supporter = member_of(organisation, Role.PEER_SUPPORTER)
    supporter_actions.profile_for(supporter, organisation)
    SupporterProfile.objects.filter(organisation=organisation, person=supporter).update(
        max_matches=max_matches
    )
    SupervisionFactory.create(organisation=organisation, supporter=supporter)
    SupportProfile.objects.create(
        organisation=organisation,
        person=supporter,
        experiences=list(experiences),
        languages=list(languages),
        windows=list(windows),
    )
    return supporter


def request_from(
    peer: Person,
    organisation: Organisation,
    *,
    experiences: tuple[str, ...] = ("loss",),
    language: str = "English",
    windows: tuple[str, ...] = ("weekday_evenings",),
) -> SupportRequest:
    return actions.ask_for_support(
        person=peer,
        organisation=organisation,
        words="A placeholder sentence.",
        experiences=list(experiences),
        language=language,
        gender_preference="",
        formats=["chat"],
        windows=list(windows),
        access_needs="",
    )


def offered(
    support_request: SupportRequest, supporter: Person, coordinator: Person
) -> Offer:
    return actions.offer_request(
        person=coordinator, support_request=support_request, supporter=supporter
    )


def matched(organisation: Organisation) -> Match:
    """A peer and a supporter matched, with version 1 of their agreement waiting."""
    peer = peer_of(organisation)
    supporter = ready_supporter(organisation)
    offer = offered(
        request_from(peer, organisation), supporter, coordinator_of(organisation)
    )
    return actions.accept_offer(person=supporter, offer=offer)


def records_for_download(organisation: Organisation, person: Person) -> None:
    """A row for each of the person's one-to-one sections in their download, as
    the privacy tests need: a request and match of their own as a peer (with a
    version they wrote), an offer made to them and one they made, their matching
    facts and someone they said they know. The others are new people."""
    supporter = PersonFactory.create()
    other_peer = PersonFactory.create()
    own = SupportRequest.objects.create(
        organisation=organisation,
        peer=person,
        words="marker-own-request",
        status="matched",
    )
    match = Match.objects.create(
        organisation=organisation, request=own, peer=person, supporter=supporter
    )
    AgreementVersion.objects.create(
        match=match, number=1, proposed_by=person, **STARTER
    )
    supported_peer = PersonFactory.create()
    supported = Match.objects.create(
        organisation=organisation,
        request=SupportRequest.objects.create(
            organisation=organisation,
            peer=supported_peer,
            words="marker-other-words",
            status="matched",
        ),
        peer=supported_peer,
        supporter=person,
    )
    MeetingNote.objects.create(
        match=supported, author=person, met_on=timezone.localdate(), body="A note."
    )
    theirs = SupportRequest.objects.create(
        organisation=organisation, peer=other_peer, words="marker-other-request"
    )
    Offer.objects.create(
        request=theirs,
        supporter=person,
        offered_by=person,
        expires_at=timezone.now() + timedelta(hours=72),
    )
    SupportProfile.objects.create(
        organisation=organisation, person=person, languages=["English"]
    )
    ConflictFlag.objects.create(
        organisation=organisation, supporter=person, peer=other_peer
    )
    # The end of support and referrals on (ending_factories.py).
    ending_records_for_download(organisation, person, own=match, supported=supported)
