"""Removing a help-directory entry or stopping an invitation code asks first and can
be undone for a short while."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.organisations.models import (
    UNDO_WINDOW,
    Invitation,
    Organisation,
    SupportService,
)

from .factories import InvitationFactory, SupportServiceFactory

pytestmark = pytest.mark.django_db

TOO_LONG_AGO = UNDO_WINDOW + timedelta(minutes=1)


def url(name: str, organisation: Organisation, object_id: int) -> str:
    return reverse(f"organisations:{name}", args=[organisation.slug, object_id])


def test_removing_a_help_entry_asks_first(
    admin_client: Client, organisation: Organisation
) -> None:
    service = SupportServiceFactory.create(organisation=organisation)

    response = admin_client.get(url("directory-remove", organisation, service.pk))

    assert response.status_code == 200
    assert "Remove it" in response.content.decode()
    assert SupportService.objects.filter(pk=service.pk).exists()


def test_a_removed_help_entry_leaves_every_list_and_can_be_put_back(
    admin_client: Client, peer_client: Client, organisation: Organisation
) -> None:
    service = SupportServiceFactory.create(organisation=organisation)
    admin_client.post(url("directory-remove", organisation, service.pk))

    assert service.name not in peer_client.get(reverse("organisations:help")).text
    manage = admin_client.get(
        reverse("organisations:directory-manage", args=[organisation.slug])
    ).text
    assert "Removed a moment ago" in manage
    assert url("directory-restore", organisation, service.pk) in manage

    response = admin_client.post(url("directory-restore", organisation, service.pk))

    assert response.status_code == 302
    assert service.name in peer_client.get(reverse("organisations:help")).text


def test_a_help_entry_removed_too_long_ago_cannot_be_put_back(
    admin_client: Client, organisation: Organisation
) -> None:
    service = SupportServiceFactory.create(organisation=organisation)
    admin_client.post(url("directory-remove", organisation, service.pk))
    SupportService.with_removed.filter(pk=service.pk).update(
        removed_at=timezone.now() - TOO_LONG_AGO
    )

    response = admin_client.post(
        url("directory-restore", organisation, service.pk), follow=True
    )

    assert "too late to put that back" in response.text
    assert not SupportService.objects.filter(pk=service.pk).exists()


def test_entries_removed_long_ago_are_deleted_for_good_at_the_next_removal(
    admin_client: Client, organisation: Organisation
) -> None:
    old, new = SupportServiceFactory.create_batch(2, organisation=organisation)
    SupportService.objects.filter(pk=old.pk).update(
        removed_at=timezone.now() - TOO_LONG_AGO
    )

    admin_client.post(url("directory-remove", organisation, new.pk))

    assert not SupportService.with_removed.filter(pk=old.pk).exists()
    assert SupportService.with_removed.filter(pk=new.pk).exists()


def test_stopping_a_code_asks_first_and_can_be_undone(
    admin_client: Client, organisation: Organisation
) -> None:
    invitation = InvitationFactory.create(organisation=organisation)

    asked = admin_client.get(url("invitation-revoke", organisation, invitation.pk))
    assert asked.status_code == 200
    assert Invitation.objects.usable().filter(pk=invitation.pk).exists()

    admin_client.post(url("invitation-revoke", organisation, invitation.pk))
    assert not Invitation.objects.usable().filter(pk=invitation.pk).exists()
    codes = admin_client.get(
        reverse("organisations:invitation-list", args=[organisation.slug])
    ).text
    assert url("invitation-restore", organisation, invitation.pk) in codes

    admin_client.post(url("invitation-restore", organisation, invitation.pk))
    assert Invitation.objects.usable().filter(pk=invitation.pk).exists()


def test_a_code_stopped_too_long_ago_stays_stopped(
    admin_client: Client, organisation: Organisation
) -> None:
    invitation = InvitationFactory.create(
        organisation=organisation, revoked_at=timezone.now() - TOO_LONG_AGO
    )

    response = admin_client.post(
        url("invitation-restore", organisation, invitation.pk), follow=True
    )

    assert "too late to undo" in response.text
    assert not Invitation.objects.usable().filter(pk=invitation.pk).exists()


def test_nobody_but_the_admin_puts_an_entry_back(
    peer_client: Client, organisation: Organisation
) -> None:
    service = SupportServiceFactory.create(
        organisation=organisation, removed_at=timezone.now()
    )

    response = peer_client.post(url("directory-restore", organisation, service.pk))

    assert response.status_code == 404
    assert not SupportService.objects.filter(pk=service.pk).exists()
