"""`make demo-code` gives a working code on the setup page, before a step exists."""

from __future__ import annotations

from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from alongside.accounts.tests.factories import PASSWORD
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state

pytestmark = pytest.mark.django_db


def test_the_code_printed_while_the_setup_page_shows_turns_the_second_step_on(
    group: PeerGroup,
) -> None:
    person = person_in_state("facilitator", group)
    Authenticator.objects.filter(user=person).delete()
    client = Client()
    client.post(
        reverse("account_login"), {"login": person.username, "password": PASSWORD}
    )
    # Staff confirm their password before the setup page shows the key.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200

    # A code is good for its own 30 seconds only: on a slow machine the window can
    # close between printing and typing, and then the next code is asked for.
    for _ in range(2):
        out = StringIO()
        call_command("demo_code", person.username, stdout=out)
        response = client.post(
            reverse("mfa_activate_totp"), {"code": out.getvalue().strip()}
        )
        if response.status_code == 302:
            break

    assert response.status_code == 302
    assert Authenticator.objects.filter(
        user=person, type=Authenticator.Type.TOTP
    ).exists()


def test_before_the_setup_page_is_opened_it_says_what_to_do(
    group: PeerGroup,
) -> None:
    person = person_in_state("facilitator", group)
    Authenticator.objects.filter(user=person).delete()

    with pytest.raises(CommandError, match="setup page"):
        call_command("demo_code", person.username, stdout=StringIO())
