"""Asking for a password reset tells nobody whether an address has an account.

For a mental-health service, learning that a named person has an account is itself
a harm. The answer to a reset request is the same page whether or not the address
belongs to someone, and only an address that does is sent anything.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from alongside.accounts.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

KNOWN = "someone@example.org"
UNKNOWN = "nobody@example.org"


def _answer(email: str) -> tuple[int, str, str]:
    response = Client().post(reverse("account_reset_password"), {"email": email})
    target = response.headers.get("Location", "")
    page = Client().get(target).content.decode() if target else ""
    # The page may repeat the address typed; nothing else may differ.
    page = re.sub(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+', "", page)
    return response.status_code, target, page.replace(email, "ADDRESS")


def test_a_reset_answers_the_same_whether_or_not_the_address_has_an_account() -> None:
    PersonFactory.create(email=KNOWN)

    known = _answer(KNOWN)
    sent_to_known = [message.to for message in mail.outbox]
    mail.outbox.clear()
    unknown = _answer(UNKNOWN)

    assert known == unknown
    assert sent_to_known == [[KNOWN]]
    assert mail.outbox == []
