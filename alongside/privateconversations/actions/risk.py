"""Who is told when someone writes words of risk to life in a private conversation,
and the record of it on the message, so that the author's crisis card says only
what was done.

- Whoever from the team is in it is told at once and asked to read it; with nobody
  from the team in it, the team is asked in.
- The person a supporter supports, writing words of risk, has their supporter told.
- A supporter writing words of risk is never put in the care of the person they
  support: their supervisor is told (or, without one, the organisation's
  supervisors, then its admins), and the person they support hears only that they
  have replied, as for any message (nothing while it is held).
"""

from __future__ import annotations

from django.urls import reverse

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.privateconversations.actions.shared import (
    conversation_link,
    notify_once,
)
from alongside.privateconversations.actions.team import ask_the_team
from alongside.privateconversations.models import (
    AlsoTold,
    Message,
    Participant,
    Side,
    TeamTold,
)
from alongside.supporters.permissions import (
    current_supervisor_of,
    supervision_route_of,
)


def tell_of_risk(
    *, message: Message, place: Participant, here: list[Participant]
) -> None:
    """A system action for sending a message: `place` wrote words of risk to life
    in `message`; `here` are the others in the conversation now. Tells them (see the
    module's rules) after the commit, and records on the message who was told."""
    conversation = message.conversation
    link = conversation_link(conversation)
    name = place.display_name
    asked = ask_the_team(conversation, leaving=set())
    # Someone from the team in it can read the message, held or not.
    notify(
        people=[other.person for other in here if other.side == Side.TEAM],
        message=f"{name} may need support now. Please read their message in your "
        "private conversation.",
        link=link,
    )
    if place.side == Side.SUPPORTER:
        also = _tell_supervision(place, name=name)
        if not message.is_held:
            notify_once(
                [other.person for other in here if other.side == Side.PERSON],
                f"{name} has replied to you privately.",
                link,
            )
    else:
        also = _tell_supporter(message, here, name=name)
    message.team_told = TeamTold.ASKED if asked else TeamTold.IN_IT
    message.also_told = also
    message.save(update_fields=["team_told", "also_told"])


def _tell_supporter(message: Message, here: list[Participant], *, name: str) -> str:
    """The supporter of the person who wrote it is told. A held message waits for
    the team, so they hear only that the team has been asked to look at it."""
    supporters = [other.person for other in here if other.side == Side.SUPPORTER]
    if not supporters:
        return AlsoTold.NOBODY
    notify(
        people=supporters,
        message=f"{name} may need support now. "
        + (
            "Someone from the team has been asked to look at their message."
            if message.is_held
            else "Please read their message in your private conversation."
        ),
        link=conversation_link(message.conversation),
    )
    return AlsoTold.SUPPORTER


def _tell_supervision(place: Participant, *, name: str) -> str:
    """The supporter's supervision: their own supervisor, or else the people who
    coordinate support. Never the person they support, and never their words."""
    conversation = place.conversation
    organisation = conversation.organisation
    people: list[Person] = supervision_route_of(
        place.person, organisation, excluding=frozenset({conversation.person_id})
    )
    if not people:
        return AlsoTold.NOBODY
    supervisor = current_supervisor_of(place.person, organisation)
    is_own = supervisor is not None and [person.pk for person in people] == [
        supervisor.pk
    ]
    notify(
        people=people,
        message=(
            f"{name}, a supporter you supervise, may need support now. Please get in "
            "touch with them soon."
            if is_own
            else f"{name}, a one-to-one supporter, may need support now. Please make "
            "sure someone gets in touch with them soon."
        ),
        link=reverse("supporters:team", kwargs={"slug": organisation.slug}),
    )
    return AlsoTold.SUPERVISOR if is_own else AlsoTold.COORDINATOR
