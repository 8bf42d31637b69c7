# mypy: disallow-untyped-calls=False
"""Factories for organisations, roles, invitations and the help directory."""

from __future__ import annotations

from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory

from alongside.accounts.tests.factories import PersonFactory
from alongside.organisations.models import (
    Invitation,
    Organisation,
    OrganisationRole,
    Role,
    Setting,
    SupportService,
)


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = Sequence(lambda number: f"Service {number}")
    slug = Sequence(lambda number: f"service-{number}")
    setting = Setting.COMMUNITY
    about = "A made-up service for tests."
    confidentiality_statement = (
        "What is shared in a group stays in the group, unless a life is at risk."
    )


class OrganisationRoleFactory(DjangoModelFactory[OrganisationRole]):
    class Meta:
        model = OrganisationRole

    organisation = SubFactory(OrganisationFactory)
    person = SubFactory(PersonFactory)
    role = Role.PEER


class InvitationFactory(DjangoModelFactory[Invitation]):
    class Meta:
        model = Invitation

    organisation = SubFactory(OrganisationFactory)
    role = Role.PEER
    label = "For tests"
    max_uses = 1


class SupportServiceFactory(DjangoModelFactory[SupportService]):
    class Meta:
        model = SupportService

    organisation = SubFactory(OrganisationFactory)
    name = Sequence(lambda number: f"Helpline {number}")
    purpose = "Someone to talk to, day or night."
    phone = "0800 000 0000"
    hours = "Every day"
