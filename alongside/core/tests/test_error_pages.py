"""The 403, 404 and 500 pages are kind, speak as Alongside does, give a way to help and
a quick way out, and never show how the code failed. The 500 page renders even when the
database cannot be reached.

This module is also the URL configuration for the tests that need a page that breaks:
the real routes, plus one that raises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import pytest
from django.db import OperationalError, connection
from django.http import HttpRequest
from django.test import Client
from django.urls import path, reverse
from pytest_django.fixtures import Settings as SettingsWrapper

from alongside.accounts.models import Person
from alongside.organisations.actions import create_organisation, grant_role
from alongside.organisations.models import Role, Setting
from alongside.peergroups.actions import create_group
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from config import urls as site_urls

SECRET_DETAIL = "the kettle in room four is on fire"

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


def explode(request: HttpRequest) -> NoReturn:
    raise RuntimeError(SECRET_DETAIL)


urlpatterns = [path("explode/", explode), *site_urls.urlpatterns]
handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler404 = site_urls.handler404
handler500 = site_urls.handler500

# Words that belong to a framework's error page, not to ours.
NOT_OUR_VOICE = [
    "Traceback",
    "Exception",
    "Error",
    "Server Error (500)",
    "Not Found",
    "Forbidden",
    "The requested resource",
    "stack",
    "DEBUG",
]


def assert_kind_and_plain(response: Response, *, status: int) -> str:
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    for words in NOT_OUR_VOICE:
        assert words not in page, words
    assert SECRET_DETAIL not in page
    # A way back, a way to help, and the quick exit on every one of them.
    assert 'href="/"' in page or f'href="{reverse("core:home")}"' in page
    assert 'id="quick-exit"' in page
    assert 'data-exit-url="https://' in page
    return page


@pytest.fixture
def quiet_settings(db: None, settings: SettingsWrapper) -> SettingsWrapper:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    return settings


@pytest.fixture
def breaking_site(quiet_settings: SettingsWrapper) -> SettingsWrapper:
    quiet_settings.ROOT_URLCONF = __name__
    return quiet_settings


@pytest.fixture
def peer(quiet_settings: SettingsWrapper) -> Person:
    return Person.objects.create_user(username="river-peer", password="unused-pass")


@pytest.fixture
def group(quiet_settings: SettingsWrapper) -> PeerGroup:
    organisation = create_organisation(
        name="Riverside Peer Support",
        slug="riverside",
        setting=Setting.COMMUNITY,
        confidentiality_statement="What is said in a group stays in the group.",
    )
    admin = Person.objects.create_user(username="river-admin")
    grant_role(person=admin, organisation=organisation, role=Role.ADMIN)
    return create_group(
        person=admin,
        organisation=organisation,
        name="After a loss",
        shared_experience="Someone close to us has died.",
        who_for="",
        format="online",
        when_and_where="",
        is_listed=True,
        join_policy="open",
        tag_names=[],
    )


def test_missing_page_is_kind_and_offers_help(quiet_settings: SettingsWrapper) -> None:
    response = Client().get("/this-page-was-never-here/")
    page = assert_kind_and_plain(response, status=404)
    assert "We could not find that page" in page
    assert "Nothing is wrong on your side" in page
    assert reverse("organisations:help") in page


def test_missing_page_for_someone_signed_in_is_kind(peer: Person) -> None:
    client = Client()
    client.force_login(peer)
    page = assert_kind_and_plain(client.get("/groups/999999/"), status=404)
    assert "We could not find that page" in page


def test_page_not_open_to_you_is_kind_and_says_nothing_is_lost(
    peer: Person, group: PeerGroup
) -> None:
    grant_role(person=peer, organisation=group.organisation, role=Role.PEER)
    client = Client()
    client.force_login(peer)
    # Someone who never joined cannot leave: the rules answer 403.
    response = client.get(reverse("peergroups:group-leave", args=[group.pk]))
    page = assert_kind_and_plain(response, status=403)
    assert "That is not open to you just now" in page
    assert "Nothing you have written is lost" in page
    assert reverse("organisations:help") in page


def test_a_form_that_went_stale_is_explained_kindly(
    peer: Person, group: PeerGroup
) -> None:
    grant_role(person=peer, organisation=group.organisation, role=Role.PEER)
    client = Client(enforce_csrf_checks=True)
    client.force_login(peer)
    # Signed in again elsewhere: the token this old form carries no longer matches.
    response = client.post(
        reverse("peergroups:group-join", args=[group.pk]),
        {"display_name": "Fern", "csrfmiddlewaretoken": "stale"},
    )
    page = assert_kind_and_plain(response, status=403)
    assert "That form had been open a while" in page
    assert "Nothing was sent" in page
    assert "CSRF" not in page
    assert "116 123" in page


def test_visiting_an_address_that_only_takes_a_button_press_is_explained(
    peer: Person, group: PeerGroup
) -> None:
    # As after signing in again: the sign-in page sends people on to the address of
    # the button they had pressed.
    client = Client()
    client.force_login(peer)
    response = client.get(reverse("agreements:reading-confirm", args=[group.pk]))
    page = assert_kind_and_plain(response, status=405)
    assert "This works from a button" in page
    assert "Nothing has been changed" in page
    assert response["Allow"] == "POST"


def test_server_error_is_kind_and_shows_no_stack_trace(
    breaking_site: SettingsWrapper,
) -> None:
    client = Client(raise_request_exception=False)
    page = assert_kind_and_plain(client.get("/explode/"), status=500)
    assert "Sorry, something went wrong" in page
    assert "not caused by anything you did" in page
    # Whether typed words survive depends on the browser: promise nothing.
    assert "going back in your browser may bring it back" in page
    assert "should still be" not in page
    assert "116 123" in page
    assert "999" in page
    assert "RuntimeError" not in page


def test_server_error_page_keeps_the_security_headers(
    breaking_site: SettingsWrapper,
) -> None:
    response = Client(raise_request_exception=False).get("/explode/")
    assert response.status_code == 500
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_server_error_page_renders_when_the_database_is_unusable(
    peer: Person, breaking_site: SettingsWrapper, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(peer)

    def no_database(*args: object, **kwargs: object) -> NoReturn:
        raise OperationalError("could not connect to server")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", no_database)
        patch.setattr(connection, "chunked_cursor", no_database)
        # The home page for a signed-in person needs the database at once.
        response = client.get("/")
    page = assert_kind_and_plain(response, status=500)
    assert "Sorry, something went wrong" in page
    assert "could not connect" not in page
    assert "no-store" in response["Cache-Control"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_server_error_page_for_a_raising_view_with_no_database(
    breaking_site: SettingsWrapper, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_database(*args: object, **kwargs: object) -> NoReturn:
        raise OperationalError("could not connect to server")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", no_database)
        patch.setattr(connection, "chunked_cursor", no_database)
        response = Client(raise_request_exception=False).get("/explode/")
    page = assert_kind_and_plain(response, status=500)
    assert "Sorry, something went wrong" in page


def test_page_not_open_to_staff_speaks_to_staff_too(group: PeerGroup) -> None:
    client = Client()
    client.force_login(person_in_state("supervisor", group))
    # A supervisor is not a member: the group's talk is not theirs to read.
    response = client.get(reverse("conversations:thread-list", args=[group.pk]))
    page = assert_kind_and_plain(response, status=403)
    assert "If you are on the team" in page
    assert "ask your organisation's admin" in page
