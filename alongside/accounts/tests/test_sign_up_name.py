"""At sign-up a person may also choose the name others see; a name that would give
their sign-in name away is refused kindly, keeping what they typed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-passphrase"


def sign_up(client: Client, **fields: str) -> tuple[int, str]:
    OrganisationFactory.create(is_open_for_signup=True)
    data = {
        "username": "gentle-otter",
        "email": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "invitation_code": "",
        **fields,
    }
    response = client.post(reverse("account_signup"), data)
    return response.status_code, response.content.decode()


def test_the_sign_up_page_offers_the_name_others_see(client: Client) -> None:
    page = client.get(reverse("account_signup")).content.decode()

    assert "The name others see" in page
    assert "nobody else sees it" in page


def test_a_name_chosen_at_sign_up_is_what_others_see(client: Client) -> None:
    status, _ = sign_up(client, known_as="  Wren ")

    assert status == 302
    person = Person.objects.get(username__startswith="gentle-otter-")
    assert person.known_as == "Wren"
    assert person.shown_name == "Wren"


def test_no_name_at_sign_up_leaves_a_neutral_label(client: Client) -> None:
    status, _ = sign_up(client)

    assert status == 302
    person = Person.objects.get(username__startswith="gentle-otter-")
    assert person.known_as == ""
    assert person.shown_name.startswith("Member ")


def test_a_name_giving_the_sign_in_name_away_is_refused_kindly(
    client: Client,
) -> None:
    status, page = sign_up(client, known_as="Gentle Otter here", email="w@example.org")

    assert status == 200
    assert "so that nobody can learn how you sign in" in page
    assert 'value="Gentle Otter here"' in page
    assert 'value="gentle-otter"' in page
    assert not Person.objects.exists()
