# mypy: disallow-untyped-calls=False
"""Factories for agreement tests. Names and words are invented.

The person, organisation, group and membership factories mirror the foundation's
own (which live in each app's tests/factories.py on main); at merge these can import
from there instead.
"""

from __future__ import annotations

import pyotp
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory, Password

from alongside.accounts.models import Person
from alongside.agreements.models import (
    Agreement,
    AgreementItem,
    AgreementVersion,
    ChangeAction,
    OrganisationItem,
    OrganisationItemKind,
    Proposal,
    ProposalChange,
    Reading,
    ReadingChoice,
    Response,
    ResponseChoice,
)
from alongside.organisations.models import (
    Organisation,
    OrganisationRole,
    Role,
    Setting,
)
from alongside.peergroups.models import (
    Format,
    GroupRole,
    JoinPolicy,
    Membership,
    PeerGroup,
    Status,
)

PASSWORD = "a-long-test-passphrase"


class PersonFactory(DjangoModelFactory[Person]):
    class Meta:
        model = Person

    username = Sequence(lambda number: f"agreement-person{number}")
    password = Password(PASSWORD)


def give_second_factor(person: Person) -> Authenticator:
    return Authenticator.objects.create(
        user=person,
        type=Authenticator.Type.TOTP,
        data={"secret": encrypt(pyotp.random_base32())},
    )


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = Sequence(lambda number: f"Service {number}")
    slug = Sequence(lambda number: f"agreement-service-{number}")
    setting = Setting.COMMUNITY
    confidentiality_statement = (
        "What is shared stays in the group, unless a life is at risk."
    )


class OrganisationRoleFactory(DjangoModelFactory[OrganisationRole]):
    class Meta:
        model = OrganisationRole

    organisation = SubFactory(OrganisationFactory)
    person = SubFactory(PersonFactory)
    role = Role.PEER


class PeerGroupFactory(DjangoModelFactory[PeerGroup]):
    class Meta:
        model = PeerGroup

    organisation = SubFactory(OrganisationFactory)
    name = Sequence(lambda number: f"Group {number}")
    slug = Sequence(lambda number: f"group-{number}")
    shared_experience = "A made-up shared experience for tests."
    format = Format.ONLINE
    join_policy = JoinPolicy.OPEN


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    group = SubFactory(PeerGroupFactory)
    person = SubFactory(PersonFactory)
    display_name = Sequence(lambda number: f"Member {number}")
    status = Status.ACTIVE
    role = GroupRole.MEMBER


class AgreementFactory(DjangoModelFactory[Agreement]):
    class Meta:
        model = Agreement

    group = SubFactory(PeerGroupFactory)


class AgreementVersionFactory(DjangoModelFactory[AgreementVersion]):
    class Meta:
        model = AgreementVersion

    agreement = SubFactory(AgreementFactory)
    number = 1
    breach_response = "A quiet word first."


class AgreementItemFactory(DjangoModelFactory[AgreementItem]):
    class Meta:
        model = AgreementItem

    version = SubFactory(AgreementVersionFactory)
    text = Sequence(lambda number: f"Made-up item {number}.")


class OrganisationItemFactory(DjangoModelFactory[OrganisationItem]):
    class Meta:
        model = OrganisationItem

    organisation = SubFactory(OrganisationFactory)
    kind = OrganisationItemKind.EXAMPLE
    text = Sequence(lambda number: f"Example item {number}.")


class ProposalFactory(DjangoModelFactory[Proposal]):
    """An open suggestion, written straight to the database (no permission check),
    so tests can give anyone a proposal of their own."""

    class Meta:
        model = Proposal

    agreement = SubFactory(AgreementFactory)
    proposed_by = SubFactory(PersonFactory)
    reason = "A made-up reason."


class ProposalChangeFactory(DjangoModelFactory[ProposalChange]):
    class Meta:
        model = ProposalChange

    proposal = SubFactory(ProposalFactory)
    action = ChangeAction.ADD
    text = Sequence(lambda number: f"A made-up new item {number}.")


class ResponseFactory(DjangoModelFactory[Response]):
    class Meta:
        model = Response

    proposal = SubFactory(ProposalFactory)
    person = SubFactory(PersonFactory)
    choice = ResponseChoice.AGREE


class ReadingFactory(DjangoModelFactory[Reading]):
    class Meta:
        model = Reading

    version = SubFactory(AgreementVersionFactory)
    person = SubFactory(PersonFactory)
    choice = ReadingChoice.CONFIRMED


def person_in(
    group: PeerGroup,
    *,
    status: str = Status.ACTIVE,
    role: str = GroupRole.MEMBER,
    org_role: str = Role.PEER,
    second_factor: bool = False,
) -> Person:
    """A person in the group's organisation with a membership in the given state."""
    person = PersonFactory.create()
    OrganisationRoleFactory.create(
        organisation=group.organisation, person=person, role=org_role
    )
    MembershipFactory.create(group=group, person=person, status=status, role=role)
    if second_factor:
        give_second_factor(person)
    return person


def person_in_organisation(
    organisation: Organisation,
    *,
    org_role: str = Role.PEER,
    second_factor: bool = False,
) -> Person:
    person = PersonFactory.create()
    OrganisationRoleFactory.create(
        organisation=organisation, person=person, role=org_role
    )
    if second_factor:
        give_second_factor(person)
    return person


def item_worded(version: AgreementVersion, text: str) -> AgreementItem:
    """The version's group item with this wording. Items are sealed at rest, so
    they are compared once read, not in the database."""
    return next(item for item in version.group_items if item.text == text)
