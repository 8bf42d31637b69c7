"""A person's own account settings: an optional email, and whether to use it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.actions import update_account_settings
from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

URL = "/account/settings/"


def signed_in(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_settings_url_is_where_we_expect() -> None:
    assert reverse("accounts:settings") == URL


def test_visitors_are_asked_to_sign_in(client: Client) -> None:
    response = client.get(URL)

    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("account_login"))


def test_email_is_optional() -> None:
    person = PersonFactory.create(email="old@example.org")

    response = signed_in(person).post(URL, {"email": ""})

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == ""


def test_email_notifications_can_be_chosen_with_an_address() -> None:
    person = PersonFactory.create()

    response = signed_in(person).post(
        URL, {"email": "wren@example.org", "wants_email_notifications": "on"}
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.can_receive_email is True


def test_email_notifications_without_an_address_are_refused_kindly() -> None:
    person = PersonFactory.create()

    response = signed_in(person).post(
        URL, {"email": "", "wants_email_notifications": "on"}
    )

    assert response.status_code == 200
    assert "Add an email address first" in response.content.decode()
    person.refresh_from_db()
    assert person.wants_email_notifications is False


def test_a_mistyped_address_is_shown_again_with_the_error() -> None:
    person = PersonFactory.create()

    response = signed_in(person).post(URL, {"email": "wren-at-example"})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="wren-at-example"' in page
    person.refresh_from_db()
    assert person.email == ""


def test_removing_the_address_switches_email_notifications_off() -> None:
    person = PersonFactory.create(
        email="wren@example.org", wants_email_notifications=True
    )

    update_account_settings(person=person, email="  ", wants_email_notifications=True)

    person.refresh_from_db()
    assert person.email == ""
    assert person.wants_email_notifications is False


def test_settings_page_shows_only_ones_own_address() -> None:
    PersonFactory.create(email="someone-else@example.org")
    person = PersonFactory.create(email="wren@example.org")

    page = signed_in(person).get(URL).content.decode()

    assert "wren@example.org" in page
    assert "someone-else@example.org" not in page
