"""Who is a supporter, which organisations a person supports in, and who supervises
them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import (
    SUPERVISING_ROLES,
    SUPPORTER_ROLES,
    Organisation,
    OrganisationRole,
    Role,
)
from alongside.organisations.permissions import role_in
from alongside.supporters.models import Gate, Supervision, TrainingModule


class NotTrained(PermissionDenied):
    """Refused because training is missing or out of date; says which, plainly."""

    def __init__(self, gate: str, missing: list[TrainingModule]) -> None:
        self.gate = gate
        self.missing = missing
        super().__init__(training_reason(gate, missing))


def training_reason(gate: str, missing: list[TrainingModule]) -> str:
    """The plain-words reason someone cannot take on this work yet."""
    names = ", ".join(module.name for module in missing)
    return (
        f"Before {Gate(gate).label}, you need current training in: {names}. Your "
        "supervisor or the person who runs training can record it when it is done."
    )


def is_supporter(person: Person, organisation: Organisation) -> bool:
    """Peer supporters, facilitators, supervisors and admins of the organisation."""
    return role_in(person, organisation) in SUPPORTER_ROLES


def check_supporter(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless is_supporter. No side effects."""
    if not is_supporter(person, organisation):
        raise Http404


def support_organisations_of(person: Person) -> QuerySet[Organisation]:
    """The organisations where the person supports others."""
    if not person.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        roles__person=person, roles__role__in=SUPPORTER_ROLES
    )


def get_support_organisation_for(person: Person, slug: str) -> Organisation:
    """The organisation, if the person supports others there; 404 otherwise."""
    try:
        return support_organisations_of(person).get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None


def current_supervisor_of(
    supporter: Person, organisation: Organisation
) -> Person | None:
    """The supporter's supervisor now, if they still supervise there."""
    link = (
        Supervision.objects.filter(
            organisation=organisation, supporter=supporter, ended_at__isnull=True
        )
        .select_related("supervisor")
        .first()
    )
    if link is None or role_in(link.supervisor, organisation) not in SUPERVISING_ROLES:
        return None
    return link.supervisor


def supervision_route_of(
    supporter: Person, organisation: Organisation, *, excluding: frozenset[int]
) -> list[Person]:
    """Who hears when a supporter needs help: their own supervisor; without one,
    the organisation's supervisors; without any, its admins. Never the supporter,
    nor anyone excluded (a step is skipped when nobody is left in it)."""
    supervisor = current_supervisor_of(supporter, organisation)
    steps = [[supervisor] if supervisor is not None else []] + [
        [
            row.person
            for row in OrganisationRole.objects.filter(
                organisation=organisation, role=role
            ).select_related("person")
        ]
        for role in (Role.SUPERVISOR, Role.ADMIN)
    ]
    never = excluding | {supporter.pk}
    for people in steps:
        people = [person for person in people if person.pk not in never]
        if people:
            return people
    return []


def supervisees_of(person: Person, organisation: Organisation) -> QuerySet[Person]:
    """The people the person supervises now in the organisation."""
    if role_in(person, organisation) not in SUPERVISING_ROLES:
        return Person.objects.none()
    return Person.objects.filter(
        supervised_by__organisation=organisation,
        supervised_by__supervisor=person,
        supervised_by__ended_at__isnull=True,
    )
