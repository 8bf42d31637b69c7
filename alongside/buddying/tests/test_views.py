"""The one-to-one pages as each person uses them: allowed, refused, and not found
for anyone outside."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.organisations.models import OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.tests.factories import PeerGroupFactory
from alongside.safety.models import Escalation

from .. import actions
from ..models import (
    AgreementVersion,
    Match,
    MatchStatus,
    Offer,
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

pytestmark = pytest.mark.django_db


def client_for(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def test_a_peer_asks_sees_where_it_is_and_withdraws() -> None:
    organisation = OrganisationFactory.create()
    group = PeerGroupFactory.create(organisation=organisation)
    group.tags.create(name="loss", slug="loss")
    peer = peer_of(organisation)
    client = client_for(peer)
    url = reverse("buddying:request-create", args=[organisation.slug])

    assert client.get(url).status_code == 200
    refused = client.post(url, {"words": "", "language": "English"})
    assert refused.status_code == 400
    assert b"in your own words" in refused.content
    kept = client.post(url, {"words": "", "access_needs": "Step-free, please"})
    assert b"Step-free, please" in kept.content
    response = client.post(
        url,
        {
            "words": "A placeholder sentence.",
            "experiences": ["loss"],
            "own_experiences": "Night shifts",
            "language": "english",
            "windows": ["weekends"],
        },
    )
    assert response.status_code == 302
    support_request = SupportRequest.objects.get(peer=peer)
    assert support_request.experiences == ["loss", "night shifts"]
    assert support_request.language == "English"
    page = client.get(reverse("buddying:index"))
    assert b"Waiting for a coordinator" in page.content

    withdraw = reverse("buddying:request-withdraw", args=[support_request.pk])
    assert client.post(withdraw).status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.WITHDRAWN


def test_only_coordinators_see_a_request_never_other_supporters() -> None:
    organisation = OrganisationFactory.create()
    supporter = ready_supporter(organisation, experiences=("loss",))
    other_supporter = ready_supporter(organisation, languages=("Welsh",))
    coordinator = coordinator_of(organisation)
    support_request = request_from(peer_of(organisation), organisation)
    url = reverse("buddying:request-match", args=[support_request.pk])

    page = client_for(coordinator).get(url)
    assert page.status_code == 200
    assert b"shares: loss; speaks English; free on weekday evenings" in page.content
    assert client_for(supporter).get(url).status_code == 404
    assert client_for(other_supporter).get(url).status_code == 404
    outsider = coordinator_of(OrganisationFactory.create())
    assert client_for(outsider).get(url).status_code == 404

    response = client_for(coordinator).post(url, {"supporter": supporter.pk})
    assert response.status_code == 302
    offer = Offer.objects.get(request=support_request)
    assert offer.supporter == supporter
    offer_url = reverse("buddying:offer-detail", args=[offer.pk])
    assert b"A placeholder sentence." in client_for(supporter).get(offer_url).content
    assert client_for(other_supporter).get(offer_url).status_code == 404


def test_an_offer_to_someone_not_on_the_list_is_refused_kindly() -> None:
    organisation = OrganisationFactory.create()
    coordinator = coordinator_of(organisation)
    welsh_only = ready_supporter(organisation, languages=("Welsh",))
    support_request = request_from(peer_of(organisation), organisation)
    url = reverse("buddying:request-match", args=[support_request.pk])

    response = client_for(coordinator).post(
        url, {"supporter": welsh_only.pk}, follow=True
    )

    assert b"cannot be offered this request now" in response.content
    assert not Offer.objects.exists()


def test_the_supporter_accepts_and_both_agree_then_download() -> None:
    organisation = OrganisationFactory.create()
    supporter = ready_supporter(organisation)
    peer = peer_of(organisation)
    offer = offered(
        request_from(peer, organisation), supporter, coordinator_of(organisation)
    )

    response = client_for(supporter).post(
        reverse("buddying:offer-accept", args=[offer.pk])
    )
    match = Match.objects.get(peer=peer)
    assert response.headers["Location"] == reverse(
        "buddying:agreement", args=[match.pk]
    )
    agree = reverse("buddying:agreement-agree", args=[match.pk])
    client_for(peer).post(agree, {"number": "1"})
    client_for(supporter).post(agree, {"number": "1"})
    assert AgreementVersion.objects.get(match=match).is_agreed
    page = client_for(peer).get(reverse("buddying:agreement", args=[match.pk]))
    assert b"Version 1 is agreed by you both" in page.content
    pdf = client_for(peer).get(reverse("buddying:agreement-download", args=[match.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")

    outsider = peer_of(organisation)
    assert (
        client_for(outsider)
        .get(reverse("buddying:match-detail", args=[match.pk]))
        .status_code
        == 404
    )


def test_a_bad_agreement_change_keeps_what_was_written() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    url = reverse("buddying:agreement-propose", args=[match.pk])

    response = client_for(match.peer).post(
        url,
        {
            "hopes": "Placeholder hopes",
            "meeting": "",
            "length_weeks": "12",
            "review_week": "20",
        },
    )

    assert response.status_code == 400
    assert b"Placeholder hopes" in response.content
    assert b"within the planned length" in response.content
    assert match.agreement_versions.count() == 1


def test_either_side_asks_for_a_change_without_a_reason() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    url = reverse("buddying:match-change", args=[match.pk])

    assert client_for(match.supporter).get(url).status_code == 200
    assert client_for(match.supporter).post(url).status_code == 302
    match.refresh_from_db()
    assert not match.is_active
    again = client_for(match.peer).post(url)
    assert again.status_code == 302
    assert again.headers["Location"] == reverse(
        "buddying:match-detail", args=[match.pk]
    )
    match.refresh_from_db()
    assert match.status == MatchStatus.CHANGE_ASKED


def test_the_other_is_told_only_that_the_support_ended() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)

    client_for(match.peer).post(reverse("buddying:match-change", args=[match.pk]))

    supporter = client_for(match.supporter)
    match_page = supporter.get(reverse("buddying:match-detail", args=[match.pk])).text
    index_page = supporter.get(reverse("buddying:index")).text

    assert f"{organisation.name}. Ended." in match_page
    assert "different match" not in match_page
    assert "different match" not in index_page


def test_a_supporter_who_has_left_the_organisation_no_longer_reaches_the_pair() -> None:
    """Their pair's conversation already closes to them once they are no longer in
    the organisation; the match's pages do too (the peer's name, meetings, notes
    and work role, and planning a meeting), while the peer keeps them."""
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    OrganisationRole.objects.filter(person=match.supporter).delete()
    supporter = client_for(match.supporter)
    pages = [
        reverse(name, args=[match.pk])
        for name in (
            "buddying:match-detail",
            "buddying:agreement",
            "buddying:meeting-create",
            "buddying:note-create",
            "buddying:match-end",
        )
    ]

    for url in pages:
        assert supporter.get(url).status_code == 404, url
    planned = supporter.post(
        reverse("buddying:meeting-create", args=[match.pk]),
        {"starts_on": "2030-01-07", "start_time": "18:00", "minutes": "60"},
    )
    index = supporter.get(reverse("buddying:index")).text

    assert planned.status_code == 404
    assert not match.meetings.exists()
    assert match.peer.shown_name not in index
    assert client_for(match.peer).get(pages[0]).status_code == 200


@pytest.mark.parametrize("now", ["a peer", "gone"])
def test_an_open_offer_shows_nothing_to_someone_no_longer_a_supporter_there(
    now: str,
) -> None:
    """An offer's 72 hours may outlast the supporter's place: once they are no
    longer a supporter in the organisation, its page no longer shows the peer's
    words or role at work, as it could no longer be taken."""
    organisation = OrganisationFactory.create()
    supporter = ready_supporter(organisation)
    support_request = request_from(peer_of(organisation), organisation)
    offer = offered(support_request, supporter, coordinator_of(organisation))
    url = reverse("buddying:offer-detail", args=[offer.pk])
    assert "A placeholder sentence." in client_for(supporter).get(url).text
    roles = OrganisationRole.objects.filter(person=supporter)
    if now == "gone":
        roles.delete()
    else:
        roles.update(role=Role.PEER)

    page = client_for(supporter).get(url)

    assert page.status_code == 200
    assert "A placeholder sentence." not in page.text
    assert "no longer open to you" in page.text


def test_a_meeting_already_over_or_years_away_is_refused_and_raises_nothing() -> None:
    """A day in the past would raise a false lone-working alert about the
    supporter at the next check; a day thousands of years ahead cannot be
    stored. Both are refused on the form, with what was typed kept."""
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    peer = client_for(match.peer)
    url = reverse("buddying:meeting-create", args=[match.pk])
    meeting = {"start_time": "18:00", "minutes": "60", "format": "in_person"}

    past = peer.post(url, {**meeting, "starts_on": "2020-01-07"})
    far = peer.post(url, {**meeting, "starts_on": "9999-12-31", "start_time": "23:00"})
    actions.alert_missed_check_outs(now=timezone.now())

    assert past.status_code == far.status_code == 400
    assert "already over" in past.text and 'value="2020-01-07"' in past.text
    assert "within the next five years" in far.text
    assert not match.meetings.exists()
    assert not Escalation.objects.exists()


def test_a_double_click_on_add_the_meeting_adds_one_meeting() -> None:
    """Two meetings at the same time would each need their own check-out, and the
    one nobody checks out of would raise a lone-working alert."""
    match = matched(OrganisationFactory.create())
    peer = client_for(match.peer)
    url = reverse("buddying:meeting-create", args=[match.pk])
    day = (timezone.localdate() + timedelta(days=7)).isoformat()
    meeting = {
        "starts_on": day,
        "start_time": "18:00",
        "minutes": "60",
        "format": "in_person",
    }

    first = peer.post(url, meeting)
    second = peer.post(url, meeting)

    assert first.status_code == second.status_code == 302
    assert match.meetings.count() == 1
