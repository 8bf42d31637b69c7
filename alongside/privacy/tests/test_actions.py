"""Erasing an account: rows per the registry, words as chosen, sessions and sockets."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.test import Client

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory
from alongside.agreements.models import Comment, Proposal
from alongside.conversations.models import Post, Thread
from alongside.organisations.models import (
    Invitation,
    Organisation,
    OrganisationRole,
    Role,
)
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)
from alongside.privacy import actions
from alongside.privacy.actions import end_sessions_of, erase_account
from alongside.privacy.registry import REGISTRY, Erasure
from alongside.safety.models import HoldAppeal, ModerationDecision, Report

from . import world as w

pytestmark = pytest.mark.django_db(transaction=True)


def words(rows: QuerySet[Any], field: str) -> list[str]:
    """Sealed words open only in Python, so compare them there."""
    return [getattr(row, field) for row in rows]


def _model(label: str):  # type: ignore[no-untyped-def]
    from django.apps import apps

    return apps.get_model(label)


def test_every_registered_row_is_deleted_or_detached() -> None:
    world = w.populated_person()
    person_id = world.person.pk

    erase_account(person=world.person, keep_posts=True)

    assert not Person.objects.filter(pk=person_id).exists()
    for entry in REGISTRY:
        rows = _model(entry.model).objects.filter(**{f"{entry.field}_id": person_id})
        assert not rows.exists(), entry.key
    for model, field in (
        (Invitation, "created_by"),
        (ModerationDecision, "decided_by"),
        (Proposal, "proposed_by"),
    ):
        assert model.objects.filter(**{f"{field}__isnull": True}).exists(), model


def test_kept_posts_stay_as_former_member_and_other_words_stay() -> None:
    world = w.populated_person()

    erase_account(person=world.person, keep_posts=True)

    post = Post.objects.get(pk=world.own_post.pk)
    assert post.author_id is None
    assert post.body == w.OWN_POST
    assert Thread.objects.get(pk=world.own_thread.pk).title == w.OWN_TITLE
    named = Post.objects.with_author_name().get(pk=post.pk)
    assert named.author_name == "former member"  # type: ignore[attr-defined]
    assert w.OWN_COMMENT in words(Comment.objects.filter(person__isnull=True), "text")
    assert words(Post.objects.all(), "body").count(w.OTHER_POST) == 2
    assert w.OTHER_REPORT_NOTE in words(Report.objects.all(), "note")
    assert w.OWN_APPEAL not in words(HoldAppeal.objects.all(), "note")


def test_removed_posts_lose_their_words_but_replies_stay() -> None:
    world = w.populated_person()

    erase_account(person=world.person, keep_posts=False)

    post = Post.objects.get(pk=world.own_post.pk)
    assert post.author_id is None
    assert post.body == ""
    assert post.is_deleted
    bodies = words(Post.objects.all(), "body")
    assert w.OWN_POST not in bodies
    assert w.OWN_LIVE not in bodies
    assert Thread.objects.get(pk=world.own_thread.pk).title == ""
    assert w.OWN_COMMENT not in words(Comment.objects.all(), "text")
    assert words(Post.objects.all(), "body").count(w.OTHER_POST) == 2
    assert Proposal.objects.get().reason == ""


def test_held_posts_go_even_when_shared_posts_are_kept() -> None:
    world = w.populated_person()
    Post.objects.filter(pk=world.own_post.pk).update(status="held")

    erase_account(person=world.person, keep_posts=True)

    assert Post.objects.get(pk=world.own_post.pk).body == ""


def test_second_factor_secrets_are_deleted() -> None:
    world = w.populated_person()

    erase_account(person=world.person, keep_posts=True)

    assert not Authenticator.objects.exists()


def test_every_session_of_the_person_ends_and_others_stay() -> None:
    person = PersonFactory.create()
    someone_else = PersonFactory.create()
    for _ in range(2):
        Client().force_login(person)
    Client().force_login(someone_else)

    erase_account(person=person, keep_posts=True)

    assert Session.objects.count() == 1
    assert end_sessions_of(someone_else.pk) == 1
    assert Session.objects.count() == 0


def test_live_sockets_are_closed_after_commit() -> None:
    person = PersonFactory.create()
    person_id = person.pk

    with mock.patch("alongside.privacy.actions.close_live_sockets") as close:
        erase_account(person=person, keep_posts=False)

    close.assert_called_once_with(person_id=person_id)


def _admin_of_new_organisation() -> Person:
    organisation = OrganisationFactory.create()
    person = PersonFactory.create()
    OrganisationRoleFactory.create(
        organisation=organisation, person=person, role=Role.ADMIN
    )
    return person


def test_the_only_admin_cannot_erase_until_there_is_another() -> None:
    person = _admin_of_new_organisation()

    with pytest.raises(PermissionDenied):
        erase_account(person=person, keep_posts=True)

    assert Person.objects.filter(pk=person.pk).exists()


def test_an_admin_can_erase_once_there_is_another() -> None:
    person = _admin_of_new_organisation()
    organisation = person.roles.get().organisation
    OrganisationRoleFactory.create(organisation=organisation, role=Role.ADMIN)

    erase_account(person=person, keep_posts=True)

    assert not Person.objects.filter(pk=person.pk).exists()


def test_the_check_is_made_again_once_the_organisations_are_locked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Another admin steps down while this erasure waits for the organisation: once it
    # has the lock, it finds that change and refuses, erasing nothing.
    person = _admin_of_new_organisation()
    organisation = person.roles.get().organisation
    other = OrganisationRoleFactory.create(organisation=organisation, role=Role.ADMIN)
    lock = actions.lock_organisations_administered_by

    def other_admin_steps_down_first(person: Person) -> None:
        OrganisationRole.objects.filter(pk=other.pk).update(role=Role.PEER)
        lock(person)

    monkeypatch.setattr(
        actions, "lock_organisations_administered_by", other_admin_steps_down_first
    )

    with pytest.raises(PermissionDenied):
        erase_account(person=person, keep_posts=True)

    assert Person.objects.filter(pk=person.pk).exists()


def test_only_the_organisations_the_person_administers_are_locked() -> None:
    person = _admin_of_new_organisation()
    administered = person.roles.get().organisation
    elsewhere = OrganisationFactory.create()
    OrganisationRoleFactory.create(
        organisation=elsewhere, person=person, role=Role.PEER
    )

    assert list(Organisation.objects.administered_by(person)) == [administered]


def test_the_registry_says_what_erasure_does_for_every_entry() -> None:
    kinds = {entry.erasure for entry in REGISTRY}
    assert kinds == {Erasure.DELETE, Erasure.DETACH}
