"""Role-by-state tables for every conversation rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from alongside.agreements.tests.factories import AgreementItemFactory
from alongside.organisations.models import Role
from alongside.peergroups import actions as group_actions
from alongside.peergroups.models import (
    GroupRole,
    JoinPolicy,
    Membership,
    PeerGroup,
    Status,
)

from ..models import Participation, PostStatus
from ..permissions import (
    LiveViewer,
    PostingFacts,
    can_delete_post,
    can_edit_post,
    can_join_live_room,
    can_manage_live_room,
    can_post_in,
    can_read_group_conversations,
    can_respond_to,
    check_post_in,
    check_post_live,
    live_frame_for,
    live_posts_visible_to,
    posting_facts_of,
    threads_visible_to,
    why_cannot_post,
)
from .factories import (
    PeerGroupFactory,
    PersonFactory,
    live_post,
    open_room,
    person_in,
    thread_with_post,
)


def _has_not_confirmed(group: PeerGroup) -> object:
    """An active member who joined after the group adopted its agreement and has not
    yet said they have read it."""
    AgreementItemFactory.create(version__agreement__group=group)
    return person_in(group, Status.ACTIVE)


def _posting_paused(group: PeerGroup) -> object:
    """An active member whose posting a facilitator paused for a while."""
    person = person_in(group, Status.ACTIVE)
    Participation.objects.create(
        person=person,
        group=group,
        posting_paused_until=timezone.now() + timedelta(days=1),
    )
    return person


ROLES: dict[str, Callable[[PeerGroup], object]] = {
    "anonymous": lambda group: AnonymousUser(),
    "outsider": lambda group: PersonFactory(),
    "other group": lambda group: person_in(
        PeerGroupFactory(organisation=group.organisation)
    ),
    "in organisation, not a member": lambda group: person_in(group, None),
    "requested": lambda group: person_in(group, Status.REQUESTED),
    "declined": lambda group: person_in(group, Status.DECLINED),
    "active": lambda group: person_in(group, Status.ACTIVE),
    "paused": lambda group: person_in(group, Status.PAUSED),
    "left": lambda group: person_in(group, Status.LEFT),
    "facilitator": lambda group: person_in(group, group_role=GroupRole.FACILITATOR),
    "org admin": lambda group: person_in(group, None, org_role=Role.ADMIN),
    "has not confirmed the agreement": _has_not_confirmed,
    "posting paused": _posting_paused,
}

#                      read   post   live   manage
EXPECTED = {
    "anonymous": (False, False, False, False),
    "outsider": (False, False, False, False),
    "other group": (False, False, False, False),
    "in organisation, not a member": (False, False, False, False),
    "requested": (False, False, False, False),
    "declined": (False, False, False, False),
    "active": (True, True, True, False),
    "paused": (True, False, False, False),
    "left": (False, False, False, False),
    "facilitator": (True, True, True, True),
    "org admin": (False, False, False, False),
    "has not confirmed the agreement": (True, False, True, False),
    "posting paused": (True, False, True, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_conversation_rules_by_role(role: str, group: PeerGroup) -> None:
    person = ROLES[role](group)
    assert (
        can_read_group_conversations(person, group),  # type: ignore[arg-type]
        can_post_in(person, group),  # type: ignore[arg-type]
        can_join_live_room(person, group),  # type: ignore[arg-type]
        can_manage_live_room(person, group),  # type: ignore[arg-type]
    ) == EXPECTED[role]


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_threads_visible_only_to_readers(role: str, group: PeerGroup) -> None:
    author = person_in(group)
    thread = thread_with_post(group, author)
    person = ROLES[role](group)
    visible = list(threads_visible_to(person, group))  # type: ignore[arg-type]
    assert (thread in visible) == EXPECTED[role][0]


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_others_words_each_role_may_not_see(role: str, group: PeerGroup) -> None:
    """Someone else's held conversation is its author's alone, and a live message
    written before someone joined is never theirs; one written after is, for
    readers. The person is made after the earlier words, as a late joiner."""
    author = person_in(group)
    held = thread_with_post(group, author, status=PostStatus.HELD)
    held.status = PostStatus.HELD
    held.save()
    earlier = live_post(group, author)
    person = ROLES[role](group)
    later = live_post(group, author)
    threads = set(threads_visible_to(person, group))  # type: ignore[arg-type]
    live = set(live_posts_visible_to(person, group))  # type: ignore[arg-type]

    assert (held in threads, earlier in live, later in live) == (
        False,
        False,
        EXPECTED[role][0],
    )


@pytest.mark.django_db
def test_paused_member_cannot_post_and_is_told_kindly(group: PeerGroup) -> None:
    paused = person_in(group, Status.PAUSED)
    with pytest.raises(PermissionDenied, match="taking a break"):
        check_post_in(paused, group)


@pytest.mark.django_db
def test_held_thread_is_visible_to_its_author_only(group: PeerGroup) -> None:
    author = person_in(group)
    other = person_in(group)
    thread = thread_with_post(group, author, status=PostStatus.HELD)
    thread.status = PostStatus.HELD
    thread.save()
    assert thread in threads_visible_to(author, group)
    assert thread not in threads_visible_to(other, group)


@pytest.mark.django_db
def test_new_member_does_not_see_earlier_live_history(group: PeerGroup) -> None:
    author = person_in(group)
    earlier = live_post(group, author)
    newcomer = person_in(group)
    later = live_post(group, author)
    assert list(live_posts_visible_to(newcomer, group)) == [later]
    assert set(live_posts_visible_to(author, group)) == {earlier, later}


@pytest.mark.django_db
def test_only_the_author_edits_or_deletes_and_nobody_responds_to_themselves(
    group: PeerGroup,
) -> None:
    author = person_in(group)
    other = person_in(group)
    post = live_post(group, author)
    assert can_edit_post(author, post)
    assert can_delete_post(author, post)
    assert not can_edit_post(other, post)
    assert not can_delete_post(other, post)
    assert can_respond_to(other, post)
    assert not can_respond_to(author, post)


@pytest.mark.django_db
def test_nobody_responds_to_a_held_post(group: PeerGroup) -> None:
    post = live_post(group, person_in(group), status=PostStatus.HELD)
    assert not can_respond_to(person_in(group), post)


@pytest.mark.django_db
def test_coming_back_after_leaving_does_not_show_what_was_said_while_away(
    group: PeerGroup,
) -> None:
    author = person_in(group)
    returner = person_in(group)
    before = live_post(group, author)
    group_actions.leave_group(person=returner, group=group)
    while_away = live_post(group, author)
    group_actions.return_to_group(person=returner, group=group)
    after = live_post(group, author)
    visible = list(live_posts_visible_to(returner, group))
    assert while_away not in visible
    assert before not in visible
    assert after in visible


@pytest.mark.django_db
def test_coming_back_from_a_break_keeps_the_history_from_before_it(
    group: PeerGroup,
) -> None:
    author = person_in(group)
    member = person_in(group)
    before = live_post(group, author)
    group_actions.pause_membership(person=member, group=group)
    during_break = live_post(group, author)
    group_actions.return_to_group(person=member, group=group)
    assert set(live_posts_visible_to(member, group)) == {before, during_break}


@pytest.mark.django_db
def test_a_request_answered_later_does_not_show_what_was_said_while_waiting() -> None:
    group = PeerGroupFactory(join_policy=JoinPolicy.REQUEST)
    facilitator = person_in(group, group_role=GroupRole.FACILITATOR)
    newcomer = person_in(group, Status.REQUESTED)
    now = timezone.now()
    Membership.objects.filter(person=newcomer).update(
        created_at=now - timedelta(days=60)
    )
    while_waiting = live_post(group, facilitator, created_at=now - timedelta(days=30))
    membership = Membership.objects.get(person=newcomer, group=group)
    group_actions.approve_join_request(person=facilitator, membership=membership)
    after = live_post(group, facilitator)
    assert while_waiting not in live_posts_visible_to(newcomer, group)
    assert after in live_posts_visible_to(newcomer, group)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_the_posting_rule_decides_the_same_on_facts_a_socket_keeps(
    role: str, group: PeerGroup
) -> None:
    """A live socket keeps the facts it read (posting_facts_of) and the same rule
    decides on them: the kept facts allow exactly whom the rule allows."""
    person = ROLES[role](group)
    facts = posting_facts_of(person, group)  # type: ignore[arg-type]
    allowed = why_cannot_post(facts, now=timezone.now()) is None
    assert allowed == EXPECTED[role][1]
    room = open_room(group)
    try:
        check_post_live(person, group, room, facts=facts)  # type: ignore[arg-type]
    except PermissionDenied:
        allowed_live = False
    else:
        allowed_live = True
    assert allowed_live == EXPECTED[role][1]


def test_a_posting_pause_that_has_ended_no_longer_refuses() -> None:
    """Kept facts hold the pause's end, not whether it is paused: it ends on time."""
    now = timezone.now()
    facts = PostingFacts(
        Membership(status=Status.ACTIVE), posting_paused_until=now + timedelta(hours=1)
    )
    assert why_cannot_post(facts, now=now) is not None
    assert why_cannot_post(facts, now=now + timedelta(hours=2)) is None


# Which frame of a live event each viewer receives (permissions.live_frame_for):
# the viewer is person 1, who joined at time 100 and hides the "self_harm" topic.
VIEWER = LiveViewer(
    person_id=1, history_starts_at=100.0, hidden_topics=frozenset({"self_harm"})
)


def _event(kind: str = "post.published", **fields: object) -> dict[str, object]:
    return {
        "type": kind,
        "author_id": 2,
        "created_at": 150.0,
        "status": PostStatus.PUBLISHED,
        "topic": "",
        "hidden_frame": None,
        **fields,
    }


LIVE_EVENTS = {
    "someone else's shared message": (_event(), "frame"),
    "my own shared message": (_event(author_id=1), "author_frame"),
    "my own held message": (
        _event(author_id=1, status=PostStatus.HELD),
        "author_frame",
    ),
    "someone else's held message": (_event(status=PostStatus.HELD), None),
    "someone else's hidden message": (_event(status=PostStatus.HIDDEN), None),
    "a message from before I joined": (_event(created_at=50.0), None),
    "my own message from before I joined": (
        _event(author_id=1, created_at=50.0),
        None,
    ),
    "a new message in a topic I hide": (_event(topic="self_harm"), None),
    "a warning I hide added to a message": (
        _event(topic="self_harm", hidden_frame="<hidden>"),
        "hidden_frame",
    ),
    "a message in a topic I only fold": (_event(topic="suicide"), "frame"),
    "someone else's message withdrawn": (_event("post.withdrawn"), "frame"),
    "my own message withdrawn": (_event("post.withdrawn", author_id=1), None),
    "a message withdrawn from before I joined": (
        _event("post.withdrawn", created_at=50.0),
        None,
    ),
}


@pytest.mark.parametrize("case", list(LIVE_EVENTS))
def test_which_live_events_a_viewer_receives(case: str) -> None:
    event, expected = LIVE_EVENTS[case]
    assert live_frame_for(event, VIEWER) == expected
