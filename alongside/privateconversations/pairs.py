"""Private conversations between a peer and their one-to-one supporter.

System actions for `alongside.buddying`, which decides who is matched: it opens a
conversation for the two once a supporter says yes, and closes it when the match
ends. The conversation is sealed under its own key like any other; nobody from the
team is in it unless screening asks them in (a held message, or words of risk to
life), and then they read what came before only through the logged staff read.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation

from . import live
from .actions import system_note
from .models import Conversation, Participant, Purpose, Side


@transaction.atomic
def open_support_conversation(
    *,
    organisation: Organisation,
    peer: Person,
    supporter: Person,
    peer_name: str,
    supporter_name: str,
) -> Conversation:
    """A system action: the private conversation of a new one-to-one pair.
    Precondition: the caller (buddying's actions) has made the match. An open one
    the peer already has with a supporter is closed first: there is one at a time."""
    for earlier in Conversation.objects.open().filter(
        organisation=organisation, person=peer, purpose=Purpose.SUPPORT
    ):
        close_support_conversation(
            conversation=earlier, note="This one-to-one support has ended."
        )
    conversation = Conversation.objects.create(
        organisation=organisation, person=peer, purpose=Purpose.SUPPORT
    )
    Participant.objects.bulk_create(
        [
            Participant(
                conversation=conversation,
                person=peer,
                side=Side.PERSON,
                display_name=peer_name[:80],
            ),
            Participant(
                conversation=conversation,
                person=supporter,
                side=Side.SUPPORTER,
                display_name=supporter_name[:80],
            ),
        ]
    )
    system_note(
        conversation,
        "This is a private space for the two of you. Messages are checked like "
        "posts in a group.",
    )
    return conversation


@transaction.atomic
def close_support_conversation(*, conversation: Conversation, note: str) -> None:
    """A system action: the pair's conversation becomes read-only for both, with a
    short note in the system's own words. Closing twice changes nothing."""
    if conversation.purpose != Purpose.SUPPORT or not conversation.is_open:
        return
    Conversation.objects.filter(pk=conversation.pk).update(ended_at=timezone.now())
    conversation.ended_at = timezone.now()
    system_note(conversation, note)
    conversation_id = conversation.pk
    transaction.on_commit(lambda: live.conversation_ended(conversation_id))


@transaction.atomic
def delete_support_conversation(*, conversation: Conversation) -> None:
    """A system action: the peer deletes their pair's conversation after the
    support has ended. It goes for both of them, with the key to its words (once
    committed). Precondition: the caller (buddying's ending) has checked that the
    peer may. An open or a team conversation is never deleted here."""
    if conversation.purpose != Purpose.SUPPORT or conversation.is_open:
        return
    Conversation.objects.filter(pk=conversation.pk).delete()
