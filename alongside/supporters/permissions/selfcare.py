"""Self-care: check-ins are the supporter's alone, unless they share one with their
supervisor; and the caseload summary, which hides small numbers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role
from alongside.organisations.permissions import role_in
from alongside.supporters.models import (
    SUPPORTER_ROLES,
    CheckIn,
    SupporterProfile,
)
from alongside.supporters.permissions.people import (
    current_supervisor_of,
    supervisees_of,
)


def check_ins_visible_to(
    person: Person, organisation: Organisation
) -> QuerySet[CheckIn]:
    """A supporter's own check-ins: nobody else sees their trend."""
    return CheckIn.objects.filter(organisation=organisation, person=person)


def shared_check_ins_for(
    person: Person, organisation: Organisation
) -> QuerySet[CheckIn]:
    """Check-ins the person's supervisees chose to share with them."""
    return CheckIn.objects.filter(
        organisation=organisation,
        person__in=supervisees_of(person, organisation),
        shared_at__isnull=False,
    )


def can_share_check_in(person: Person, check_in: CheckIn) -> bool:
    """Only its author shares a check-in, and only when they have a supervisor."""
    return (
        check_in.person_id == person.pk
        and current_supervisor_of(person, check_in.organisation) is not None
    )


def check_share_check_in(person: Person, check_in: CheckIn) -> None:
    """Raises PermissionDenied unless can_share_check_in. No side effects."""
    if not can_share_check_in(person, check_in):
        raise PermissionDenied


SMALL_NUMBER = 3


def caseload_summary(
    person: Person, organisation: Organisation
) -> dict[str, str] | None:
    """For admins: how many supporters take new one-to-one matches and how their
    limits spread, as counts only. Counts under three are shown as "fewer than 3",
    so that nobody's break or pause can be worked out. None for anyone else."""
    if role_in(person, organisation) != Role.ADMIN:
        return None
    profiles = SupporterProfile.objects.filter(
        organisation=organisation,
        person__roles__organisation=organisation,
        person__roles__role__in=SUPPORTER_ROLES,
    )

    def shown(count: int) -> str:
        return f"fewer than {SMALL_NUMBER}" if 0 < count < SMALL_NUMBER else str(count)

    available = profiles.available().filter(max_matches__gt=0).count()
    summary = {
        "taking new matches": shown(available),
        "not taking new matches now": shown(profiles.count() - available),
    }
    for limit in sorted(set(profiles.values_list("max_matches", flat=True))):
        count = profiles.filter(max_matches=limit).count()
        summary[f"with a limit of {limit}"] = shown(count)
    return summary
