"""Who is in a conversation from the team: telling the team, joining, leaving,
asking for someone else, and settling who is in it when people leave the team."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import (
    STAFF_ROLES,
    OrganisationRole,
    Role,
)
from alongside.organisations.permissions import is_staff
from alongside.peergroups.models import GroupRole, Membership, Status
from alongside.privateconversations import live
from alongside.privateconversations.actions.shared import (
    conversation_link,
    notify_once,
    system_note,
)
from alongside.privateconversations.models import (
    Conversation,
    Participant,
    Side,
)
from alongside.privateconversations.names import team_name
from alongside.privateconversations.permissions import (
    check_ask_for_someone_else,
    check_join,
    check_read,
    current_participants,
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


def ask_the_team(conversation: Conversation, *, leaving: set[int]) -> bool:
    """Mark the conversation as waiting (since the first ask, when it already is)
    and tell the team once, not those leaving. Returns whether the team was asked:
    not when someone from the team is in it already (the caller tells them, as they
    can read it), so it never goes back on the waiting list while someone is with
    the person."""
    someone_here = (
        current_participants(conversation)
        .filter(side=Side.TEAM)
        .exclude(person_id__in=leaving)
        .exists()
    )
    if someone_here:
        return False
    if conversation.needs_someone_since is None:
        # Asked again while still waiting: the first ask stands, so the person keeps
        # their place in the team's list (oldest first).
        conversation.needs_someone_since = timezone.now()
        conversation.save(update_fields=["needs_someone_since"])
    notify_once(
        _team_to_tell(conversation, leaving=leaving),
        f"Someone at {conversation.organisation.name} is waiting for someone from "
        "the team to talk with them privately.",
        reverse(
            "privateconversations:waiting-detail",
            kwargs={"conversation_id": conversation.pk},
        ),
    )
    return True


def _last_message_id(conversation: Conversation) -> int:
    last = conversation.messages.order_by("-pk").values_list("pk", flat=True).first()
    return last or 0


def add_to_team(
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
        system_note(conversation, f"{name} from the team has joined the conversation.")
    return place


@transaction.atomic
def join_conversation(*, person: Person, conversation: Conversation) -> Participant:
    """Someone from the team joins a conversation waiting for someone."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    check_join(person, conversation)
    place = add_to_team(conversation, person, is_new=False)
    notify_once(
        [conversation.person],
        f"{place.display_name} from the team at {conversation.organisation.name} "
        "has joined your private conversation.",
        conversation_link(conversation),
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
        system_note(
            conversation, f"{place.display_name} has left. This conversation has ended."
        )
        conversation_id = conversation.pk
        transaction.on_commit(lambda: live.conversation_ended(conversation_id))
        return
    system_note(conversation, f"{place.display_name} has left the conversation.")
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
    system_note(
        conversation, "Someone else from the team will carry this conversation on."
    )
    ask_the_team(conversation, leaving=leaving)


@transaction.atomic
def ask_for_someone_else(*, person: Person, conversation: Conversation) -> None:
    """The person asks for someone else from the team: everyone from the team in it
    steps back (they are told, once), and the rest of the team is asked."""
    # Two clicks at once take turns here; the second finds the first's ask.
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    check_ask_for_someone_else(person, conversation)
    team = list(conversation.participants.filter(side=Side.TEAM, left_at__isnull=True))
    _step_back(conversation, team)
    system_note(
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
    ask_the_team(conversation, leaving=leaving)


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
        system_note(conversation, f"{place.display_name} is no longer on the team.")
    _carry_on_if_nobody_left(conversation, leaving={p.person_id for p in gone})
    return len(gone)


def settle_former_staff() -> int:
    """A system action for the nightly run: everyone from a team who is no longer
    staff of its organisation leaves every conversation they were in, and each
    person is told someone else will carry it on. (Opening a conversation does the
    same for it at once, and so does changing someone's role: settle_teams_of.)
    Returns how many left."""
    return _settle(Participant.objects.all())


def settle_teams_of(*, person_id: int, organisation_id: int) -> int:
    """A system action, run in the same transaction as a change of the person's
    role in the organisation (alongside.organisations.actions.change_role): if
    they are no longer staff there, they leave at once every conversation there
    they were in from the team, and their open sockets on it close when the change
    commits. Returns how many places were left."""
    return _settle(
        Participant.objects.filter(
            person_id=person_id, conversation__organisation_id=organisation_id
        )
    )


def _settle(places: QuerySet[Participant]) -> int:
    still_staff = OrganisationRole.objects.filter(
        person=OuterRef("person"),
        organisation=OuterRef("conversation__organisation"),
        role__in=STAFF_ROLES,
    )
    conversation_ids = set(
        places.filter(side=Side.TEAM, left_at__isnull=True)
        .exclude(Exists(still_staff))
        .values_list("conversation_id", flat=True)
    )
    return sum(
        settle_team(conversation=conversation)
        for conversation in Conversation.objects.filter(pk__in=conversation_ids)
    )
