"""Making people and conversations for private conversation tests. Words are neutral
placeholders."""

from __future__ import annotations

import uuid

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.organisations.models import Organisation, OrganisationRole, Role

from .. import actions
from ..models import Conversation, Message


def member_of(organisation: Organisation, role: str = Role.PEER) -> Person:
    """A new person with this role in the organisation (staff with a second step)."""
    person = PersonFactory.create()
    OrganisationRole.objects.create(organisation=organisation, person=person, role=role)
    if role != Role.PEER:
        give_second_factor(person)
    return person


def conversation_between(
    staff: Person, peer: Person, organisation: Organisation
) -> Conversation:
    """A conversation the staff member opened with the peer."""
    return actions.open_conversation(
        person=staff, with_person=peer, organisation=organisation
    )


def say(person: Person, conversation: Conversation, body: str = "hello") -> Message:
    message, _ = actions.send_message(
        person=person, conversation=conversation, body=body, client_id=uuid.uuid4()
    )
    return message
