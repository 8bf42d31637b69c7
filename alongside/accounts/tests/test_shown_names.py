"""The name others see: chosen by the person on their settings page, or else a
neutral label that gives nothing of the sign-in name away."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from alongside.accounts.actions import update_account_settings
from alongside.accounts.models import Person
from alongside.accounts.shown_names import clean_known_as, neutral_label
from alongside.accounts.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

URL = "/account/settings/"


def signed_in(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_someone_without_a_chosen_name_has_a_stable_neutral_label() -> None:
    person = PersonFactory.create(username="river-4821")
    other = PersonFactory.create(username="river-4822")

    label = person.shown_name

    assert re.fullmatch(r"Member [A-Z2-9]{4}", label)
    assert Person.objects.get(pk=person.pk).shown_name == label
    assert other.shown_name != label
    assert "river" not in label.lower() and "4821" not in label
    assert str(person) == label


def test_the_label_changes_with_the_secret_key(settings: SettingsWrapper) -> None:
    before = neutral_label(7)

    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"

    assert neutral_label(7) != before


def test_a_chosen_name_is_what_others_see_on_pages() -> None:
    person = PersonFactory.create(username="river-4821", known_as="Sam")
    template = Template(
        "{{ person|shown_name }}|{{ nobody|shown_name|default:'gone' }}"
    )

    shown = template.render(Context({"person": person, "nobody": None}))

    assert shown == "Sam|gone"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Sam   (peer lead) ", "Sam (peer lead)"),
        ("\uff33\uff41\uff4d", "Sam"),
        ("Sa\u200bm", "Sam"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_a_chosen_name_is_tidied(typed: str, kept: str) -> None:
    assert clean_known_as(typed, sign_in_name="river-4821") == kept


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("River-4821", "gives away your sign-in name"),
        ("I am river-4821", "gives away your sign-in name"),
        ("River Sam", "gives away your sign-in name"),
        ("member k7qr", "looks like the label"),
        ("x", "at least two characters"),
        ("--", "at least two characters"),
        ("a" * 61, "at most 60 characters"),
    ],
)
def test_a_name_that_would_give_something_away_is_refused_kindly(
    typed: str, why: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_known_as(typed, sign_in_name="river-4821")

    assert why in str(refused.value)


@pytest.mark.parametrize(
    ("sign_in_name", "typed"),
    [("sam", "Sam"), ("jo-1234", "JO"), ("riverbank-0042", "the Riverbank")],
)
def test_the_word_a_sign_in_name_was_made_from_is_refused(
    sign_in_name: str, typed: str
) -> None:
    with pytest.raises(ValidationError):
        clean_known_as(typed, sign_in_name=sign_in_name)


@pytest.mark.parametrize(
    ("sign_in_name", "typed"),
    [("sam", "Sam R"), ("jo-1234", "Jo (peer supporter)")],
)
def test_a_short_sign_in_word_inside_a_longer_name_is_allowed(
    sign_in_name: str, typed: str
) -> None:
    assert clean_known_as(typed, sign_in_name=sign_in_name) == typed


def test_a_person_chooses_the_name_others_see_in_their_settings() -> None:
    person = PersonFactory.create(username="river-4821")
    client = signed_in(person)

    before = client.get(URL).content.decode()
    response = client.post(URL, {"known_as": " Sam ", "email": ""})
    after = client.get(URL).content.decode()

    assert "they see you as <strong>Member " in before
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.known_as == "Sam"
    assert "Others see you as <strong>Sam</strong>" in after
    assert "You sign in as <strong>river-4821</strong>" in after


def test_choosing_the_sign_in_name_is_refused_and_keeps_what_was_typed() -> None:
    person = PersonFactory.create(username="river-4821")

    response = signed_in(person).post(
        URL, {"known_as": "river-4821 here", "email": "wren@example.org"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "so that nobody can learn how you sign in" in page
    assert 'value="river-4821 here"' in page and 'value="wren@example.org"' in page
    person.refresh_from_db()
    assert person.known_as == "" and person.email == ""


def test_a_form_without_the_name_leaves_it_as_it_was() -> None:
    person = PersonFactory.create(known_as="Sam")

    signed_in(person).post(URL, {"email": ""})

    person.refresh_from_db()
    assert person.known_as == "Sam"


def test_clearing_the_name_brings_back_the_neutral_label() -> None:
    person = PersonFactory.create(known_as="Sam")

    update_account_settings(
        person=person, email="", wants_email_notifications=False, known_as=""
    )

    person.refresh_from_db()
    assert person.known_as == ""
    assert person.shown_name == neutral_label(person.pk)


def test_the_action_refuses_the_sign_in_name_whoever_calls_it() -> None:
    person = PersonFactory.create(username="river-4821")

    with pytest.raises(ValidationError):
        update_account_settings(
            person=person,
            email="",
            wants_email_notifications=False,
            known_as="RIVER-4821",
        )

    person.refresh_from_db()
    assert person.known_as == ""
