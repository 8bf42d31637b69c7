"""The rota: who keeps it, who may take or swap a shift, and who is rostered on
duty."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import (
    STAFF_ROLES,
    SUPPORTER_ROLES,
    Organisation,
    Role,
)
from alongside.organisations.permissions import role_in
from alongside.supporters.models import SHIFT_GATES, Shift, ShiftKind, SupporterProfile
from alongside.supporters.permissions.people import (
    is_supporter,
    support_organisations_of,
    training_reason,
)
from alongside.supporters.permissions.training import missing_training


def can_manage_rota(person: Person, organisation: Organisation) -> bool:
    """Admins keep the rota."""
    return role_in(person, organisation) == Role.ADMIN


def check_manage_rota(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_manage_rota. No side effects."""
    if not can_manage_rota(person, organisation):
        raise Http404


def shift_refusal(person: Person, organisation: Organisation, kind: str) -> str:
    """Why the person cannot take a shift of this kind, in plain words; empty when
    they can. Crisis cover is for staff (it receives alerts); every shift needs the
    training its kind asks for; nobody on a break is put on the rota."""
    role = role_in(person, organisation)
    if role not in SUPPORTER_ROLES:
        return "Only the organisation's supporters can be on the rota."
    if kind == ShiftKind.CRISIS and role not in STAFF_ROLES:
        return "Crisis cover is for facilitators, supervisors and admins."
    profile = SupporterProfile.objects.filter(
        organisation=organisation, person=person
    ).first()
    if profile is not None and profile.is_on_break:
        return "They are taking a break, so they are not put on the rota."
    missing = missing_training(person, organisation, SHIFT_GATES[ShiftKind(kind)])
    if missing:
        return training_reason(SHIFT_GATES[ShiftKind(kind)], missing)
    return ""


def can_take_shift(person: Person, organisation: Organisation, kind: str) -> bool:
    """Whether shift_refusal finds nothing in the way."""
    return not shift_refusal(person, organisation, kind)


def rostered_on_duty(
    organisation: Organisation, moment: datetime | None = None
) -> list[Person]:
    """People on a crisis-cover shift now who may still take it (still staff,
    trained, not on a break). The escalation chain reads them as on duty."""
    moment = moment or timezone.now()
    shifts = (
        Shift.objects.filter(
            organisation=organisation, kind=ShiftKind.CRISIS, person__isnull=False
        )
        .covering(moment)
        .select_related("person")
    )
    people = {shift.person for shift in shifts if shift.person is not None}
    return [
        someone
        for someone in people
        if can_take_shift(someone, organisation, ShiftKind.CRISIS)
    ]


def uncovered_shift_ids(organisation: Organisation, shifts: list[Shift]) -> set[int]:
    """Shifts whose person may no longer take them (no longer a supporter or staff,
    training run out, or on a break): the rota shows them as gaps, without saying
    why. Each person and kind is decided once."""
    decided: dict[tuple[int, str], bool] = {}
    uncovered = set()
    for shift in shifts:
        if shift.person is None:
            continue
        key = (shift.person.pk, shift.kind)
        if key not in decided:
            decided[key] = can_take_shift(shift.person, organisation, shift.kind)
        if not decided[key]:
            uncovered.add(shift.pk)
    return uncovered


def can_ask_for_swap(person: Person, shift: Shift) -> bool:
    """The person on a shift that has not ended may ask someone else to take it."""
    return shift.person_id == person.pk and shift.ends_at > timezone.now()


def check_ask_for_swap(person: Person, shift: Shift) -> None:
    """Raises PermissionDenied unless can_ask_for_swap. No side effects."""
    if not can_ask_for_swap(person, shift):
        raise PermissionDenied


def take_shift_refusal(person: Person, shift: Shift) -> str:
    """Why the person cannot take this shift, in plain words; empty when they can.
    Open to a gap (nobody on it, or someone who may no longer take it), or to a
    shift whose person asked for a swap, before it ends, for anyone its kind allows
    (shift_refusal) who is free then."""
    if shift.ends_at <= timezone.now():
        return "This shift has already ended."
    if shift.person_id == person.pk:
        return "This shift is already yours."
    if (
        shift.person is not None
        and shift.swap_asked_at is None
        and can_take_shift(shift.person, shift.organisation, shift.kind)
    ):
        return "Someone is already on this shift."
    refusal = shift_refusal(person, shift.organisation, shift.kind)
    if refusal:
        return refusal
    overlapping = (
        Shift.objects.filter(organisation=shift.organisation, person=person)
        .between(shift.starts_at, shift.ends_at)
        .exclude(pk=shift.pk)
    )
    if overlapping.exists():
        return "You already have a shift that overlaps this one."
    return ""


def can_take_this_shift(person: Person, shift: Shift) -> bool:
    """Whether take_shift_refusal finds nothing in the way."""
    return not take_shift_refusal(person, shift)


def get_shift_for(person: Person, shift_id: int) -> Shift:
    """A shift of an organisation where the person supports others; 404 otherwise."""
    found = (
        Shift.objects.filter(
            pk=shift_id, organisation__in=support_organisations_of(person)
        )
        .select_related("organisation", "person")
        .first()
    )
    if found is None:
        raise Http404
    return found


def can_see_rota(person: Person, organisation: Organisation) -> bool:
    """Every supporter sees the rota, so that they know who is on."""
    return is_supporter(person, organisation)


def check_see_rota(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_see_rota. No side effects."""
    if not can_see_rota(person, organisation):
        raise Http404
