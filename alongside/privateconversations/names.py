"""The names people go by in a private conversation. Reads only.

Someone from the team goes by their name in the group the conversation began from,
or else in any group of the organisation they facilitate; the person by their name
in that group, or in any group of the organisation they are in. Without a group
name, each goes by the name they chose for others to see, if they chose one. Never
an account name, which is the pseudonym used to sign in.
"""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.peergroups.models import GroupRole, Membership, PeerGroup

TEAM_FALLBACK = "Someone from the team"
PERSON_FALLBACK = "Someone in {organisation}"


def _name_in(
    person: Person, organisation: Organisation, group: PeerGroup | None, role: str
) -> str:
    memberships = Membership.objects.filter(
        person=person, group__organisation=organisation
    ).exclude(display_name="")
    if group is not None:
        in_group = memberships.filter(group=group).first()
        if in_group is not None:
            return in_group.display_name
    preferred = memberships.filter(role=role).order_by("pk").first()
    chosen = preferred or memberships.order_by("pk").first()
    return chosen.display_name if chosen is not None else ""


def team_name(
    person: Person, organisation: Organisation, group: PeerGroup | None
) -> str:
    return (
        _name_in(person, organisation, group, GroupRole.FACILITATOR)
        or person.known_as
        or TEAM_FALLBACK
    )


def person_name(
    person: Person, organisation: Organisation, group: PeerGroup | None
) -> str:
    return (
        _name_in(person, organisation, group, GroupRole.MEMBER)
        or person.known_as
        or PERSON_FALLBACK.format(organisation=organisation.name)
    )
