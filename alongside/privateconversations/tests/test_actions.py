"""Private conversation actions: opening, writing, screening, leaving, asking for
someone else, joining later, erasure and retention."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alongside.access.models import Item, StaffRead
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, OrganisationRole, Role, Setting
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.privacy.actions import erase_account
from alongside.sealing.models import GroupKey

from .. import actions
from ..models import Conversation, Message, MessageStatus, Participant, Side
from ..permissions import can_read, messages_visible_to
from .factories import conversation_between, member_of, say

# Notes are left once a change commits (notify), so these tests commit as the
# product does.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_two_of_the_team_opening_at_once_share_one_conversation(
    organisation: Organisation,
) -> None:
    peer = member_of(organisation)
    fran, sky = (
        member_of(organisation, Role.FACILITATOR),
        member_of(organisation, Role.SUPERVISOR),
    )
    first = conversation_between(fran, peer, organisation)
    second = conversation_between(sky, peer, organisation)
    again = conversation_between(fran, peer, organisation)

    assert first.pk == second.pk == again.pk
    assert Conversation.objects.count() == 1
    assert first.participants.filter(side=Side.TEAM, left_at__isnull=True).count() == 2


def test_a_resend_with_the_same_client_id_makes_one_message(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    client_id = uuid.uuid4()

    first, created = actions.send_message(
        person=peer, conversation=conversation, body="placeholder", client_id=client_id
    )
    again, created_again = actions.send_message(
        person=peer, conversation=conversation, body="placeholder", client_id=client_id
    )

    assert (created, created_again) == (True, False)
    assert first.pk == again.pk
    assert Message.objects.filter(author=peer).count() == 1


def test_different_words_under_an_old_client_id_are_refused(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    client_id = uuid.uuid4()
    actions.send_message(
        person=peer, conversation=conversation, body="first", client_id=client_id
    )

    with pytest.raises(ValidationError):
        actions.send_message(
            person=peer, conversation=conversation, body="second", client_id=client_id
        )


def test_words_are_sealed_under_the_conversations_own_key(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    message = say(peer, conversation, "a private placeholder")

    stored = Message.objects.filter(pk=message.pk).values_list("body", flat=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT body FROM privateconversations_message WHERE id = %s", [message.pk]
        )
        raw = cursor.fetchone()[0]
    assert "placeholder" not in raw
    assert list(stored) == ["a private placeholder"]
    assert GroupKey.objects.filter(conversation_id=conversation.pk).exists()


def test_held_message_is_kept_and_the_team_is_told_one_waits(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    message = say(peer, conversation, "You can call me on 07700 900461 any time.")

    assert message.status == MessageStatus.HELD
    assert message.author_notes
    assert Notification.objects.filter(
        person=fran, message__contains="waiting for you to look at it"
    ).exists()
    shared = actions.share_held_message(person=fran, message=message)
    assert shared.status == MessageStatus.PUBLISHED


def test_words_of_risk_tell_the_team_at_once_and_show_crisis_support(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    say(peer, conversation, "an ordinary reply")

    message = say(peer, conversation, "I want to end my life tonight.")

    assert message.shows_crisis_support
    assert Notification.objects.filter(
        person=fran, message__contains="may need support now"
    ).exists()


def test_one_notice_until_it_is_opened(organisation: Organisation) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    say(fran, conversation, "first")
    say(fran, conversation, "second")
    say(fran, conversation, "third")

    assert Notification.objects.filter(person=peer).count() == 1
    actions.mark_read(person=peer, conversation=conversation, up_to=10**9)
    say(fran, conversation, "fourth")
    assert Notification.objects.filter(person=peer, read_at__isnull=True).count() == 1


def test_the_person_leaving_ends_it_and_nobody_writes_again(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    actions.leave_conversation(person=peer, conversation=conversation)
    conversation.refresh_from_db()

    assert not conversation.is_open
    assert not can_read(peer, conversation)
    with pytest.raises(PermissionDenied):
        say(fran, conversation)


def test_asking_for_someone_else_steps_the_team_back(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    admin = member_of(organisation, Role.ADMIN)
    conversation = conversation_between(fran, peer, organisation)
    say(peer, conversation, "something the person said")

    actions.ask_for_someone_else(person=peer, conversation=conversation)
    conversation.refresh_from_db()

    assert not can_read(fran, conversation)
    assert conversation.needs_someone_since is not None
    assert Notification.objects.filter(person=admin, link__contains="waiting").exists()
    assert not Notification.objects.filter(
        person=fran, link__contains="waiting"
    ).exists()


def test_someone_joining_later_reads_earlier_words_only_through_the_log(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    sky = member_of(organisation, Role.SUPERVISOR)
    conversation = conversation_between(fran, peer, organisation)
    earlier = say(peer, conversation, "said before sky joined")
    actions.ask_for_someone_else(person=peer, conversation=conversation)

    actions.join_conversation(person=sky, conversation=conversation)

    assert earlier not in messages_visible_to(sky, conversation)
    assert not StaffRead.objects.filter(author=peer).exists()
    read = actions.read_earlier_messages(person=sky, conversation=conversation)
    assert earlier in read
    log = StaffRead.objects.get(author=peer)
    assert (log.item, log.object_id, log.reader_id) == (
        Item.PRIVATE_MESSAGE,
        earlier.pk,
        sky.pk,
    )


def test_staff_who_stop_being_staff_leave_and_the_person_is_told(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    OrganisationRole.objects.filter(person=fran).update(role=Role.PEER)

    assert not can_read(fran, conversation)
    assert actions.settle_team(conversation=conversation) == 1
    notes = list(conversation.messages.exclude(note="").values_list("note", flat=True))
    assert any("no longer on the team" in note for note in notes)
    assert any("Someone else from the team will carry" in note for note in notes)
    assert Participant.objects.get(person=fran).left_at is not None


def test_the_nightly_run_takes_former_staff_out_of_every_conversation(
    organisation: Organisation,
) -> None:
    fran = member_of(organisation, Role.FACILITATOR)
    first = conversation_between(fran, member_of(organisation), organisation)
    second = conversation_between(fran, member_of(organisation), organisation)
    OrganisationRole.objects.filter(person=fran).update(role=Role.PEER)

    assert actions.settle_former_staff() == 2
    assert actions.settle_former_staff() == 0
    for conversation in (first, second):
        conversation.refresh_from_db()
        assert conversation.needs_someone_since is not None


def test_erasing_the_person_deletes_the_conversation_and_its_key(
    organisation: Organisation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    say(peer, conversation, "words that go with the account")

    with django_capture_on_commit_callbacks(execute=True):
        erase_account(person=peer, keep_posts=False)

    assert not Conversation.objects.filter(pk=conversation.pk).exists()
    assert not GroupKey.objects.filter(conversation_id=conversation.pk).exists()


def test_erasing_someone_from_the_team_keeps_the_conversation_for_the_person(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    kept = say(fran, conversation, "words from the team")

    erase_account(person=fran, keep_posts=True)

    kept.refresh_from_db()
    assert kept.author is None
    assert kept.body == "words from the team"
    assert can_read(peer, conversation)


def test_only_a_community_service_that_allows_it_lets_peers_write_first() -> None:
    community = OrganisationFactory.create(peers_may_message_team=True)
    secure = OrganisationFactory.create(
        peers_may_message_team=True, setting=Setting.SECURE
    )
    closed = OrganisationFactory.create()
    for organisation in (community, secure, closed):
        member_of(organisation, Role.ADMIN)
    peer = member_of(community)
    for organisation in (secure, closed):
        OrganisationRole.objects.create(
            organisation=organisation, person=peer, role=Role.PEER
        )

    message, _ = actions.message_team(
        person=peer, organisation=community, body="hello team", client_id=uuid.uuid4()
    )
    assert message.conversation.needs_someone_since is not None
    for organisation in (secure, closed):
        with pytest.raises(PermissionDenied):
            actions.message_team(
                person=peer,
                organisation=organisation,
                body="hello team",
                client_id=uuid.uuid4(),
            )


def test_retention_deletes_ended_and_long_quiet_conversations(
    organisation: Organisation,
) -> None:
    fran = member_of(organisation, Role.FACILITATOR)
    ended = conversation_between(fran, member_of(organisation), organisation)
    quiet = conversation_between(fran, member_of(organisation), organisation)
    recent = conversation_between(fran, member_of(organisation), organisation)
    now = timezone.now()
    Conversation.objects.filter(pk=ended.pk).update(ended_at=now - timedelta(days=91))
    Conversation.objects.filter(pk=quiet.pk).update(
        last_message_at=now - timedelta(days=366)
    )

    assert actions.delete_expired_conversations(now=now) == 2
    assert list(Conversation.objects.values_list("pk", flat=True)) == [recent.pk]


# Inside one transaction that is never committed, as when the keys database could not
# be reached at the commit: the key stays behind.
@pytest.mark.django_db
def test_a_key_left_behind_by_a_deleted_conversation_goes_the_next_night(
    organisation: Organisation,
) -> None:
    from alongside.retention.actions import delete_orphan_keys

    fran = member_of(organisation, Role.FACILITATOR)
    kept = conversation_between(fran, member_of(organisation), organisation)
    gone = conversation_between(fran, member_of(organisation), organisation)
    say(fran, kept, "kept")
    say(fran, gone, "gone")
    # Deleted while the keys database could not be reached: no commit hook ran.
    Conversation.objects.filter(pk=gone.pk).delete()

    assert delete_orphan_keys() == 1
    assert GroupKey.objects.filter(conversation_id=kept.pk).exists()
    assert not GroupKey.objects.filter(conversation_id=gone.pk).exists()


def test_asking_for_someone_else_twice_is_told_kindly_and_asks_once(
    organisation: Organisation,
) -> None:
    """A double click, or asking again while nobody new has joined yet, adds no
    second note to the conversation and asks the team once; the page says they
    have asked already and someone new will join."""
    from django.test import Client
    from django.urls import reverse

    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    url = reverse("privateconversations:someone-else", args=[conversation.pk])
    client = Client()
    client.force_login(peer)
    client.post(url)
    notes = conversation.messages.exclude(note="").count()

    again = client.post(url, follow=True)
    looking = client.get(url, follow=True)

    detail = reverse("privateconversations:conversation-detail", args=[conversation.pk])
    for response in (again, looking):
        assert response.redirect_chain == [(detail, 302)]
        assert "You have asked already" in response.content.decode()
    assert conversation.messages.exclude(note="").count() == notes
    with pytest.raises(PermissionDenied):
        actions.ask_for_someone_else(person=peer, conversation=conversation)
