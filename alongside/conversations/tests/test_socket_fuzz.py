"""No frame kills a live-room socket.

Every line of the Big List of Naughty Strings (`../shared/data/security/blns.txt`)
goes through the socket in each text field of a message, and then frames no browser
sends: JSON nested deeper than Python follows, every field with the wrong type,
frames far too large, half of an emoji (a lone surrogate) and NUL characters in each
text field, binary and empty frames. Each frame gets exactly one answer (an ack, or an
error frame in kind words), the socket stays open and answers the next frame, and
nothing is logged above a warning. Failures name the line number, never the text.
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings
from pytest_django import Settings

from alongside.conversations.models import Post
from alongside.core.text import MESSAGE as UNSTORABLE_MESSAGE
from alongside.peergroups.models import PeerGroup

from .factories import open_room
from .test_consumers import communicator, receive_until, send_frame, signed_in

pytestmark = pytest.mark.django_db(transaction=True)

BLNS = Path(settings.BASE_DIR).parent / "shared" / "data" / "security" / "blns.txt"
TEXT_FIELDS = ("body", "content_warning_text")
WRONG_TYPES: list[Any] = [None, 0, 1.5, True, [], ["a"], {}, {"a": "b"}, 2**70]
BROKEN = ["\ud800", "half \udfff an emoji", "\ud83d", "calm\x00words", "\x00"]


def naughty_lines() -> list[str]:
    if not BLNS.is_file():
        pytest.skip(
            f"The shared test data {BLNS} is absent; CI has it beside the repo."
        )
    text = BLNS.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


async def answer_to(socket: WebsocketCommunicator, frame: str) -> dict[str, Any]:
    """Send one raw frame and take the answer about it, skipping room news (the
    message itself as others see it, presence)."""
    await socket.send_to(text_data=frame)
    while True:
        answer = await socket.receive_json_from(timeout=5)
        if answer["type"] in ("ack", "error"):
            return answer


async def still_open(socket: WebsocketCommunicator) -> None:
    await socket.send_json_to({"type": "catch_up", "after": 2**62})
    await receive_until(socket, "caught_up")


def malformed_frames() -> list[tuple[str, str, bool]]:
    """(what, the frame, whether it must be refused). A wrong type in an optional
    field (a null warning, say) may be read as empty and the message accepted."""
    refused = [
        ("nested lists", "[" * 100_000 + "]" * 100_000),
        ("nested objects", '{"a":' * 100_000 + "1" + "}" * 100_000),
        ("nested in a message", json.dumps(send_frame()) [:-1] + ', "x": '
         + "[" * 50_000 + "]" * 50_000 + "}"),
        ("far too large", json.dumps(send_frame("w" * 2_000_000))),
        ("a long number", "9" * 100_000),
        ("not JSON", "{'type': 'send'}"),
        ("a string", '"send"'),
        ("a list", '["send"]'),
        ("null", "null"),
        ("no type", json.dumps({"body": "words"})),
        ("an unknown type", json.dumps({"type": "shout"})),
        ("a type that is not text", json.dumps({"type": ["send"]})),
        ("a lone surrogate for a type", '{"type": "\\ud800"}'),
        ("a catch-up of junk", json.dumps({"type": "catch_up", "after": "x",
                                           "shown": {"a": 1}})),
    ]  # fmt: skip
    frames = [(name, frame, True) for name, frame in refused]
    for field in ("body", "client_id", "content_warning", "content_warning_text"):
        for value in WRONG_TYPES:
            frame = json.dumps(send_frame(**{field: value}))
            frames.append((f"{field} as {type(value).__name__}", frame, False))
    for field in (*TEXT_FIELDS, "content_warning", "client_id"):
        for number, value in enumerate(BROKEN):
            # json.dumps writes a lone surrogate as the escape a browser would send.
            frame = json.dumps(send_frame(**{field: value}))
            frames.append((f"broken text {number} in {field}", frame, True))
    return frames


def test_no_frame_kills_the_socket(
    group: PeerGroup, caplog: pytest.LogCaptureFixture, settings: Settings
) -> None:
    # This test sends many messages quickly on purpose.
    settings.ALONGSIDE_RATE_LIMITS = {}
    member = signed_in(group)
    open_room(group)
    lines = naughty_lines()
    caplog.set_level(logging.WARNING)
    answered = {"ack": 0, "error": 0}

    async def scenario() -> None:
        socket = communicator(group, member)
        assert (await socket.connect())[0]
        for number, line in enumerate(lines, start=1):
            for field in TEXT_FIELDS:
                frame = send_frame(**{field: line})
                answer = await answer_to(socket, json.dumps(frame))
                where = f"blns line {number} in {field}"
                assert answer["client_id"] == frame["client_id"], where
                answered[answer["type"]] += 1
                if answer["type"] == "error":
                    assert answer["message"], where
        await still_open(socket)

        for name, frame, must_refuse in malformed_frames():
            answer = await answer_to(socket, frame)
            assert answer["type"] == "error" or not must_refuse, name
            assert answer.get("message") or answer["type"] == "ack", name
            await still_open(socket)
        for name, raw in (
            ("binary", {"bytes": b"\x00\xff"}),
            ("empty", {"text": ""}),
            ("empty binary", {"bytes": b""}),
        ):
            await socket.send_input({"type": "websocket.receive", **raw})
            assert (await receive_until(socket, "error"))["message"], name
            await still_open(socket)
        await socket.disconnect()

    async_to_sync(scenario)()

    assert answered["ack"] > len(lines)  # most lines are ordinary words, and go
    assert not [r for r in caplog.records if r.levelno > logging.WARNING]


def test_half_an_emoji_is_given_back_with_kind_words_and_nothing_is_kept(
    group: PeerGroup,
) -> None:
    member = signed_in(group)
    open_room(group)

    async def scenario() -> None:
        socket = communicator(group, member)
        assert (await socket.connect())[0]
        for broken in BROKEN:
            frame = send_frame(f"I wanted to say {broken} thank you")
            answer = await answer_to(socket, json.dumps(frame))
            assert answer == {
                "type": "error",
                "client_id": frame["client_id"],
                "message": UNSTORABLE_MESSAGE,
            }
        await socket.disconnect()

    async_to_sync(scenario)()

    assert not Post.objects.filter(group=group).exists()


def test_a_frame_that_fails_while_acted_on_gets_an_answer_and_the_socket_lives(
    group: PeerGroup, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever fails inside, the consumer answers, in kind words, and stays open;
    the log names the kind of failure, never the words."""
    member = signed_in(group)
    open_room(group)
    caplog.set_level(logging.WARNING)
    words = f"words {uuid.uuid4().hex}"

    async def scenario() -> None:
        socket = communicator(group, member)
        assert (await socket.connect())[0]
        # A client id the database could not hold as a uuid: the form refuses it.
        frame = send_frame(words, client_id="not-a-uuid" * 1000)
        answer = await answer_to(socket, json.dumps(frame))
        assert answer["type"] == "error"
        await still_open(socket)
        await socket.disconnect()

    async_to_sync(scenario)()

    assert not any(words in record.getMessage() for record in caplog.records)
