"""Where peers and staff write words: posts, replies, threads, content warnings,
agreement suggestions, discussion and responses, reports, appeals, moderation notes,
replies to decisions, incidents and live-room socket messages all survive every line
of the Big List of Naughty Strings.

The forms use `test_blns.FormProbe` (one line into all of a form's text fields at
once, then again into those the form accepted). Live messages go through the real
socket. The answer is never a server error; a turned-down line comes back with a kind
message. Failures name the line number and the field, never the text.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from alongside.agreements.models import Proposal, ResponseChoice
from alongside.agreements.tests.factories import (
    AgreementItemFactory,
    ProposalChangeFactory,
    ReadingFactory,
)
from alongside.conversations.models import Post, PostStatus, Thread
from alongside.conversations.tests.factories import open_room, thread_with_post
from alongside.peergroups.actions import join_group
from alongside.peergroups.models import GroupRole, Membership
from alongside.safety.models import (
    HoldAppeal,
    Incident,
    ModerationDecision,
    Report,
)
from config.asgi import application

from .test_blns import (  # noqa: F401  (fixtures used by name)
    EXTRA_INPUTS,
    TALLY,
    FormProbe,
    Place,
    naughty_lines,
    place,
    report,
    run,
    signed_in,
    tally,
)

ACCEPTED: Counter[str] = Counter()

pytestmark = pytest.mark.fuzz


@pytest.fixture(autouse=True)
def no_rate_limits(settings: Any) -> None:
    """Each probe sends hundreds of lines from one person in a minute: the
    per-person limits on posting and reporting (tested in test_rate_limits.py) would
    refuse most of them before the form is read."""
    settings.ALONGSIDE_RATE_LIMITS = {}


class FreshPostProbe(FormProbe):
    """A form that writes a post: each try carries a new client id, as the page
    gives each form it shows."""

    def send(self, client: Client, data: dict[str, str]) -> Any:
        return super().send(client, {**data, "client_id": str(uuid.uuid4())})


def counting(label: str, tidy: Callable[[], None] = lambda: None) -> Callable[[], None]:
    """An after-success step that also counts how many lines went through."""

    def after() -> None:
        ACCEPTED[label] += 1
        tidy()

    return after


def assert_most_went_through(label: str) -> None:
    """Most lines are ordinary enough to be accepted: the probe really reached the
    success path, rather than being refused at the door each time."""
    assert ACCEPTED[label] > len(naughty_lines()) // 2, ACCEPTED[label]


def _read_agreement(where: Place) -> None:
    """The group has an agreement, which its members have confirmed."""
    version = AgreementItemFactory.create(version__agreement__group=where.group).version
    for person in (where.member, where.admin):
        ReadingFactory.create(version=version, person=person)


@pytest.fixture
def writer(place: Place) -> Place:  # noqa: F811
    """The admin also facilitates the group, so that staff forms can be tried."""
    Membership.objects.filter(group=place.group, person=place.admin).delete()
    join_group(person=place.admin, group=place.group, display_name="Facilitator")
    Membership.objects.filter(group=place.group, person=place.admin).update(
        role=GroupRole.FACILITATOR
    )
    _read_agreement(place)
    return place


def _another_members_post(where: Place) -> Post:
    return thread_with_post(where.group, where.leaver).posts.get()


def test_starting_a_thread_survives_naughty_strings(writer: Place) -> None:
    def tidy() -> None:
        Thread.objects.filter(group=writer.group).delete()

    probe = FreshPostProbe(
        label="start a thread",
        url=reverse("conversations:thread-create", args=[writer.group.pk]),
        text_fields=["title", "body", "content_warning_text"],
        good={
            "title": "A small win",
            "kind": "sharing",
            "body": "I went outside today.",
            "content_warning": "other",
            "content_warning_text": "a hard day",
        },
        after_success=counting("start a thread", tidy),
        rate_limited=True,
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("start a thread")


def test_replying_survives_naughty_strings(writer: Place) -> None:
    thread = thread_with_post(writer.group, writer.leaver)

    def tidy() -> None:
        Post.objects.filter(thread=thread, author=writer.member).delete()

    probe = FreshPostProbe(
        label="reply",
        url=reverse("conversations:post-reply", args=[writer.group.pk, thread.pk]),
        text_fields=["body", "content_warning_text"],
        good={
            "kind": "offering",
            "body": "Thank you for sharing.",
            "content_warning": "other",
            "content_warning_text": "a hard day",
        },
        after_success=counting("reply", tidy),
        rate_limited=True,
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("reply")


def test_editing_a_post_survives_naughty_strings(writer: Place) -> None:
    post = thread_with_post(writer.group, writer.member).posts.get()
    probe = FormProbe(
        label="edit a post",
        url=reverse("conversations:post-edit", args=[writer.group.pk, post.pk]),
        text_fields=["body", "content_warning_text"],
        good={
            "body": "I went outside today.",
            "content_warning": "other",
            "content_warning_text": "a hard day",
        },
        after_success=counting("edit a post"),
        rate_limited=True,
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("edit a post")


def test_live_room_plain_form_survives_naughty_strings(writer: Place) -> None:
    open_room(writer.group)
    probe = FreshPostProbe(
        label="live room, without JavaScript",
        url=reverse("conversations:live-send", args=[writer.group.pk]),
        text_fields=["body", "content_warning_text"],
        good={
            "body": "Hello, everyone.",
            "content_warning": "other",
            "content_warning_text": "a hard day",
        },
        after_success=counting("live room form"),
        rate_limited=True,
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("live room form")


def _open_proposal(where: Place) -> Proposal:
    return ProposalChangeFactory.create(
        proposal__agreement=where.group.agreement, proposal__proposed_by=where.admin
    ).proposal


def test_suggesting_an_agreement_change_survives_naughty_strings(
    writer: Place,
) -> None:
    def tidy() -> None:
        Proposal.objects.filter(proposed_by=writer.member).delete()

    probe = FormProbe(
        label="suggest an agreement item",
        url=reverse("agreements:proposal-create", args=[writer.group.pk]),
        text_fields=["text", "why", "reason"],
        good={
            "action": "add",
            "item": "",
            "text": "We listen without fixing.",
            "why": "It helps us feel heard.",
            "reason": "It came up last week.",
        },
        after_success=counting("suggest", tidy),
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("suggest")


def test_discussing_a_suggestion_survives_naughty_strings(writer: Place) -> None:
    proposal = _open_proposal(writer)
    probe = FormProbe(
        label="discuss a suggestion",
        url=reverse("agreements:comment-create", args=[writer.group.pk, proposal.pk]),
        text_fields=["text"],
        good={"text": "I like this."},
        after_success=counting("discuss"),
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("discuss")


def test_responding_to_a_suggestion_survives_naughty_strings(writer: Place) -> None:
    proposal = _open_proposal(writer)
    probe = FormProbe(
        label="respond to a suggestion",
        url=reverse("agreements:response-save", args=[writer.group.pk, proposal.pk]),
        text_fields=["reason"],
        good={"choice": ResponseChoice.OBJECT, "reason": "It worries me."},
        after_success=counting("respond"),
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("respond")


def test_reporting_a_post_survives_naughty_strings(writer: Place) -> None:
    post = _another_members_post(writer)

    def tidy() -> None:
        Report.objects.filter(post=post).delete()

    probe = FormProbe(
        label="report a post",
        url=reverse("safety:post-report", args=[writer.group.pk, post.pk]),
        # The agreement item is picked from a list (a choice), not typed.
        text_fields=["note"],
        good={"reason": "other", "note": "", "agreement_item_reference": ""},
        after_success=counting("report", tidy),
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("report")


def test_asking_for_another_look_survives_naughty_strings(writer: Place) -> None:
    post = thread_with_post(
        writer.group, writer.member, status=PostStatus.HELD
    ).posts.get()

    def tidy() -> None:
        HoldAppeal.objects.filter(post=post).delete()

    probe = FormProbe(
        label="ask for another look",
        url=reverse("safety:post-appeal", args=[writer.group.pk, post.pk]),
        text_fields=["note"],
        good={"note": ""},
        after_success=counting("appeal", tidy),
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("appeal")


def test_moderation_notes_survive_naughty_strings(writer: Place) -> None:
    post = thread_with_post(
        writer.group, writer.member, status=PostStatus.HELD
    ).posts.get()

    def tidy() -> None:
        ModerationDecision.objects.filter(post=post).delete()
        Post.objects.filter(pk=post.pk).update(status=PostStatus.HELD)

    probe = FormProbe(
        label="moderation decision",
        url=reverse("safety:queue-decide", args=[writer.group.pk, post.pk]),
        text_fields=["reason", "note_to_author"],
        good={
            "action": "hide",
            "reason": "It shared details.",
            "note_to_author": "Thank you for understanding.",
            "content_warning": "",
            "pause_days": "",
        },
        after_success=counting("decide", tidy),
    )
    run(signed_in(writer.admin), probe)
    assert_most_went_through("decide")


def test_replying_to_a_decision_survives_naughty_strings(writer: Place) -> None:
    post = thread_with_post(writer.group, writer.member).posts.get()
    decision = ModerationDecision.objects.create(
        post=post, group=writer.group, action="hide", reason="Checked."
    )

    def tidy() -> None:
        ModerationDecision.objects.filter(pk=decision.pk).update(
            author_reply="", replied_at=None
        )

    probe = FormProbe(
        label="reply to a decision",
        url=reverse("safety:decision-detail", args=[decision.pk]),
        text_fields=["reply"],
        good={"reply": "Thank you."},
        after_success=counting("decision reply", tidy),
    )
    run(signed_in(writer.member), probe)
    assert_most_went_through("decision reply")


def test_recording_an_incident_survives_naughty_strings(writer: Place) -> None:
    def tidy() -> None:
        Incident.objects.all().delete()

    probe = FormProbe(
        label="record an incident",
        url=reverse("safety:incident-create", args=[writer.organisation.slug]),
        text_fields=["what_happened", "actions_taken", "outcome", "follow_up"],
        good={
            "group": str(writer.group.pk),
            "category": "other",
            "severity": "low",
            "what_happened": "A difficult evening in the live room.",
            "actions_taken": "",
            "outcome": "",
            "follow_up": "",
            "follow_up_by": "",
        },
        after_success=counting("incident", tidy),
    )
    run(signed_in(writer.admin), probe)
    assert_most_went_through("incident")


def _socket_for(where: Place) -> WebsocketCommunicator:
    client = Client()
    client.force_login(where.member)
    cookie = client.cookies["sessionid"].value
    return WebsocketCommunicator(
        application,
        f"/ws/groups/{where.group.pk}/live/",
        headers=[
            (b"origin", b"http://127.0.0.1"),
            (b"cookie", f"sessionid={cookie}".encode()),
        ],
    )


async def _answer(socket: WebsocketCommunicator, client_id: str) -> dict[str, Any]:
    """The acknowledgement or the kind error for one sent message."""
    while True:
        output = await socket.receive_output(timeout=5)
        assert output["type"] != "websocket.close", output
        frame: dict[str, Any] = json.loads(output["text"])
        if frame["type"] in ("ack", "error") and frame.get("client_id") in (
            client_id,
            None,
        ):
            return frame


@pytest.mark.django_db(transaction=True)
def test_live_socket_messages_survive_naughty_strings(writer: Place) -> None:
    open_room(writer.group)
    socket = _socket_for(writer)
    inputs = naughty_lines() + EXTRA_INPUTS
    answers: Counter[str] = Counter()

    async def scenario() -> None:
        connected, _ = await socket.connect()
        assert connected
        for line in inputs:
            # The line as the message and its warning, then as a whole frame that
            # is not JSON at all; the socket answers each and stays open.
            client_id = str(uuid.uuid4())
            await socket.send_json_to(
                {
                    "type": "send",
                    "client_id": client_id,
                    "body": line,
                    "content_warning": "other",
                    "content_warning_text": line,
                }
            )
            frame = await _answer(socket, client_id)
            answers[frame["type"]] += 1
            if frame["type"] == "error":
                assert frame["message"]
            await socket.send_to(text_data=line)
            frame = await _answer(socket, "")
            assert frame["type"] == "error" and frame["message"]
            TALLY.tries += 3
            TALLY.requests += 2
            await sync_to_async(cache.clear)()
        await socket.disconnect()

    async_to_sync(scenario)()
    print(f"\nLive socket: {len(inputs)} lines, answers {dict(answers)}.")
    assert answers["ack"] > len(inputs) // 2
