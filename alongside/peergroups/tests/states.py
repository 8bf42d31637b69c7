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

# States beyond the role-by-state tables, used by the URL, socket and canary policy
# tests (alongside/core/tests/test_url_policy.py).
POLICY_STATES = (
    "other group facilitator",
    "supervisor handling",
    "other organisation admin",
)

# States that only some rules turn on, with tables of their own.
ON_A_BREAK_STATES = ("facilitator on a break",)

MEMBERSHIP_STATES = {
    "requested": Status.REQUESTED,
    "active": Status.ACTIVE,
    "paused": Status.PAUSED,
    "left": Status.LEFT,
    "declined": Status.DECLINED,
}

ORGANISATION_ROLES = {
    "facilitator": Role.FACILITATOR,
    "facilitator on a break": Role.FACILITATOR,
    "org admin": Role.ADMIN,
    "supervisor": Role.SUPERVISOR,
}


def person_in_state(state: str, group: PeerGroup) -> Person:
    """A new person standing in `state` towards `group`.

    Staff (facilitator, org admin, supervisor) have a second factor, as they must
    before staff pages open. Only the facilitator is in the group.
    """
    person = PersonFactory.create()
    if state in {"other organisation", "other organisation admin"}:
        admin = state == "other organisation admin"
        OrganisationRoleFactory.create(
            organisation=OrganisationFactory.create(),
            person=person,
            role=Role.ADMIN if admin else Role.PEER,
        )
        if admin:
            give_second_factor(person)
        return person
    if state == "other group facilitator":
        OrganisationRoleFactory.create(
            organisation=group.organisation, person=person, role=Role.FACILITATOR
        )
        give_second_factor(person)
        other_group = PeerGroupFactory.create(organisation=group.organisation)
        MembershipFactory.create(
            group=other_group, person=person, role=GroupRole.FACILITATOR
        )
        return person
    if state == "supervisor handling":
        OrganisationRoleFactory.create(
            organisation=group.organisation, person=person, role=Role.SUPERVISOR
        )
        give_second_factor(person)
        alert_about_group(group, person)
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
    elif state == "facilitator on a break":
        MembershipFactory.create(
            group=group, person=person, role=GroupRole.FACILITATOR, status=Status.PAUSED
        )
    elif state == "other group":
        other_group = PeerGroupFactory.create(organisation=group.organisation)
        MembershipFactory.create(group=other_group, person=person)
    return person


def alert_about_group(group: PeerGroup, person: Person) -> None:
    """Make the person a handler of an escalation about a member's post in the
    group, as if the alert had reached them, and of every escalation already there."""
    from alongside.conversations.tests.factories import thread_with_post
    from alongside.safety.models import Escalation

    author = PersonFactory.create()
    MembershipFactory.create(group=group, person=author)
    post = thread_with_post(group, author).posts.get()
    Escalation.objects.create(
        organisation=group.organisation, group=group, post=post, person_at_risk=author
    )
    for escalation in Escalation.objects.filter(group=group):
        escalation.alerted.add(person)
