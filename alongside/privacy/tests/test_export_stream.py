"""The JSON download and the readable page are sent a section at a time, and the
parts make exactly the file that was built whole before."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import cast

import pytest
from asgiref.sync import async_to_sync
from django.http import StreamingHttpResponse
from django.test import AsyncClient, Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PASSWORD, PersonFactory
from alongside.conversations.models import Post
from alongside.conversations.tests.factories import thread_with_post
from alongside.privacy.export import (
    build_export,
    export_as_html,
    export_as_html_parts,
    export_as_json_parts,
)
from conftest import gave_password_again

from . import world as w

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both builds of the file name the same moment it was made. The moment is a
    minute from now, never a fixed date: the person's check-in opens on the day
    they join, and a fixed date would one day fall before it."""
    made_at = timezone.now() + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: made_at)


def built_whole(person: Person) -> str:
    """The file as it was made before it was streamed: one document, dumped."""
    return json.dumps(build_export(person), indent=2, ensure_ascii=False)


def with_awkward_words() -> Person:
    world = w.populated_person()
    thread = thread_with_post(world.group, world.person)
    Post.objects.create(
        group=world.group,
        thread=thread,
        author=world.person,
        body='Quotes "like this", a back\\slash, a tab\there,\nnew lines\n\nand é ✓ 🌱',
        client_id=uuid.uuid4(),
    )
    return world.person


@pytest.mark.usefixtures("fixed_clock")
def test_the_parts_join_into_exactly_the_file_built_whole() -> None:
    person = with_awkward_words()

    parts = list(export_as_json_parts(person))

    assert len(parts) > 3
    assert "".join(parts) == built_whole(person)


@pytest.mark.usefixtures("fixed_clock")
def test_someone_with_nothing_yet_gets_the_same_file_either_way() -> None:
    person = PersonFactory.create()

    assert "".join(export_as_json_parts(person)) == built_whole(person)


@pytest.mark.usefixtures("fixed_clock")
def test_the_download_is_streamed_with_the_same_bytes() -> None:
    person = with_awkward_words()
    client = Client()
    client.force_login(person)
    gave_password_again(client)

    response = cast(StreamingHttpResponse, client.get(reverse("privacy:data-json")))

    assert response.streaming
    assert response["Content-Disposition"].startswith("attachment;")
    body = b"".join(response)
    assert body == built_whole(person).encode()


@pytest.mark.usefixtures("fixed_clock")
def test_the_download_streams_the_same_bytes_under_asgi() -> None:
    person = with_awkward_words()

    async def download() -> tuple[bool, bytes]:
        client = AsyncClient()
        await client.aforce_login(person)
        await client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        response = cast(
            StreamingHttpResponse, await client.get(reverse("privacy:data-json"))
        )
        chunks = [chunk async for chunk in response]
        return response.is_async, b"".join(chunks)

    is_async, body = async_to_sync(download)()

    assert is_async
    assert body == built_whole(person).encode()


@pytest.mark.usefixtures("fixed_clock")
def test_the_page_parts_join_into_exactly_the_page_built_whole() -> None:
    person = with_awkward_words()

    parts = list(export_as_html_parts(person))

    assert len(parts) > 3
    assert parts[0].startswith("<!DOCTYPE html>")
    assert parts[-1].rstrip().endswith("</html>")
    page = "".join(parts)
    assert page == export_as_html(person)
    assert "and é ✓ 🌱" in page
    assert "holds nothing about you" in page


@pytest.mark.usefixtures("fixed_clock")
def test_a_page_for_someone_with_nothing_yet_is_the_same_either_way() -> None:
    person = PersonFactory.create()

    assert "".join(export_as_html_parts(person)) == export_as_html(person)


@pytest.mark.usefixtures("fixed_clock")
def test_the_readable_page_is_streamed_with_the_same_bytes() -> None:
    person = with_awkward_words()
    client = Client()
    client.force_login(person)
    gave_password_again(client)

    response = cast(StreamingHttpResponse, client.get(reverse("privacy:data-html")))

    assert response.streaming
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith('.html"')
    assert b"".join(response) == export_as_html(person).encode()


@pytest.mark.usefixtures("fixed_clock")
def test_the_readable_page_streams_the_same_bytes_under_asgi() -> None:
    person = with_awkward_words()

    async def download() -> tuple[bool, bytes]:
        client = AsyncClient()
        await client.aforce_login(person)
        await client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        response = cast(
            StreamingHttpResponse, await client.get(reverse("privacy:data-html"))
        )
        chunks = [chunk async for chunk in response]
        return response.is_async, b"".join(chunks)

    is_async, body = async_to_sync(download)()

    assert is_async
    assert body == export_as_html(person).encode()
