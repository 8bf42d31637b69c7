"""The rota: adding shifts, and asking for or taking a shift swap."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import (
    STAFF_ROLES,
    SUPPORTER_ROLES,
    Organisation,
    OrganisationRole,
)
from alongside.supporters.models import Shift, ShiftKind
from alongside.supporters.permissions import (
    check_ask_for_swap,
    check_manage_rota,
    shift_refusal,
    take_shift_refusal,
)

LONGEST_SHIFT = timedelta(hours=24)


@transaction.atomic
def add_shift(
    *,
    person: Person,
    organisation: Organisation,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    assignee: Person | None,
) -> Shift:
    """An admin adds a shift to the rota, with someone on it or as a gap to fill.
    Whoever is put on it must be allowed (see shift_refusal) and free then."""
    check_manage_rota(person, organisation)
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": "Please end the shift after it starts."})
    if ends_at - starts_at > LONGEST_SHIFT:
        raise ValidationError({"ends_at": "Please keep a shift to 24 hours or less."})
    # The same shift sent again (a double click) is the one already there.
    existing = Shift.objects.filter(
        organisation=organisation,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        person=assignee,
    ).first()
    if existing is not None:
        return existing
    if assignee is not None:
        refusal = shift_refusal(assignee, organisation, kind)
        if refusal:
            raise ValidationError({"assignee": refusal})
        if (
            Shift.objects.filter(organisation=organisation, person=assignee)
            .between(starts_at, ends_at)
            .exists()
        ):
            raise ValidationError(
                {"assignee": "They already have a shift that overlaps this one."}
            )
    return Shift.objects.create(
        organisation=organisation,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        person=assignee,
    )


@transaction.atomic
def ask_for_swap(*, person: Person, shift: Shift) -> Shift:
    """The person on a shift asks for someone else to take it. It stays theirs
    until someone does; the rota shows it to the others who could take it."""
    check_ask_for_swap(person, shift)
    if shift.swap_asked_at is None:
        shift.swap_asked_at = timezone.now()
        shift.save(update_fields=["swap_asked_at"])
    return shift


@transaction.atomic
def take_shift(*, person: Person, shift: Shift) -> Shift:
    """Take a gap, or a shift whose person asked for a swap. The person who asked
    is told it is taken. Two people pressing at once: the first keeps it."""
    shift = (
        Shift.objects.select_for_update()
        .select_related("organisation")
        .get(pk=shift.pk)
    )
    refusal = take_shift_refusal(person, shift)
    if refusal:
        raise ValidationError(refusal)
    previous = shift.person
    shift.person = person
    shift.swap_asked_at = None
    shift.save(update_fields=["person", "swap_asked_at"])
    if previous is not None:
        notify(
            people=[previous],
            message="Someone has taken the shift you asked to swap.",
            link=reverse("supporters:rota", kwargs={"slug": shift.organisation.slug}),
        )
    return shift


def release_shifts_beyond_role(*, person_id: int, organisation_id: int) -> int:
    """A system action, run in the same transaction as a change of the person's
    role in the organisation (alongside.organisations.actions.change_role): shifts
    of theirs not yet over that the new role may not take (crisis cover for anyone
    no longer staff, any shift for anyone no longer a supporter) go back on the rota
    as gaps to fill, from now. A shift under way is split at this moment: the part
    that has passed stays theirs, as the record of who covered it, and the rest
    becomes a gap. Returns how many shifts were released."""
    role = (
        OrganisationRole.objects.filter(
            person_id=person_id, organisation_id=organisation_id
        )
        .values_list("role", flat=True)
        .first()
    )
    now = timezone.now()
    shifts = Shift.objects.filter(
        organisation_id=organisation_id, person_id=person_id, ends_at__gt=now
    )
    if role not in SUPPORTER_ROLES:
        pass
    elif role not in STAFF_ROLES:
        shifts = shifts.filter(kind=ShiftKind.CRISIS)
    else:
        return 0
    under_way = list(shifts.filter(starts_at__lt=now))
    for shift in under_way:
        Shift.objects.create(
            organisation_id=shift.organisation_id,
            kind=shift.kind,
            starts_at=now,
            ends_at=shift.ends_at,
        )
        shift.ends_at = now
        shift.swap_asked_at = None
        shift.save(update_fields=["ends_at", "swap_asked_at"])
    to_come = shifts.filter(starts_at__gte=now).update(person=None, swap_asked_at=None)
    return len(under_way) + to_come
