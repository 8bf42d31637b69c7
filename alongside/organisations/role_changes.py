"""What a change of role takes away, in plain words, for the admin who confirms it.

The words name what the person will stop seeing or doing once the change is made;
`actions.change_role` (and the apps that listen to it) make each of them true at
once."""

from __future__ import annotations

from dataclasses import dataclass

from django.dispatch import Signal

from .models import (
    STAFF_ROLES,
    SUPERVISING_ROLES,
    SUPPORTER_ROLES,
    OrganisationRole,
    Role,
    role_rank,
)


def takes_away(old_role: str, new_role: str) -> bool:
    """Whether the new role is lower than the old one, so the admin confirms first."""
    return role_rank(new_role) < role_rank(old_role)


def what_they_stop(
    old_role: str, new_role: str, *, only_staff_facilitate: bool = False
) -> list[str]:
    """What the person will stop seeing or doing, each in a sentence, the most
    private first. Empty when the new role takes nothing away. Where only staff
    facilitate groups, a staff role taken away ends facilitating too."""
    lost: list[str] = []
    if old_role in STAFF_ROLES and new_role not in STAFF_ROLES:
        lost += [
            "The private conversations they are in as part of the team. They leave "
            "each one straight away, even one open on their screen, and the person "
            "they were talking with sees that they are no longer on the team. Where "
            "nobody else from the team is in it, it goes back on the team's waiting "
            "list and the rest of the team is asked to pick it up; until someone "
            "does, the person is waiting.",
            "People waiting to talk privately with the team, alerts when someone "
            "may be at risk, and the team's Today page. If they are on duty, they "
            "go off duty now, and their crisis cover shifts become gaps on the rota "
            "(a shift under way, from now on).",
        ]
        if only_staff_facilitate:
            lost.append(
                "Facilitating groups, as only staff facilitate groups here. They stay "
                "in each group as a member, and you are told of a group left with no "
                "facilitator."
            )
    if old_role in SUPERVISING_ROLES and new_role not in SUPERVISING_ROLES:
        lost.append(
            "Supervision they give. The supporters they supervise will need "
            "another supervisor, and they no longer see those supervision sessions."
        )
    if old_role == Role.ADMIN and new_role != Role.ADMIN:
        lost.append(
            "This organisation's admin pages: its settings, invitation codes, the "
            '"Get help now" directory, and this page of people and roles.'
        )
    if old_role in SUPPORTER_ROLES and new_role not in SUPPORTER_ROLES:
        lost.append(
            "The supporters' pages: their training record, the rota (their shifts "
            "become gaps to fill, a shift under way from now on) and the "
            "supervision they receive."
        )
    return lost


@dataclass(frozen=True)
class StillHeld:
    """Something the person keeps after the change, which the confirming page names
    so that its words stay true: a sentence, the names of what is kept, a link to
    where it is looked after, and whether the admin may end it with the change
    (`offers_step_down`, the page's "step them down from facilitating" choice)."""

    sentence: str
    names: tuple[str, ...] = ()
    link: str = ""
    link_text: str = ""
    offers_step_down: bool = False


# Sent by the confirming page with `place` (holding the role now) and `new_role`.
# The apps above this one answer with a StillHeld, or None, for what the person
# keeps through the change (groups they facilitate, the people they support).
describing_role_change = Signal()


def what_they_keep(place: OrganisationRole, new_role: str) -> list[StillHeld]:
    """What the person keeps through the change, as the apps that hold it say."""
    answers: list[object] = [
        answer
        for _, answer in describing_role_change.send(
            sender=OrganisationRole, place=place, new_role=new_role
        )
    ]
    return [answer for answer in answers if isinstance(answer, StillHeld)]
