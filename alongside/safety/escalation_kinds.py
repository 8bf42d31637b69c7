"""What differs between an alert about someone's words in a group, a supporter's
call for help now ("I need help now", from alongside.supporters) and a supporter
who has not checked out of an in-person one-to-one meeting (lone working, from
alongside.buddying through `lone_working.py`).

All are the one escalation path in `actions.py`: the same duty rota, chain, task,
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


def is_lone_working(escalation: Escalation) -> bool:
    return escalation.reason == EscalationReason.LONE_WORKING


def is_about_a_supporter(escalation: Escalation) -> bool:
    """A call for help, or a missed check-out: about a supporter's own safety, with
    no group and no words."""
    return is_supporter_help(escalation) or is_lone_working(escalation)


def minutes_before_moving_up(escalation: Escalation, chain_minutes: int) -> int:
    if is_about_a_supporter(escalation):
        return min(chain_minutes, HELP_MOVES_ON_AFTER_MINUTES)
    return chain_minutes


def headline(escalation: Escalation) -> str:
    """One line for alert lists: never who, never any words."""
    if is_lone_working(escalation):
        return "A supporter has not checked out of a meeting"
    if is_supporter_help(escalation) or escalation.group is None:
        return "A supporter has asked for help now"
    return f"Someone in {escalation.group.name} may need support now"


def alert_message(escalation: Escalation) -> str:
    """The inbox note left for each person the alert reaches."""
    if is_lone_working(escalation):
        return (
            "A supporter has not checked out of an in-person meeting 30 minutes "
            "after it should have ended. Please open the alert and check they are "
            "safe."
        )
    if is_supporter_help(escalation):
        return (
            "A supporter has asked for help now. Please open it and let them know "
            "you are there."
        )
    return f"{headline(escalation)}. Please open the alert and acknowledge it."


def acknowledged_message(escalation: Escalation) -> str:
    """What the person it is about is told when someone takes it on."""
    if is_lone_working(escalation):
        return (
            "You had not checked out of your meeting, so someone from the team is "
            "checking you are safe and will be in touch now."
        )
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
    """When the chain runs out (or there is none) for an alert about a supporter:
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
