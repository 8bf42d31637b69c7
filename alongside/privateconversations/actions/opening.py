"""Opening a conversation: a person messaging the team, a team member reaching out,
and replying to them."""

from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction

from alongside.accounts.models import Person
from alongside.organisations.models import (
    Organisation,
)
from alongside.peergroups.models import PeerGroup
from alongside.privateconversations.actions.messages import (
    checked_body,
    same_words_or_refuse,
    send_message,
)
from alongside.privateconversations.actions.shared import system_note
from alongside.privateconversations.actions.team import add_to_team, ask_the_team
from alongside.privateconversations.models import (
    Conversation,
    Message,
    Participant,
    Purpose,
    Side,
)
from alongside.privateconversations.names import person_name
from alongside.privateconversations.permissions import (
    check_message_team,
    check_start_with,
)


def _open_conversation_of(
    person: Person, organisation: Organisation, group: PeerGroup | None
) -> tuple[Conversation, bool]:
    """The person's open conversation with the team, made if there is none. Two at
    once (two of the team, or a double click) find the same one."""
    existing = (
        Conversation.objects.open()
        .select_for_update()
        .filter(organisation=organisation, person=person, purpose=Purpose.TEAM)
        .first()
    )
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            conversation = Conversation.objects.create(
                organisation=organisation, person=person, group=group
            )
    except IntegrityError:
        return (
            Conversation.objects.open().get(
                organisation=organisation, person=person, purpose=Purpose.TEAM
            ),
            False,
        )
    Participant.objects.create(
        conversation=conversation,
        person=person,
        side=Side.PERSON,
        display_name=person_name(person, organisation, group),
    )
    return conversation, True


@transaction.atomic
def open_conversation(
    *,
    person: Person,
    with_person: Person,
    organisation: Organisation,
    group: PeerGroup | None = None,
) -> Conversation:
    """Someone from the team opens a conversation with someone in the organisation,
    or joins the one already open with them (two of the team at once find the same
    one). Nothing is sent until they write."""
    check_start_with(person, organisation, with_person)
    conversation, is_new = _open_conversation_of(with_person, organisation, group)
    add_to_team(conversation, person, is_new=is_new)
    return conversation


@transaction.atomic
def reach_out(
    *,
    person: Person,
    with_person: Person,
    organisation: Organisation,
    group: PeerGroup | None,
    about: str,
    body: str,
    client_id: uuid.UUID,
) -> Message:
    """Someone from the team writes to someone about something that happened (a
    decision about their post): a short note in the system's own words says what it
    is about, then their words follow. A resend writes neither twice."""
    conversation = open_conversation(
        person=person, with_person=with_person, organisation=organisation, group=group
    )
    if not Message.objects.filter(author=person, client_id=client_id).exists():
        system_note(conversation, about)
    message, _ = send_message(
        person=person, conversation=conversation, body=body, client_id=client_id
    )
    return message


@transaction.atomic
def reply_to_team_member(
    *,
    person: Person,
    team_member: Person,
    organisation: Organisation,
    group: PeerGroup | None,
    body: str,
    client_id: uuid.UUID,
) -> Message:
    """The person answers someone from the team (their reply to a decision about
    their post) in their private conversation, opened for the two of them if there
    is none. Precondition: the caller has checked the person may reply."""
    check_start_with(team_member, organisation, person)
    conversation, is_new = _open_conversation_of(person, organisation, group)
    add_to_team(conversation, team_member, is_new=is_new)
    message, _ = send_message(
        person=person, conversation=conversation, body=body, client_id=client_id
    )
    return message


@transaction.atomic
def message_team(
    *, person: Person, organisation: Organisation, body: str, client_id: uuid.UUID
) -> tuple[Message, bool]:
    """A peer writes to the team first, where the organisation allows it. The team
    hears that someone is waiting."""
    existing = Message.objects.filter(author=person, client_id=client_id).first()
    if existing is not None:
        return same_words_or_refuse(existing, body=checked_body(body)), False
    check_message_team(person, organisation)
    conversation, _ = _open_conversation_of(person, organisation, None)
    if conversation.needs_someone_since is None:
        # Asks only when nobody from the team is in it.
        ask_the_team(conversation, leaving=set())
    return send_message(
        person=person, conversation=conversation, body=body, client_id=client_id
    )
