"""People in each state a rule can meet, relative to one group.

Shared by the role-by-state permission tables and the URL-by-role policy test.
"""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.organisations.models import Role
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)
from alongside.peergroups.models import GroupRole, PeerGroup, Status

from .factories import MembershipFactory, PeerGroupFactory

STATES = (
    "none",
    "requested",
    "active",
    "paused",
    "left",
    "declined",
    "facilitator",
    "org admin",
    "supervisor",
    "other group",
    "other organisation",
)

MEMBERSHIP_STATES = {
    "requested": Status.REQUESTED,
    "active": Status.ACTIVE,
    "paused": Status.PAUSED,
    "left": Status.LEFT,
    "declined": Status.DECLINED,
}

ORGANISATION_ROLES = {
    "facilitator": Role.FACILITATOR,
    "org admin": Role.ADMIN,
    "supervisor": Role.SUPERVISOR,
}


def person_in_state(state: str, group: PeerGroup) -> Person:
    """A new person standing in `state` towards `group`.

    Staff (facilitator, org admin, supervisor) have a second factor, as they must
    before staff pages open. Only the facilitator is in the group.
    """
    person = PersonFactory.create()
    if state == "other organisation":
        OrganisationRoleFactory.create(
            organisation=OrganisationFactory.create(), person=person
        )
        return person
    role = ORGANISATION_ROLES.get(state, Role.PEER)
    OrganisationRoleFactory.create(
        organisation=group.organisation, person=person, role=role
    )
    if role != Role.PEER:
        give_second_factor(person)
    if state in MEMBERSHIP_STATES:
        MembershipFactory.create(
            group=group, person=person, status=MEMBERSHIP_STATES[state]
        )
    elif state == "facilitator":
        MembershipFactory.create(group=group, person=person, role=GroupRole.FACILITATOR)
    elif state == "other group":
        other_group = PeerGroupFactory.create(organisation=group.organisation)
        MembershipFactory.create(group=other_group, person=person)
    return person
