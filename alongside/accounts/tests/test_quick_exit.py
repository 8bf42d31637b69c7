"""Leaving quickly can also sign a person out: by their choice, or by default in a
group where someone may be watching."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person, QuickExit
from alongside.accounts.quick_exit import quick_exit_signs_out
from alongside.accounts.tests.factories import PersonFactory
from alongside.peergroups.models import PeerGroup

pytestmark = pytest.mark.django_db

SIGN_OUT = reverse("accounts:quick-exit-sign-out")


@pytest.mark.parametrize(
    ("choice", "watched", "signs_out"),
    [
        (QuickExit.GROUP, False, False),
        (QuickExit.GROUP, True, True),
        (QuickExit.ALWAYS, False, True),
        (QuickExit.ALWAYS, True, True),
        (QuickExit.NEVER, False, False),
        (QuickExit.NEVER, True, False),
    ],
)
def test_who_is_signed_out_when_leaving_quickly(
    choice: str, watched: bool, signs_out: bool
) -> None:
    person = PersonFactory.create(quick_exit_signs_out=choice)

    assert quick_exit_signs_out(person, someone_may_be_watching=watched) is signs_out


def test_leaving_quickly_signs_this_browser_out(peer_client: Client) -> None:
    response = peer_client.post(SIGN_OUT)

    assert response.status_code == 204
    assert "_auth_user_id" not in peer_client.session


def test_leaving_quickly_when_signed_out_changes_nothing(client: Client) -> None:
    assert client.post(SIGN_OUT).status_code == 204


def test_signing_out_on_the_way_out_needs_the_form_token(peer: Person) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(peer)

    assert client.post(SIGN_OUT).status_code == 403
    assert "_auth_user_id" in client.session


def group_page(client: Client, group: PeerGroup) -> str:
    url = reverse("peergroups:group-detail", kwargs={"group_id": group.pk})
    return client.get(url).content.decode()


@pytest.mark.parametrize(
    ("choice", "watched", "signs_out"),
    [
        (QuickExit.GROUP, True, True),
        (QuickExit.GROUP, False, False),
        (QuickExit.NEVER, True, False),
        (QuickExit.ALWAYS, False, True),
    ],
)
def test_the_quick_exit_on_a_group_page_knows_whether_to_sign_out(
    peer: Person,
    peer_client: Client,
    group: PeerGroup,
    choice: str,
    watched: bool,
    signs_out: bool,
) -> None:
    Person.objects.filter(pk=peer.pk).update(quick_exit_signs_out=choice)
    PeerGroup.objects.filter(pk=group.pk).update(someone_may_be_watching=watched)

    page = group_page(peer_client, group)

    assert (f'data-sign-out-url="{SIGN_OUT}"' in page) is signs_out


def test_a_person_chooses_in_their_settings(peer: Person, peer_client: Client) -> None:
    response = peer_client.post(
        reverse("accounts:settings"),
        {"email": "", "quick_exit_signs_out": QuickExit.ALWAYS},
    )

    assert response.status_code == 302
    peer.refresh_from_db()
    assert peer.quick_exit_signs_out == QuickExit.ALWAYS


def test_settings_sent_without_the_choice_keep_it(
    peer: Person, peer_client: Client
) -> None:
    Person.objects.filter(pk=peer.pk).update(quick_exit_signs_out=QuickExit.NEVER)

    peer_client.post(reverse("accounts:settings"), {"email": ""})

    peer.refresh_from_db()
    assert peer.quick_exit_signs_out == QuickExit.NEVER
