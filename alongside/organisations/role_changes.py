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


@dataclass(frozen=True)
class Addressed:
    """How the confirming page's sentences name the person whose role changes:
    "they" when an admin changes someone else's role, "you" when an admin steps
    down themselves. The verbs read the same for both ("they are", "you are")."""

    they: str
    They: str
    their: str


def addressed(*, is_self: bool) -> Addressed:
    if is_self:
        return Addressed(they="you", They="You", their="your")
    return Addressed(they="they", They="They", their="their")


def what_they_stop(
    old_role: str,
    new_role: str,
    *,
    only_staff_facilitate: bool = False,
    is_self: bool = False,
) -> list[str]:
    """What the person will stop seeing or doing, each in a sentence, the most
    private first, spoken to them when an admin steps down themselves (`is_self`).
    Empty when the new role takes nothing away. Where only staff facilitate groups,
    a staff role taken away ends facilitating too."""
    p = addressed(is_self=is_self)
    lost: list[str] = []
    if old_role in STAFF_ROLES and new_role not in STAFF_ROLES:
        lost += [
            f"The private conversations {p.they} are in as part of the team. {p.They} "
            f"leave each one straight away, even one open on {p.their} screen, and "
            f"the person {p.they} were talking with sees that {p.they} are no longer "
            "on the team. Where nobody else from the team is in it, it goes back on "
            "the team's waiting list and the rest of the team is asked to pick it "
            "up; until someone does, the person is waiting.",
            "People waiting to talk privately with the team, alerts when someone "
            f"may be at risk, and the team's Today page. If {p.they} are on duty, "
            f"{p.they} go off duty now, and {p.their} crisis cover shifts become gaps "
            "on the rota (a shift under way, from now on).",
        ]
        if only_staff_facilitate:
            # Someone stepping down from a staff role is no admin afterwards, so
            # the organisation's other admins are told, not them.
            told = "the admins are" if is_self else "you are"
            lost.append(
                f"Facilitating groups, as only staff facilitate groups here. {p.They} "
                f"stay in each group as a member, and {told} told of a group left "
                "with no facilitator."
            )
    if old_role in SUPERVISING_ROLES and new_role not in SUPERVISING_ROLES:
        lost.append(
            f"Supervision {p.they} give. The supporters {p.they} supervise will need "
            f"another supervisor, and {p.they} no longer see those supervision "
            "sessions."
        )
    if old_role == Role.ADMIN and new_role != Role.ADMIN:
        lost.append(
            "This organisation's admin pages: its settings, invitation codes, the "
            '"Get help now" directory, and this page of people and roles.'
        )
    if old_role in SUPPORTER_ROLES and new_role not in SUPPORTER_ROLES:
        lost.append(
            f"The supporters' pages: {p.their} training record, the rota ({p.their} "
            "shifts become gaps to fill, a shift under way from now on) and the "
            f"supervision {p.they} receive."
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


# Sent by the confirming page with `place` (holding the role now), `new_role` and
# `is_self` (an admin stepping down, whom the sentences address as "you"). The apps
# above this one answer with a StillHeld, or None, for what the person keeps
# through the change (groups they facilitate, the people they support).
describing_role_change = Signal()


def what_they_keep(
    place: OrganisationRole, new_role: str, *, is_self: bool = False
) -> list[StillHeld]:
    """What the person keeps through the change, as the apps that hold it say."""
    answers: list[object] = [
        answer
        for _, answer in describing_role_change.send(
            sender=OrganisationRole, place=place, new_role=new_role, is_self=is_self
        )
    ]
    return [answer for answer in answers if isinstance(answer, StillHeld)]
