"""A secure service's choices, as peers meet them in conversations: links shown as
plain text when links are switched off, and how long words are kept."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.organisations.models import Retention
from alongside.peergroups.models import PeerGroup

from ..live import render_live_message
from .factories import live_post, person_in, thread_with_post

pytestmark = pytest.mark.django_db

LINK = "https://example.org/page"


def client_for(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _switch_links_off(group: PeerGroup) -> None:
    group.organisation.allows_links = False
    group.organisation.save()


def test_links_are_plain_text_in_the_live_room_when_switched_off(
    group: PeerGroup,
) -> None:
    _switch_links_off(group)
    author = person_in(group)
    live_post(group, author, f"see {LINK}")

    html = (
        client_for(author)
        .get(reverse("conversations:live-room", args=[group.pk]))
        .content.decode()
    )

    assert LINK in html
    assert f'href="{LINK}"' not in html


def test_links_are_plain_text_in_a_thread_when_switched_off(group: PeerGroup) -> None:
    _switch_links_off(group)
    author = person_in(group)
    thread = thread_with_post(group, author)
    post = thread.posts.get()
    post.body = f"see {LINK}"
    post.save(update_fields=["body"])

    html = (
        client_for(author)
        .get(reverse("conversations:thread-detail", args=[group.pk, thread.pk]))
        .content.decode()
    )

    assert LINK in html
    assert f'href="{LINK}"' not in html


def test_links_sent_live_are_plain_text_when_switched_off(group: PeerGroup) -> None:
    post = live_post(group, person_in(group), f"see {LINK}")

    html = render_live_message(post, viewer_id=None, links_allowed=False)

    assert LINK in html
    assert "<a " not in html.split('class="post-body"')[1].split("</div>")[0]


def test_links_can_be_clicked_where_they_are_allowed(group: PeerGroup) -> None:
    author = person_in(group)
    live_post(group, author, f"see {LINK}")

    html = (
        client_for(author)
        .get(reverse("conversations:live-room", args=[group.pk]))
        .content.decode()
    )

    assert f'href="{LINK}"' in html


def test_the_live_room_and_threads_say_how_long_words_are_kept(
    group: PeerGroup,
) -> None:
    group.organisation.live_message_retention_days = Retention.DAYS_90
    group.organisation.thread_retention_days = Retention.YEAR_1
    group.organisation.save()
    client = client_for(person_in(group))

    live = client.get(reverse("conversations:live-room", args=[group.pk]))
    threads = client.get(reverse("conversations:thread-list", args=[group.pk]))

    assert "Messages here are kept for 90 days." in live.content.decode()
    assert (
        "Conversations here are kept for 1 year after their last reply."
        in threads.content.decode()
    )


def test_words_kept_with_the_group_are_said_plainly(group: PeerGroup) -> None:
    client = client_for(person_in(group))

    live = client.get(reverse("conversations:live-room", args=[group.pk]))

    assert "Messages here are kept until the group is closed." in live.content.decode()
