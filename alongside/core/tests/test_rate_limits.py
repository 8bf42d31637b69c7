"""Every way of adding something has a per-person limit (per address for sign-ups).

Each path that adds something (a live message by socket or by the plain form, a new
conversation, a reply, a report, a sign-up) is sent more times than its limit allows:
the one past the limit is refused in kind words, what was typed is still there (in
the form, or given back with the message's client id), nothing more is saved, and
someone else is not held back by it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from asgiref.sync import async_to_sync
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from alongside.accounts.models import Person
from alongside.conversations.models import Post, Thread
from alongside.conversations.tests.factories import open_room, thread_with_post
from alongside.conversations.tests.test_consumers import (
    communicator,
    receive_until,
    send_frame,
    signed_in,
)
from alongside.core.limits import MESSAGES
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.safety.models import Report
from conftest import client_for

LIMIT = 3
TYPED = "Words typed with care, never to be lost"


@dataclass
class Path:
    action: str
    send: Callable[[Client, PeerGroup, int], object]
    count: Callable[[PeerGroup], int]


def _thread(client: Client, group: PeerGroup, number: int) -> object:
    return client.post(
        reverse("conversations:thread-create", args=[group.pk]),
        {
            "title": f"A title {number}",
            "kind": "sharing",
            "body": f"{TYPED} {number}",
            "content_warning": "",
            "content_warning_text": "",
            "client_id": str(uuid.uuid4()),
        },
    )


def _reply(client: Client, group: PeerGroup, number: int) -> object:
    thread = Thread.objects.filter(group=group).first() or thread_with_post(
        group, person_in_state("active", group)
    )
    return client.post(
        reverse("conversations:post-reply", args=[group.pk, thread.pk]),
        {
            "kind": "offering",
            "body": f"{TYPED} {number}",
            "content_warning": "",
            "content_warning_text": "",
            "client_id": str(uuid.uuid4()),
        },
    )


def _live(client: Client, group: PeerGroup, number: int) -> object:
    open_room(group)
    return client.post(
        reverse("conversations:live-send", args=[group.pk]),
        {
            "body": f"{TYPED} {number}",
            "content_warning": "",
            "content_warning_text": "",
            "client_id": str(uuid.uuid4()),
        },
    )


def _report(client: Client, group: PeerGroup, number: int) -> object:
    # A different post each time: reporting one post twice is kept once anyway.
    post = thread_with_post(group, person_in_state("active", group)).posts.get()
    return client.post(
        reverse("safety:post-report", args=[group.pk, post.pk]),
        {"reason": "other", "note": f"{TYPED} {number}"},
    )


PATHS = {
    "a new conversation": Path(
        "post", _thread, lambda g: Post.objects.filter(group=g).count()
    ),
    "a reply": Path("post", _reply, lambda g: Post.objects.filter(group=g).count()),
    "a live message by the plain form": Path(
        "live_message", _live, lambda g: Post.objects.filter(group=g).count()
    ),
    "a report": Path("report", _report, lambda g: Report.objects.count()),
}


@pytest.fixture
def low_limits(settings: Settings) -> None:
    settings.ALONGSIDE_RATE_LIMITS = {
        action: f"{LIMIT}/h" for action in ("live_message", "post", "report", "signup")
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", PATHS)
def test_each_page_that_adds_something_has_a_kind_limit_per_person(
    name: str, group: PeerGroup, low_limits: None
) -> None:
    path = PATHS[name]
    person = person_in_state("active", group)
    client = client_for(person)
    for number in range(LIMIT):
        path.send(client, group, number)
    before = path.count(group)

    response = path.send(client, group, LIMIT)

    assert response.status_code in (200, 400), name  # type: ignore[attr-defined]
    page = response.content.decode()  # type: ignore[attr-defined]
    assert MESSAGES[path.action].replace("'", "&#x27;") in page, name
    assert f"{TYPED} {LIMIT}" in page, name
    assert path.count(group) == before
    # Someone else in the group is not held back.
    other = client_for(person_in_state("active", group))
    path.send(other, group, 99)
    assert path.count(group) > before, name


@pytest.mark.django_db(transaction=True)
def test_live_messages_by_socket_past_the_limit_come_back_with_kind_words(
    group: PeerGroup, low_limits: None
) -> None:
    member = signed_in(group)
    open_room(group)
    frames = [send_frame(f"{TYPED} {n}") for n in range(LIMIT + 1)]

    async def scenario() -> list[dict[str, object]]:
        socket = communicator(group, member)
        assert (await socket.connect())[0]
        answers = []
        for frame in frames:
            await socket.send_to(text_data=json.dumps(frame))
            while True:
                answer = await socket.receive_json_from(timeout=3)
                if answer["type"] in ("ack", "error"):
                    answers.append(answer)
                    break
        # A resend of a message already saved is still acknowledged, not refused.
        await socket.send_json_to(frames[0])
        answers.append(await receive_until(socket, "ack"))
        await socket.disconnect()
        return answers

    answers = async_to_sync(scenario)()

    assert [a["type"] for a in answers] == ["ack"] * LIMIT + ["error", "ack"]
    assert answers[LIMIT] == {
        "type": "error",
        "client_id": frames[LIMIT]["client_id"],
        "message": MESSAGES["live_message"],
    }
    assert Post.objects.filter(group=group).count() == LIMIT


@pytest.mark.django_db
def test_sign_ups_from_one_address_are_limited_kindly(
    organisation: Organisation, low_limits: None
) -> None:
    Organisation.objects.filter(pk=organisation.pk).update(is_open_for_signup=True)

    def sign_up(number: int, address: str = "203.0.113.5") -> object:
        return Client(REMOTE_ADDR=address).post(
            reverse("account_signup"),
            {
                "username": f"new-person-{number}",
                "password1": "a calm river at dusk",
                "password2": "a calm river at dusk",
            },
        )

    for number in range(LIMIT):
        assert sign_up(number).status_code == 302  # type: ignore[attr-defined]

    refused = sign_up(LIMIT)

    assert refused.status_code == 200  # type: ignore[attr-defined]
    page = refused.content.decode()  # type: ignore[attr-defined]
    assert MESSAGES["signup"] in page
    assert f"new-person-{LIMIT}" in page
    # Sign-in names are the name typed with numbers added (accounts.sign_in_names).
    assert not Person.objects.filter(
        username__startswith=f"new-person-{LIMIT}-"
    ).exists()
    assert sign_up(LIMIT, address="198.51.100.7").status_code == 302  # type: ignore[attr-defined]
