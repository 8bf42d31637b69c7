"""A post that shows a risk to life is not offered "Me too", and its author sees the
crisis card before any nudge to add a content warning."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.conversations.models import Post, Response, Thread
from alongside.conversations.permissions import responses_offered_for
from alongside.peergroups.models import PeerGroup

from .factories import person_in, thread_with_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("urgency", "offered"),
    [
        (0, ["hear_you", "thank_you", "me_too"]),
        (1, ["hear_you", "thank_you", "me_too"]),
        (2, ["hear_you", "thank_you", "me_too"]),
        (3, ["hear_you", "thank_you"]),
    ],
)
def test_me_too_is_offered_unless_a_post_shows_a_risk_to_life(
    urgency: int, offered: list[str]
) -> None:
    assert responses_offered_for(Post(screening_urgency=urgency)) == offered


def _risk_thread(group: PeerGroup) -> Thread:
    return thread_with_post(
        group,
        person_in(group),
        screening_urgency=3,
        shows_crisis_support=True,
        suggested_warning="suicide",
        screening_reasons=["risk_to_life", "crisis_support"],
    )


def _signed_in(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def test_others_are_not_offered_me_too_and_sending_it_is_refused_kindly(
    group: PeerGroup,
) -> None:
    thread = _risk_thread(group)
    post = thread.posts.get()
    reader = _signed_in(person_in(group))
    page_url = reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    respond_url = reverse("conversations:post-respond", args=[group.pk, post.pk])

    page = reader.get(page_url).content.decode()
    me_too = reader.post(respond_url, {"kind": "me_too"}, follow=True)
    hear_you = reader.post(respond_url, {"kind": "hear_you"})

    assert f'id="respond-{post.pk}-hear_you"' in page
    assert f'id="respond-{post.pk}-me_too"' not in page
    assert me_too.status_code == 200
    assert "Please choose one of the responses." in me_too.content.decode()
    assert hear_you.status_code == 302
    assert list(Response.objects.values_list("kind", flat=True)) == ["hear_you"]


def test_the_author_sees_the_crisis_card_before_the_warning_nudge(
    group: PeerGroup,
) -> None:
    thread = _risk_thread(group)
    author = thread.posts.get().author
    page = (
        _signed_in(author)
        .get(reverse("conversations:thread-detail", args=[group.pk, thread.pk]))
        .content.decode()
    )

    assert 'class="crisis-card card"' in page
    assert "You might add a content warning" in page
    assert page.index('class="crisis-card card"') < page.index("post-suggestion")
