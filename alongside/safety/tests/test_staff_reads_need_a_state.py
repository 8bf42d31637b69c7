"""A staff read of someone's words needs a state the policy names.

Staff outside a group read one of its posts only while it waits for a decision
(reported, held, flagged for risk to life, or hidden and appealed) or when an alert
is about it, and every such read is logged with that state as its reason. These
tests try every post in a state the policy does not name, through every URL that
takes a post, as every kind of staff: nobody outside the group sees its words,
staff pages answer 404 as if it did not exist, nothing is decided and nothing is
logged. A new URL that takes a post joins the walk by itself, and must be named
below as a staff page or a member's page.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alongside.access.models import Reason, StaffRead
from alongside.accounts.models import Person
from alongside.conversations.models import Post, PostStatus, Thread
from alongside.conversations.permissions import posts_visible_to
from alongside.conversations.tests.factories import open_room
from alongside.core.tests.test_url_policy import _route_parameters, our_url_names
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import PeerGroupFactory
from alongside.peergroups.tests.states import alert_about_group, person_in_state
from alongside.safety.models import (
    DecisionAction,
    HoldAppeal,
    ModerationDecision,
    Report,
)
from alongside.safety.permissions import can_see_queue
from conftest import client_for

pytestmark = pytest.mark.django_db

# Every URL that takes a post, by who it is for. Staff pages show a post's words to
# people outside the group, so they answer 404 for a post in no named state.
STAFF_PAGES = frozenset({"safety:queue-decide"})
MEMBER_PAGES = frozenset(
    {
        "conversations:post-edit",
        "conversations:post-delete",
        "conversations:post-respond",
        "safety:post-report",
        "safety:post-redact",
        "safety:post-appeal",
    }
)

# Staff who may stand outside the group, and the group's own facilitator.
READERS = (
    "facilitator",
    "org admin",
    "supervisor",
    "other group facilitator",
    "supervisor handling",
    "other organisation admin",
)


def thread_with_post(group: PeerGroup, author: Person, **fields: object) -> Thread:
    """A thread whose one post has words found nowhere else."""
    thread = Thread.objects.create(group=group, author=author, title="A title")
    Post.objects.create(
        group=group,
        thread=thread,
        author=author,
        kind="sharing",
        body=f"Words only its group reads {uuid.uuid4().hex}",
        client_id=uuid.uuid4(),
        **fields,
    )
    return thread


def live_post(group: PeerGroup, author: Person, **fields: object) -> Post:
    return Post.objects.create(
        group=group,
        room=open_room(group),
        author=author,
        body=f"Live words only its group reads {uuid.uuid4().hex}",
        client_id=uuid.uuid4(),
        **fields,
    )


def _decided(post: Post, action: str = DecisionAction.PUBLISH) -> Post:
    ModerationDecision.objects.create(
        post=post,
        group=post.group,
        action=action,
        reason="Made for the test.",
        created_at=timezone.now() + timedelta(seconds=1),
    )
    return post


def _reported_and_resolved(post: Post) -> Post:
    Report.objects.create(
        post=post,
        group=post.group,
        reporter=person_in_state("active", post.group),
        reason="other",
        note="A made-up note.",
        resolved_at=timezone.now(),
    )
    return _decided(post)


def _appealed_then_decided(post: Post) -> Post:
    HoldAppeal.objects.create(post=post)
    return _decided(post, DecisionAction.HIDE)


# Every state of a post that waits for nothing, made from its group and author.
NOT_WAITING: dict[str, Callable[[PeerGroup, Person], Post]] = {
    "shared in a conversation": lambda group, author: thread_with_post(
        group, author
    ).posts.get(),
    "shared in the live room": lambda group, author: live_post(group, author),
    "reported, and the report resolved": lambda group, author: _reported_and_resolved(
        thread_with_post(group, author).posts.get()
    ),
    "hidden by a decision": lambda group, author: _decided(
        thread_with_post(group, author, status=PostStatus.HIDDEN).posts.get(),
        DecisionAction.HIDE,
    ),
    "hidden live message": lambda group, author: _decided(
        live_post(group, author, status=PostStatus.HIDDEN), DecisionAction.HIDE
    ),
    "held, and its author asked to change it": lambda group, author: _decided(
        thread_with_post(group, author, status=PostStatus.HELD).posts.get(),
        DecisionAction.ASK_TO_EDIT,
    ),
    "hidden, appealed and decided again": lambda group, author: _appealed_then_decided(
        thread_with_post(group, author, status=PostStatus.HIDDEN).posts.get()
    ),
    "noticed by screening, not urgent": lambda group, author: thread_with_post(
        group, author, screening_urgency=2
    ).posts.get(),
    "flagged for risk, and decided": lambda group, author: _decided(
        thread_with_post(group, author, screening_urgency=3).posts.get()
    ),
    "held, then deleted by its author": lambda group, author: thread_with_post(
        group, author, status=PostStatus.HELD, deleted_at=timezone.now()
    ).posts.get(),
}


def _post_urls(post: Post) -> list[tuple[str, str]]:
    urls = []
    for name in sorted(our_url_names()):
        parameters = _route_parameters(name)
        if "post_id" not in parameters:
            continue
        kwargs = {"group_id": post.group_id, "post_id": post.pk}
        assert set(parameters) == set(kwargs), name
        urls.append((name, reverse(name, kwargs=kwargs)))
    return urls


def test_every_url_that_takes_a_post_is_named_as_staff_or_member_page() -> None:
    names = {name for name in our_url_names() if "post_id" in _route_parameters(name)}

    assert names == STAFF_PAGES | MEMBER_PAGES, (
        "a URL that takes a post must say whether staff outside the group use it: "
        f"{sorted(names ^ (STAFF_PAGES | MEMBER_PAGES))}"
    )


@pytest.mark.parametrize("state", NOT_WAITING)
@pytest.mark.parametrize("authored_by", ["its only facilitator", "a member"])
def test_no_staff_page_shows_a_post_in_no_named_state(
    state: str, authored_by: str
) -> None:
    group = PeerGroupFactory.create()
    facilitator = person_in_state("facilitator", group)
    readers = {"facilitator": facilitator} | {
        name: person_in_state(name, group) for name in READERS[1:]
    }
    alert_about_group(group, readers["supervisor handling"])
    author = (
        facilitator
        if authored_by == "its only facilitator"
        else person_in_state("active", group)
    )
    post = NOT_WAITING[state](group, author)
    before = (post.status, post.decisions.count())

    for reader_name, reader in readers.items():
        client = client_for(reader)
        reads_as_member = posts_visible_to(reader, group).filter(pk=post.pk).exists()
        for name, url in _post_urls(post):
            for method in ("GET", "POST"):
                response = (
                    client.get(url)
                    if method == "GET"
                    else client.post(
                        url, {"action": "hide", "reason": "r", "note_to_author": "n"}
                    )
                )
                where = f"{method} {name} as {reader_name} ({state})"
                if name in STAFF_PAGES:
                    # Those who see the queue get 404, as if the post did not
                    # exist; everyone else is refused before any post is looked up.
                    refusals = {404} if can_see_queue(reader, group) else {403, 404}
                    assert response.status_code in refusals, where
                if not reads_as_member:
                    assert post.body not in response.content.decode(), where
        queue = client.get(reverse("safety:queue", args=[group.pk]))
        assert post.body not in queue.content.decode(), f"queue as {reader_name}"

    post.refresh_from_db()
    assert (post.status, post.decisions.count()) == before
    assert not StaffRead.objects.filter(post=post).exists()


# Every state a post waits in, and the reason its author is shown for a read.
WAITING: dict[str, tuple[Callable[[PeerGroup, Person], Post], Reason]] = {
    "held": (
        lambda group, author: thread_with_post(
            group, author, status=PostStatus.HELD
        ).posts.get(),
        Reason.HELD_POST,
    ),
    "reported": (
        lambda group, author: _open_report_on(
            thread_with_post(group, author).posts.get()
        ),
        Reason.REPORT,
    ),
    "reported in the live room": (
        lambda group, author: _open_report_on(live_post(group, author)),
        Reason.REPORT,
    ),
    "flagged for risk to life": (
        lambda group, author: thread_with_post(
            group, author, screening_urgency=3
        ).posts.get(),
        Reason.RISK,
    ),
    "hidden and appealed": (
        lambda group, author: _appealed(
            thread_with_post(group, author, status=PostStatus.HIDDEN).posts.get()
        ),
        Reason.APPEAL,
    ),
}


def _open_report_on(post: Post) -> Post:
    Report.objects.create(
        post=post,
        group=post.group,
        reporter=person_in_state("active", post.group),
        reason="other",
    )
    return post


def _appealed(post: Post) -> Post:
    HoldAppeal.objects.create(post=post)
    return post


@pytest.mark.parametrize("state", WAITING)
def test_each_staff_read_is_logged_with_the_state_that_allowed_it(state: str) -> None:
    group = PeerGroupFactory.create()
    facilitator = person_in_state("facilitator", group)
    admin = person_in_state("org admin", group)
    make, reason = WAITING[state]
    by_member = make(group, person_in_state("active", group))
    by_facilitator = make(group, facilitator)

    for reader, post in ((facilitator, by_member), (admin, by_facilitator)):
        url = reverse("safety:queue-decide", args=[group.pk, post.pk])
        response = client_for(reader).get(url)
        assert response.status_code == 200, state
        assert post.body in response.content.decode()
        read = StaffRead.objects.get(reader=reader, post=post)
        assert read.reason == reason, (state, read.reason)

    assert not StaffRead.objects.filter(reason=Reason.MODERATION).exists()


def test_an_admin_deciding_for_a_group_sees_why_it_was_reported_not_the_notes() -> None:
    """The table gives admins labels for reports: deciding about a sole
    facilitator's post shows the reason, never the words a reporter added."""
    group = PeerGroupFactory.create()
    facilitator = person_in_state("facilitator", group)
    admin = person_in_state("org admin", group)
    post = thread_with_post(group, facilitator).posts.get()
    note = f"A reporter's own words {uuid.uuid4().hex}"
    Report.objects.create(
        post=post,
        group=group,
        reporter=person_in_state("active", group),
        reason="other",
        note=note,
    )
    client = client_for(admin)

    for url in (
        reverse("safety:queue", args=[group.pk]),
        reverse("safety:queue-decide", args=[group.pk, post.pk]),
    ):
        page = client.get(url).content.decode()
        assert "Something else" in page or "Reported" in page, url
        assert note not in page, url
    assert not StaffRead.objects.filter(reader=admin, item="report_note").exists()
