"""Long conversations open on a page of replies, newest first to reach, with plain
links (and an htmx enhancement) to earlier ones; a link to a post finds its page."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.peergroups.models import PeerGroup

from ..models import Post, Thread, TopicFilter
from ..views import REPLIES_PER_PAGE, REPLY_ORPHANS
from .factories import person_in, thread_with_post

pytestmark = pytest.mark.django_db


def client_for(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def add_replies(
    thread: Thread, author: Person, count: int, **fields: Any
) -> list[Post]:
    return Post.objects.bulk_create(
        Post(
            group=thread.group,
            thread=thread,
            author=author,
            body=f"reply number {number}",
            client_id=uuid.uuid4(),
            **fields,
        )
        for number in range(count)
    )


def page_url(group: PeerGroup, thread: Thread, query: str = "") -> str:
    return reverse("conversations:thread-detail", args=[group.pk, thread.pk]) + query


def test_a_long_conversation_opens_on_its_newest_replies_under_its_opening(
    group: PeerGroup,
) -> None:
    reader = person_in(group)
    thread = thread_with_post(group, reader)
    newest = REPLY_ORPHANS + 5
    replies = add_replies(thread, person_in(group), REPLIES_PER_PAGE * 2 + newest)
    html = client_for(reader).get(page_url(group, thread)).content.decode()
    opening = thread.posts.order_by("pk").first()
    assert opening is not None
    assert f'id="post-{opening.pk}"' in html
    assert f'id="post-{replies[-1].pk}"' in html
    assert f'id="post-{replies[-newest].pk}"' in html
    assert f'id="post-{replies[-newest - 1].pk}"' not in html
    assert html.index(f'id="post-{replies[-1].pk}"') < html.index('id="reply-heading"')
    assert 'href="?page=2"' in html
    assert "Show earlier replies" in html
    assert "Show later replies" not in html


def test_a_few_replies_left_over_join_the_newest_page(group: PeerGroup) -> None:
    reader = person_in(group)
    thread = thread_with_post(group, reader)
    replies = add_replies(thread, person_in(group), REPLIES_PER_PAGE + REPLY_ORPHANS)
    html = client_for(reader).get(page_url(group, thread)).content.decode()
    assert f'id="post-{replies[0].pk}"' in html
    assert f'id="post-{replies[-1].pk}"' in html
    assert "Show earlier replies" not in html


def test_earlier_replies_open_with_a_plain_link(group: PeerGroup) -> None:
    reader = person_in(group)
    thread = thread_with_post(group, reader)
    replies = add_replies(
        thread, person_in(group), REPLIES_PER_PAGE + REPLY_ORPHANS + 1
    )
    html = client_for(reader).get(page_url(group, thread, "?page=1")).content.decode()
    assert f'id="post-{replies[0].pk}"' in html
    assert f'id="post-{replies[-1].pk}"' not in html
    assert "Show earlier replies" not in html
    assert 'href="?page=2"' in html
    assert "Show later replies" in html


def test_each_reply_links_to_its_own_response_and_report_pages(
    group: PeerGroup,
) -> None:
    reader = person_in(group)
    thread = thread_with_post(group, reader)
    (reply,) = add_replies(thread, person_in(group), 1)
    html = client_for(reader).get(page_url(group, thread)).content.decode()
    respond = reverse("conversations:post-respond", args=[group.pk, reply.pk])
    report = reverse("safety:post-report", args=[group.pk, reply.pk])
    assert f'action="{respond}"' in html
    assert f'hx-post="{respond}"' in html
    assert f'href="{report}"' in html


def test_htmx_asks_for_earlier_replies_alone(group: PeerGroup) -> None:
    reader = person_in(group)
    thread = thread_with_post(group, reader)
    replies = add_replies(thread, person_in(group), REPLIES_PER_PAGE * 2 + 1)
    response = client_for(reader).get(
        page_url(group, thread, "?page=2&earlier=1"), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="earlier-replies"' in html
    assert 'hx-get="?page=1&amp;earlier=1"' in html
    assert f'id="post-{replies[REPLIES_PER_PAGE].pk}"' in html
    assert f'id="post-{replies[0].pk}"' not in html
    assert 'id="reply-heading"' not in html


def test_a_reply_lands_on_the_page_that_holds_it(group: PeerGroup) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    (early,) = add_replies(thread, person_in(group), 1)
    add_replies(thread, person_in(group), REPLIES_PER_PAGE * 2 + 3)
    client = client_for(author)
    response = client.post(
        reverse("conversations:post-reply", args=[group.pk, thread.pk]),
        {"body": "my reply", "client_id": str(uuid.uuid4()), "kind": "sharing"},
    )
    reply = Post.objects.filter(author=author).latest("pk")
    assert response.status_code == 302
    assert response["Location"] == page_url(
        group, thread, f"?post={reply.pk}#post-{reply.pk}"
    )
    html = client.get(response["Location"].split("#")[0]).content.decode()
    assert f'id="post-{reply.pk}"' in html
    assert f'id="post-{early.pk}"' not in html


def test_a_link_to_an_older_post_finds_its_page_as_the_reader_sees_it(
    group: PeerGroup,
) -> None:
    reader = person_in(group)
    thread = thread_with_post(group, reader)
    writer = person_in(group)
    add_replies(thread, writer, REPLIES_PER_PAGE, content_warning="self_harm")
    (wanted,) = add_replies(thread, writer, 1)
    add_replies(thread, writer, REPLIES_PER_PAGE * 2)
    client = client_for(reader)
    html = client.get(page_url(group, thread, f"?post={wanted.pk}")).content.decode()
    assert f'id="post-{wanted.pk}"' in html
    # With that topic folded away, the post moves up to the first page.
    TopicFilter.objects.create(person=reader, topic="self_harm", choice="hide")
    html = client.get(page_url(group, thread, "?page=1")).content.decode()
    assert f'id="post-{wanted.pk}"' in html


def test_a_page_out_of_range_or_not_a_number_still_shows_the_conversation(
    group: PeerGroup,
) -> None:
    reader = person_in(group)
    thread = thread_with_post(group, reader)
    replies = add_replies(thread, person_in(group), 3)
    client = client_for(reader)
    for query in ("?page=99", "?page=nonsense", "?post=nonsense", "?post=99999999"):
        response = client.get(page_url(group, thread, query))
        assert response.status_code == 200, query
        assert f'id="post-{replies[-1].pk}"' in response.content.decode(), query


@pytest.mark.parametrize("replies", [REPLIES_PER_PAGE + 10, REPLIES_PER_PAGE * 4])
def test_a_page_of_a_conversation_costs_the_same_queries_however_long(
    group: PeerGroup, replies: int, django_assert_max_num_queries: Any
) -> None:
    reader = person_in(group)
    thread = thread_with_post(group, reader)
    add_replies(thread, person_in(group), replies)
    add_replies(thread, reader, 5)
    client = client_for(reader)
    with django_assert_max_num_queries(24):
        client.get(page_url(group, thread))
    with django_assert_max_num_queries(24):
        client.get(page_url(group, thread, "?page=1"))


TEXTS = [
    "plain words, with a full stop. And a colon: here.",
    "see https://example.org/a?b=1&c=<2> or www.example.com.",
    "mail someone@example.org, or visit example.net/path",
    "HTTP://SHOUTING.EXAMPLE and WWW.EXAMPLE.ORG",
    "<script>alert('x')</script> & \"quotes\"\nsecond line\r\nthird",
    "a trailing link (http://example.com/x).\n\nnew paragraph",
    "not a link: example.co.uk, 3.14, e.g., node.js",
]


@pytest.mark.parametrize("links_allowed", [True, False])
@pytest.mark.parametrize("text", TEXTS)
def test_post_text_shows_exactly_what_urlize_and_line_breaks_showed(
    text: str, links_allowed: bool
) -> None:
    before = Template(
        "{% if links_allowed %}{{ body|urlize|linebreaksbr }}"
        "{% else %}{{ body|linebreaksbr }}{% endif %}"
    )
    after = Template("{% load post_text %}{{ body|post_text:links_allowed }}")
    context = {"body": text, "links_allowed": links_allowed}
    assert after.render(Context(context)) == before.render(Context(context))


def test_after_reporting_an_early_reply_the_reporter_is_back_on_its_page(
    group: PeerGroup,
) -> None:
    reader = person_in(group)
    thread = thread_with_post(group, reader)
    (early,) = add_replies(thread, person_in(group), 1)
    add_replies(thread, person_in(group), REPLIES_PER_PAGE * 2)
    client = client_for(reader)
    response = client.post(
        reverse("safety:post-report", args=[group.pk, early.pk]),
        {"reason": "other", "note": "A note."},
    )
    assert response["Location"].endswith(f"?post={early.pk}#post-{early.pk}")
    html = client.get(response["Location"].split("#")[0]).content.decode()
    assert f'id="post-{early.pk}"' in html
