"""Private conversations for the URL x role policy test.

Each actor is probed with a conversation of their own where they have one: someone
from the team (staff of the organisation) joins, after it began, a conversation
with a peer; anyone else in the organisation is the person a conversation is with.
Actors outside the organisation (and anonymous) are probed with a conversation they
are not in. The organisation lets peers write to the team first.
"""

from __future__ import annotations

import uuid

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role
from alongside.organisations.permissions import is_staff, role_in
from alongside.peergroups.models import PeerGroup

from .. import actions
from .factories import member_of

HELD_WORDS = "You can call me on 07700 900461."


def private_objects(group: PeerGroup, actor: Person | None) -> dict[str, object]:
    organisation = group.organisation
    Organisation.objects.filter(pk=organisation.pk).update(peers_may_message_team=True)
    organisation.refresh_from_db()
    opener = member_of(organisation, Role.FACILITATOR)
    if actor is not None and is_staff(actor, organisation):
        peer = member_of(organisation)
        conversation = actions.open_conversation(
            person=opener, with_person=peer, organisation=organisation
        )
        _say(peer, conversation, "Said before they joined.")
        actions.open_conversation(
            person=actor, with_person=peer, organisation=organisation
        )
    else:
        in_organisation = actor is not None and role_in(actor, organisation)
        peer = (
            actor if in_organisation and actor is not None else member_of(organisation)
        )
        conversation = actions.open_conversation(
            person=opener, with_person=peer, organisation=organisation
        )
    held = _say(peer, conversation, HELD_WORDS)
    return {
        "conversation_id": conversation.pk,
        "message_id": held.pk,
        "organisation_slug": organisation.slug,
    }


def _say(person: Person, conversation, body: str):  # type: ignore[no-untyped-def]
    message, _ = actions.send_message(
        person=person, conversation=conversation, body=body, client_id=uuid.uuid4()
    )
    return message
