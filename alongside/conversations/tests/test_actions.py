"""Conversation actions: sending twice, removing the opening of a conversation."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from alongside.peergroups.models import PeerGroup

from .. import actions
from ..models import Post, Thread
from .factories import open_room, person_in

pytestmark = pytest.mark.django_db


def _start(group: PeerGroup, person, client_id: uuid.UUID, **overrides):  # type: ignore[no-untyped-def]
    fields = {
        "title": "A title",
        "kind": "sharing",
        "body": "placeholder words",
        "content_warning": "",
        "content_warning_text": "",
        **overrides,
    }
    return actions.start_thread(
        person=person, group=group, client_id=client_id, **fields
    )


def test_sending_the_same_thread_again_returns_the_first(group: PeerGroup) -> None:
    person = person_in(group)
    client_id = uuid.uuid4()
    first = _start(group, person, client_id)
    assert _start(group, person, client_id) == first
    assert Thread.objects.count() == 1


def test_a_new_thread_under_an_old_client_id_is_refused_not_swapped(
    group: PeerGroup,
) -> None:
    person = person_in(group)
    client_id = uuid.uuid4()
    _start(group, person, client_id)
    with pytest.raises(ValidationError, match="send them again"):
        _start(group, person, client_id, body="other placeholder words")
    with pytest.raises(ValidationError, match="send them again"):
        _start(group, person, client_id, title="Another title")
    assert Thread.objects.count() == 1


def test_a_different_reply_under_an_old_client_id_is_refused(group: PeerGroup) -> None:
    person = person_in(group)
    thread = _start(group, person, uuid.uuid4())
    client_id = uuid.uuid4()
    fields = {"kind": "sharing", "content_warning": "", "content_warning_text": ""}
    actions.reply_to_thread(
        person=person, thread=thread, body="one", client_id=client_id, **fields
    )
    with pytest.raises(ValidationError):
        actions.reply_to_thread(
            person=person, thread=thread, body="two", client_id=client_id, **fields
        )


def test_a_different_live_message_under_an_old_client_id_is_refused(
    group: PeerGroup,
) -> None:
    open_room(group)
    person = person_in(group)
    client_id = uuid.uuid4()
    fields = {"content_warning": "", "content_warning_text": ""}
    actions.post_live_message(
        person=person, group=group, body="one", client_id=client_id, **fields
    )
    with pytest.raises(ValidationError):
        actions.post_live_message(
            person=person, group=group, body="two", client_id=client_id, **fields
        )
    assert Post.objects.count() == 1


def test_removing_the_opening_post_removes_the_title_too(group: PeerGroup) -> None:
    person = person_in(group)
    thread = _start(group, person, uuid.uuid4(), title="A title to remove")
    actions.delete_post(person=person, post=thread.posts.get())
    thread.refresh_from_db()
    assert thread.title == ""


def test_removing_a_reply_keeps_the_title(group: PeerGroup) -> None:
    person = person_in(group)
    thread = _start(group, person, uuid.uuid4())
    reply = actions.reply_to_thread(
        person=person,
        thread=thread,
        kind="sharing",
        body="a reply",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    actions.delete_post(person=person, post=reply)
    thread.refresh_from_db()
    assert thread.title == "A title"


def test_a_live_resend_returns_the_first_message_and_sends_nothing_again(
    group: PeerGroup, django_capture_on_commit_callbacks: Any
) -> None:
    open_room(group)
    person = person_in(group)
    client_id = uuid.uuid4()
    fields = {"body": "one", "content_warning": "", "content_warning_text": ""}
    with django_capture_on_commit_callbacks() as first_callbacks:
        first, created = actions.post_live_message(
            person=person, group=group, client_id=client_id, **fields
        )
    assert created
    assert first_callbacks  # the broadcast and the safety follow-up
    with django_capture_on_commit_callbacks() as resend_callbacks:
        again, created_again = actions.post_live_message(
            person=person, group=group, client_id=client_id, **fields
        )
    assert (again, created_again) == (first, False)
    assert resend_callbacks == []
    assert Post.objects.count() == 1
