"""Self-care: check-ins are the supporter's alone, unless they share one with their
supervisor; and the caseload summary, which hides small numbers through the one
disclosure control."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet

from alongside.accounts.models import Person
from alongside.core.disclosure import protect_table
from alongside.organisations.models import SUPPORTER_ROLES, Organisation, Role
from alongside.organisations.permissions import role_in
from alongside.supporters.models import CheckIn, SupporterProfile
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


# Every hidden count reads the same, whether it is small itself or hidden so that
# a small one cannot be worked out from the team's size: "fewer than 8" would be
# untrue of the second kind, and telling the two apart would give the first away.
HIDDEN = "hidden"


def caseload_summary(
    person: Person, organisation: Organisation
) -> dict[str, str] | None:
    """For admins: how many supporters take new one-to-one matches and how their
    limits spread, as counts only, through the one disclosure control
    (`core.disclosure`): 0 stays 0, 1 to 7 are hidden, 8 or more are rounded to
    the nearest 5, and in each spread a second count is hidden beside a hidden
    one, so that nobody's break or pause can be worked out from the team's size.
    None for anyone else."""
    if role_in(person, organisation) != Role.ADMIN:
        return None
    profiles = SupporterProfile.objects.filter(
        organisation=organisation,
        person__roles__organisation=organisation,
        person__roles__role__in=SUPPORTER_ROLES,
    )
    available = profiles.available().filter(max_matches__gt=0).count()
    limits = dict(
        profiles.values_list("max_matches")
        .annotate(n=Count("pk"))
        .order_by("max_matches")
    )
    summary: dict[str, str] = {}
    for spread in (
        {
            "taking new matches": available,
            "not taking new matches now": profiles.count() - available,
        },
        {f"with a limit of {limit}": n for limit, n in limits.items()},
    ):
        table = protect_table(
            list(spread), ["supporters"], [[n] for n in spread.values()]
        )
        for label, (figure,) in zip(table.rows, table.cells, strict=True):
            summary[label] = HIDDEN if figure.is_hidden else figure.phrase
    return summary
