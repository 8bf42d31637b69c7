"""Asking, matching, offers and their answers, changes of match and the agreement,
through the actions, against the real models."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from alongside.notifications.models import Notification
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.privateconversations import actions as private_actions
from alongside.privateconversations.models import Side
from alongside.privateconversations.permissions import can_read, can_write
from alongside.supporters.models import SupporterProfile

from .. import actions
from ..matching import shortlist
from ..models import (
    ConflictFlag,
    MatchStatus,
    OfferStatus,
    RequestStatus,
    SupportRequest,
)
from .factories import (
    coordinator_of,
    matched,
    offered,
    peer_of,
    ready_supporter,
    request_from,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_asking_tells_the_coordinators_and_nobody_else() -> None:
    organisation = OrganisationFactory.create()
    coordinator = coordinator_of(organisation)
    supporter = ready_supporter(organisation)
    peer = peer_of(organisation)

    support_request = request_from(peer, organisation)

    assert support_request.status == RequestStatus.WAITING
    assert Notification.objects.filter(person=coordinator).count() == 1
    assert not Notification.objects.filter(person__in=[supporter, peer]).exists()


def test_a_second_request_while_one_waits_is_refused_but_a_double_click_is_not() -> (
    None
):
    organisation = OrganisationFactory.create()
    peer = peer_of(organisation)
    first = request_from(peer, organisation)

    assert request_from(peer, organisation) == first
    SupportRequest.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - timedelta(minutes=5)
    )
    with pytest.raises(PermissionDenied):
        request_from(peer, organisation)


def test_shortlist_gives_reasons_and_applies_the_hard_filters() -> None:
    organisation = OrganisationFactory.create()
    sharing = ready_supporter(organisation, experiences=("loss", "carers"))
    other_language = ready_supporter(organisation, languages=("Welsh",))
    other_times = ready_supporter(organisation, windows=("weekends",))
    paused = ready_supporter(organisation)
    SupporterProfile.objects.filter(person=paused).update(matching_paused=True)
    known = ready_supporter(organisation)
    peer = peer_of(organisation)
    ConflictFlag.objects.create(organisation=organisation, supporter=known, peer=peer)
    no_experience = ready_supporter(organisation, experiences=())

    suggestions = shortlist(request_from(peer, organisation))

    assert [s.supporter for s in suggestions] == [sharing, no_experience]
    assert suggestions[0].reasons == [
        "shares: loss",
        "speaks English",
        "free on weekday evenings",
    ]
    assert {other_language, other_times, paused, known}.isdisjoint(
        s.supporter for s in suggestions
    )


def test_a_supporter_is_never_offered_more_than_their_free_places() -> None:
    organisation = OrganisationFactory.create()
    coordinator = coordinator_of(organisation)
    supporter = ready_supporter(organisation, max_matches=1)
    first = request_from(peer_of(organisation), organisation)
    second = request_from(peer_of(organisation), organisation)
    offered(first, supporter, coordinator)

    assert shortlist(second) == []
    with pytest.raises(PermissionDenied):
        offered(second, supporter, coordinator)


def test_accepting_matches_the_two_in_a_conversation_only_they_read() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    coordinator = coordinator_of(organisation)

    assert match.request.status == RequestStatus.MATCHED
    assert match.conversation is not None
    assert can_write(match.peer, match.conversation)
    assert can_write(match.supporter, match.conversation)
    assert not can_read(coordinator, match.conversation)
    assert match.agreement_versions.get().number == 1
    assert Notification.objects.filter(person=match.peer).exists()


def test_a_held_message_in_a_pair_asks_the_team_in() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    assert match.conversation is not None

    message, _ = private_actions.send_message(
        person=match.peer,
        conversation=match.conversation,
        body="You can call me on 07700 900461.",
        client_id=uuid.uuid4(),
    )

    assert message.is_held
    assert message.author_side == Side.PERSON
    match.conversation.refresh_from_db()
    assert match.conversation.needs_someone_since is not None


def test_an_offer_answered_after_72_hours_is_refused_kindly() -> None:
    organisation = OrganisationFactory.create()
    supporter = ready_supporter(organisation)
    offer = offered(
        request_from(peer_of(organisation), organisation),
        supporter,
        coordinator_of(organisation),
    )
    offer.expires_at = timezone.now() - timedelta(minutes=1)
    offer.save(update_fields=["expires_at"])

    with pytest.raises(PermissionDenied, match="72 hours"):
        actions.accept_offer(person=supporter, offer=offer)


def test_a_lapsed_offer_goes_to_the_next_supporter() -> None:
    organisation = OrganisationFactory.create()
    first = ready_supporter(organisation, experiences=("loss", "carers"))
    second = ready_supporter(organisation)
    support_request = request_from(peer_of(organisation), organisation)
    offer = offered(support_request, first, coordinator_of(organisation))

    lapsed = actions.lapse_expired_offers(now=offer.expires_at + timedelta(seconds=1))

    offer.refresh_from_db()
    assert lapsed == 1
    assert offer.status == OfferStatus.LAPSED
    assert support_request.offers.get(status=OfferStatus.OPEN).supporter == second


def test_declining_with_i_know_this_person_never_offers_them_again() -> None:
    organisation = OrganisationFactory.create()
    supporter = ready_supporter(organisation)
    peer = peer_of(organisation)
    support_request = request_from(peer, organisation)
    offer = offered(support_request, supporter, coordinator_of(organisation))

    actions.decline_offer(person=supporter, offer=offer, knows_person=True)

    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.WAITING
    assert ConflictFlag.objects.filter(supporter=supporter, peer=peer).exists()
    assert shortlist(support_request) == []


def test_a_full_caseload_at_acceptance_is_refused_and_goes_back() -> None:
    organisation = OrganisationFactory.create()
    supporter = ready_supporter(organisation)
    offer = offered(
        request_from(peer_of(organisation), organisation),
        supporter,
        coordinator_of(organisation),
    )
    SupporterProfile.objects.filter(person=supporter).update(max_matches=0)

    with pytest.raises(PermissionDenied, match="caseload is full"):
        actions.accept_offer(person=supporter, offer=offer)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED


def test_withdrawing_tells_the_offered_supporter_without_detail() -> None:
    organisation = OrganisationFactory.create()
    supporter = ready_supporter(organisation)
    peer = peer_of(organisation)
    support_request = request_from(peer, organisation)
    offer = offered(support_request, supporter, coordinator_of(organisation))

    actions.withdraw_request(person=peer, support_request=support_request)

    offer.refresh_from_db()
    assert offer.status == OfferStatus.WITHDRAWN
    note = Notification.objects.filter(person=supporter).latest("pk")
    assert "no longer needed" in note.message


def test_asking_for_a_change_ends_it_read_only_and_waits_again_elsewhere() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    other = ready_supporter(organisation)

    again = actions.ask_for_change(person=match.peer, match=match)

    match.refresh_from_db()
    assert match.status == MatchStatus.CHANGE_ASKED
    assert match.conversation is not None
    assert not can_write(match.peer, match.conversation)
    assert can_read(match.peer, match.conversation)
    assert again.change_asked_at is not None
    assert [s.supporter for s in shortlist(again)] == [other]
    told = Notification.objects.filter(person=match.supporter).latest("pk").message
    assert "come to an end" in told


def test_the_agreement_is_agreed_when_both_say_yes_to_the_same_version() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    first = match.agreement_versions.get()

    actions.agree_to_agreement(person=match.peer, version=first)
    first.refresh_from_db()
    assert not first.is_agreed
    actions.agree_to_agreement(person=match.supporter, version=first)
    first.refresh_from_db()
    assert first.is_agreed

    fields = {
        name: getattr(first, name)
        for name in ("hopes", "meeting", "contact", "boundaries")
    } | {
        "who_else_knows": first.who_else_knows,
        "missed_meeting": first.missed_meeting,
        "ending": first.ending,
        "length_weeks": 10,
        "review_week": 5,
    }
    second = actions.propose_agreement(
        person=match.supporter, match=match, fields=fields
    )
    assert second.number == 2
    assert second.supporter_agreed_at is not None
    assert not second.is_agreed
    with pytest.raises(PermissionDenied):
        actions.agree_to_agreement(person=match.peer, version=first)
    actions.agree_to_agreement(person=match.peer, version=second)
    second.refresh_from_db()
    assert second.is_agreed


def test_pair_messages_and_requests_are_sealed_at_rest() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    assert match.conversation is not None
    message, _ = private_actions.send_message(
        person=match.supporter,
        conversation=match.conversation,
        body="A placeholder reply.",
        client_id=uuid.uuid4(),
    )

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT body FROM privateconversations_message WHERE id = %s", [message.pk]
        )
        raw_message = cursor.fetchone()[0]
        cursor.execute(
            "SELECT words FROM buddying_supportrequest WHERE id = %s",
            [match.request_id],
        )
        raw_words = cursor.fetchone()[0]
    assert "placeholder" not in raw_message
    assert "placeholder" not in raw_words
    assert match.request.words == "A placeholder sentence."


def test_a_supporter_erasing_their_account_leaves_the_peer_waiting_again() -> None:
    from alongside.privacy.actions import erase_account

    organisation = OrganisationFactory.create()
    match = matched(organisation)
    conversation = match.conversation
    assert conversation is not None
    peer = match.peer

    erase_account(person=match.supporter, keep_posts=True)

    conversation.refresh_from_db()
    assert not conversation.is_open
    assert can_read(peer, conversation)
    waiting = SupportRequest.objects.get(peer=peer, status=RequestStatus.WAITING)
    assert waiting.change_asked_at is not None
