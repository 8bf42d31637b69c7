"""Moderation reaches out through the author's private conversation with the team:
"reach out privately", "ask the author to edit" and the author's reply to a
decision are messages there, with no cap on replies and one notice per event."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import Post
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role
from alongside.peergroups.models import GroupRole, PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory
from alongside.privateconversations import actions as private_actions
from alongside.privateconversations.models import Conversation, Message
from alongside.safety import actions
from alongside.safety.models import DecisionAction
from alongside.safety.queue import seen_state
from conftest import client_for, person_with_role

# Notes and messages are left once a change commits, so these tests commit as the
# product does.
pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "Thank you for your post. Could we talk about the second part of it?"


def _post(peer: Person, group: PeerGroup) -> Post:
    thread = conversation_actions.start_thread(
        person=peer,
        group=group,
        title="This week",
        kind="sharing",
        body="An ordinary week, and I wanted to say hello.",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    post = thread.posts.get()
    # Staff decide only about a post that waits for a decision: another member
    # reported this one.
    reporter = MembershipFactory.create(group=group).person
    actions.report_post(person=reporter, post=post, reason="other")
    return post


@pytest.mark.parametrize(
    "action", [DecisionAction.REACH_OUT, DecisionAction.ASK_TO_EDIT]
)
def test_reaching_out_is_a_message_in_the_private_conversation_with_one_notice(
    peer: Person, group: PeerGroup, facilitator: Person, action: str
) -> None:
    post = _post(peer, group)

    decision = actions.decide_on_post(
        person=facilitator,
        post=post,
        action=action,
        reason="For the record.",
        note_to_author=NOTE,
    )

    conversation = Conversation.objects.get(person=peer)
    words = Message.objects.get(conversation=conversation, author=facilitator)
    assert words.body == NOTE
    assert (
        conversation.messages.exclude(note="")
        .filter(note__contains=group.name)
        .exists()
    )
    notices = Notification.objects.filter(person=peer)
    assert notices.count() == 1
    assert NOTE not in notices.get().message
    page = client_for(peer).get(
        reverse("safety:decision-detail", kwargs={"decision_id": decision.pk})
    )
    assert "Talk with the team about it, privately" in page.text


def test_the_authors_replies_go_on_in_the_conversation_without_a_cap(
    peer: Person, group: PeerGroup, facilitator: Person
) -> None:
    post = _post(peer, group)
    decision = actions.decide_on_post(
        person=facilitator,
        post=post,
        action=DecisionAction.HIDE,
        reason="For the record.",
        note_to_author="I have hidden this for now; could we talk?",
    )

    actions.reply_to_decision(
        person=peer, decision=decision, reply="Could we talk tomorrow?"
    )
    conversation = Conversation.objects.get(person=peer)
    for number in range(3):
        private_actions.send_message(
            person=peer,
            conversation=conversation,
            body=f"Another thought, number {number}.",
            client_id=uuid.uuid4(),
        )

    mine = Message.objects.filter(conversation=conversation, author=peer)
    assert mine.count() == 4
    assert mine.first().body == "Could we talk tomorrow?"  # type: ignore[union-attr]
    # One notice for the facilitator until they look, not one per reply.
    assert (
        Notification.objects.filter(
            person=facilitator, read_at__isnull=True, message__contains="privately"
        ).count()
        == 1
    )
    private_actions.send_message(
        person=facilitator,
        conversation=conversation,
        body="Of course. Tomorrow at ten?",
        client_id=uuid.uuid4(),
    )


def test_a_peer_facilitator_who_is_not_staff_leaves_the_note_with_the_decision(
    organisation: Organisation, group: PeerGroup, peer: Person
) -> None:
    peer_facilitator = person_with_role(organisation, Role.PEER)
    MembershipFactory.create(
        group=group, person=peer_facilitator, role=GroupRole.FACILITATOR
    )
    post = _post(peer, group)

    actions.decide_on_post(
        person=peer_facilitator,
        post=post,
        action=DecisionAction.REACH_OUT,
        reason="For the record.",
        note_to_author=NOTE,
    )

    assert not Conversation.objects.exists()
    assert Notification.objects.filter(
        person=peer, message__contains="private note"
    ).exists()


def test_deciding_twice_by_a_double_click_sends_one_message(
    peer: Person, group: PeerGroup, facilitator: Person
) -> None:
    post = _post(peer, group)
    url = reverse(
        "safety:queue-decide", kwargs={"group_id": group.pk, "post_id": post.pk}
    )
    data = {
        "action": DecisionAction.REACH_OUT,
        "reason": "For the record.",
        "note_to_author": NOTE,
        "seen": seen_state(post),
    }
    client = client_for(facilitator)

    first = client.post(url, data)
    second = client.post(url, data)

    assert first.status_code == 302
    assert second.status_code == 409
    assert Message.objects.filter(author=facilitator).count() == 1
    assert Notification.objects.filter(person=peer).count() == 1
