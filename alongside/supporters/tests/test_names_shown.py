"""Supporters' pages show people by the name they chose to be known by, or by a
neutral label, and never by the sign-in name, which is half of what someone needs
to get into the account."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.supporters.models import HelpRequest
from conftest import client_for

from .factories import (
    SupervisionFactory,
    SupervisionSessionFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


def _named(person: Person, *, sign_in_name: str, known_as: str = "") -> Person:
    person.username = sign_in_name
    person.known_as = known_as
    person.save(update_fields=["username", "known_as"])
    return person


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_the_team_page_and_a_request_for_help_show_chosen_names(
    organisation: Organisation,
) -> None:
    supporter = _named(
        member_of(organisation), sign_in_name="quiet-otter-4821", known_as="Robin"
    )
    supervisor = _named(
        member_of(organisation, Role.SUPERVISOR),
        sign_in_name="tall-heron-7302",
        known_as="Fran (supervisor)",
    )
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    supporter_client, supervisor_client = client_for(supporter), client_for(supervisor)
    asked = supporter_client.post(
        reverse("supporters:help-ask", args=[organisation.slug]), {"urgency": "soon"}
    )
    help_request = HelpRequest.objects.get()
    detail = reverse("supporters:help-detail", args=[help_request.pk])

    team = supervisor_client.get(reverse("supporters:team", args=[organisation.slug]))
    before = supervisor_client.get(detail).content.decode()
    supervisor_client.post(detail)
    answered = supervisor_client.get(detail).content.decode()
    theirs = supporter_client.get(asked["Location"]).content.decode()
    mine = supporter_client.get(
        reverse("supporters:mine", args=[organisation.slug])
    ).content.decode()

    for page in (team.content.decode(), before):
        assert "Robin" in page
        assert "quiet-otter-4821" not in page
    assert "Answered by Fran (supervisor)" in answered
    assert "Fran (supervisor) has seen it" in theirs
    assert "Your supervisor is Fran (supervisor)" in mine
    for page in (answered, theirs, mine):
        assert "tall-heron-7302" not in page


def test_someone_without_a_chosen_name_is_shown_a_neutral_label(
    organisation: Organisation,
) -> None:
    supporter = _named(member_of(organisation), sign_in_name="river-4821")
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    session = SupervisionSessionFactory.create(
        organisation=organisation, supervisor=supervisor, supervisee=supporter
    )
    supervisor_client = client_for(supervisor)

    pages = [
        supervisor_client.get(url).content.decode()
        for url in (
            reverse("supporters:team", args=[organisation.slug]),
            reverse("supporters:session-detail", args=[session.pk]),
        )
    ]

    label = supporter.shown_name
    assert label.startswith("Member ")
    for page in pages:
        assert label in page
        assert "river-4821" not in page and "4821" not in page


def test_a_supporter_without_a_chosen_name_is_asked_kindly_to_choose_one(
    organisation: Organisation,
) -> None:
    unnamed = member_of(organisation)
    named = _named(member_of(organisation), sign_in_name="wren-1234", known_as="Wren")
    url = reverse("supporters:mine", args=[organisation.slug])

    asked = client_for(unnamed).get(url).content.decode()
    not_asked = client_for(named).get(url).content.decode()

    assert 'id="choose-a-name"' in asked
    assert reverse("accounts:settings") in asked
    assert 'id="choose-a-name"' not in not_asked
