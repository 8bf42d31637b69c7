# mypy: disallow-untyped-calls=False
"""Factories for groups, memberships and tags."""

from __future__ import annotations

from factory.declarations import LazyAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory

from alongside.accounts.tests.factories import PersonFactory
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import (
    Format,
    GroupRole,
    JoinPolicy,
    Membership,
    PeerGroup,
    Status,
    Tag,
)


class TagFactory(DjangoModelFactory[Tag]):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = Sequence(lambda number: f"topic {number}")
    slug = LazyAttribute(lambda tag: tag.name.replace(" ", "-"))


class PeerGroupFactory(DjangoModelFactory[PeerGroup]):
    class Meta:
        model = PeerGroup

    organisation = SubFactory(OrganisationFactory)
    name = Sequence(lambda number: f"Group {number}")
    slug = Sequence(lambda number: f"group-{number}")
    shared_experience = "A made-up shared experience for tests."
    format = Format.ONLINE
    join_policy = JoinPolicy.OPEN
    is_listed = True


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    group = SubFactory(PeerGroupFactory)
    person = SubFactory(PersonFactory)
    display_name = Sequence(lambda number: f"Member {number}")
    status = Status.ACTIVE
    role = GroupRole.MEMBER
