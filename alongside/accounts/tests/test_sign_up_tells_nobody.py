"""Signing up tells nobody whether a name or an address is already in use.

For a mental-health service, learning that a named person has an account is itself
a harm. The name typed is only the start of the sign-in name: numbers are always
added, so a taken name and a free one are answered alike, by the same steps, and
the person is shown their whole sign-in name as soon as they have joined.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.accounts.sign_in_names import unique_sign_in_name
from alongside.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-passphrase"
TOKENS = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def _answer(name: str, email: str = "") -> tuple[tuple[int, str, str], int, str]:
    """What a visitor learns from signing up as `name`: the status, where they are
    sent and that page (with the new sign-in name and tokens taken out), how many
    database queries answering took, and the sign-in name given."""
    client = Client()
    data = {
        "username": name,
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "invitation_code": "",
    }
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("account_signup"), data)
    given = Person.objects.order_by("-pk").values_list("username", flat=True).first()
    assert given is not None
    target = response.headers.get("Location", "")
    page = client.get(target).content.decode() if target else ""
    page = TOKENS.sub("", page).replace(given, "NAME")
    return (response.status_code, target, page), len(queries), given


def test_a_taken_name_and_a_free_one_are_answered_alike() -> None:
    OrganisationFactory.create(is_open_for_signup=True)
    Person.objects.create_user(username="river")

    taken, taken_queries, taken_name = _answer("river")
    free, free_queries, free_name = _answer("brook")

    assert taken == free
    assert taken_queries == free_queries
    assert taken[0] == 302
    assert re.fullmatch(r"river-\d{4}", taken_name)
    assert re.fullmatch(r"brook-\d{4}", free_name)
    assert "Someone already uses" not in taken[2]


def test_the_new_person_is_shown_their_whole_sign_in_name_and_can_use_it() -> None:
    OrganisationFactory.create(is_open_for_signup=True)
    client = Client()
    client.post(
        reverse("account_signup"),
        {
            "username": "Quiet.Heron",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        follow=False,
    )
    person = Person.objects.get()

    page = client.get("/").content.decode()
    client.logout()
    signed_in = Client().post(
        reverse("account_login"),
        {"login": person.username, "password": PASSWORD},
    )

    assert re.fullmatch(r"quiet\.heron-\d{4}", person.username)
    assert f"Your sign-in name is {person.username}." in page
    assert signed_in.status_code == 302


def test_an_address_someone_else_gave_is_answered_like_a_new_one() -> None:
    OrganisationFactory.create(is_open_for_signup=True)
    Person.objects.create_user(username="river-0001", email="known@example.org")

    known, _, _ = _answer("river", email="known@example.org")
    unknown, _, _ = _answer("brook", email="unknown@example.org")

    assert known == unknown
    assert known[0] == 302


def test_a_name_whose_numbers_are_taken_gets_other_numbers() -> None:
    Person.objects.bulk_create(
        Person(username=f"crowded-{number:04d}") for number in range(10_000)
    )

    assert re.fullmatch(r"crowded-\d{6}", unique_sign_in_name("crowded"))
