"""Plans for tests, made through the actions, as the pages make them. Words are
invented; no real person's words."""

from __future__ import annotations

from collections.abc import Callable

from alongside.accounts.models import Person
from alongside.organisations.models import OrganisationRole
from alongside.peergroups.models import GroupRole
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory

from .. import actions
from ..models import PlanShare, SafetyPlan
from ..sections import SECTIONS, Contact, Kind


def plan_with_words(
    owner: Person, words: str = "A made-up thing that helps."
) -> SafetyPlan:
    """A plan with one section filled in, and a person to ring."""
    actions.save_section(person=owner, section_key="on-my-own", text=words)
    actions.save_section(
        person=owner,
        section_key="people",
        contacts=[Contact(name="A made-up friend", phone="07700 900123")],
    )
    return SafetyPlan.objects.get(owner=owner)


def supporting(owner: Person, recipient: Person) -> Person:
    """Make the recipient someone the owner may share with: the facilitator of a
    new group, in an organisation both are in, that the owner is a member of."""
    role = OrganisationRole.objects.filter(
        person=owner,
        organisation__roles__person=recipient,
    ).first()
    assert role is not None, "the owner and the recipient share no organisation"
    group = PeerGroupFactory.create(organisation=role.organisation)
    MembershipFactory.create(group=group, person=owner)
    MembershipFactory.create(group=group, person=recipient, role=GroupRole.FACILITATOR)
    return recipient


def share_with(owner: Person, recipient: Person) -> PlanShare:
    """A share with someone who supports the owner (made so first)."""
    supporting(owner, recipient)
    return actions.share_with_person(
        person=owner, recipient=recipient, shown_as="A made-up name"
    )


def link_share(owner: Person, days: int = 30) -> tuple[PlanShare, str]:
    share = actions.share_by_link(person=owner, days=days)
    return share, share.token


def plan_with_canaries(owner: Person, marker: Callable[[], str]) -> SafetyPlan:
    """A plan with a fresh marker in every field it has: each section's words,
    each contact's name, numbers and note, a service, the name shown on a share, and
    an earlier version holding markers of its own."""
    actions.save_section(person=owner, section_key="holding-on", text=marker())
    for section in SECTIONS:
        contacts = None
        if section.kind != Kind.TEXT:
            contacts = [
                Contact(name=marker(), phone=marker(), text_to=marker(), note=marker())
            ]
        actions.save_section(
            person=owner, section_key=section.key, text=marker(), contacts=contacts
        )
    actions.share_by_link(person=owner, shown_as=marker())
    return SafetyPlan.objects.get(owner=owner)
