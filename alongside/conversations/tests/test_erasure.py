"""Erasing a post's words blanks the same fields, whether its author deletes it or
erases their account: one list, owned here (`erased_post_fields`)."""

from __future__ import annotations

import pytest

from alongside.peergroups.models import PeerGroup
from alongside.privacy.actions import erase_account

from ..actions import delete_post, erased_post_fields
from ..models import Post, PostStatus, is_opening
from .factories import live_post, person_in, thread_with_post

pytestmark = pytest.mark.django_db


def _post_with_every_field_filled(group: PeerGroup) -> Post:
    author = person_in(group)
    post = live_post(
        group,
        author,
        body="placeholder words",
        content_warning="other",
        content_warning_text="placeholder warning",
        suggested_warning="other",
        screening_reasons=["personal_details"],
        author_notes=["A note in the system's own words."],
        status=PostStatus.HELD,
    )
    for name in erased_post_fields():
        assert getattr(post, name), name
    return post


def test_deleting_a_post_blanks_every_field_of_the_list(group: PeerGroup) -> None:
    post = _post_with_every_field_filled(group)
    assert post.author is not None

    delete_post(person=post.author, post=post)

    post.refresh_from_db()
    assert {name: getattr(post, name) for name in erased_post_fields()} == (
        erased_post_fields()
    )


def test_erasing_an_account_blanks_the_same_fields(group: PeerGroup) -> None:
    post = _post_with_every_field_filled(group)
    assert post.author is not None

    erase_account(person=post.author, keep_posts=True)

    post.refresh_from_db()
    assert {name: getattr(post, name) for name in erased_post_fields()} == (
        erased_post_fields()
    )


def test_the_opening_is_the_first_post_written_in_a_thread(group: PeerGroup) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    reply = Post.objects.create(
        group=group, thread=thread, author=author, body="a reply"
    )
    opening = Post.objects.in_thread_order(thread).first()

    assert opening is not None and is_opening(opening)
    assert not is_opening(reply)
    assert not is_opening(live_post(group, author))
