# mypy: disallow-untyped-calls=False
"""Factories for supporters: modules, training records, supervision, sessions,
check-ins and shifts. Notes are invented; no real person's words."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from factory.declarations import LazyAttribute, LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)
from alongside.supporters.models import (
    CheckIn,
    Feeling,
    Gate,
    Load,
    Shift,
    ShiftKind,
    Supervision,
    SupervisionSession,
    TrainingModule,
    TrainingRecord,
)


class TrainingModuleFactory(DjangoModelFactory[TrainingModule]):
    class Meta:
        model = TrainingModule

    organisation = SubFactory(OrganisationFactory)
    name = Sequence(lambda number: f"Module {number}")
    hours = Decimal("2")


class TrainingRecordFactory(DjangoModelFactory[TrainingRecord]):
    class Meta:
        model = TrainingRecord

    module = SubFactory(TrainingModuleFactory)
    person = SubFactory(PersonFactory)
    completed_on = LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    expires_on = LazyAttribute(
        lambda record: record.module.expires_on(record.completed_on)
    )


class SupervisionFactory(DjangoModelFactory[Supervision]):
    class Meta:
        model = Supervision

    organisation = SubFactory(OrganisationFactory)
    supporter = SubFactory(PersonFactory)
    supervisor = SubFactory(PersonFactory)


class SupervisionSessionFactory(DjangoModelFactory[SupervisionSession]):
    class Meta:
        model = SupervisionSession

    organisation = SubFactory(OrganisationFactory)
    supervisor = SubFactory(PersonFactory)
    supervisee = SubFactory(PersonFactory)
    scheduled_for = LazyFunction(lambda: timezone.now() - timedelta(days=7))


class CheckInFactory(DjangoModelFactory[CheckIn]):
    class Meta:
        model = CheckIn

    organisation = SubFactory(OrganisationFactory)
    person = SubFactory(PersonFactory)
    feeling = Feeling.OKAY
    load = Load.MANAGEABLE


class ShiftFactory(DjangoModelFactory[Shift]):
    class Meta:
        model = Shift

    organisation = SubFactory(OrganisationFactory)
    kind = ShiftKind.CRISIS
    starts_at = LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    ends_at = LazyFunction(lambda: timezone.now() + timedelta(hours=3))


def member_of(organisation: Organisation, role: str = Role.PEER_SUPPORTER) -> Person:
    """A new person with this role in the organisation; staff get a second step."""
    person = PersonFactory.create()
    OrganisationRoleFactory.create(organisation=organisation, person=person, role=role)
    if role not in {Role.PEER, Role.PEER_SUPPORTER}:
        give_second_factor(person)
    return person


def required_module(organisation: Organisation, gate: str) -> TrainingModule:
    """A module the organisation needs for the gate's work."""
    field = {
        Gate.ON_DUTY: "needed_for_duty",
        Gate.FACILITATE: "needed_for_facilitating",
        Gate.ONE_TO_ONE: "needed_for_one_to_one",
    }[Gate(gate)]
    return TrainingModuleFactory.create(organisation=organisation, **{field: True})


def trained(person: Person, module: TrainingModule) -> TrainingRecord:
    return TrainingRecordFactory.create(module=module, person=person)
