"""Every page carries the security headers, signed-in pages are never cached, and no
page loads a script, stylesheet or font from anywhere but Alongside itself.

The walk covers every named URL pattern, as someone signed out, as a peer in a group and
as an organisation admin with a second factor, whatever each answer is (a page, a
redirect, a 403 or a 404).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from pytest_django.fixtures import Settings as SettingsWrapper

from alongside.accounts.models import Person
from alongside.organisations.actions import create_organisation, grant_role
from alongside.organisations.models import Invitation, Organisation, Role, Setting
from alongside.peergroups.actions import (
    approve_join_request,
    create_group,
    join_group,
)
from alongside.peergroups.models import JoinPolicy, Membership, PeerGroup

PASSWORD = "a quiet walk by the river"
RUNNABLE = {"", "text/javascript", "module", "application/javascript"}

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


@dataclass
class Place:
    organisation: Organisation
    group: PeerGroup
    peer: Person
    admin: Person
    request: Membership
    invitation: Invitation


@pytest.fixture
def place(db: None, settings: SettingsWrapper) -> Place:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    organisation = create_organisation(
        name="Riverside Peer Support",
        slug="riverside",
        setting=Setting.COMMUNITY,
        confidentiality_statement="What is said in a group stays in the group.",
        is_open_for_signup=True,
    )
    admin = Person.objects.create_user(username="river-admin", password=PASSWORD)
    grant_role(person=admin, organisation=organisation, role=Role.ADMIN)
    Authenticator.objects.create(
        user=admin, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    group = create_group(
        person=admin,
        organisation=organisation,
        name="After a loss",
        shared_experience="Someone close to us has died.",
        who_for="",
        format="online",
        when_and_where="",
        is_listed=True,
        join_policy=JoinPolicy.REQUEST,
        tag_names=["bereavement"],
    )
    peer = Person.objects.create_user(username="river-peer", password=PASSWORD)
    asker = Person.objects.create_user(username="river-asker", password=PASSWORD)
    for person in (peer, asker):
        grant_role(person=person, organisation=organisation, role=Role.PEER)
    approve_join_request(
        person=admin,
        membership=join_group(person=peer, group=group, display_name="Heron"),
    )
    request = join_group(person=asker, group=group, display_name="Kingfisher")
    invitation = Invitation.objects.create(organisation=organisation, created_by=admin)
    return Place(
        organisation=organisation,
        group=group,
        peer=peer,
        admin=admin,
        request=request,
        invitation=invitation,
    )


def url_names(
    patterns: list[Any] | None = None, namespace: str = ""
) -> Iterator[tuple[str, dict[str, type]]]:
    """Every named URL pattern, with the converter of each of its arguments."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            arguments: dict[str, type] = dict.fromkeys(
                entry.pattern.regex.groupindex, str
            )
            converters = getattr(entry.pattern, "converters", {})
            arguments.update({name: type(conv) for name, conv in converters.items()})
            yield f"{namespace}{entry.name}", arguments


def every_url(place: Place) -> list[str]:
    known: dict[str, object] = {
        "slug": place.organisation.slug,
        "organisation_slug": place.organisation.slug,
        "group_id": place.group.pk,
        "service_id": place.organisation.support_services.first().pk,  # type: ignore[union-attr]
        "invitation_id": place.invitation.pk,
        "membership_id": place.request.pk,
    }
    urls = []
    for name, converters in url_names():
        kwargs = {
            arg: known.get(arg, 1 if converter is IntConverter else "x")
            for arg, converter in converters.items()
        }
        urls.append(reverse(name, kwargs=kwargs))
    return sorted(set(urls))


class Assets(HTMLParser):
    """Where a page's scripts, stylesheets and fonts come from, and any inline code."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []
        self.inline_scripts = 0
        self.inline_styles = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            if attributes.get("src"):
                self.sources.append(attributes["src"] or "")
            elif attributes.get("type", "text/javascript") in RUNNABLE:
                # A data block (type="application/json") is not run, so the policy
                # has nothing to block.
                self._in_script = True
        elif tag == "link" and attributes.get("href"):
            self.sources.append(attributes["href"] or "")
        elif tag == "style":
            self.inline_styles += 1
        if "style" in attributes:
            self.inline_styles += 1
        if any(name.startswith("on") for name in attributes):
            self.inline_scripts += 1

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


def is_off_site(address: str) -> bool:
    parts = urlsplit(address)
    return bool(parts.scheme or parts.netloc)


def problems_with(url: str, response: Response, *, signed_in: bool) -> list[str]:
    found = []
    policy = response.get("Content-Security-Policy", "")
    if not policy or "'unsafe-inline'" in policy or "'unsafe-eval'" in policy:
        found.append(f"{url}: Content-Security-Policy is missing or loose")
    if "frame-ancestors 'none'" not in policy:
        found.append(f"{url}: the policy lets other sites frame the page")
    if response.get("X-Content-Type-Options") != "nosniff":
        found.append(f"{url}: X-Content-Type-Options is not nosniff")
    if not response.get("Referrer-Policy"):
        found.append(f"{url}: no Referrer-Policy")
    if response.get("X-Frame-Options") != "DENY":
        found.append(f"{url}: X-Frame-Options is not DENY")
    if signed_in and "no-store" not in response.get("Cache-Control", ""):
        found.append(f"{url}: a signed-in page may be cached")
    if response.status_code == 200 and response.get("Content-Type", "").startswith(
        "text/html"
    ):
        assets = Assets()
        # The readable data download is streamed, a section at a time.
        body = (
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
            if response.streaming
            else response.content
        )
        assets.feed(body.decode())
        found += [
            f"{url}: loads {source} from another site"
            for source in assets.sources
            if is_off_site(source)
        ]
        if assets.inline_scripts:
            found.append(f"{url}: has inline script, which the policy blocks")
        if assets.inline_styles:
            found.append(f"{url}: has inline style, which the policy blocks")
    return found


def walk(client: Client, urls: list[str], *, signed_in: bool) -> list[str]:
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        found += problems_with(url, response, signed_in=signed_in)
    return found


def test_the_walk_reaches_every_part_of_the_site(place: Place) -> None:
    urls = every_url(place)
    assert "/" in urls
    assert reverse("account_signup") in urls
    assert reverse("organisations:help") in urls
    assert reverse("peergroups:group-detail", args=[place.group.pk]) in urls
    assert (
        reverse("organisations:directory-manage", args=[place.organisation.slug])
        in urls
    )


def test_pages_for_someone_signed_out_carry_the_headers(place: Place) -> None:
    client = Client(raise_request_exception=False)
    urls = [*every_url(place), "/no-such-page/"]
    assert walk(client, urls, signed_in=False) == []


def test_pages_for_a_peer_carry_the_headers_and_are_never_cached(
    place: Place,
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(place.peer)
    urls = [*every_url(place), "/no-such-page/"]
    assert walk(client, urls, signed_in=True) == []


def test_pages_for_an_admin_carry_the_headers_and_are_never_cached(
    place: Place,
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(place.admin)
    urls = [*every_url(place), "/no-such-page/"]
    assert walk(client, urls, signed_in=True) == []


def test_staff_pages_actually_open_for_the_admin(place: Place) -> None:
    """The walk above is only worth something if staff pages render, not redirect."""
    client = Client()
    client.force_login(place.admin)
    slug = place.organisation.slug
    for url in [
        reverse("organisations:settings-edit", args=[slug]),
        reverse("organisations:invitation-list", args=[slug]),
        reverse("organisations:directory-manage", args=[slug]),
        reverse("peergroups:request-list", args=[place.group.pk]),
    ]:
        assert client.get(url).status_code == 200, url


def test_stylesheets_fetch_nothing_from_other_sites(place: Place) -> None:
    client = Client()
    response = client.get("/static/alongside/site.css")
    assert response.status_code == 200
    css = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert "@import" not in css
    assert "url(http" not in css.replace(" ", "").replace("'", "").replace('"', "")
    assert response["X-Content-Type-Options"] == "nosniff"
