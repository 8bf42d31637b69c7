"""Writing waits until a newcomer has said they read the group's agreement: the pages
and the live room refuse kindly and keep the words, and confirming opens them."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.agreements.tests.factories import AgreementItemFactory
from alongside.peergroups.models import PeerGroup

from ..models import Post, Thread
from .factories import open_room, person_in, thread_with_post

pytestmark = pytest.mark.django_db

AGREEMENT_FIRST = "please read the group&#x27;s agreement"


def _newcomer_after_agreement(group: PeerGroup) -> tuple[Person, Client]:
    AgreementItemFactory.create(version__agreement__group=group)
    person = person_in(group)
    client = Client()
    client.force_login(person)
    return person, client


def _words(**overrides: Any) -> dict[str, Any]:
    return {
        "kind": "sharing",
        "title": "A title",
        "body": "kept words",
        "content_warning": "",
        "content_warning_text": "",
        "client_id": str(uuid.uuid4()),
        **overrides,
    }


def test_a_newcomer_who_has_not_confirmed_cannot_start_a_conversation(
    group: PeerGroup,
) -> None:
    _, client = _newcomer_after_agreement(group)

    response = client.post(
        reverse("conversations:thread-create", args=[group.pk]), _words()
    )

    page = response.content.decode()
    assert response.status_code == 403
    assert "kept words" in page
    assert AGREEMENT_FIRST in page
    assert not Thread.objects.exists()


def test_a_newcomer_who_has_not_confirmed_cannot_reply(group: PeerGroup) -> None:
    thread = thread_with_post(group, person_in(group))
    _, client = _newcomer_after_agreement(group)

    response = client.post(
        reverse("conversations:post-reply", args=[group.pk, thread.pk]),
        _words(kind="offering"),
    )

    assert response.status_code == 403
    assert AGREEMENT_FIRST in response.content.decode()
    assert thread.posts.count() == 1


def test_a_newcomer_who_has_not_confirmed_cannot_write_in_the_live_room(
    group: PeerGroup,
) -> None:
    open_room(group)
    _, client = _newcomer_after_agreement(group)

    response = client.post(
        reverse("conversations:live-send", args=[group.pk]), _words()
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "kept words" in page
    assert AGREEMENT_FIRST in page
    assert not Post.objects.exists()


def test_confirming_the_agreement_opens_writing(group: PeerGroup) -> None:
    _, client = _newcomer_after_agreement(group)
    client.post(reverse("agreements:reading-confirm", args=[group.pk]))

    response = client.post(
        reverse("conversations:thread-create", args=[group.pk]), _words()
    )

    assert response.status_code == 302
    assert Thread.objects.count() == 1
