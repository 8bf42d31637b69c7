"""A live message is rendered once for the whole room and its author, each frame reads
exactly as a full rendering for that viewer would, and it carries no whitespace but
the message's own."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.peergroups.models import PeerGroup

from ..live import message_event, render_live_message
from ..models import Post
from .factories import live_post, open_room, person_in

pytestmark = pytest.mark.django_db


def _as_sent(post: Post) -> Post:
    """The post as the broadcast holds it: with its author's name in the group."""
    return (
        Post.objects.with_author_name()
        .select_related("group__organisation")
        .get(pk=post.pk)
    )


def _html(frame: str) -> str:
    return str(json.loads(frame)["html"])


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"content_warning": "self_harm"},
        {"suggested_warning": "self_harm"},
        {"shows_crisis_support": True, "screening_reasons": ["distress"]},
        {"status": "held", "author_notes": ["A note for its author."]},
        {"deleted_at": timezone.now()},
    ],
    ids=["plain", "with a warning", "with a suggestion", "crisis", "held", "deleted"],
)
def test_one_rendering_makes_both_frames_exactly(
    group: PeerGroup, fields: dict[str, object]
) -> None:
    author = person_in(group)
    post = _as_sent(live_post(group, author, "see https://example.org/help", **fields))
    event = message_event(post)
    full_for_room = render_live_message(post, viewer_id=None, links_allowed=True)
    full_for_author = render_live_message(post, viewer_id=author.pk, links_allowed=True)
    assert _html(event["frame"]) == full_for_room
    assert _html(event["author_frame"]) == full_for_author
    assert "<!--own-->" not in full_for_room + full_for_author


def test_only_the_authors_frame_carries_their_controls(group: PeerGroup) -> None:
    author = person_in(group)
    post = _as_sent(live_post(group, author, "hello", suggested_warning="self_harm"))
    event = message_event(post)
    room, own = _html(event["frame"]), _html(event["author_frame"])
    edit = reverse("conversations:post-edit", args=[group.pk, post.pk])
    report = reverse("safety:post-report", args=[group.pk, post.pk])
    assert "is-mine" in own and "is-mine" not in room
    assert edit in own and edit not in room
    assert "Add a warning" in own and "Add a warning" not in room
    assert report in room and report not in own


def test_words_that_look_like_the_cut_are_only_words(group: PeerGroup) -> None:
    """A person's words can never place where the room's rendering is cut."""
    author = person_in(group)
    words = '<!--own--> is-mine" class="post live-post'
    post = _as_sent(live_post(group, author, words))
    event = message_event(post)
    assert _html(event["author_frame"]) == render_live_message(
        post, viewer_id=author.pk, links_allowed=True
    )
    assert _html(event["frame"]) == render_live_message(
        post, viewer_id=None, links_allowed=True
    )
    assert "&lt;!--own--&gt;" in _html(event["frame"])


@pytest.mark.parametrize(
    "fields",
    [{}, {"content_warning": "self_harm"}, {"suggested_warning": "self_harm"}],
    ids=["plain", "with a warning", "with a suggestion"],
)
def test_a_frame_carries_the_words_whitespace_and_no_other(
    group: PeerGroup, fields: dict[str, str]
) -> None:
    author = person_in(group)
    words = "Two  spaces,\n\n   then indented,\tand a tab."
    post = _as_sent(live_post(group, author, words, **fields))
    event = message_event(post)
    shown = "Two  spaces,<br><br>   then indented,\tand a tab."
    for html in (_html(event["frame"]), _html(event["author_frame"])):
        assert shown in html
        assert "\n" not in html.replace(shown, "")
        assert "  " not in html.replace(shown, "")


def _links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"?]+)', html))


def test_each_link_a_live_message_carries_is_the_one_its_page_answers(
    group: PeerGroup, client: Client
) -> None:
    """On the room's page and in both frames: the author's edit and delete links,
    and the report link for everyone else, are the addresses those pages answer
    at, for this message in this group."""
    author, other = person_in(group), person_in(group)
    open_room(group)
    post = live_post(group, author, "Thinking of you all this evening.")
    edit, delete, report = (
        reverse(name, args=[group.pk, post.pk])
        for name in (
            "conversations:post-edit",
            "conversations:post-delete",
            "safety:post-report",
        )
    )
    event = message_event(_as_sent(post))
    assert {edit, delete} <= _links(_html(event["author_frame"]))
    assert report not in _links(_html(event["author_frame"]))
    assert report in _links(_html(event["frame"]))
    assert not {edit, delete} & _links(_html(event["frame"]))

    client.force_login(author)
    page = client.get(reverse("conversations:live-room", args=[group.pk]))
    assert {edit, delete} <= _links(page.content.decode())
    for url in (edit, delete):
        assert client.get(url).status_code == 200

    client.force_login(other)
    page = client.get(reverse("conversations:live-room", args=[group.pk]))
    assert report in _links(page.content.decode())
    assert not {edit, delete} & _links(page.content.decode())
    assert client.get(report).status_code == 200
