"""Every change to private conversations. Each action checks permission, keeps the
invariants, writes, and only after the transaction commits tells anyone (the live
broadcast, notices).

Messages carry a client-made id: sending the same id again returns the message
already made instead of a second one. Every message is screened first, with the
same outcomes as a post in a group: a held message is kept and shown to its author,
and the team sees that one is waiting; words of risk to life show the author the
crisis card and tell the team at once.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from alongside.access.actions import Seen, record_organisation_reads
from alongside.access.models import Item, Reason
from alongside.accounts.models import Person
from alongside.conversations.screening import ScreeningResult, screen_private
from alongside.notifications.actions import notify
from alongside.notifications.models import Notification
from alongside.organisations.models import (
    STAFF_ROLES,
    Organisation,
    OrganisationRole,
    Role,
)
from alongside.organisations.permissions import is_staff
from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status

from . import live
from .models import (
    Conversation,
    Message,
    MessageStatus,
    Participant,
    Purpose,
    Side,
)
from .names import person_name, team_name
from .permissions import (
    check_ask_for_someone_else,
    check_join,
    check_message_team,
    check_read,
    check_share_held,
    check_start_with,
    check_write,
    earlier_messages_for,
)

MAX_LENGTH = 5000
# Ended conversations are kept this long after ending; open ones this long after
# their last message. Then they go, with the key to their words.
KEEP_ENDED_FOR = timedelta(days=90)
KEEP_QUIET_FOR = timedelta(days=365)

EMPTY = "Please write something before sending."
TOO_LONG = "Please keep a message under 5,000 characters. Nothing you wrote is lost."
RESENT_DIFFERENTLY = (
    "This did not send. Your words are still here; please send them again."
)


def _link(conversation: Conversation) -> str:
    return reverse(
        "privateconversations:conversation-detail",
        kwargs={"conversation_id": conversation.pk},
    )


def _note(conversation: Conversation, text: str) -> Message:
    """A short note in the system's own words, seen by everyone in it."""
    message = Message.objects.create(
        conversation=conversation, note=text, author_side=Side.TEAM
    )
    message_id = message.pk
    transaction.on_commit(lambda: live.broadcast_message(message_id))
    return message


def _notify_once(people: list[Person], message: str, link: str) -> None:
    """One notice per person until they open it: a second message before they have
    looked adds nothing to their notices."""
    waiting = set(
        Notification.objects.filter(
            person__in=people, link=link, read_at__isnull=True
        ).values_list("person_id", flat=True)
    )
    notify(
        people=[p for p in people if p.pk not in waiting], message=message, link=link
    )


def _team_to_tell(conversation: Conversation, *, leaving: set[int]) -> list[Person]:
    """Who hears that a conversation waits for someone from the team: the
    facilitators of the person's groups in the organisation, or else its admins and
    supervisors. Never the person, nor anyone stepping back."""
    facilitators = Membership.objects.filter(
        role=GroupRole.FACILITATOR,
        status=Status.ACTIVE,
        group__organisation=conversation.organisation,
        group__in=Membership.objects.filter(
            person_id=conversation.person_id, status=Status.ACTIVE
        ).values("group"),
    ).values_list("person_id", flat=True)
    staff = set(
        OrganisationRole.objects.filter(
            organisation=conversation.organisation,
            person_id__in=facilitators,
            role__in=STAFF_ROLES,
        ).values_list("person_id", flat=True)
    )
    if not staff - leaving - {conversation.person_id}:
        staff = set(
            OrganisationRole.objects.filter(
                organisation=conversation.organisation,
                role__in=[Role.ADMIN, Role.SUPERVISOR],
            ).values_list("person_id", flat=True)
        )
    return list(
        Person.objects.filter(pk__in=staff - leaving - {conversation.person_id})
    )


def _ask_the_team(conversation: Conversation, *, leaving: set[int]) -> None:
    conversation.needs_someone_since = timezone.now()
    conversation.save(update_fields=["needs_someone_since"])
    _notify_once(
        _team_to_tell(conversation, leaving=leaving),
        f"Someone at {conversation.organisation.name} is waiting for someone from "
        "the team to talk with them privately.",
        reverse(
            "privateconversations:waiting-detail",
            kwargs={"conversation_id": conversation.pk},
        ),
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


def _last_message_id(conversation: Conversation) -> int:
    last = conversation.messages.order_by("-pk").values_list("pk", flat=True).first()
    return last or 0


def _add_to_team(
    conversation: Conversation, person: Person, *, is_new: bool
) -> Participant:
    """Place someone from the team in the conversation. Joining later, they read
    the earlier messages only through the logged staff read."""
    place = Participant.objects.filter(conversation=conversation, person=person).first()
    if (
        place is not None
        and place.left_at is None
        and is_staff(person, conversation.organisation)
    ):
        return place
    reads_from = 0 if is_new else _last_message_id(conversation)
    name = team_name(person, conversation.organisation, conversation.group)
    if place is None:
        place = Participant.objects.create(
            conversation=conversation,
            person=person,
            side=Side.TEAM,
            display_name=name,
            reads_from_message_id=reads_from,
            last_read_message_id=reads_from,
        )
    else:
        place.left_at = None
        place.joined_at = timezone.now()
        place.reads_from_message_id = max(place.reads_from_message_id, reads_from)
        place.save(update_fields=["left_at", "joined_at", "reads_from_message_id"])
    if conversation.needs_someone_since is not None:
        conversation.needs_someone_since = None
        conversation.save(update_fields=["needs_someone_since"])
    if not is_new:
        _note(conversation, f"{name} from the team has joined the conversation.")
    return place


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
    _add_to_team(conversation, person, is_new=is_new)
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
        _note(conversation, about)
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
    _add_to_team(conversation, team_member, is_new=is_new)
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
        return _same_words_or_refuse(existing, body=_clean(body)), False
    check_message_team(person, organisation)
    conversation, _ = _open_conversation_of(person, organisation, None)
    has_team = conversation.participants.filter(
        side=Side.TEAM, left_at__isnull=True
    ).exists()
    if not has_team and conversation.needs_someone_since is None:
        _ask_the_team(conversation, leaving=set())
    return send_message(
        person=person, conversation=conversation, body=body, client_id=client_id
    )


def _clean(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValidationError(EMPTY, code="empty")
    if len(body) > MAX_LENGTH:
        raise ValidationError(TOO_LONG, code="too_long")
    return body


def _same_words_or_refuse(message: Message, *, body: str) -> Message:
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

    Screened first. The message is committed when this returns; the broadcast and
    the notices go out after the commit. A resend with the same client id returns
    the existing message (same id, same status) and sends nothing new; different
    words under an old client id are refused, so nothing is swapped.
    """
    body = _clean(body)
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
        return _same_words_or_refuse(existing, body=body), False
    result = screen_private(body, organisation=conversation.organisation, author=person)
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
        return _same_words_or_refuse(existing, body=body), False
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
    others = list(
        Person.objects.filter(
            private_participations__conversation=conversation,
            private_participations__left_at__isnull=True,
        ).exclude(pk=place.person_id)
    )
    link = _link(conversation)
    organisation = conversation.organisation
    if place.side == Side.TEAM:
        _notify_once(
            others,
            f"{place.display_name} from the team at {organisation.name} has messaged "
            "you.",
            link,
        )
        conversation_id = conversation.pk
        transaction.on_commit(lambda: live.push_team_notice(conversation_id))
        return
    if conversation.purpose == Purpose.SUPPORT and (
        message.is_held or result.needs_on_duty_alert
    ):
        # A one-to-one pair has nobody from the team in it: the team is asked in.
        _ask_the_team(conversation, leaving=set())
    if result.needs_on_duty_alert:
        # Risk to life: everyone from the team in it is told now, even with a
        # notice still unread, and the conversation is never left with nobody.
        if others:
            notify(
                people=others,
                message=f"{place.display_name} may need support now. Please read "
                "their message in your private conversation.",
                link=link,
            )
        else:
            _ask_the_team(conversation, leaving=set())
        return
    if message.is_held:
        _notify_once(
            others,
            f"{place.display_name} has written a message that is waiting for you "
            "to look at it.",
            link,
        )
        return
    _notify_once(others, f"{place.display_name} has replied to you privately.", link)


@transaction.atomic
def join_conversation(*, person: Person, conversation: Conversation) -> Participant:
    """Someone from the team joins a conversation waiting for someone."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    check_join(person, conversation)
    place = _add_to_team(conversation, person, is_new=False)
    _notify_once(
        [conversation.person],
        f"{place.display_name} from the team at {conversation.organisation.name} "
        "has joined your private conversation.",
        _link(conversation),
    )
    return place


@transaction.atomic
def leave_conversation(*, person: Person, conversation: Conversation) -> None:
    """Leave. When the person it is with leaves, it ends. When the last of the team
    leaves, the person is told someone else will carry it on, and the team is
    asked."""
    place = check_read(person, conversation)
    _step_back(conversation, [place])
    if place.side == Side.PERSON:
        Conversation.objects.filter(pk=conversation.pk).update(ended_at=timezone.now())
        _note(
            conversation, f"{place.display_name} has left. This conversation has ended."
        )
        conversation_id = conversation.pk
        transaction.on_commit(lambda: live.conversation_ended(conversation_id))
        return
    _note(conversation, f"{place.display_name} has left the conversation.")
    _carry_on_if_nobody_left(conversation, leaving={person.pk})


def _step_back(conversation: Conversation, places: list[Participant]) -> None:
    now = timezone.now()
    Participant.objects.filter(pk__in=[p.pk for p in places]).update(left_at=now)
    for place in places:
        transaction.on_commit(
            partial(live.participant_left, conversation.pk, place.person_id)
        )


def _carry_on_if_nobody_left(conversation: Conversation, *, leaving: set[int]) -> None:
    still_here = [
        place
        for place in conversation.participants.filter(
            side=Side.TEAM, left_at__isnull=True
        ).select_related("person")
        if is_staff(place.person, conversation.organisation)
    ]
    if still_here or not conversation.is_open:
        return
    _note(conversation, "Someone else from the team will carry this conversation on.")
    _ask_the_team(conversation, leaving=leaving)


@transaction.atomic
def ask_for_someone_else(*, person: Person, conversation: Conversation) -> None:
    """The person asks for someone else from the team: everyone from the team in it
    steps back (they are told, once), and the rest of the team is asked."""
    check_ask_for_someone_else(person, conversation)
    team = list(conversation.participants.filter(side=Side.TEAM, left_at__isnull=True))
    _step_back(conversation, team)
    _note(
        conversation,
        "You asked for someone else from the team. Someone new will join you here.",
    )
    leaving = {place.person_id for place in team}
    notify(
        people=Person.objects.filter(pk__in=leaving),
        message="Someone you were talking with privately has asked for someone else "
        "from the team. Thank you for being there for them.",
    )
    conversation.refresh_from_db()
    _ask_the_team(conversation, leaving=leaving)


@transaction.atomic
def settle_team(*, conversation: Conversation) -> int:
    """A system action: anyone from the team who is no longer staff of the
    organisation leaves the conversation, and the person is told someone else will
    carry it on. Returns how many left."""
    gone = [
        place
        for place in conversation.participants.filter(
            side=Side.TEAM, left_at__isnull=True
        ).select_related("person")
        if not is_staff(place.person, conversation.organisation)
    ]
    if not gone:
        return 0
    _step_back(conversation, gone)
    for place in gone:
        _note(conversation, f"{place.display_name} is no longer on the team.")
    _carry_on_if_nobody_left(conversation, leaving={p.person_id for p in gone})
    return len(gone)


def settle_former_staff() -> int:
    """A system action for the nightly run: everyone from a team who is no longer
    staff of its organisation leaves every conversation they were in, and each
    person is told someone else will carry it on. (Opening a conversation does the
    same for it at once.) Returns how many left."""
    still_staff = OrganisationRole.objects.filter(
        person=OuterRef("person"),
        organisation=OuterRef("conversation__organisation"),
        role__in=STAFF_ROLES,
    )
    conversation_ids = set(
        Participant.objects.filter(side=Side.TEAM, left_at__isnull=True)
        .exclude(Exists(still_staff))
        .values_list("conversation_id", flat=True)
    )
    return sum(
        settle_team(conversation=conversation)
        for conversation in Conversation.objects.filter(pk__in=conversation_ids)
    )


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
        person=person, link=_link(conversation), read_at__isnull=True
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


def delete_expired_conversations(*, now: datetime) -> int:
    """A system action for the nightly retention run: conversations ended more than
    KEEP_ENDED_FOR ago, and open ones quiet for KEEP_QUIET_FOR, are deleted, with the
    key to their words. Returns how many."""
    expired = Conversation.objects.filter(
        Q(ended_at__lt=now - KEEP_ENDED_FOR)
        | Q(ended_at__isnull=True, last_message_at__lt=now - KEEP_QUIET_FOR)
    )
    deleted = 0
    for conversation in expired.iterator():
        with transaction.atomic():
            conversation.delete()
        deleted += 1
    return deleted
