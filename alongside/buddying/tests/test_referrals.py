"""Referring on: with the peer's consent, item by item, or under the limits of
confidentiality with a supervisor's counter-signature; who sees what. Through the
rules, the actions and the pages, against the real models."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.notifications.models import Notification
from alongside.organisations.models import OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.supporters.models import Supervision
from alongside.supporters.tests.factories import member_of

from .. import actions
from ..ending_models import Basis, Referral, ReferralStatus
from ..models import Match
from ..permissions import (
    can_countersign,
    can_give_consent,
    can_refer,
    get_referral_for,
    referrals_to_sign_for,
    referrals_visible_to,
)
from .ending_factories import service_of
from .factories import matched, peer_of

pytestmark = pytest.mark.django_db(transaction=True)


def client_for(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def refer(match: Match, *, basis: str = Basis.CONSENT, items: list[str]) -> Referral:
    return actions.record_referral(
        person=match.supporter,
        match=match,
        service=service_of(match.organisation),
        basis=basis,
        items=items,
        why="A placeholder reason.",
    )


def without_supervisor(match: Match) -> Match:
    Supervision.objects.filter(supporter=match.supporter).delete()
    return match


# ---- Recording -----------------------------------------------------------------------


def test_only_the_supporter_of_an_active_match_refers() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)

    assert can_refer(match.supporter, match)
    assert not can_refer(match.peer, match)
    assert not can_refer(peer_of(organisation), match)
    with pytest.raises(PermissionDenied):
        actions.record_referral(
            person=match.peer,
            match=match,
            service=service_of(organisation),
            basis=Basis.CONSENT,
            items=["name"],
            why="A placeholder.",
        )
    actions.end_support(person=match.peer, match=match)
    match.refresh_from_db()
    assert not can_refer(match.supporter, match)


def test_a_referral_with_consent_asks_the_peer_and_shares_nothing_yet() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)

    referral = refer(match, items=["contact", "junk", "name"])

    assert referral.status == ReferralStatus.ASKED
    assert referral.items_asked == ["name", "contact"]
    assert referral.items_shared == []
    assert Notification.objects.filter(
        person=match.peer, message__contains="You choose what"
    ).exists()


def test_junk_and_a_service_from_elsewhere_are_refused_kindly() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    elsewhere = service_of(OrganisationFactory.create())
    removed = service_of(organisation)
    removed.removed_at = timezone.now()
    removed.save()

    with pytest.raises(PermissionDenied, match="at least one"):
        refer(match, items=["junk"])
    for service in (elsewhere, removed):
        with pytest.raises(PermissionDenied, match="no longer in"):
            actions.record_referral(
                person=match.supporter,
                match=match,
                service=service,
                basis=Basis.CONSENT,
                items=["name"],
                why="A placeholder.",
            )
    with pytest.raises(PermissionDenied, match="has a say"):
        refer(match, basis="junk", items=["name"])
    assert not Referral.objects.exists()


def test_a_double_click_records_one_referral() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    service = service_of(organisation)
    made = [
        actions.record_referral(
            person=match.supporter,
            match=match,
            service=service,
            basis=Basis.CONSENT,
            items=["name"],
            why="A placeholder.",
        )
        for _ in range(2)
    ]

    assert made[0].pk == made[1].pk
    assert Referral.objects.count() == 1


# ---- Consent, item by item -----------------------------------------------------------


def test_the_peer_ticks_what_may_be_shared_once_with_the_time_kept() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    referral = refer(match, items=["name", "contact", "what_help"])

    assert can_give_consent(match.peer, referral)
    assert not can_give_consent(match.supporter, referral)
    with pytest.raises(PermissionDenied):
        actions.give_consent(person=match.supporter, referral=referral, items=[])

    answered = actions.give_consent(
        person=match.peer, referral=referral, items=["what_help", "name", "safety"]
    )

    assert answered.status == ReferralStatus.CONSENTED
    # Only items asked about; "safety" was never asked.
    assert answered.items_shared == ["name", "what_help"]
    assert answered.consented_at is not None
    with pytest.raises(PermissionDenied, match="already answered"):
        actions.give_consent(person=match.peer, referral=referral, items=["name"])
    assert Notification.objects.filter(
        person=match.supporter, message__contains="has answered your referral"
    ).exists()


def test_ticking_nothing_says_no_and_shares_nothing() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    referral = refer(match, items=["name"])

    answered = actions.give_consent(person=match.peer, referral=referral, items=[])

    assert answered.status == ReferralStatus.DECLINED
    assert answered.items_shared == []


# ---- Under the limits of confidentiality ---------------------------------------------


def test_under_the_limits_the_supporters_own_supervisor_signs() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    other_supervisor = member_of(organisation, Role.SUPERVISOR)
    Supervision.objects.filter(supporter=match.supporter).update(supervisor=supervisor)

    referral = refer(match, basis=Basis.LIMITS, items=["name", "safety"])

    assert referral.status == ReferralStatus.AWAITING_SIGNATURE
    assert referral.items_shared == ["name", "safety"]
    assert not can_give_consent(match.peer, referral)
    assert can_countersign(supervisor, referral)
    assert not can_countersign(other_supervisor, referral)
    assert not can_countersign(match.supporter, referral)
    assert list(referrals_to_sign_for(supervisor)) == [referral]
    assert not referrals_to_sign_for(other_supervisor).exists()
    assert Notification.objects.filter(
        person=supervisor, message__contains="signature"
    ).exists()
    assert Notification.objects.filter(
        person=match.peer, message__contains="recorded a referral about you"
    ).exists()

    actions.countersign_referral(person=supervisor, referral=referral, agree=True)

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SIGNED
    assert referral.countersigned_by == supervisor
    with pytest.raises(PermissionDenied):
        actions.countersign_referral(person=supervisor, referral=referral, agree=False)


def test_with_no_supervisor_any_supervisor_or_admin_signs_and_may_refuse() -> None:
    organisation = OrganisationFactory.create()
    match = without_supervisor(matched(organisation))
    admin = member_of(organisation, Role.ADMIN)
    facilitator = member_of(organisation, Role.FACILITATOR)
    referral = refer(match, basis=Basis.LIMITS, items=["safety"])

    assert can_countersign(admin, referral)
    assert not can_countersign(facilitator, referral)
    assert not can_countersign(match.peer, referral)

    actions.countersign_referral(person=admin, referral=referral, agree=False)

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.NOT_SIGNED
    assert referral.items_shared == []


# ---- Who sees a referral ---------------------------------------------------------


def test_the_peer_sees_every_referral_about_them_and_nobody_else_does() -> None:
    organisation = OrganisationFactory.create()
    match = without_supervisor(matched(organisation))
    with_consent = refer(match, items=["name"])
    under_limits = refer(match, basis=Basis.LIMITS, items=["safety"])
    other_peer = peer_of(organisation)
    facilitator = member_of(organisation, Role.FACILITATOR)
    supervisor = member_of(organisation, Role.SUPERVISOR)

    assert set(referrals_visible_to(match.peer)) == {with_consent, under_limits}
    assert set(referrals_visible_to(match.supporter)) == {with_consent, under_limits}
    assert list(referrals_visible_to(supervisor)) == [under_limits]
    for person in (other_peer, facilitator):
        with pytest.raises(Http404):
            get_referral_for(person, with_consent.pk)
    with pytest.raises(Http404):
        get_referral_for(supervisor, with_consent.pk)

    # A supporter who leaves the organisation no longer sees it; the peer still does.
    OrganisationRole.objects.filter(
        person=match.supporter, organisation=organisation
    ).delete()
    assert not referrals_visible_to(match.supporter).exists()
    match.supporter.delete()
    assert set(referrals_visible_to(match.peer)) == {with_consent, under_limits}


# ---- The pages -------------------------------------------------------------------


def test_the_supporter_records_a_referral_and_the_peer_consents_on_the_page() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    service = service_of(organisation)
    url = reverse("buddying:referral-create", args=[match.pk])
    supporter = client_for(match.supporter)

    assert client_for(match.peer).get(url).status_code == 403
    assert client_for(peer_of(organisation)).get(url).status_code == 404
    assert supporter.get(url).status_code == 200
    refused = supporter.post(
        url, {"service": str(service.pk), "basis": "consent", "why": "Kept words."}
    )
    assert refused.status_code == 400
    assert b"Kept words." in refused.content
    assert b"tick at least one" in refused.content
    junk = supporter.post(
        url, {"service": "999999", "basis": "x", "items": ["name"], "why": "W"}
    )
    assert junk.status_code == 400
    done = supporter.post(
        url,
        {
            "service": str(service.pk),
            "basis": "consent",
            "items": ["name", "contact"],
            "why": "A placeholder reason.",
        },
    )
    assert done.status_code == 302
    referral = Referral.objects.get()

    peer = client_for(match.peer)
    detail = reverse("buddying:referral-detail", args=[referral.pk])
    page = peer.get(detail)
    assert b"Your say" in page.content
    assert b"How to contact you" in page.content
    consent = reverse("buddying:referral-consent", args=[referral.pk])
    assert peer.post(consent, {"items": ["junk"]}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ASKED
    assert peer.post(consent, {"items": ["name"]}).status_code == 302
    assert peer.post(consent, {"items": ["contact"]}).status_code == 302
    referral.refresh_from_db()
    assert referral.items_shared == ["name"]
    shown = peer.get(reverse("buddying:match-detail", args=[match.pk]))
    assert service.name.encode() in shown.content
    assert client_for(peer_of(organisation)).get(detail).status_code == 404


def test_a_supervisor_counter_signs_on_the_page() -> None:
    organisation = OrganisationFactory.create()
    match = without_supervisor(matched(organisation))
    referral = refer(match, basis=Basis.LIMITS, items=["safety"])
    supervisor = client_for(member_of(organisation, Role.SUPERVISOR))

    listing = supervisor.get(reverse("buddying:referrals-to-sign"))
    assert listing.status_code == 200
    assert referral.service_name.encode() in listing.content
    assert (
        client_for(match.peer).get(reverse("buddying:referrals-to-sign")).status_code
        == 404
    )
    sign = reverse("buddying:referral-countersign", args=[referral.pk])
    refused = client_for(match.peer).post(sign, {"answer": "sign"}, follow=True)
    assert b"Only the supporter&#x27;s supervisor" in refused.content
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.AWAITING_SIGNATURE

    assert supervisor.post(sign, {"answer": "sign"}).status_code == 302
    assert supervisor.post(sign, {"answer": "refuse"}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SIGNED
