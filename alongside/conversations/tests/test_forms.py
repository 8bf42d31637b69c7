"""The live socket reads a message with the page's form, its fields shared rather
than copied for each message: the same answers, and nothing carried from one
message to the next."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from alongside.conversations.forms import LiveMessageForm, LiveSocketMessageForm

CLIENT_ID = str(uuid.uuid4())

CASES: list[dict[str, Any]] = [
    {"body": "  Hello room  ", "client_id": CLIENT_ID},
    {"body": "", "client_id": CLIENT_ID},
    {"body": "\x00  ", "client_id": CLIENT_ID},
    {"body": "x" * 5001, "client_id": CLIENT_ID},
    {"body": "Hi", "content_warning": "not-a-topic", "client_id": CLIENT_ID},
    {"body": "Hi", "content_warning_text": " my  own\x00 w", "client_id": CLIENT_ID},
    {"body": "Hi", "content_warning_text": "w" * 81, "client_id": CLIENT_ID},
    {"body": "Hi", "client_id": "not-an-id"},
    {"body": "Hi"},
]


@pytest.mark.parametrize("data", CASES)
def test_the_socket_reads_a_message_as_the_page_does(data: dict[str, Any]) -> None:
    page, socket = LiveMessageForm(data=data), LiveSocketMessageForm(data=data)

    assert socket.is_valid() == page.is_valid()
    assert socket.errors == page.errors
    assert socket.cleaned_data == page.cleaned_data


def test_nothing_is_carried_from_one_message_to_the_next() -> None:
    refused = LiveSocketMessageForm(data={"body": "", "client_id": CLIENT_ID})
    assert not refused.is_valid()

    accepted = LiveSocketMessageForm(data={"body": "Hello", "client_id": CLIENT_ID})

    assert accepted.is_valid()
    assert accepted.errors == {}
    assert accepted.cleaned_data["body"] == "Hello"
    assert "body" in refused.errors
