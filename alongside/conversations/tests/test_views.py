"""Every conversation page: allowed, forbidden, and not found for outsiders."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status

from ..models import Participation, Post, PostStatus, Response, Thread, TopicFilter
from .factories import (
    PeerGroupFactory,
    PersonFactory,
    live_post,
    open_room,
    person_in,
    thread_with_post,
)

pytestmark = pytest.mark.django_db


def client_for(person: Person | None) -> Client:
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def urls(group: PeerGroup, thread: Thread, post: Post) -> list[tuple[str, str]]:
    g = group.pk
    return [
        ("get", reverse("conversations:thread-list", args=[g])),
        ("get", reverse("conversations:thread-create", args=[g])),
        ("get", reverse("conversations:thread-detail", args=[g, thread.pk])),
        ("post", reverse("conversations:post-reply", args=[g, thread.pk])),
        ("get", reverse("conversations:post-edit", args=[g, post.pk])),
        ("get", reverse("conversations:post-delete", args=[g, post.pk])),
        ("post", reverse("conversations:post-respond", args=[g, post.pk])),
        ("get", reverse("conversations:live-room", args=[g])),
        ("post", reverse("conversations:live-send", args=[g])),
        ("post", reverse("conversations:room-manage", args=[g])),
        ("get", reverse("conversations:step-away", args=[g])),
        ("get", reverse("conversations:participation-edit", args=[g])),
    ]


ROLE_MAKERS: dict[str, Callable[[PeerGroup], Person | None]] = {
    "anonymous": lambda group: None,
    "outsider": lambda group: PersonFactory(),
    "not a member": lambda group: person_in(group, None),
    "left": lambda group: person_in(group, Status.LEFT),
}
EXPECTED_STATUS = {"anonymous": 302, "outsider": 404, "not a member": 403, "left": 403}


@pytest.mark.parametrize("role", list(ROLE_MAKERS))
def test_every_page_refuses_people_outside_the_group(
    role: str, group: PeerGroup
) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    post = thread.posts.get()
    client = client_for(ROLE_MAKERS[role](group))
    for method, url in urls(group, thread, post):
        response = getattr(client, method)(url)
        assert response.status_code == EXPECTED_STATUS[role], (method, url)


def test_author_reaches_every_page(group: PeerGroup) -> None:
    author = person_in(group, group_role=GroupRole.FACILITATOR)
    open_room(group)
    thread = thread_with_post(group, author)
    post = thread.posts.get()
    client = client_for(author)
    for method, url in urls(group, thread, post):
        response = getattr(client, method)(url)
        assert response.status_code in {200, 302, 400}, (method, url)
        assert response.status_code != 500


def test_thread_or_post_of_another_group_is_not_found(group: PeerGroup) -> None:
    member = person_in(group)
    other_group = PeerGroupFactory(organisation=group.organisation)
    elsewhere = thread_with_post(other_group, person_in(other_group))
    client = client_for(member)
    response = client.get(
        reverse("conversations:thread-detail", args=[group.pk, elsewhere.pk])
    )
    assert response.status_code == 404
    response = client.get(
        reverse("conversations:post-edit", args=[group.pk, elsewhere.posts.get().pk])
    )
    assert response.status_code == 404


def _thread_data(**overrides: Any) -> dict[str, Any]:
    return {
        "kind": "sharing",
        "title": "A title",
        "body": "placeholder words",
        "content_warning": "",
        "content_warning_text": "",
        "client_id": str(uuid.uuid4()),
        **overrides,
    }


def test_starting_a_thread_twice_with_one_client_id_makes_one(group: PeerGroup) -> None:
    client = client_for(person_in(group))
    url = reverse("conversations:thread-create", args=[group.pk])
    data = _thread_data()
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert Thread.objects.count() == 1
    assert Post.objects.count() == 1


def test_a_form_with_a_problem_keeps_what_was_typed(group: PeerGroup) -> None:
    client = client_for(person_in(group))
    url = reverse("conversations:thread-create", args=[group.pk])
    response = client.post(url, _thread_data(title="", body="kept words <b>"))
    assert response.status_code == 200
    assert "kept words &lt;b&gt;" in response.content.decode()


def test_a_new_thread_refused_by_a_break_taken_meanwhile_keeps_the_words(
    group: PeerGroup,
) -> None:
    person = person_in(group)
    client = client_for(person)
    Membership.objects.filter(person=person).update(status=Status.PAUSED)

    response = client.post(
        reverse("conversations:thread-create", args=[group.pk]),
        _thread_data(body="kept words"),
    )

    page = response.content.decode()
    assert response.status_code == 403
    assert "kept words" in page
    assert "You are taking a break from this group" in page
    assert not Thread.objects.exists()


def test_a_reply_refused_by_a_pause_set_meanwhile_keeps_the_words_and_says_why(
    group: PeerGroup,
) -> None:
    thread = thread_with_post(group, person_in(group))
    person = person_in(group)
    client = client_for(person)
    Participation.objects.create(
        person=person,
        group=group,
        posting_paused_until=timezone.now() + timedelta(hours=1),
    )

    response = client.post(
        reverse("conversations:post-reply", args=[group.pk, thread.pk]),
        {**_thread_data(body="kept words"), "kind": "offering"},
    )

    page = response.content.decode()
    assert response.status_code == 403
    assert "kept words" in page
    assert "A facilitator has paused your posting" in page
    assert thread.posts.count() == 1


def test_paused_member_reads_but_cannot_write(group: PeerGroup) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    client = client_for(person_in(group, Status.PAUSED))
    assert (
        client.get(
            reverse("conversations:thread-detail", args=[group.pk, thread.pk])
        ).status_code
        == 200
    )
    response = client.get(reverse("conversations:thread-create", args=[group.pk]))
    assert response.status_code == 403


def test_held_post_is_shown_to_its_author_only(group: PeerGroup) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    Post.objects.create(
        group=group,
        thread=thread,
        author=author,
        body="waiting words",
        status=PostStatus.HELD,
        client_id=uuid.uuid4(),
    )
    url = reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    own = client_for(author).get(url).content.decode()
    assert "waiting words" in own
    assert "Waiting for a quick check" in own
    assert "waiting words" not in client_for(person_in(group)).get(url).content.decode()


def test_text_is_escaped_with_only_line_breaks_and_plain_links(
    group: PeerGroup,
) -> None:
    author = person_in(group)
    live_post(
        group,
        author,
        '<img src="http://x.test/a.png">\nsee https://example.org/page',
    )
    page = client_for(author).get(reverse("conversations:live-room", args=[group.pk]))
    html = page.content.decode()
    assert "<img" not in html
    assert "&lt;img" in html
    assert '<a href="https://example.org/page"' in html
    assert "<br>" in html


def test_responses_show_no_counts_or_names(group: PeerGroup) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    post = thread.posts.get()
    for _ in range(3):
        Response.objects.create(post=post, person=person_in(group), kind="hear_you")
    html = (
        client_for(author)
        .get(reverse("conversations:thread-detail", args=[group.pk, thread.pk]))
        .content.decode()
    )
    assert "People said: I hear you" in html
    assert "3" not in html.split("People said:")[1].split("</p>")[0]


def test_responding_toggles(group: PeerGroup) -> None:
    author, reader = person_in(group), person_in(group)
    post = thread_with_post(group, author).posts.get()
    client = client_for(reader)
    url = reverse("conversations:post-respond", args=[group.pk, post.pk])
    client.post(url, {"kind": "me_too"})
    assert Response.objects.filter(post=post, person=reader).count() == 1
    client.post(url, {"kind": "me_too"})
    assert not Response.objects.exists()


def test_hidden_topic_does_not_appear_in_the_thread_list(group: PeerGroup) -> None:
    author, reader = person_in(group), person_in(group)
    thread_with_post(group, author, content_warning="eating")
    client = client_for(reader)
    client.post(
        reverse("conversations:filters-edit"),
        {
            topic: "hide" if topic == "eating" else "collapse"
            for topic in [
                "self_harm",
                "suicide",
                "abuse",
                "eating",
                "substances",
                "bereavement",
                "violence",
                "other",
            ]
        },
    )
    html = client.get(reverse("conversations:thread-list", args=[group.pk])).content
    assert b"Content warning" not in html


def test_thread_list_queries_do_not_grow_with_threads(
    group: PeerGroup, django_assert_max_num_queries: Any
) -> None:
    author = person_in(group)
    for _ in range(25):
        thread_with_post(group, author)
    client = client_for(author)
    # A fixed number (the page chrome, the person, the agreement and duty checks),
    # never one per thread.
    with django_assert_max_num_queries(18):
        client.get(reverse("conversations:thread-list", args=[group.pk]))


def test_thread_and_live_history_queries_do_not_grow_with_posts(
    group: PeerGroup, django_assert_max_num_queries: Any
) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    for _ in range(30):
        Post.objects.create(
            group=group,
            thread=thread,
            author=person_in(group),
            body="words",
            client_id=uuid.uuid4(),
        )
        live_post(group, author)
    client = client_for(author)
    # A fixed number of queries (the page, the person, the agreement check), never
    # one per post.
    with django_assert_max_num_queries(24):
        client.get(reverse("conversations:thread-detail", args=[group.pk, thread.pk]))
    with django_assert_max_num_queries(24):
        client.get(reverse("conversations:live-room", args=[group.pk]))


def test_live_room_plain_form_sends_without_javascript(group: PeerGroup) -> None:
    author = person_in(group)
    open_room(group)
    client = client_for(author)
    response = client.post(
        reverse("conversations:live-send", args=[group.pk]),
        {"body": "plain form words", "client_id": str(uuid.uuid4())},
    )
    assert response.status_code == 302
    assert Post.objects.get().body == "plain form words"


def test_closed_live_room_keeps_a_hidden_box_ready_for_when_it_opens(
    group: PeerGroup,
) -> None:
    member = person_in(group)
    room = open_room(group)
    room.is_always_open = False
    room.save()
    page = client_for(member).get(reverse("conversations:live-room", args=[group.pk]))
    content = page.content.decode()
    assert "The room is closed just now." in content
    # The page's script shows the box when a facilitator opens the room.
    assert 'id="live-form" class="post-form live-form" hidden' in content


def test_filters_page_for_any_signed_in_person() -> None:
    client = client_for(PersonFactory())
    assert client.get(reverse("conversations:filters-edit")).status_code == 200
    assert Client().get(reverse("conversations:filters-edit")).status_code == 302


def test_a_conversation_whose_opening_was_removed_shows_no_title(
    group: PeerGroup,
) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    client = client_for(author)
    post = thread.posts.get()
    client.post(reverse("conversations:post-delete", args=[group.pk, post.pk]))
    for url in (
        reverse("conversations:thread-detail", args=[group.pk, thread.pk]),
        reverse("conversations:thread-list", args=[group.pk]),
    ):
        html = client_for(person_in(group)).get(url).content.decode()
        assert "A conversation whose opening was removed" in html
        assert "A title" not in html


def test_a_warned_title_is_read_only_inside_the_warning(group: PeerGroup) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author, content_warning="eating")
    html = (
        client_for(person_in(group))
        .get(reverse("conversations:thread-detail", args=[group.pk, thread.pk]))
        .content.decode()
    )
    details = html.split('<details class="post-warning">')[1].split("</details>")[0]
    assert html.count("Title: A title") == 1
    assert "Title: A title" in details


def test_a_new_thread_sent_under_an_old_client_id_keeps_the_words_and_asks_again(
    group: PeerGroup,
) -> None:
    client = client_for(person_in(group))
    url = reverse("conversations:thread-create", args=[group.pk])
    client_id = str(uuid.uuid4())
    client.post(url, _thread_data(client_id=client_id))
    response = client.post(
        url, _thread_data(client_id=client_id, body="second placeholder words")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "second placeholder words" in html
    assert "please send them again" in html
    assert client_id not in html
    assert Thread.objects.count() == 1


def test_responding_to_a_post_folded_away_by_ones_own_choices_redirects_kindly(
    group: PeerGroup,
) -> None:
    author, reader = person_in(group), person_in(group)
    thread = thread_with_post(group, author, content_warning="eating")
    TopicFilter.objects.create(person=reader, topic="eating", choice="hide")
    post = thread.posts.get()
    response = client_for(reader).post(
        reverse("conversations:post-respond", args=[group.pk, post.pk]),
        {"kind": "me_too"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse(
        "conversations:thread-detail", args=[group.pk, thread.pk]
    )
    assert Response.objects.filter(post=post, person=reader).count() == 1


def test_only_the_author_reaches_edit_and_delete(group: PeerGroup) -> None:
    author = person_in(group)
    post = thread_with_post(group, author).posts.get()
    other = client_for(person_in(group))
    for name in ("conversations:post-edit", "conversations:post-delete"):
        assert other.get(reverse(name, args=[group.pk, post.pk])).status_code == 403
        assert (
            client_for(author).get(reverse(name, args=[group.pk, post.pk])).status_code
            == 200
        )


def test_deleting_a_post_twice_says_it_is_removed_without_an_error(
    group: PeerGroup,
) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    post = thread.posts.get()
    client = client_for(author)
    url = reverse("conversations:post-delete", args=[group.pk, post.pk])
    client.post(url)

    response = client.post(url, follow=True)

    assert response.status_code == 200
    assert "Your post is removed." in response.content.decode()


def test_changes_refused_by_a_break_taken_meanwhile_keep_the_words_and_say_why(
    group: PeerGroup,
) -> None:
    author = person_in(group)
    post = thread_with_post(group, author).posts.get()
    client = client_for(author)
    Membership.objects.filter(person=author).update(status=Status.PAUSED)

    response = client.post(
        reverse("conversations:post-edit", args=[group.pk, post.pk]),
        {"body": "changed words", "content_warning": "", "content_warning_text": ""},
    )

    page = response.content.decode()
    assert response.status_code == 403
    assert "changed words" in page
    assert "You are taking a break from this group" in page
    post.refresh_from_db()
    assert post.body == "placeholder words"
