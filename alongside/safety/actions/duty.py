"""Being on duty, and the organisation's escalation chain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import STAFF_ROLES, Organisation, OrganisationRole
from alongside.organisations.permissions import is_staff
from alongside.safety.actions.shared import tell_staff
from alongside.safety.models import (
    DutyPeriod,
    EscalationChain,
    EscalationStep,
)
from alongside.safety.permissions import (
    check_edit_escalation_chain,
    check_go_off_duty,
    check_go_on_duty,
)
from alongside.supporters.permissions import rostered_on_duty


@transaction.atomic
def go_on_duty(*, person: Person, organisation: Organisation) -> DutyPeriod:
    """Put staff on duty for the organisation, so alerts reach them. Needs
    can_go_on_duty (404 otherwise). Already on duty: returns the open period and
    changes nothing."""
    check_go_on_duty(person, organisation)
    tell_staff(organisation.pk)
    period = DutyPeriod.objects.filter(
        person=person, organisation=organisation, ended_at__isnull=True
    ).first()
    return period or DutyPeriod.objects.create(person=person, organisation=organisation)


@transaction.atomic
def go_off_duty(*, person: Person, organisation: Organisation) -> None:
    """End the person's open duty period in the organisation, so alerts stop
    reaching them. Needs can_go_off_duty (404 otherwise); training is not needed to
    stop. Nobody is told."""
    check_go_off_duty(person, organisation)
    tell_staff(organisation.pk)
    DutyPeriod.objects.filter(
        person=person, organisation=organisation, ended_at__isnull=True
    ).update(ended_at=timezone.now())


def end_duty_beyond_role(*, person_id: int, organisation_id: int) -> int:
    """A system action, run in the same transaction as a change of the person's
    role in the organisation (alongside.organisations.actions.change_role): someone
    no longer staff there goes off duty now, so alerts stop reaching them (on_duty_in
    already passes them by) and the team's Today pages show it. Returns how many
    duty periods ended."""
    if OrganisationRole.objects.filter(
        person_id=person_id, organisation_id=organisation_id, role__in=STAFF_ROLES
    ).exists():
        return 0
    ended = DutyPeriod.objects.filter(
        person_id=person_id, organisation_id=organisation_id, ended_at__isnull=True
    ).update(ended_at=timezone.now())
    if ended:
        tell_staff(organisation_id)
    return ended


def on_duty_in(organisation: Organisation) -> list[Person]:
    """Staff on duty now: those who went on duty, and those on a crisis-cover shift
    of the rota now (alongside.supporters, which leaves out anyone on a break or
    whose training has run out). Someone whose staff role has ended is not, even if
    they never went off duty."""
    people = [
        period.person
        for period in DutyPeriod.objects.filter(
            organisation=organisation, ended_at__isnull=True
        ).select_related("person")
        if is_staff(period.person, organisation)
    ]
    people += [p for p in rostered_on_duty(organisation) if p not in people]
    return people


@dataclass(frozen=True)
class StepChoice:
    person: Person | None = None
    role: str = ""


@transaction.atomic
def set_escalation_chain(
    *,
    person: Person,
    organisation: Organisation,
    minutes_before_moving_up: int,
    steps: Sequence[StepChoice],
) -> EscalationChain:
    """Replace the organisation's chain. Named people must be its staff."""
    check_edit_escalation_chain(person, organisation)
    if not 1 <= minutes_before_moving_up <= 240:
        raise ValidationError(
            {"minutes_before_moving_up": "Please choose between 1 and 240 minutes."}
        )
    for step in steps:
        if step.person is not None and not is_staff(step.person, organisation):
            raise ValidationError({"steps": "Each person must be staff here."})
        if step.person is None and step.role not in STAFF_ROLES:
            raise ValidationError({"steps": "Choose a person or a staff role."})
    chain, _ = EscalationChain.objects.update_or_create(
        organisation=organisation,
        defaults={"minutes_before_moving_up": minutes_before_moving_up},
    )
    chain.steps.all().delete()
    for position, step in enumerate(steps, start=1):
        EscalationStep.objects.create(
            chain=chain,
            position=position,
            person=step.person,
            role="" if step.person else step.role,
        )
    return chain


def people_of_step(step: EscalationStep, organisation: Organisation) -> list[Person]:
    """Who a step alerts. A named person who is no longer staff here is skipped, as
    if the step named nobody (the chain page shows it, so an admin can fix it)."""
    if step.person is not None:
        return [step.person] if is_staff(step.person, organisation) else []
    return [
        row.person
        for row in OrganisationRole.objects.filter(
            organisation=organisation, role=step.role
        ).select_related("person")
    ]


def steps_no_longer_on_the_team(organisation: Organisation) -> dict[int, Person]:
    """The chain's steps (by position) naming someone who is no longer staff here.
    Alerts pass them by; the chain page asks an admin to choose again."""
    chain = EscalationChain.objects.filter(organisation=organisation).first()
    if chain is None:
        return {}
    return {
        step.position: step.person
        for step in chain.steps.filter(person__isnull=False).select_related("person")
        if step.person is not None and not is_staff(step.person, organisation)
    }
