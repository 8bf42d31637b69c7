"""The name others see is in the person's own download, and goes when the account
is erased."""

from __future__ import annotations

import json

import pytest

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory
from alongside.privacy.actions import erase_account
from alongside.privacy.export import export_as_html, export_as_json

pytestmark = pytest.mark.django_db


def test_the_download_holds_the_name_others_see() -> None:
    person = PersonFactory.create(username="river-4821", known_as="Wren")

    account = json.loads(export_as_json(person))["account"]
    page = export_as_html(person)

    assert account["pseudonym"] == "river-4821"
    assert account["name_others_see"] == "Wren"
    assert account["name_chosen"] == "Wren"
    assert "Wren" in page


def test_the_download_says_when_no_name_was_chosen() -> None:
    person = PersonFactory.create(username="river-4821")

    account = json.loads(export_as_json(person))["account"]

    assert account["name_chosen"] == ""
    assert account["name_others_see"] == person.shown_name


def test_erasing_the_account_takes_the_name_with_it() -> None:
    person = PersonFactory.create(known_as="Wren")

    erase_account(person=person, keep_posts=False)

    assert not Person.objects.filter(known_as="Wren").exists()
