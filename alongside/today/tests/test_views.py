"""The Today page: who may open it, what it lists, what it never shows, and that its
cost does not grow with the service."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)
from alongside.peergroups.models import GroupRole
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.safety import actions as safety_actions

from .worlds import REQUESTER_NAME, WORDS, busy_group

pytestmark = pytest.mark.django_db

TODAY = reverse("today:page")


def staff(organisation: Organisation, role: str = Role.FACILITATOR) -> Person:
    person = PersonFactory.create()
    OrganisationRoleFactory.create(organisation=organisation, person=person, role=role)
    give_second_factor(person)
    return person


def signed_in(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_a_facilitator_sees_everything_waiting_with_links() -> None:
    organisation = OrganisationFactory.create(name="Placeholder Service")
    facilitator = staff(organisation)
    busy = busy_group(organisation, facilitator)
    group = busy.group

    response = signed_in(facilitator).get(TODAY)

    page = response.content.decode()
    assert response.status_code == 200
    names = [section.name for section in response.context["sections"]]
    assert names[0] == "alerts"
    assert f"Someone in {group.name} may need support now" in page
    assert reverse("safety:escalation-detail", args=[busy.escalation.pk]) in page
    assert "Waiting 12" in page  # minutes, as the alert's age
    assert "1 held post, 1 reported post waiting for a decision." in page
    assert reverse("safety:queue", args=[group.pk]) in page
    assert "1 person waiting to hear if they can join." in page
    assert reverse("peergroups:request-list", args=[group.pk]) in page
    assert "1 open incident in the log." in page
    assert reverse("safety:incident-list", args=[organisation.slug]) in page
    assert "The group agreement is due for review on" in page
    assert reverse("agreements:review-start", args=[group.pk]) in page
    assert "Nobody is on duty now" in page
    assert "You are known here as Facilitator 0." in page
    assert reverse("peergroups:group-detail", args=[group.pk]) in page


def test_the_page_shows_no_words_and_no_names_of_peers() -> None:
    organisation = OrganisationFactory.create()
    facilitator = staff(organisation)
    busy_group(organisation, facilitator)

    page = signed_in(facilitator).get(TODAY).content.decode()

    for words in WORDS:
        assert words not in page
    assert REQUESTER_NAME not in page


def test_a_supervisor_in_no_group_sees_the_organisations_incidents_and_cover() -> None:
    organisation = OrganisationFactory.create()
    busy_group(organisation, staff(organisation))
    supervisor = staff(organisation, Role.SUPERVISOR)
    safety_actions.go_on_duty(person=supervisor, organisation=organisation)

    response = signed_in(supervisor).get(TODAY)

    page = response.content.decode()
    sections = {section.name: section for section in response.context["sections"]}
    assert sections["alerts"].items == []  # no alert has reached them
    assert sections["queues"].items == []  # a group's queue is its facilitators'
    assert sections["requests"].items == []
    assert "1 open incident in the log." in page
    assert "You are on duty." in page
    assert "You are not in a group yourself." in page


def test_an_admin_sees_queues_and_requests_as_counts_only() -> None:
    organisation = OrganisationFactory.create()
    busy_group(organisation, staff(organisation))
    admin = staff(organisation, Role.ADMIN)

    response = signed_in(admin).get(TODAY)

    page = response.content.decode()
    assert "1 held post, 1 reported post waiting for a decision." in page
    assert "1 person waiting to hear if they can join." in page
    for words in WORDS:
        assert words not in page


def test_someone_on_duty_elsewhere_shows_as_cover() -> None:
    organisation = OrganisationFactory.create()
    facilitator = staff(organisation)
    colleague = staff(organisation)
    safety_actions.go_on_duty(person=colleague, organisation=organisation)

    page = signed_in(facilitator).get(TODAY).content.decode()

    assert "1 person on duty now." in page


def test_an_alert_about_oneself_is_not_on_ones_own_list() -> None:
    organisation = OrganisationFactory.create()
    facilitator = staff(organisation)
    busy = busy_group(organisation, facilitator)
    busy.escalation.person_at_risk = facilitator
    busy.escalation.save()

    response = signed_in(facilitator).get(TODAY)

    assert response.context["sections"][0].items == []


@pytest.mark.parametrize("role", [Role.PEER, Role.PEER_SUPPORTER])
def test_peers_are_told_the_page_does_not_exist(role: str) -> None:
    organisation = OrganisationFactory.create()
    group = PeerGroupFactory.create(organisation=organisation)
    person = staff(organisation, role)
    MembershipFactory.create(group=group, person=person, role=GroupRole.FACILITATOR)

    assert signed_in(person).get(TODAY).status_code == 404


def test_someone_of_another_organisation_is_told_it_does_not_exist() -> None:
    outsider = PersonFactory.create()
    OrganisationRoleFactory.create(person=outsider, role=Role.PEER)

    assert signed_in(outsider).get(TODAY).status_code == 404


def test_someone_signed_out_is_asked_to_sign_in() -> None:
    response = Client().get(TODAY)

    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("account_login"))


def test_staff_without_a_second_step_are_asked_to_set_one_up() -> None:
    person = PersonFactory.create()
    OrganisationRoleFactory.create(person=person, role=Role.SUPERVISOR)

    response = signed_in(person).get(TODAY)

    assert response.status_code == 302
    assert response.headers["Location"] == reverse("mfa_activate_totp")


def test_a_live_refresh_gets_the_list_alone() -> None:
    organisation = OrganisationFactory.create()
    facilitator = staff(organisation)
    busy_group(organisation, facilitator)

    response = signed_in(facilitator).get(TODAY, headers={"HX-Request": "true"})

    page = response.content.decode()
    assert page.lstrip().startswith('<div id="today-sections"')
    assert "<h1>" not in page
    assert "Open alerts" in page


def test_a_supervisor_in_no_group_lands_on_today_from_home() -> None:
    supervisor = staff(OrganisationFactory.create(), Role.SUPERVISOR)

    response = signed_in(supervisor).get(reverse("core:home"))

    assert response.status_code == 302
    assert response.headers["Location"] == TODAY


def test_a_facilitator_in_groups_keeps_home_with_a_way_to_today() -> None:
    organisation = OrganisationFactory.create()
    facilitator = staff(organisation)
    MembershipFactory.create(
        group=PeerGroupFactory.create(organisation=organisation),
        person=facilitator,
        role=GroupRole.FACILITATOR,
    )

    response = signed_in(facilitator).get(reverse("core:home"))

    assert response.status_code == 200
    assert TODAY in response.content.decode()


def test_a_peer_in_no_group_still_sees_the_gentle_home_page() -> None:
    peer = PersonFactory.create()
    OrganisationRoleFactory.create(person=peer, role=Role.PEER)

    response = signed_in(peer).get(reverse("core:home"))

    assert response.status_code == 200
    assert "You are not in a group yet" in response.content.decode()


def _queries_for_today(groups: int, organisations: int) -> int:
    facilitator = PersonFactory.create()
    give_second_factor(facilitator)
    for _ in range(organisations):
        organisation = OrganisationFactory.create()
        OrganisationRoleFactory.create(
            organisation=organisation, person=facilitator, role=Role.ADMIN
        )
        for number in range(groups):
            busy_group(organisation, facilitator, number)
    client = signed_in(facilitator)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(TODAY)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("groups", "organisations"), [(1, 1), (6, 3)])
def test_the_page_reads_in_few_queries_however_much_is_waiting(
    groups: int,
    organisations: int,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    facilitator = PersonFactory.create()
    give_second_factor(facilitator)
    for _ in range(organisations):
        organisation = OrganisationFactory.create()
        OrganisationRoleFactory.create(
            organisation=organisation, person=facilitator, role=Role.ADMIN
        )
        for number in range(groups):
            busy_group(organisation, facilitator, number)
    client = signed_in(facilitator)

    with django_assert_max_num_queries(18):
        response = client.get(TODAY)

    sections = {section.name: section for section in response.context["sections"]}
    assert len(sections["alerts"].items) == groups * organisations
    assert len(sections["queues"].items) == groups * organisations
    assert len(sections["cover"].items) == organisations


def test_the_number_of_queries_is_the_same_at_both_sizes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    small, large = _queries_for_today(1, 1), _queries_for_today(6, 3)

    with capsys.disabled():
        print(
            f"\nToday page queries: {small} for 1 busy group in 1 organisation, "
            f"{large} for 18 busy groups in 3 organisations."
        )
    assert small == large


def test_a_refresh_after_signing_out_sends_the_whole_page_to_sign_in() -> None:
    response = Client().get(TODAY, headers={"HX-Request": "true"})

    assert response.status_code == 204
    assert response.headers["HX-Redirect"].startswith(reverse("account_login"))
    assert response.content == b""


def test_the_page_only_answers_get() -> None:
    facilitator = staff(OrganisationFactory.create())

    assert signed_in(facilitator).post(TODAY).status_code == 405
