"""A live message's words are rendered once for the whole room, and each frame reads
exactly as a full rendering for that viewer would."""

from __future__ import annotations

import pytest

from alongside.peergroups.models import PeerGroup

from ..live import render_live_message, render_words
from .factories import live_post, open_room, person_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"content_warning": "self_harm"},
        {"suggested_warning": "self_harm"},
        {"status": "held"},
    ],
    ids=["plain", "with a warning", "with a suggestion", "held"],
)
@pytest.mark.parametrize("viewer", ["someone else", "its author"])
def test_words_rendered_once_read_as_a_full_rendering(
    group: PeerGroup, fields: dict[str, str], viewer: str
) -> None:
    author = person_in(group)
    open_room(group)
    post = live_post(group, author, "see https://example.org/help today", **fields)
    viewer_id = author.pk if viewer == "its author" else None
    words = render_words(post, links_allowed=True)
    once = render_live_message(
        post, viewer_id=viewer_id, links_allowed=True, words=words
    )
    assert once == render_live_message(post, viewer_id=viewer_id, links_allowed=True)
    assert "example.org" in once or "hidden></li>" in once
