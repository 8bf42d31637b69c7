"""Shared test set-up: fast settings, and signed-in clients for each role.

The role clients all belong to one organisation (`organisation`) with one open group
(`group`):

- peer_client: a peer who is an active member of the group
- facilitator_client: the group's facilitator (staff, with a second factor)
- supervisor_client: a supervisor in the organisation, not in the group (staff)
- admin_client: the organisation's admin, not in the group (staff)
- outsider_client: a peer of another organisation
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from allauth.mfa.utils import is_mfa_enabled
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from alongside.accounts.models import Person
from alongside.accounts.second_factor import mark_second_step_passed
from alongside.accounts.tests.factories import (
    PASSWORD,
    PersonFactory,
    give_second_factor,
)
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)
from alongside.peergroups.models import GroupRole, PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.sealing.keys import forget_keys


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the database may use both: the main one and "keys", which
    holds the groups' data keys that sealed fields need. A test that names its own
    databases keeps them."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is not None:
            if "databases" in marker.kwargs:
                continue
            kwargs = {**marker.kwargs, "databases": "__all__"}
            item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)
            continue
        fixtures = getattr(item, "fixturenames", ())
        if "transactional_db" in fixtures or "live_server" in fixtures:
            item.add_marker(
                pytest.mark.django_db(transaction=True, databases="__all__"),
                append=False,
            )
        elif "db" in fixtures:
            item.add_marker(pytest.mark.django_db(databases="__all__"), append=False)


@pytest.fixture(autouse=True)
def test_settings(settings: Settings) -> Iterator[None]:
    # MD5 first for speed; the real hashers stay behind it so that existing hashes
    # still verify.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # In-process socket tests send this origin and no Host header.
    settings.ALONGSIDE_ALLOWED_ORIGINS = ["http://127.0.0.1"]
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    # Rate limits live in the cache; each test starts with a clean slate.
    cache.clear()
    # Each test's key rows are rolled back and ids used again: forget which key each
    # owner had (alongside.sealing.keys).
    forget_keys()
    yield
    cache.clear()


_force_login = Client.force_login


def _force_login_with_both_steps(
    self: Client, user: Any, backend: str | None = None
) -> None:
    """force_login stands for a whole sign-in: for someone with a second step, that
    includes typing its code. Tests of a session that skipped it remove the mark
    (`alongside.accounts.tests.test_second_step.forget_second_step`)."""
    _force_login(self, user, backend)
    if is_mfa_enabled(user):
        session = self.session
        mark_second_step_passed(session, user.pk)
        session.save()


Client.force_login = _force_login_with_both_steps  # type: ignore[method-assign,assignment]


def client_for(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def gave_password_again(client: Client) -> Client:
    """The person signed in with `client` has just typed their password again, as
    downloading their data asks (and changing how they sign in)."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, "the password was not taken"
    return client


def person_with_role(
    organisation: Organisation, role: str, *, second_factor: bool = False
) -> Person:
    person = PersonFactory.create()
    OrganisationRoleFactory.create(organisation=organisation, person=person, role=role)
    if second_factor:
        give_second_factor(person)
    return person


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory.create()


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    return OrganisationFactory.create()


@pytest.fixture
def group(organisation: Organisation) -> PeerGroup:
    return PeerGroupFactory.create(organisation=organisation)


@pytest.fixture
def peer(organisation: Organisation, group: PeerGroup) -> Person:
    person = person_with_role(organisation, Role.PEER)
    MembershipFactory.create(group=group, person=person)
    return person


@pytest.fixture
def facilitator(organisation: Organisation, group: PeerGroup) -> Person:
    person = person_with_role(organisation, Role.FACILITATOR, second_factor=True)
    MembershipFactory.create(group=group, person=person, role=GroupRole.FACILITATOR)
    return person


@pytest.fixture
def supervisor(organisation: Organisation) -> Person:
    return person_with_role(organisation, Role.SUPERVISOR, second_factor=True)


@pytest.fixture
def org_admin(organisation: Organisation) -> Person:
    return person_with_role(organisation, Role.ADMIN, second_factor=True)


@pytest.fixture
def outsider(other_organisation: Organisation) -> Person:
    return person_with_role(other_organisation, Role.PEER)


@pytest.fixture
def peer_client(peer: Person) -> Client:
    return client_for(peer)


@pytest.fixture
def facilitator_client(facilitator: Person) -> Client:
    return client_for(facilitator)


@pytest.fixture
def supervisor_client(supervisor: Person) -> Client:
    return client_for(supervisor)


@pytest.fixture
def admin_client(org_admin: Person) -> Client:
    """The organisation's admin (this replaces pytest-django's superuser client)."""
    return client_for(org_admin)


@pytest.fixture
def outsider_client(outsider: Person) -> Client:
    return client_for(outsider)
