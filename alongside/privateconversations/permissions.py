"""Who may read and write in private conversations. The only place that decides.

- A conversation is read only by its current participants: the person it is with,
  and the people from the team in it. Nobody else, staff included, reads it here.
- Someone from the team who is no longer staff of the organisation is no longer in
  it, whatever their row says (`actions.settle_team` writes that they left).
- A one-to-one supporter (`Side.SUPPORTER`, opened by `alongside.buddying`) is in
  their pair's conversation while still in the organisation. Asking for someone
  else from the team is for conversations with the team only.
- Someone from the team who joined later reads the earlier messages only through the
  logged staff read, which the person sees in "Who else has seen my words".
- The team may start a conversation with anyone in the organisation. Peers may write
  to the team first only where the organisation allows it, never in a secure
  service (`Organisation.peers_can_message_team`).
- A held message is seen by its author; the team sees that one is waiting and may
  share it in the conversation.

Anything a person may not see is 404, as is anything missing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import (
    STAFF_ROLES,
    Organisation,
    OrganisationRole,
)
from alongside.organisations.permissions import is_staff, role_in

from .models import (
    Conversation,
    ConversationQuerySet,
    Message,
    Participant,
    Purpose,
    Side,
)


def _current(places: QuerySet[Participant]) -> QuerySet[Participant]:
    """The places still held: as the person, or from the team while staff of the
    conversation's organisation."""
    still_staff = OrganisationRole.objects.filter(
        person=OuterRef("person"),
        organisation=OuterRef("conversation__organisation"),
        role__in=STAFF_ROLES,
    )
    # A one-to-one supporter (alongside.buddying) reads while still in the
    # organisation in any role.
    still_in = OrganisationRole.objects.filter(
        person=OuterRef("person"), organisation=OuterRef("conversation__organisation")
    )
    return places.filter(left_at__isnull=True).filter(
        Q(side=Side.PERSON)
        | Q(Exists(still_staff), side=Side.TEAM)
        | Q(Exists(still_in), side=Side.SUPPORTER)
    )


def _current_places(person: Person) -> QuerySet[Participant]:
    """The person's current places."""
    return _current(Participant.objects.filter(person=person))


def current_participants(conversation: Conversation) -> QuerySet[Participant]:
    """Everyone in the conversation now, by the same rule as reading it: those who
    are told of a new message, and who can read it."""
    return _current(Participant.objects.filter(conversation=conversation))


def participant_of(person: Person, conversation: Conversation) -> Participant | None:
    """The person's current place in the conversation, or None."""
    if not person.is_authenticated:
        return None
    return _current_places(person).filter(conversation=conversation).first()


def conversations_visible_to(person: Person) -> ConversationQuerySet:
    """Conversations the person is in now; none when signed out."""
    if not person.is_authenticated:
        return Conversation.objects.none()
    return Conversation.objects.filter(
        pk__in=_current_places(person).values("conversation_id")
    )


def get_conversation_for(person: Person, conversation_id: int) -> Conversation:
    """A conversation the person is in; 404 otherwise, also when missing."""
    try:
        return conversations_visible_to(person).get(pk=conversation_id)
    except Conversation.DoesNotExist:
        raise Http404 from None


def can_read(person: Person, conversation: Conversation) -> bool:
    """Only the people in the conversation now read it. No side effects."""
    return participant_of(person, conversation) is not None


def check_read(person: Person, conversation: Conversation) -> Participant:
    """The person's place, or 404 when they are not in the conversation."""
    place = participant_of(person, conversation)
    if place is None:
        raise Http404
    return place


def can_write(person: Person, conversation: Conversation) -> bool:
    """Current participants write while the conversation is open."""
    return conversation.is_open and can_read(person, conversation)


def check_write(person: Person, conversation: Conversation) -> Participant:
    """The person's place when they may write: 404 when they are not in it,
    PermissionDenied (with the reason) once it has ended."""
    place = check_read(person, conversation)
    if not conversation.is_open:
        raise PermissionDenied(
            "This conversation has ended, so nothing more can be sent in it."
        )
    return place


def messages_visible_to(
    person: Person, conversation: Conversation
) -> QuerySet[Message]:
    """The messages a participant reads in the conversation itself: from when they
    joined (held ones of others show only as waiting). Empty for anyone else."""
    place = participant_of(person, conversation)
    if place is None:
        return Message.objects.none()
    return conversation.messages.filter(pk__gt=place.reads_from_message_id)


def earlier_messages_for(
    person: Person, conversation: Conversation
) -> QuerySet[Message]:
    """The messages written before someone from the team joined: read only through
    the logged staff read (`actions.read_earlier_messages`)."""
    place = participant_of(person, conversation)
    if place is None or place.side != Side.TEAM or not place.reads_from_message_id:
        return Message.objects.none()
    return conversation.messages.filter(pk__lte=place.reads_from_message_id)


def can_start_with(person: Person, organisation: Organisation, other: Person) -> bool:
    """Someone from the team starts (or continues) a conversation with someone else
    in the organisation."""
    return (
        person.is_authenticated
        and person.pk != other.pk
        and is_staff(person, organisation)
        and role_in(other, organisation) is not None
    )


def check_start_with(person: Person, organisation: Organisation, other: Person) -> None:
    """Raise PermissionDenied unless can_start_with. No side effects."""
    if not can_start_with(person, organisation, other):
        raise PermissionDenied


def can_message_team(person: Person, organisation: Organisation) -> bool:
    """A peer writes to the team first, where the organisation allows it."""
    return (
        organisation.peers_can_message_team
        and role_in(person, organisation) is not None
        and not is_staff(person, organisation)
    )


def check_message_team(person: Person, organisation: Organisation) -> None:
    """Raise PermissionDenied unless can_message_team. No side effects."""
    if not can_message_team(person, organisation):
        raise PermissionDenied


def organisations_to_message(person: Person) -> QuerySet[Organisation]:
    """Organisations whose team the person may write to first."""
    if not person.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        pk__in=[
            organisation.pk
            for organisation in Organisation.objects.for_person(person)
            if can_message_team(person, organisation)
        ]
    )


def can_join(person: Person, conversation: Conversation) -> bool:
    """Someone from the team joins a conversation waiting for someone (the person
    asked for someone else, or the team left)."""
    return (
        conversation.is_open
        and conversation.needs_someone_since is not None
        and person.pk != conversation.person_id
        and is_staff(person, conversation.organisation)
        and participant_of(person, conversation) is None
    )


def check_join(person: Person, conversation: Conversation) -> None:
    """Raise Http404 unless can_join, so others never learn it exists."""
    if not can_join(person, conversation):
        raise Http404


def waiting_conversations_for(person: Person) -> ConversationQuerySet:
    """Conversations waiting for someone from the team, in organisations where the
    person is staff. Labels only: nobody reads them before joining."""
    if not person.is_authenticated:
        return Conversation.objects.none()
    return (
        Conversation.objects.open()
        .filter(
            needs_someone_since__isnull=False,
            organisation__roles__person=person,
            organisation__roles__role__in=STAFF_ROLES,
        )
        .exclude(person=person)
        .exclude(pk__in=_current_places(person).values("conversation_id"))
    )


def get_waiting_conversation_for(person: Person, conversation_id: int) -> Conversation:
    """A conversation waiting for someone from the team that the person may take
    up; 404 for any other id, whether or not it exists."""
    try:
        return waiting_conversations_for(person).get(pk=conversation_id)
    except Conversation.DoesNotExist:
        raise Http404 from None


def can_leave(person: Person, conversation: Conversation) -> bool:
    """Anyone in a conversation may leave it. No side effects."""
    return can_read(person, conversation)


ALREADY_ASKED = (
    "You have asked already. Someone new from the team will join you here; "
    "nobody is upset with you for asking."
)


def _may_ask_in(person: Person, conversation: Conversation) -> bool:
    place = participant_of(person, conversation)
    return (
        conversation.is_open
        and conversation.purpose == Purpose.TEAM
        and place is not None
        and place.side == Side.PERSON
    )


def can_ask_for_someone_else(person: Person, conversation: Conversation) -> bool:
    """The person it is with may always ask for someone else from the team,
    unless they are already waiting for someone new (a second ask would add a
    second note and ask the team again)."""
    return (
        _may_ask_in(person, conversation) and conversation.needs_someone_since is None
    )


def check_ask_for_someone_else(person: Person, conversation: Conversation) -> None:
    """Raise PermissionDenied unless can_ask_for_someone_else: with ALREADY_ASKED
    when the person is already waiting for someone new, bare otherwise."""
    if can_ask_for_someone_else(person, conversation):
        return
    if _may_ask_in(person, conversation):
        raise PermissionDenied(ALREADY_ASKED)
    raise PermissionDenied


def can_share_held(person: Person, message: Message) -> bool:
    """Someone from the team in the conversation shares a held message, after
    reading it: the person's, or their own (a crisis line's number is held like any
    phone number, and a human decides)."""
    place = participant_of(person, message.conversation)
    return (
        place is not None
        and place.side == Side.TEAM
        and message.is_held
        and message.pk > place.reads_from_message_id
    )


def check_share_held(person: Person, message: Message) -> None:
    """Raise Http404 unless can_share_held, so a held message is never shown to
    anyone else."""
    if not can_share_held(person, message):
        raise Http404


def may_receive(*, reads_from: int, message_id: int) -> bool:
    """Whether a live message may go to a participant's open socket: only from when
    they joined. (Held messages go to their author in full and to the others as
    waiting: the rendering decides which.)"""
    return message_id > reads_from
