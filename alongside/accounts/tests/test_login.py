"""Signing in: a cool-off after repeated failures, never a permanent lock."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from allauth.core.internal import ratelimit
from django.test import Client
from django.urls import reverse

from alongside.accounts.tests.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db

COOL_OFF = "it is paused for a few minutes to keep your account safe"


def sign_in(client: Client, username: str, password: str) -> tuple[int, str]:
    response = client.post(
        reverse("account_login"), {"login": username, "password": password}
    )
    return response.status_code, response.content.decode()


def test_signing_in_with_the_right_password_works(client: Client) -> None:
    person = PersonFactory.create(username="steady-wren")

    status, _ = sign_in(client, "steady-wren", PASSWORD)

    assert status == 302
    assert client.get(reverse("core:home")).context["user"] == person


def test_a_wrong_password_is_refused_and_keeps_the_name_typed(client: Client) -> None:
    PersonFactory.create(username="steady-wren")

    status, page = sign_in(client, "steady-wren", "not-the-password")

    assert status == 200
    assert 'value="steady-wren"' in page
    assert COOL_OFF not in page
    assert "That sign-in name and password do not match" in page


def test_after_five_failures_the_sixth_attempt_asks_for_a_pause(
    client: Client,
) -> None:
    PersonFactory.create(username="steady-wren")
    pages = [sign_in(client, "steady-wren", "not-the-password")[1] for _ in range(5)]

    status, page = sign_in(client, "steady-wren", PASSWORD)

    assert all(COOL_OFF not in earlier for earlier in pages)
    assert status == 200
    assert COOL_OFF in page
    assert "_auth_user_id" not in client.session


def test_the_cool_off_ends_by_itself(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = PersonFactory.create(username="steady-wren")
    for _ in range(6):
        sign_in(client, "steady-wren", "not-the-password")
    later = SimpleNamespace(
        time=lambda: time.time() + 6 * 60,
        monotonic=time.monotonic,
        sleep=time.sleep,
    )
    monkeypatch.setattr(ratelimit, "time", later)

    status, page = sign_in(client, "steady-wren", PASSWORD)

    assert status == 302, page
    assert client.get(reverse("core:home")).context["user"] == person


def test_the_sign_in_page_offers_one_way_to_reset_a_password(client: Client) -> None:
    page = client.get(reverse("account_login")).content.decode()

    assert page.count(reverse("account_reset_password")) == 1
    assert "Remember Me" not in page
    assert "Stay signed in on this device" in page
