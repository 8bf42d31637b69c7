"""Making people and conversations for private conversation tests. Words are neutral
placeholders."""

from __future__ import annotations

import uuid

from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.peergroups.models import GroupRole
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory

from .. import actions
from ..models import Conversation, Message
from ..pairs import open_support_conversation


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


def pair_with_a_facilitator(
    organisation: Organisation, *, supporter_role: str = Role.PEER
) -> tuple[Conversation, Person, Person, Person]:
    """A peer and their one-to-one supporter, and a facilitator of the peer's
    group (the team asked in when screening asks for someone)."""
    peer, supporter = member_of(organisation), member_of(organisation, supporter_role)
    fran = member_of(organisation, Role.FACILITATOR)
    group = PeerGroupFactory.create(organisation=organisation)
    MembershipFactory.create(group=group, person=peer)
    MembershipFactory.create(group=group, person=fran, role=GroupRole.FACILITATOR)
    conversation = open_support_conversation(
        organisation=organisation,
        peer=peer,
        supporter=supporter,
        peer_name="Peer",
        supporter_name="Supporter",
    )
    return conversation, peer, supporter, fran


def page_for(person: Person, conversation: Conversation) -> str:
    """The conversation's page as the person sees it."""
    client = Client()
    client.force_login(person)
    return client.get(
        reverse(
            "privateconversations:conversation-detail",
            kwargs={"conversation_id": conversation.pk},
        )
    ).text


def notes_for(person: Person) -> list[str]:
    """The words of the person's notices, oldest first."""
    return list(
        Notification.objects.filter(person=person)
        .order_by("pk")
        .values_list("message", flat=True)
    )
