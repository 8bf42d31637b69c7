"""Role-by-state tables for every rule in permissions.py."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import OrganisationRole, Role, Setting
from alongside.organisations.tests.factories import OrganisationFactory

from .. import actions
from ..models import Conversation, Message
from ..permissions import (
    can_ask_for_someone_else,
    can_join,
    can_message_team,
    can_read,
    can_share_held,
    can_start_with,
    can_write,
    conversations_visible_to,
    current_participants,
    earlier_messages_for,
    waiting_conversations_for,
)
from .factories import member_of

pytestmark = pytest.mark.django_db

ACTORS = (
    "anonymous",
    "the person",
    "team in it",
    "team who joined later",
    "team who left",
    "team no longer staff",
    "other staff",
    "other peer",
    "outsider",
)


def build(
    ended: bool = False, waiting: bool = False
) -> tuple[Conversation, dict[str, Person]]:
    """A conversation with someone in every state, and a held message from the
    person after everyone joined."""
    organisation = OrganisationFactory.create()
    people: dict[str, Person] = {
        "the person": member_of(organisation),
        "team in it": member_of(organisation, Role.FACILITATOR),
        "team who joined later": member_of(organisation, Role.SUPERVISOR),
        "team who left": member_of(organisation, Role.FACILITATOR),
        "team no longer staff": member_of(organisation, Role.FACILITATOR),
        "other staff": member_of(organisation, Role.ADMIN),
        "other peer": member_of(organisation),
        "outsider": member_of(OrganisationFactory.create(), Role.ADMIN),
    }
    peer = people["the person"]
    conversation = actions.open_conversation(
        person=people["team in it"], with_person=peer, organisation=organisation
    )
    for name in ("team who left", "team no longer staff"):
        actions.open_conversation(
            person=people[name], with_person=peer, organisation=organisation
        )
    actions.send_message(
        person=peer, conversation=conversation, body="earlier", client_id=uuid.uuid4()
    )
    actions.open_conversation(
        person=people["team who joined later"],
        with_person=peer,
        organisation=organisation,
    )
    actions.leave_conversation(
        person=people["team who left"], conversation=conversation
    )
    OrganisationRole.objects.filter(person=people["team no longer staff"]).update(
        role=Role.PEER
    )
    held, _ = actions.send_message(
        person=peer,
        conversation=conversation,
        body="Call me on 07700 900461.",
        client_id=uuid.uuid4(),
    )
    if waiting:
        Conversation.objects.filter(pk=conversation.pk).update(
            needs_someone_since=timezone.now()
        )
    if ended:
        Conversation.objects.filter(pk=conversation.pk).update(ended_at=timezone.now())
    conversation.refresh_from_db()
    HELD[conversation.pk] = held
    return conversation, people


# The held message of each conversation built, by conversation id.
HELD: dict[int, Message] = {}


def who(people: dict[str, Person], actor: str) -> Person:
    return AnonymousUser() if actor == "anonymous" else people[actor]  # type: ignore[return-value]


READERS = {"the person", "team in it", "team who joined later"}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("ended", [False, True])
def test_only_current_participants_read_and_write_while_open(
    actor: str, ended: bool
) -> None:
    conversation, people = build(ended=ended)
    person = who(people, actor)

    assert can_read(person, conversation) is (actor in READERS)
    assert conversations_visible_to(person).filter(pk=conversation.pk).exists() is (
        actor in READERS
    )
    assert can_write(person, conversation) is (actor in READERS and not ended)
    # Those told of a new message are exactly those who may read it.
    told = set(current_participants(conversation).values_list("person_id", flat=True))
    assert (person.pk in told) is (actor in READERS)


@pytest.mark.parametrize("actor", ACTORS)
def test_only_the_person_asks_for_someone_else(actor: str) -> None:
    conversation, people = build()
    assert can_ask_for_someone_else(who(people, actor), conversation) is (
        actor == "the person"
    )


@pytest.mark.parametrize("actor", ACTORS)
def test_nobody_asks_again_while_waiting_for_someone_new(actor: str) -> None:
    conversation, people = build()
    actions.ask_for_someone_else(person=people["the person"], conversation=conversation)
    conversation.refresh_from_db()

    assert not can_ask_for_someone_else(who(people, actor), conversation)


@pytest.mark.parametrize("actor", ACTORS)
def test_only_team_who_joined_later_have_earlier_messages_to_read(actor: str) -> None:
    conversation, people = build()
    assert earlier_messages_for(who(people, actor), conversation).exists() is (
        actor == "team who joined later"
    )


@pytest.mark.parametrize("actor", ACTORS)
def test_the_team_in_it_shares_a_held_message(actor: str) -> None:
    conversation, people = build()
    held = HELD[conversation.pk]
    assert can_share_held(who(people, actor), held) is (
        actor in {"team in it", "team who joined later"}
    )


JOINERS = {"team who left", "other staff"}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("waiting", [False, True])
def test_other_staff_join_only_a_conversation_waiting_for_someone(
    actor: str, waiting: bool
) -> None:
    conversation, people = build(waiting=waiting)
    person = who(people, actor)
    expected = waiting and actor in JOINERS
    assert can_join(person, conversation) is expected
    assert waiting_conversations_for(person).filter(pk=conversation.pk).exists() is (
        expected
    )


@pytest.mark.parametrize(
    ("setting", "allowed", "role", "expected"),
    [
        (Setting.COMMUNITY, True, Role.PEER, True),
        (Setting.COMMUNITY, True, Role.PEER_SUPPORTER, True),
        (Setting.COMMUNITY, True, Role.FACILITATOR, False),
        (Setting.COMMUNITY, False, Role.PEER, False),
        (Setting.WORKPLACE, True, Role.PEER, True),
        (Setting.SECURE, True, Role.PEER, False),
        (Setting.SECURE, False, Role.PEER, False),
    ],
)
def test_the_organisations_policy_decides_whether_peers_write_first(
    setting: str, allowed: bool, role: str, expected: bool
) -> None:
    organisation = OrganisationFactory.create(
        setting=setting, peers_may_message_team=allowed
    )
    person = member_of(organisation, role)
    assert can_message_team(person, organisation) is expected
    assert (
        can_message_team(member_of(OrganisationFactory.create()), organisation) is False
    )


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.PEER, False),
        (Role.PEER_SUPPORTER, False),
        (Role.FACILITATOR, True),
        (Role.SUPERVISOR, True),
        (Role.ADMIN, True),
    ],
)
def test_the_team_starts_a_conversation_with_someone_in_the_organisation(
    role: str, expected: bool
) -> None:
    organisation = OrganisationFactory.create(setting=Setting.SECURE)
    starter, peer = member_of(organisation, role), member_of(organisation)
    stranger = member_of(OrganisationFactory.create())
    assert can_start_with(starter, organisation, peer) is expected
    assert can_start_with(starter, organisation, stranger) is False
    assert can_start_with(starter, organisation, starter) is False
