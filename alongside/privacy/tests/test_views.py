"""The pages: download, the two files, erasing with a password, and goodbye."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, cast

import pytest
from django.contrib.sessions.models import Session
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PASSWORD, PersonFactory
from alongside.conversations.tests.factories import thread_with_post
from alongside.organisations.actions import change_role
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationRoleFactory
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory
from conftest import gave_password_again

pytestmark = pytest.mark.django_db


def test_account_settings_link_to_download_and_erase(peer_client: Client) -> None:
    page = peer_client.get(reverse("accounts:settings")).content.decode()

    assert reverse("privacy:data-download") in page
    assert reverse("privacy:account-erase") in page


def test_download_page_offers_both_files(peer_client: Client) -> None:
    page = (
        gave_password_again(peer_client)
        .get(reverse("privacy:data-download"))
        .content.decode()
    )

    assert reverse("privacy:data-json") in page
    assert reverse("privacy:data-html") in page


def test_download_page_lists_what_the_files_hold(peer_client: Client) -> None:
    page = (
        gave_password_again(peer_client)
        .get(reverse("privacy:data-download"))
        .content.decode()
    )

    assert "<li>Email addresses</li>" in page
    assert "<li>Your supportive responses</li>" in page


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("privacy:data-json", "application/json"), ("privacy:data-html", "text/html")],
)
def test_files_are_attachments_with_the_persons_words(
    peer: Person, group: PeerGroup, name: str, content_type: str
) -> None:
    thread_with_post(group, peer)
    client = Client()
    client.force_login(peer)
    gave_password_again(client)

    response = client.get(reverse(name))

    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment;")
    assert "placeholder words" in response.getvalue().decode()


@pytest.mark.parametrize(
    "name", ["privacy:data-download", "privacy:data-json", "privacy:data-html"]
)
def test_the_password_is_asked_again_before_anything_is_downloaded(
    peer: Person, group: PeerGroup, name: str
) -> None:
    """Someone who picks up a signed-in phone cannot carry the person's words away:
    the page and the files wait for the password, given again; a wrong one is
    refused; the right one opens what was asked for."""
    thread_with_post(group, peer)
    client = Client()
    client.force_login(peer)

    asked = client.get(reverse(name))
    client.post(reverse("account_reauthenticate"), {"password": "not it"})
    still_asked = client.get(reverse(name))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    opened = client.get(reverse(name))

    for response in (asked, still_asked):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert opened.status_code == 200
    body = opened.getvalue().decode()
    if name == "privacy:data-download":
        assert reverse("privacy:data-json") in body
    else:
        assert "placeholder words" in body


def test_the_password_page_says_why_it_asks() -> None:
    person = PersonFactory.create()
    client = Client()
    client.force_login(person)

    page = client.get(reverse("privacy:data-download"), follow=True).content.decode()

    assert "download a copy of your data" in page
    assert "someone else is using this device" in page


def test_anonymous_visitors_are_asked_to_sign_in() -> None:
    response = Client().get(reverse("privacy:data-json"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_wrong_password_changes_nothing_and_says_so_kindly(
    peer: Person, peer_client: Client
) -> None:
    response = peer_client.post(
        reverse("privacy:account-erase"), {"posts": "keep", "password": "not it"}
    )

    assert response.status_code == 200
    assert "did not match" in response.content.decode()
    assert Person.objects.filter(pk=peer.pk).exists()


def test_wrong_passwords_bring_a_pause_that_keeps_the_choice(
    peer: Person, peer_client: Client
) -> None:
    # Someone holding a signed-in phone cannot guess the password here without limit.
    erase = reverse("privacy:account-erase")
    for _ in range(5):
        peer_client.post(erase, {"posts": "keep", "password": "not it"})

    response = peer_client.post(erase, {"posts": "keep", "password": PASSWORD})

    page = response.content.decode()
    assert response.status_code == 200
    assert "please wait five minutes" in page
    assert 'value="keep" id="id_posts_1" required checked' in page
    assert Person.objects.filter(pk=peer.pk).exists()


def test_a_right_password_after_a_slip_still_erases(peer: Person) -> None:
    client = Client()
    client.force_login(peer)
    erase = reverse("privacy:account-erase")
    client.post(erase, {"posts": "keep", "password": "not it"})

    response = client.post(erase, {"posts": "keep", "password": PASSWORD})

    assert response.status_code == 302
    assert not Person.objects.filter(pk=peer.pk).exists()


def test_a_missing_choice_is_asked_for(peer_client: Client) -> None:
    response = peer_client.post(
        reverse("privacy:account-erase"), {"password": PASSWORD}
    )

    assert response.status_code == 200
    assert "Please choose what happens to your posts." in response.content.decode()


def test_an_unknown_choice_gets_a_kind_message(peer_client: Client) -> None:
    response = peer_client.post(
        reverse("privacy:account-erase"), {"posts": "<b>", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "Please choose one of the two options" in response.content.decode()


def test_erasing_signs_out_to_a_kind_goodbye(
    peer: Person,
    group: PeerGroup,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    thread = thread_with_post(group, peer)
    peer_id = peer.pk
    client = Client()
    client.force_login(peer)
    other_browser = Client()
    other_browser.force_login(peer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("privacy:account-erase"),
            {"posts": "keep", "password": PASSWORD},
            follow=True,
        )

    assert response.redirect_chain[-1][0] == reverse("privacy:goodbye")
    assert "Your account has been erased" in response.content.decode()
    assert not response.context["user"].is_authenticated
    assert not Person.objects.filter(pk=peer.pk).exists()
    signed_in = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(peer_id) not in signed_in
    assert other_browser.get(reverse("privacy:data-json")).status_code == 302
    assert thread.posts.get().author_id is None


def test_former_members_posts_show_as_former_member(
    peer: Person, group: PeerGroup, facilitator_client: Client
) -> None:
    thread = thread_with_post(group, peer)
    client = Client()
    client.force_login(peer)
    client.post(
        reverse("privacy:account-erase"), {"posts": "keep", "password": PASSWORD}
    )

    thread_page = facilitator_client.get(
        reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    ).content.decode()
    list_page = facilitator_client.get(
        reverse("conversations:thread-list", args=[group.pk])
    ).content.decode()

    assert "former member" in thread_page
    assert "placeholder words" in thread_page
    assert "former member" in list_page


def test_the_only_admin_is_asked_kindly_to_find_another(
    organisation: Organisation,
) -> None:
    admin = PersonFactory.create()
    OrganisationRoleFactory.create(
        organisation=organisation, person=admin, role=Role.ADMIN
    )
    client = Client()
    client.force_login(admin)

    response = client.post(
        reverse("privacy:account-erase"), {"posts": "keep", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "only admin" in response.content.decode()
    assert Person.objects.filter(pk=admin.pk).exists()


def test_the_only_admin_is_shown_where_to_make_another(
    organisation: Organisation,
) -> None:
    # Someone already in the organisation can be made an admin on People and roles;
    # an admin invitation is still offered for someone who is not.
    admin = PersonFactory.create()
    OrganisationRoleFactory.create(
        organisation=organisation, person=admin, role=Role.ADMIN
    )
    client = Client()
    client.force_login(admin)

    page = client.get(reverse("privacy:account-erase")).content.decode()

    people = reverse("organisations:people", kwargs={"slug": organisation.slug})
    invitations = reverse(
        "organisations:invitation-list", kwargs={"slug": organisation.slug}
    )
    assert f'href="{people}"' in page
    assert f'href="{invitations}"' in page
    assert "already in the organisation" in page
    assert "Erase my account" not in page


def test_an_admin_who_became_the_only_one_meanwhile_keeps_account_and_session(
    organisation: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The page opened while another admin existed; by the time of the erase, they
    # had gone. Nothing is erased and this browser stays signed in.
    admin = PersonFactory.create()
    OrganisationRoleFactory.create(
        organisation=organisation, person=admin, role=Role.ADMIN
    )
    answers = iter([[], [organisation]])
    monkeypatch.setattr(
        "alongside.privacy.views.organisations_needing_another_admin",
        lambda person: next(answers),
    )
    client = Client()
    client.force_login(admin)

    response = client.post(
        reverse("privacy:account-erase"), {"posts": "keep", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "only admin" in response.content.decode()
    assert Person.objects.filter(pk=admin.pk).exists()
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_an_admin_left_alone_after_the_page_opened_is_told_kindly(
    organisation: Organisation,
) -> None:
    # The page opened while another admin existed; they stepped down on People and
    # roles before the button was pressed. Nothing is erased, and the page says what
    # to do first.
    admin = PersonFactory.create()
    OrganisationRoleFactory.create(
        organisation=organisation, person=admin, role=Role.ADMIN
    )
    other = OrganisationRoleFactory.create(organisation=organisation, role=Role.ADMIN)
    client = Client()
    client.force_login(admin)
    assert (
        "Erase my account"
        in client.get(reverse("privacy:account-erase")).content.decode()
    )

    change_role(person=other.person, place=other, role=Role.PEER)
    response = client.post(
        reverse("privacy:account-erase"), {"posts": "keep", "password": PASSWORD}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "only admin" in page
    assert reverse("organisations:people", kwargs={"slug": organisation.slug}) in page
    assert Person.objects.filter(pk=admin.pk).exists()
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_a_member_of_a_group_can_erase(group: PeerGroup) -> None:
    person = PersonFactory.create()
    MembershipFactory.create(group=group, person=person)
    client = Client()
    client.force_login(person)

    response = client.post(
        reverse("privacy:account-erase"), {"posts": "remove", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()


@pytest.mark.parametrize("file_name", ["privacy:data-json", "privacy:data-html"])
def test_a_plan_with_a_pin_is_not_downloaded_past_its_lock(file_name: str) -> None:
    """Someone at a shared, signed-in device cannot read a plan kept behind a PIN
    by downloading its owner's data: the file waits until the PIN is entered, and
    then holds the plan as before."""
    from alongside.safetyplans import actions as plan_actions
    from alongside.safetyplans.tests.factories import plan_with_words

    owner = PersonFactory.create()
    plan_with_words(owner, "A made-up thing behind a PIN.")
    plan_actions.set_pin(person=owner, pin="2468")
    client = Client()
    client.force_login(owner)
    gave_password_again(client)

    locked = client.get(reverse(file_name), follow=True)

    assert locked.redirect_chain == [(reverse("safetyplans:plan-unlock"), 302)]
    assert "A made-up thing behind a PIN." not in locked.content.decode()
    assert "enter its PIN" in locked.content.decode()
    client.post(reverse("safetyplans:plan-unlock"), {"pin": "2468"})
    opened = cast(StreamingHttpResponse, client.get(reverse(file_name)))
    parts = cast(Iterator[bytes], opened.streaming_content)
    assert "A made-up thing behind a PIN." in b"".join(parts).decode()
