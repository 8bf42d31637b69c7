"""Signing up under a pseudonym, with or without an invitation code."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Invitation, OrganisationRole, Role
from alongside.organisations.tests.factories import (
    InvitationFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-passphrase"


def sign_up(client: Client, **fields: str) -> tuple[int, str]:
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


def test_sign_up_with_a_pseudonym_and_no_email_joins_the_open_organisation(
    client: Client,
) -> None:
    organisation = OrganisationFactory.create(is_open_for_signup=True)

    status, _ = sign_up(client)

    assert status == 302
    person = Person.objects.get(username__startswith="gentle-otter-")
    assert person.email == ""
    assert person.wants_email_notifications is False
    role = OrganisationRole.objects.get(person=person)
    assert role.organisation == organisation
    assert role.role == Role.PEER
    assert client.get(reverse("core:home")).context["user"] == person


def test_sign_up_page_opens_for_visitors(client: Client) -> None:
    response = client.get(reverse("account_signup"))

    assert response.status_code == 200
    assert "invitation_code" in response.content.decode()


def test_password_is_stored_with_argon2_in_real_settings() -> None:
    from config import settings as real_settings

    assert real_settings.PASSWORD_HASHERS[0] == (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


def test_sign_up_with_an_invitation_joins_its_organisation_in_its_role(
    client: Client,
) -> None:
    OrganisationFactory.create(is_open_for_signup=True)
    invitation = InvitationFactory.create(role=Role.PEER_SUPPORTER, max_uses=3)

    status, _ = sign_up(client, invitation_code=invitation.code.lower())

    assert status == 302
    person = Person.objects.get(username__startswith="gentle-otter-")
    role = OrganisationRole.objects.get(person=person)
    assert role.organisation == invitation.organisation
    assert role.role == Role.PEER_SUPPORTER
    invitation.refresh_from_db()
    assert invitation.use_count == 1


@pytest.mark.parametrize(
    "spoiled",
    [
        {"expires_at": timezone.now() - timedelta(minutes=1)},
        {"revoked_at": timezone.now()},
        {"max_uses": 2, "use_count": 2},
    ],
    ids=["expired", "revoked", "used up"],
)
def test_a_code_that_no_longer_works_is_refused_kindly_and_keeps_what_was_typed(
    client: Client, spoiled: dict[str, object]
) -> None:
    OrganisationFactory.create(is_open_for_signup=True)
    invitation = InvitationFactory.create(**spoiled)

    status, page = sign_up(client, invitation_code=invitation.code)

    assert status == 200
    assert "That code did not work" in page
    assert "ask for a new one" in page
    assert 'value="gentle-otter"' in page
    assert invitation.code in page
    assert not Person.objects.filter(username__startswith="gentle-otter").exists()


def test_an_unknown_code_is_refused_kindly(client: Client) -> None:
    OrganisationFactory.create(is_open_for_signup=True)

    status, page = sign_up(client, invitation_code="NOPE2-NOPE3")

    assert status == 200
    assert "That code did not work" in page


def test_without_an_open_organisation_a_code_is_needed(client: Client) -> None:
    OrganisationFactory.create(is_open_for_signup=False)

    status, page = sign_up(client)

    assert status == 200
    assert "This service is by invitation" in page
    assert not Person.objects.filter(username__startswith="gentle-otter").exists()


def test_an_invite_only_service_accepts_its_code(client: Client) -> None:
    invitation = InvitationFactory.create(organisation__is_open_for_signup=False)

    status, _ = sign_up(client, invitation_code=f"  {invitation.code}  ")

    assert status == 302
    assert OrganisationRole.objects.get(
        person__username__startswith="gentle-otter-"
    ).organisation == (invitation.organisation)


def test_mismatched_passwords_keep_the_pseudonym_typed(client: Client) -> None:
    OrganisationFactory.create(is_open_for_signup=True)

    status, page = sign_up(client, password2="something-else-entirely")

    assert status == 200
    assert 'value="gentle-otter"' in page


def test_sign_up_with_an_optional_email_keeps_it_private_and_off_by_default(
    client: Client,
) -> None:
    OrganisationFactory.create(is_open_for_signup=True)

    status, _ = sign_up(client, email="otter@example.org")

    assert status == 302
    person = Person.objects.get(username__startswith="gentle-otter-")
    assert person.email == "otter@example.org"
    assert person.wants_email_notifications is False


def test_signup_form_does_not_change_the_invitation_when_refused(
    client: Client,
) -> None:
    invitation = InvitationFactory.create(max_uses=1, use_count=1)

    sign_up(client, invitation_code=invitation.code)

    assert Invitation.objects.get(pk=invitation.pk).use_count == 1


def test_settings_keep_a_cool_off_for_failed_logins_and_not_a_lock() -> None:
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"].startswith("5/5m")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gentle otter", "can use letters, numbers and . @ + - _ only"),
        ("x" * 141, "Please choose a shorter name, of up to 140 characters."),
    ],
)
def test_a_sign_in_name_that_cannot_be_used_is_explained_plainly(
    client: Client, name: str, expected: str
) -> None:
    OrganisationFactory.create(is_open_for_signup=True)
    Person.objects.create_user(username="taken-name")

    status, page = sign_up(client, username=name)

    assert status == 200
    assert expected in page
    assert "A user with that username" not in page
    assert "Enter a valid username" not in page
    assert f'value="{name}"' in page


def test_a_name_that_grows_in_lower_case_past_the_limit_is_refused_kindly(
    client: Client,
) -> None:
    """A hundred dotted capital I's pass the length rule as typed, but become two
    hundred characters in lower case: refused on the form, with the words kept,
    never a failure when the account is saved."""
    OrganisationFactory.create(is_open_for_signup=True)
    typed = "\u0130" * 100

    status, page = sign_up(client, username=typed)

    assert status == 200
    assert "Please choose a shorter name" in page
    assert typed in page
    assert not Person.objects.filter(username__startswith="i").exists()
