"""One-to-one support follows the organisation's policy: a secure service meets in
person only (no conversation between the two, meetings the team can see); a
workplace scheme keeps teams apart and shows the peer's role at work to their
supporter only when they share it. Coordinators set these on a settings page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role, Setting
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.supporters.tests.factories import member_of

from .. import actions
from ..matching import reasons_for, shortlist
from ..models import OneToOneSettings, SupportProfile, SupportRequest
from ..pair_policy import policy_for
from ..permissions import (
    can_change_pair_settings,
    meetings_overseen_by,
    work_role_shown_to,
)
from .factories import coordinator_of, matched, peer_of, ready_supporter

pytestmark = pytest.mark.django_db

TEAMS = ["Emergency department", "Pharmacy"]


def signed_in(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def organisation_of(kind: str) -> Organisation:
    return OrganisationFactory.create(setting=kind)


def keep_teams_apart(organisation: Organisation) -> Person:
    coordinator = coordinator_of(organisation)
    actions.save_pair_settings(
        person=coordinator,
        organisation=organisation,
        is_in_person_only=False,
        keeps_teams_apart=True,
        teams=TEAMS,
    )
    return coordinator


def ask_from_team(
    organisation: Organisation, team: str, *, role: str = "", share: bool = False
) -> SupportRequest:
    return actions.ask_for_support(
        person=peer_of(organisation),
        organisation=organisation,
        words="A placeholder sentence.",
        experiences=["loss"],
        language="English",
        gender_preference="",
        formats=["chat"],
        windows=["weekday_evenings"],
        access_needs="",
        team=team,
        work_role=role,
        shares_work_role=share,
    )


# ---- The policy by kind of service ------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "in_person_only", "fixed", "teams_apart", "asks_role"),
    [
        (Setting.COMMUNITY, False, False, False, False),
        (Setting.WORKPLACE, False, False, True, True),
        (Setting.SECURE, True, True, False, False),
    ],
)
def test_each_kind_of_service_has_honest_defaults(
    kind: str, in_person_only: bool, fixed: bool, teams_apart: bool, asks_role: bool
) -> None:
    policy = policy_for(organisation_of(kind))

    assert policy.is_in_person_only is in_person_only
    assert policy.is_in_person_only_fixed is fixed
    assert policy.keeps_teams_apart is teams_apart
    assert policy.asks_work_role is asks_role
    assert policy.allows_messages is not in_person_only


def test_a_secure_service_meets_in_person_only_whatever_is_saved() -> None:
    organisation = organisation_of(Setting.SECURE)
    actions.save_pair_settings(
        person=coordinator_of(organisation),
        organisation=organisation,
        is_in_person_only=False,
        keeps_teams_apart=False,
        teams=[],
    )

    assert policy_for(organisation).is_in_person_only
    assert policy_for(organisation).formats == [("in_person", "In person")]


# ---- Who sets it ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.PEER, False),
        (Role.PEER_SUPPORTER, False),
        (Role.FACILITATOR, True),
        (Role.SUPERVISOR, True),
        (Role.ADMIN, True),
    ],
)
def test_only_coordinators_change_the_settings(role: str, allowed: bool) -> None:
    organisation = organisation_of(Setting.COMMUNITY)
    person = member_of(organisation, role)

    assert can_change_pair_settings(person, organisation) is allowed
    if allowed:
        actions.save_pair_settings(
            person=person,
            organisation=organisation,
            is_in_person_only=True,
            keeps_teams_apart=False,
            teams=[],
        )
        assert policy_for(organisation).is_in_person_only
    else:
        with pytest.raises(PermissionDenied):
            actions.save_pair_settings(
                person=person,
                organisation=organisation,
                is_in_person_only=True,
                keeps_teams_apart=False,
                teams=[],
            )
        assert not OneToOneSettings.objects.exists()


def test_someone_from_another_organisation_cannot_change_them() -> None:
    organisation = organisation_of(Setting.COMMUNITY)
    elsewhere = member_of(organisation_of(Setting.COMMUNITY), Role.ADMIN)

    assert not can_change_pair_settings(elsewhere, organisation)


def test_teams_are_tidied_and_each_kept_once() -> None:
    organisation = organisation_of(Setting.WORKPLACE)
    actions.save_pair_settings(
        person=coordinator_of(organisation),
        organisation=organisation,
        is_in_person_only=False,
        keeps_teams_apart=True,
        teams=["  Pharmacy ", "pharmacy", "", "Emergency   department"],
    )

    assert policy_for(organisation).teams == ("Pharmacy", "Emergency department")


def test_too_many_teams_are_refused() -> None:
    organisation = organisation_of(Setting.WORKPLACE)

    with pytest.raises(ValueError):
        actions.save_pair_settings(
            person=coordinator_of(organisation),
            organisation=organisation,
            is_in_person_only=False,
            keeps_teams_apart=True,
            teams=[f"Team {number}" for number in range(201)],
        )


# ---- The settings page ------------------------------------------------------------


def test_the_coordinator_saves_the_settings_on_the_page() -> None:
    organisation = organisation_of(Setting.WORKPLACE)
    client = signed_in(coordinator_of(organisation))
    url = reverse("buddying:pair-settings", args=[organisation.slug])

    page = client.get(url)
    saved = client.post(
        url, {"keeps_teams_apart": "on", "teams": "Pharmacy\nTheatres\n"}
    )

    assert page.status_code == 200
    assert "In a workplace scheme, teams are kept apart" in page.content.decode()
    assert saved.status_code == 302
    assert policy_for(organisation).teams == ("Pharmacy", "Theatres")
    assert not policy_for(organisation).is_in_person_only


def test_keeping_teams_apart_with_no_list_is_explained_and_nothing_is_lost() -> None:
    organisation = organisation_of(Setting.COMMUNITY)
    client = signed_in(coordinator_of(organisation))
    url = reverse("buddying:pair-settings", args=[organisation.slug])

    response = client.post(url, {"keeps_teams_apart": "on", "teams": "   "})
    too_long = client.post(url, {"teams": "Pharmacy\n" + "x" * 81})

    assert response.status_code == 400
    assert "please list your teams" in response.content.decode()
    assert too_long.status_code == 400
    assert "x" * 81 in too_long.content.decode()
    assert not OneToOneSettings.objects.exists()


def test_a_secure_service_page_says_in_person_only_is_fixed() -> None:
    organisation = organisation_of(Setting.SECURE)
    client = signed_in(coordinator_of(organisation))
    url = reverse("buddying:pair-settings", args=[organisation.slug])

    page = client.get(url).content.decode()
    client.post(url, {"is_in_person_only": "", "teams": ""})

    assert "always so in a secure service" in page
    assert 'name="is_in_person_only"' not in page
    assert policy_for(organisation).is_in_person_only


@pytest.mark.parametrize("role", [Role.PEER, Role.PEER_SUPPORTER])
def test_peers_and_supporters_are_told_the_page_does_not_exist(role: str) -> None:
    organisation = organisation_of(Setting.COMMUNITY)
    client = signed_in(member_of(organisation, role))
    url = reverse("buddying:pair-settings", args=[organisation.slug])

    assert client.get(url).status_code == 404
    assert client.post(url, {"teams": ""}).status_code == 404


# ---- In person only -----------------------------------------------------------------


def test_in_person_only_pairs_have_no_conversation_and_meet_in_person() -> None:
    organisation = organisation_of(Setting.SECURE)
    match = matched(organisation)

    assert match.conversation is None
    assert match.request.formats == []  # "chat" was asked, and is not offered here
    with pytest.raises(PermissionDenied):
        actions.plan_meeting(
            person=match.peer,
            match=match,
            starts_at=timezone.now() + timedelta(days=1),
            minutes=60,
            format="video",
        )
    meeting = actions.plan_meeting(
        person=match.peer,
        match=match,
        starts_at=timezone.now() + timedelta(days=1),
        minutes=60,
        format="in_person",
    )
    assert meeting.is_in_person


def test_the_pages_offer_in_person_only_and_say_so() -> None:
    organisation = organisation_of(Setting.SECURE)
    match = matched(organisation)
    peer = signed_in(match.peer)

    detail = peer.get(reverse("buddying:match-detail", args=[match.pk]))
    planning = peer.get(reverse("buddying:meeting-create", args=[match.pk]))
    refused = peer.post(
        reverse("buddying:meeting-create", args=[match.pk]),
        {
            "starts_on": "2030-01-07",
            "start_time": "18:00",
            "minutes": "60",
            "format": "chat",
        },
    )
    asking = signed_in(peer_of(organisation)).get(
        reverse("buddying:request-create", args=[organisation.slug])
    )

    assert "meets in person only" in detail.content.decode()
    assert "Write to each other" not in detail.content.decode()
    assert 'value="chat"' not in planning.content.decode()
    assert refused.status_code == 400 and "2030-01-07" in refused.content.decode()
    assert 'value="video"' not in asking.content.decode()
    assert 'value="in_person"' in asking.content.decode()


def test_coordinators_oversee_when_in_person_pairs_meet_never_who_the_peer_is() -> None:
    organisation = organisation_of(Setting.SECURE)
    coordinator = coordinator_of(organisation)
    match = matched(organisation)
    meeting = actions.plan_meeting(
        person=match.supporter,
        match=match,
        starts_at=timezone.now() + timedelta(hours=2),
        minutes=60,
        format="in_person",
    )
    # A time only asked is no meeting yet: the team sees it once agreed.
    assert not meetings_overseen_by(coordinator, organisation).exists()
    actions.agree_to_meeting(person=match.peer, meeting=meeting)

    page = signed_in(coordinator).get(
        reverse("buddying:coordinate", args=[organisation.slug])
    )

    text = page.content.decode()
    assert meetings_overseen_by(coordinator, organisation).count() == 1
    assert "One-to-one meetings in person" in text
    assert match.supporter.shown_name in text
    assert match.peer.shown_name not in text
    assert not meetings_overseen_by(match.supporter, organisation).exists()
    assert not meetings_overseen_by(match.peer, organisation).exists()


def test_elsewhere_the_team_does_not_see_pairs_meetings() -> None:
    organisation = organisation_of(Setting.COMMUNITY)
    coordinator = coordinator_of(organisation)
    match = matched(organisation)
    actions.plan_meeting(
        person=match.supporter,
        match=match,
        starts_at=timezone.now() + timedelta(hours=2),
        minutes=60,
        format="in_person",
    )

    page = signed_in(coordinator).get(
        reverse("buddying:coordinate", args=[organisation.slug])
    )

    assert match.conversation is not None
    assert not meetings_overseen_by(coordinator, organisation).exists()
    assert "One-to-one meetings in person" not in page.content.decode()


# ---- Teams kept apart -------------------------------------------------------------


def test_a_supporter_from_the_peers_own_team_is_never_suggested_nor_offered() -> None:
    organisation = organisation_of(Setting.WORKPLACE)
    coordinator = keep_teams_apart(organisation)
    same_team = ready_supporter(organisation)
    other_team = ready_supporter(organisation)
    SupportProfile.objects.filter(person=same_team).update(team="Pharmacy")
    SupportProfile.objects.filter(person=other_team).update(team="Theatres")
    asked = ask_from_team(organisation, "Pharmacy")

    suggested = [s.supporter for s in shortlist(asked)]

    assert suggested == [other_team]
    assert reasons_for(asked, same_team) is None
    with pytest.raises(PermissionDenied):
        actions.offer_request(
            person=coordinator, support_request=asked, supporter=same_team
        )


def test_case_does_not_hide_the_same_team() -> None:
    organisation = organisation_of(Setting.WORKPLACE)
    keep_teams_apart(organisation)
    same_team = ready_supporter(organisation)
    SupportProfile.objects.filter(person=same_team).update(team="pharmacy")

    assert shortlist(ask_from_team(organisation, "Pharmacy")) == []


def test_with_teams_not_kept_apart_the_same_team_may_be_suggested() -> None:
    organisation = organisation_of(Setting.WORKPLACE)
    actions.save_pair_settings(
        person=coordinator_of(organisation),
        organisation=organisation,
        is_in_person_only=False,
        keeps_teams_apart=False,
        teams=TEAMS,
    )
    same_team = ready_supporter(organisation)
    SupportProfile.objects.filter(person=same_team).update(team="Pharmacy")

    asked = ask_from_team(organisation, "Pharmacy")

    assert [suggestion.supporter for suggestion in shortlist(asked)] == [same_team]


def test_a_team_not_on_the_list_is_refused() -> None:
    organisation = organisation_of(Setting.WORKPLACE)
    keep_teams_apart(organisation)

    with pytest.raises(PermissionDenied):
        ask_from_team(organisation, "Somewhere made up")
    with pytest.raises(PermissionDenied):
        actions.save_support_profile(
            person=ready_supporter(organisation),
            organisation=organisation,
            experiences=[],
            languages=["English"],
            windows=[],
            gender="",
            team="Somewhere made up",
        )


def test_the_request_form_asks_the_team_only_where_teams_are_kept_apart() -> None:
    workplace = organisation_of(Setting.WORKPLACE)
    keep_teams_apart(workplace)
    community = organisation_of(Setting.COMMUNITY)
    peer = peer_of(workplace)

    asking_here = signed_in(peer).get(
        reverse("buddying:request-create", args=[workplace.slug])
    )
    asking_there = signed_in(peer_of(community)).get(
        reverse("buddying:request-create", args=[community.slug])
    )
    sent = signed_in(peer).post(
        reverse("buddying:request-create", args=[workplace.slug]),
        {
            "words": "A placeholder sentence.",
            "language": "English",
            "team": "Pharmacy",
            "work_role": "A placeholder role",
        },
    )

    assert 'name="team"' in asking_here.content.decode()
    assert 'name="work_role"' in asking_here.content.decode()
    assert 'name="team"' not in asking_there.content.decode()
    assert 'name="work_role"' not in asking_there.content.decode()
    assert sent.status_code == 302
    made = SupportRequest.objects.get(peer=peer)
    assert made.team == "Pharmacy" and not made.shares_work_role


def test_a_made_up_team_on_the_form_is_explained() -> None:
    organisation = organisation_of(Setting.WORKPLACE)
    keep_teams_apart(organisation)

    response = signed_in(peer_of(organisation)).post(
        reverse("buddying:request-create", args=[organisation.slug]),
        {"words": "A placeholder sentence.", "language": "English", "team": "Nope"},
    )

    assert response.status_code == 400
    assert "Please choose your team from the list." in response.content.decode()
    assert "A placeholder sentence." in response.content.decode()


# ---- The peer's role at work ------------------------------------------------------


@pytest.mark.parametrize(("shared", "supporter_sees"), [(False, False), (True, True)])
def test_the_supporter_sees_the_role_only_when_the_peer_shares_it(
    shared: bool, supporter_sees: bool
) -> None:
    organisation = organisation_of(Setting.WORKPLACE)
    coordinator = coordinator_of(organisation)
    supporter = ready_supporter(organisation)
    someone_else = ready_supporter(organisation)
    asked = ask_from_team(organisation, "", role="A placeholder role", share=shared)
    offer = actions.offer_request(
        person=coordinator, support_request=asked, supporter=supporter
    )

    offer_page = signed_in(supporter).get(
        reverse("buddying:offer-detail", args=[offer.pk])
    )
    coordinator_page = signed_in(coordinator).get(
        reverse("buddying:request-match", args=[asked.pk])
    )
    match = actions.accept_offer(person=supporter, offer=offer)
    match_page = signed_in(supporter).get(
        reverse("buddying:match-detail", args=[match.pk])
    )

    assert ("A placeholder role" in offer_page.content.decode()) is supporter_sees
    assert ("A placeholder role" in match_page.content.decode()) is supporter_sees
    assert "A placeholder role" in coordinator_page.content.decode()
    assert work_role_shown_to(asked.peer, asked) == "A placeholder role"
    assert work_role_shown_to(someone_else, asked) == ""


def test_no_role_means_nothing_to_share() -> None:
    organisation = organisation_of(Setting.WORKPLACE)

    asked = ask_from_team(organisation, "", role="", share=True)

    assert not asked.shares_work_role
    assert work_role_shown_to(coordinator_of(organisation), asked) == ""
