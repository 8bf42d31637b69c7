"""Sending a message (screened like a post), sharing a held one, what a person has
read, and reading earlier messages."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from alongside.access.actions import Seen, record_organisation_reads
from alongside.access.models import Item, Reason
from alongside.accounts.models import Person
from alongside.conversations.screening import ScreeningResult, screen_private
from alongside.core.limits import LIVE_MESSAGE, LimitReached, check_rate
from alongside.notifications.models import Notification
from alongside.privateconversations import live
from alongside.privateconversations.actions.risk import tell_of_risk
from alongside.privateconversations.actions.shared import (
    EMPTY,
    MAX_LENGTH,
    RESENT_DIFFERENTLY,
    TOO_LONG,
    conversation_link,
    notify_once,
)
from alongside.privateconversations.actions.team import ask_the_team
from alongside.privateconversations.models import (
    Conversation,
    Message,
    MessageStatus,
    Participant,
    Purpose,
    Side,
)
from alongside.privateconversations.permissions import (
    check_share_held,
    check_write,
    current_participants,
    earlier_messages_for,
)


def checked_body(body: str) -> str:
    """The message's words trimmed; ValidationError if empty or too long."""
    body = body.strip()
    if not body:
        raise ValidationError(EMPTY, code="empty")
    if len(body) > MAX_LENGTH:
        raise ValidationError(TOO_LONG, code="too_long")
    return body


def same_words_or_refuse(message: Message, *, body: str) -> Message:
    """The message sent before with this id; ValidationError if the words differ."""
    if message.body != body:
        raise ValidationError(RESENT_DIFFERENTLY, code="client_id_reused")
    return message


def _screening_fields(result: ScreeningResult) -> dict[str, object]:
    return {
        "status": MessageStatus.HELD if result.is_held else MessageStatus.PUBLISHED,
        "screening_reasons": list(result.reasons),
        "author_notes": list(result.reasons_for_author),
        "shows_crisis_support": result.shows_crisis_support,
        "screening_urgency": result.urgency,
    }


@transaction.atomic
def send_message(
    *, person: Person, conversation: Conversation, body: str, client_id: uuid.UUID
) -> tuple[Message, bool]:
    """Write in the conversation. Returns (message, created).

    Refused kindly (LimitReached, a ValidationError) when the person sends faster
    than anyone types; screened next. The message is committed when this returns;
    the broadcast and the notices go out after the commit. A resend with the same
    client id returns the existing message (same id, same status) and sends nothing
    new; different words under an old client id are refused, so nothing is
    swapped.
    """
    body = checked_body(body)
    try:
        place = check_write(person, conversation)
    except (PermissionDenied, Http404) as error:
        # A resend of a message saved before the person left (its ack lost on the
        # way) gets the same answer, so its words never go back in the box.
        existing = Message.objects.filter(
            author=person, client_id=client_id, conversation=conversation
        ).first()
        if existing is None:
            raise error
        return same_words_or_refuse(existing, body=body), False
    try:
        # Counted apart from the person's live-room messages, at the same pace.
        check_rate(action=LIVE_MESSAGE, who=f"private-{person.pk}")
    except LimitReached:
        # A resend of a message already saved is answered as before, never refused.
        existing = Message.objects.filter(
            author=person, client_id=client_id, conversation=conversation
        ).first()
        if existing is None:
            raise
        return same_words_or_refuse(existing, body=body), False
    result = screen_private(
        body,
        organisation=conversation.organisation,
        author=person,
        place="pair" if conversation.purpose == Purpose.SUPPORT else "team",
    )
    try:
        with transaction.atomic():
            message = Message.objects.create(
                conversation=conversation,
                author=person,
                author_name=place.display_name,
                author_side=place.side,
                body=body,
                client_id=client_id,
                **_screening_fields(result),
            )
    except IntegrityError:
        existing = Message.objects.filter(author=person, client_id=client_id).first()
        if existing is None or existing.conversation_id != conversation.pk:
            raise ValidationError(RESENT_DIFFERENTLY, code="client_id") from None
        return same_words_or_refuse(existing, body=body), False
    Conversation.objects.filter(pk=conversation.pk).update(
        last_message_at=message.created_at
    )
    Participant.objects.filter(pk=place.pk).update(last_read_message_id=message.pk)
    message_id = message.pk
    transaction.on_commit(lambda: live.broadcast_message(message_id))
    _tell_the_others(conversation, message, place, result)
    return message, True


def _tell_the_others(
    conversation: Conversation,
    message: Message,
    place: Participant,
    result: ScreeningResult,
) -> None:
    here = list(
        current_participants(conversation).exclude(pk=place.pk).select_related("person")
    )
    others = [other.person for other in here]
    link = conversation_link(conversation)
    organisation = conversation.organisation
    if place.side == Side.TEAM:
        notify_once(
            others,
            f"{place.display_name} from the team at {organisation.name} has messaged "
            "you.",
            link,
        )
        conversation_id = conversation.pk
        transaction.on_commit(lambda: live.push_team_notice(conversation_id))
        return
    if result.needs_on_duty_alert:
        tell_of_risk(message=message, place=place, here=here)
        return
    if message.is_held:
        if conversation.purpose == Purpose.SUPPORT:
            # Only the team looks at a held message in a pair: they are asked in,
            # unless someone from the team is with them already.
            ask_the_team(conversation, leaving=set())
        # Only someone from the team can look at it: the other of a pair is not
        # told of words they cannot read.
        notify_once(
            [other.person for other in here if other.side == Side.TEAM],
            f"{place.display_name} has written a message that is waiting for you "
            "to look at it.",
            link,
        )
        return
    notify_once(others, f"{place.display_name} has replied to you privately.", link)


@transaction.atomic
def share_held_message(*, person: Person, message: Message) -> Message:
    """Someone from the team reads a held message from the person and shares it in
    the conversation."""
    check_share_held(person, message)
    message.status = MessageStatus.PUBLISHED
    message.save(update_fields=["status"])
    message_id = message.pk
    transaction.on_commit(lambda: live.broadcast_message(message_id))
    return message


def mark_read(*, person: Person, conversation: Conversation, up_to: int) -> None:
    """The person has seen the conversation up to this message. Tells nobody."""
    Participant.objects.filter(
        conversation=conversation,
        person=person,
        last_read_message_id__lt=up_to,
    ).update(last_read_message_id=up_to)
    Notification.objects.filter(
        person=person, link=conversation_link(conversation), read_at__isnull=True
    ).update(read_at=timezone.now())


@transaction.atomic
def read_earlier_messages(
    *, person: Person, conversation: Conversation
) -> list[Message]:
    """Someone from the team who joined later reads what was said before: each of
    the person's messages read is recorded, and they see it in "Who else has seen
    my words"."""
    messages = list(earlier_messages_for(person, conversation))
    record_organisation_reads(
        reader=person,
        organisation=conversation.organisation,
        seen=[
            Seen(
                author_id=message.author_id,
                item=Item.PRIVATE_MESSAGE,
                object_id=message.pk,
                reason=Reason.JOINED_LATER,
            )
            for message in messages
            if message.author_id == conversation.person_id and message.body
        ],
    )
    return messages
