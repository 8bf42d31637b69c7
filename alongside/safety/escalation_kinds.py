"""What differs between an alert about someone's words in a group and a supporter's
call for help now ("I need help now", from alongside.supporters).

Both are the one escalation path in `actions.py`: the same duty rota, chain, task,
live push, email and acknowledging. Only these differ: how long before it moves on,
who is reached when the chain runs out, and the system's own words for it.
"""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.organisations.models import OrganisationRole, Role

from .models import Escalation, EscalationReason

# A supporter's call for help must be answered within five minutes, or it moves on,
# whatever the chain's own wait (it is shorter when the chain's is).
HELP_MOVES_ON_AFTER_MINUTES = 5


def is_supporter_help(escalation: Escalation) -> bool:
    return escalation.reason == EscalationReason.SUPPORTER_HELP


def minutes_before_moving_up(escalation: Escalation, chain_minutes: int) -> int:
    if is_supporter_help(escalation):
        return min(chain_minutes, HELP_MOVES_ON_AFTER_MINUTES)
    return chain_minutes


def headline(escalation: Escalation) -> str:
    """One line for alert lists: never who, never any words."""
    if is_supporter_help(escalation) or escalation.group is None:
        return "A supporter has asked for help now"
    return f"Someone in {escalation.group.name} may need support now"


def alert_message(escalation: Escalation) -> str:
    """The inbox note left for each person the alert reaches."""
    if is_supporter_help(escalation):
        return (
            "A supporter has asked for help now. Please open it and let them know "
            "you are there."
        )
    return f"{headline(escalation)}. Please open the alert and acknowledge it."


def acknowledged_message(escalation: Escalation) -> str:
    """What the person it is about is told when someone takes it on."""
    if is_supporter_help(escalation):
        return (
            "Someone has seen that you asked for help and will be in touch with you "
            "now."
        )
    return (
        f"Someone from the team at {escalation.organisation.name} has seen your post "
        "and will message you soon. You are not on your own."
    )


def last_resort_for_help(escalation: Escalation) -> list[Person]:
    """When the chain runs out (or there is none) for a supporter's call for help:
    the organisation's supervisors and admins, so that it is never left with
    nobody told."""
    return [
        row.person
        for row in OrganisationRole.objects.filter(
            organisation_id=escalation.organisation_id,
            role__in=[Role.SUPERVISOR, Role.ADMIN],
        )
        .select_related("person")
        .order_by("pk")
    ]
